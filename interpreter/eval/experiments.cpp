// Reading and comparing experiments (see experiments.hpp).

#include "eval/experiments.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <tuple>
#include <fmt/format.h>

#include "data/cell_parsers.hpp"
#include "data/csv_reader.hpp"
#include "data/load_errors.hpp"
#include "data/table_loader.hpp"
#include "stats/intervals.hpp"

namespace cxv::eval {
namespace {

// A threshold that flags a broken assignment, not a chance imbalance: at
// p < 0.001 a correct 50/50 split looks this lopsided once in a thousand experiments.
constexpr double kSampleRatioAlarm = 0.001;

// An outcome column whose every non-empty cell reads as a bool (true/false,
// yes/no, 1/0) is a yes/no outcome; anything else is read as numbers. A file
// that cannot be read, or lacks the column, is left to load_table to report.
data::ColumnKind outcome_kind(const std::string& path, const std::string& outcome) {
  data::CsvOpenError open_error;
  auto reader = data::CsvReader::open(path, open_error);
  if (!reader || !reader->next_record()) return data::ColumnKind::number;
  std::optional<std::size_t> column;
  for (std::size_t i = 0; i < reader->field_count(); ++i)
    if (reader->field(i) == outcome) column = i;
  if (!column) return data::ColumnKind::number;
  bool any = false;
  while (reader->next_record()) {
    if (reader->record_is_blank() || *column >= reader->field_count()) continue;
    const std::string_view cell = reader->field(*column);
    if (cell.empty()) continue;
    if (!data::parse_bool(cell)) return data::ColumnKind::number;
    any = true;
  }
  return any ? data::ColumnKind::boolean : data::ColumnKind::number;
}

data::TableSchema schema_of(const ir::Experiment& x, data::ColumnKind outcome) {
  data::TableSchema s;
  s.name = x.name;
  s.path = x.written_path;
  s.declared_at = x.span;
  data::ColumnSchema arm;
  arm.name = x.arm_column;
  arm.kind = data::ColumnKind::text;
  arm.optional = true;   // an empty arm is neither treatment nor control: ignored and counted
  arm.declared_at = x.span;
  data::ColumnSchema out;
  out.name = x.outcome;
  out.kind = outcome;
  out.declared_at = x.span;
  s.columns = {std::move(arm), std::move(out)};
  return s;
}

// The per-arm tallies, in one pass over the rows.
struct Arm {
  std::uint64_t n = 0;
  std::uint64_t successes = 0;   // bool outcomes
  Decimal sum;                   // number outcomes: exact
  std::vector<double> values;    // number outcomes: for the variance
};

Decimal mean_of(const Arm& a, bool binary) {
  return binary ? Decimal(static_cast<std::int64_t>(a.successes)) / Decimal(static_cast<std::int64_t>(a.n))
                : a.sum / Decimal(static_cast<std::int64_t>(a.n));
}

stats::Sample sample_of(const Arm& a, const Decimal& mean) {
  stats::Sample s;
  s.n = static_cast<double>(a.n);
  s.mean = mean.to_double();
  double squares = 0;
  for (double v : a.values) squares += (v - s.mean) * (v - s.mean);
  s.variance = squares / (s.n - 1);
  return s;
}

std::string arm_labels_seen(const data::TextColumn& arms) {
  std::vector<std::string> seen;
  for (std::size_t r = 0; r < arms.size() && seen.size() < 5; ++r) {
    const std::string v(arms.value(r));
    if (std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
  }
  std::string out;
  for (const auto& v : seen) out += (out.empty() ? "\"" : ", \"") + v + "\"";
  return out;
}

std::optional<ExperimentResult> compare_arms(const ir::Experiment& x, ir::Index index, const data::Table& table,
                                             const std::string& data_label, Diagnostics& diags) {
  const data::TextColumn& arms = *table.text(x.arm_column);
  const data::BoolColumn* flags = table.boolean(x.outcome);
  const data::NumberColumn* numbers = table.number(x.outcome);
  ExperimentResult r;
  r.experiment = index;
  r.binary = flags != nullptr;
  r.confidence = x.confidence;
  r.planned_share = x.split.value_or(Decimal::from_scaled(5, 1));
  Arm treatment, control;
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    const std::string_view label = arms.value(row);
    Arm* arm = label == x.treatment ? &treatment : label == x.control ? &control : nullptr;
    if (!arm) {
      ++r.ignored_rows;
      continue;
    }
    ++arm->n;
    if (flags) {
      arm->successes += flags->value(row) ? 1 : 0;
    } else {
      const Decimal v = *numbers->at(row);
      arm->sum += v;
      arm->values.push_back(v.to_double());
    }
  }
  bool ok = true;
  for (const auto& [arm, label, role] : {std::tuple{&treatment, &x.treatment, "treatment"}, std::tuple{&control, &x.control, "control"}}) {
    const std::uint64_t need = r.binary ? 1 : 2;
    if (arm->n >= need) continue;
    Diagnostic& d = arm->n == 0
        ? diags.error("E170", x.span, fmt::format("the {} arm \"{}\" of experiment '{}' has no rows in {}", role, *label, x.name, data_label))
        : diags.error("E170", x.span, fmt::format("the {} arm \"{}\" of experiment '{}' has only one row in {}; "
                                                  "comparing means needs at least two per arm", role, *label, x.name, data_label));
    const std::string seen = arm_labels_seen(arms);
    d.help = arm->n == 0 ? fmt::format("the labels in column {} are matched exactly; the file has {}", x.arm_column,
                                       seen.empty() ? std::string("no rows") : seen)
                         : "an interval needs each arm's spread: add the arm's other rows to the file";
    ok = false;
  }
  if (!ok) return std::nullopt;

  r.n_treatment = treatment.n;
  r.n_control = control.n;
  r.treatment_mean = mean_of(treatment, r.binary);
  r.control_mean = mean_of(control, r.binary);
  r.effect = r.treatment_mean - r.control_mean;
  const double confidence = x.confidence.to_double();
  stats::Interval interval;
  if (r.binary) {
    interval = stats::newcombe_difference(treatment.successes, treatment.n, control.successes, control.n, confidence);
  } else {
    const stats::WelchResult w = stats::welch_difference(sample_of(treatment, r.treatment_mean),
                                                         sample_of(control, r.control_mean), confidence);
    interval = w.interval;
    if (w.df > 0) r.welch_df = round_statistic(w.df);
  }
  r.low = round_statistic(interval.low);
  r.high = round_statistic(interval.high);
  // The rounded bounds must still hold the exact estimate.
  if (r.low > r.effect) r.low = r.effect;
  if (r.high < r.effect) r.high = r.effect;

  const double planned = r.planned_share.to_double();
  const double p = stats::sample_ratio_p_value(treatment.n, control.n, planned);
  r.srm_p_value = round_statistic(p, 3);
  if (p < kSampleRatioAlarm) {
    r.sample_ratio_mismatch = true;
    const std::uint64_t n = treatment.n + control.n;
    Diagnostic& d = diags.warning(
        "E171", x.span,
        fmt::format("experiment '{}' planned {} of its rows in treatment but has {} of {} ({}); "
                    "a split this far off happens by chance with p = {}",
                    x.name, (r.planned_share * Decimal(100)).to_string() + "%", treatment.n, n,
                    (Decimal(static_cast<std::int64_t>(treatment.n)) * Decimal(100) / Decimal(static_cast<std::int64_t>(n))).round(1).to_string() + "%",
                    r.srm_p_value.to_string()));
    d.help = "a sample ratio mismatch usually means rows lost or duplicated in one arm, or a broken assignment: "
             "check the data before trusting the effect; if the plan was uneven, declare it with `split`";
  }
  return r;
}

}  // namespace

Decimal round_statistic(double value, int digits) {
  if (!std::isfinite(value)) throw ArithmeticError("a statistic is not a finite number");
  if (value == 0) return Decimal();
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  const int places = digits - 1 - magnitude;
  const Decimal v = Decimal::from_double(value);
  if (places >= 0) return v.round(places);
  const Decimal unit = Decimal::pow10(-places);
  return (v / unit).round(0) * unit;
}

std::string resolve_experiment_path(const ir::Experiment& experiment, const std::string& main_file,
                                    const std::optional<std::string>& data_dir) {
  namespace fs = std::filesystem;
  const fs::path written(experiment.written_path);
  if (data_dir && !written.is_absolute()) return (fs::path(*data_dir) / written).lexically_normal().string();
  if (!experiment.path.empty()) return experiment.path;
  if (written.is_absolute()) return written.string();
  return (fs::path(main_file).parent_path() / written).lexically_normal().string();
}

std::optional<Experiments> evaluate_experiments(const ir::Program& program, const SourceMap& sources,
                                                const std::optional<std::string>& data_dir, Diagnostics& diags) {
  Experiments out;
  bool ok = true;
  const std::string main_file = sources.size() > program.main_file ? sources.file(program.main_file).path() : "";
  for (ir::Index i = 0; i < program.experiments.size(); ++i) {
    const ir::Experiment& x = program.experiments[i];
    const std::string path = resolve_experiment_path(x, main_file, data_dir);
    auto table = data::load_table(schema_of(x, outcome_kind(path, x.outcome)), path, sources, diags);
    std::optional<ExperimentResult> r;
    if (table) {
      try {
        r = compare_arms(x, i, *table, data::display_path(path), diags);
      } catch (const ArithmeticError& e) {
        auto& d = diags.error("E152", x.span, fmt::format("experiment '{}' could not be compared: {}", x.name, e.what()));
        d.help = "the outcome values are too large or too many for cxv's numbers";
      }
    }
    if (!r) {
      ok = false;
      out.results.emplace_back();
      continue;
    }
    out.results.push_back(std::move(*r));
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace cxv::eval
