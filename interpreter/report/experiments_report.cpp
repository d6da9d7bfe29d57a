// The experiments section of every output format (see evidence_report.hpp).

#include <fmt/format.h>

#include "eval/experiments.hpp"
#include "report/csv_writer.hpp"
#include "report/display.hpp"
#include "report/evidence_report.hpp"
#include "report/text_table.hpp"

namespace cxv::report {

namespace {

bool has_experiments(const RunReport& run) {
  return run.experiments && run.program && !run.experiments->results.empty();
}

// A share in percent ("31.25%") or a change in a share in points ("-4.10 pp");
// numeric outcomes keep the digits they have (the bounds are already rounded to
// six significant digits).
std::string show_share(const Decimal& d) { return group_thousands((d * Decimal(100)).round(2).to_fixed(2)) + "%"; }
std::string show_points(const Decimal& d) {
  return (d.sign() > 0 ? "+" : "") + group_thousands((d * Decimal(100)).round(2).to_fixed(2)) + " pp";
}
std::string show_plain(const Decimal& d, bool sign) {
  const std::string s = d.round(6).to_string();
  return (sign && d.sign() > 0 ? "+" : "") + s;
}

std::string show_mean(const eval::ExperimentResult& r, const Decimal& d) { return r.binary ? show_share(d) : show_plain(d, false); }
std::string show_change(const eval::ExperimentResult& r, const Decimal& d) { return r.binary ? show_points(d) : show_plain(d, true); }

std::string show_confidence(const Decimal& c) { return (c * Decimal(100)).to_string() + "%"; }

std::string interval_text(const eval::ExperimentResult& r) {
  return show_change(r, r.low) + " to " + show_change(r, r.high);
}

std::string srm_text(const eval::ExperimentResult& r) {
  return r.srm_p_value.to_string() + (r.sample_ratio_mismatch ? " (mismatch)" : "");
}

std::string label(const ir::Experiment& x) { return x.title.empty() ? x.name : x.title + " (" + x.name + ")"; }

// One row's cells, shared by the table and Markdown forms.
std::vector<std::string> cells(const ir::Experiment& x, const eval::ExperimentResult& r) {
  return {label(x),
          x.outcome + (r.binary ? " (yes/no)" : " (mean)"),
          group_thousands(std::to_string(r.n_treatment)) + " / " + group_thousands(std::to_string(r.n_control)),
          show_mean(r, r.treatment_mean),
          show_mean(r, r.control_mean),
          show_change(r, r.effect),
          interval_text(r) + " (" + show_confidence(r.confidence) + ")",
          srm_text(r)};
}

const std::vector<std::string> kHeader = {"Experiment", "Outcome", "n treatment / control", "Treatment", "Control",
                                          "Effect", "Interval", "SRM p"};
const std::vector<bool> kRight = {false, false, true, true, true, true, true, true};

std::string ignored_note(const RunReport& run, const std::string& indent) {
  std::string out;
  for (const auto& r : run.experiments->results) {
    if (r.ignored_rows == 0) continue;
    const ir::Experiment& x = run.program->experiments.at(r.experiment);
    out += fmt::format("{}{}: {} row{} in neither arm (column {} is neither \"{}\" nor \"{}\"), left out\n", indent, x.name,
                       group_thousands(std::to_string(r.ignored_rows)), r.ignored_rows == 1 ? "" : "s", x.arm_column,
                       x.treatment, x.control);
  }
  return out;
}

// CSV and Markdown cell helpers (RFC 4180 quoting; Markdown pipes escaped).
}  // namespace

void json_experiments(JsonWriter& w, const RunReport& run) {
  if (!has_experiments(run)) return;
  w.key("experiments");
  w.begin_array();
  for (const auto& r : run.experiments->results) {
    const ir::Experiment& x = run.program->experiments.at(r.experiment);
    w.begin_object();
    w.key("name");
    w.string(x.name);
    w.key("title");
    w.string(x.title);
    w.key("outcome");
    w.string(x.outcome);
    w.key("comparison");
    w.string(r.binary ? "difference_in_proportions" : "difference_in_means");
    w.key("n_treatment");
    w.integer(static_cast<long long>(r.n_treatment));
    w.key("n_control");
    w.integer(static_cast<long long>(r.n_control));
    w.key("ignored_rows");
    w.integer(static_cast<long long>(r.ignored_rows));
    w.key("treatment");
    w.number(r.treatment_mean);
    w.key("control");
    w.number(r.control_mean);
    w.key("effect");
    w.number(r.effect);
    w.key("low");
    w.number(r.low);
    w.key("high");
    w.number(r.high);
    w.key("confidence");
    w.number(r.confidence);
    w.key("interval_method");
    w.string(r.binary ? "newcombe_hybrid_score" : "welch");
    w.key("welch_df");
    w.number_or_null(r.welch_df);
    w.key("planned_split");
    w.number(r.planned_share);
    w.key("srm_p_value");
    w.number(r.srm_p_value);
    w.key("sample_ratio_mismatch");
    w.boolean(r.sample_ratio_mismatch);
    w.end_object();
  }
  w.end_array();
}

std::string table_experiments(const RunReport& run) {
  if (!has_experiments(run)) return "";
  TextTable t;
  t.header = kHeader;
  t.right = kRight;
  for (const auto& r : run.experiments->results) {
    std::vector<Cell> row;
    for (auto& c : cells(run.program->experiments.at(r.experiment), r)) row.push_back(Cell{std::move(c)});
    t.rows.push_back(std::move(row));
  }
  std::string out = "Experiments: treatment minus control; yes/no outcomes in percentage points (Newcombe interval), "
                    "numeric outcomes as a difference in means (Welch interval)\n\n";
  out += layout(t, false, 2);
  const std::string note = ignored_note(run, "  ");
  if (!note.empty()) out += "\n" + note;
  return out;
}

std::string csv_experiments(const RunReport& run) {
  if (!has_experiments(run)) return "";
  std::string out = "\r\n" + csv_record({"experiment", "title", "outcome", "comparison", "n_treatment", "n_control",
                                         "ignored_rows", "treatment", "control", "effect", "low", "high", "confidence",
                                         "welch_df", "planned_split", "srm_p_value", "sample_ratio_mismatch"});
  for (const auto& r : run.experiments->results) {
    const ir::Experiment& x = run.program->experiments.at(r.experiment);
    out += csv_record({x.name, x.title, x.outcome, r.binary ? "difference_in_proportions" : "difference_in_means",
                       std::to_string(r.n_treatment), std::to_string(r.n_control), std::to_string(r.ignored_rows),
                       r.treatment_mean.to_string(), r.control_mean.to_string(), r.effect.to_string(), r.low.to_string(),
                       r.high.to_string(), r.confidence.to_string(), r.welch_df ? r.welch_df->to_string() : "",
                       r.planned_share.to_string(), r.srm_p_value.to_string(), r.sample_ratio_mismatch ? "true" : "false"});
  }
  return out;
}

std::string markdown_experiments(const RunReport& run) {
  if (!has_experiments(run)) return "";
  std::string out = "## Experiments\n\nTreatment minus control; yes/no outcomes in percentage points (Newcombe interval), "
                    "numeric outcomes as a difference in means (Welch interval).\n\n";
  out += md_header(kHeader, kRight);
  for (const auto& r : run.experiments->results) out += md_row(cells(run.program->experiments.at(r.experiment), r));
  const std::string note = ignored_note(run, "- ");
  if (!note.empty()) out += "\n" + note;
  return out;
}

}  // namespace cxv::report
