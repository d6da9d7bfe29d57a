// The shared state of an explanation and the number display (see context.hpp).

#include "explain/context.hpp"

#include "eval/baselines.hpp"
#include "eval/experiments.hpp"
#include "eval/tables.hpp"
#include "report/display.hpp"

namespace cxv::explain {

Context::Context(const RunResult& r) : run(r), program(*r.program), sources(r.sources) {
  const std::size_t n = program.kpis.size();
  baseline.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    if (auto v = kpi_baseline(r, program.kpis[k].name)) baseline[k] = *v;
  }
  data = std::make_unique<eval::Evaluator>(program, *r.tables,
                                           [this](ir::Index k) -> std::optional<Decimal> { return baseline.at(k); });
  data->set_trace(&traces);
  aggregates.evaluator = data.get();
  aggregates.experiments = r.experiments.get();   // effect sizes read the experiments' estimates
}

std::string Context::at(const Span& span) const {
  const SourceFile& f = sources.file(span.file);
  const Position p = f.position(span.begin);
  return f.path() + ":" + std::to_string(p.line);
}

std::string Context::written(const Span& span) const {
  const std::string_view text = sources.file(span.file).slice(span);
  std::string out;
  bool space = false;
  bool comment = false;
  for (char c : text) {
    if (comment) {
      if (c == '\n') comment = false;
      else continue;
    }
    if (c == '#') {
      comment = true;
      space = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

const std::string& Context::main_path() const { return sources.file(program.main_file).path(); }

namespace {

bool is_plain_count(const Unit& unit) { return unit.is_plain(); }

std::string unit_suffix(const ir::Program& program, const Unit& unit) {
  if (unit.is_plain()) return "";
  return " " + program.unit_text(unit);
}

// Trailing zeros after the point removed: "1.8150" -> "1.815", "2.00" -> "2".
std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

// Two places when they say it all, else up to `more` places (trailing zeros
// dropped): an intermediate figure someone recomputes by hand must not be
// rounded away ("1.815%", "-0.0004 ratio/points").
static std::string places(const Decimal& v, int more) {
  if (v.round(2) == v) return v.to_fixed(2);
  std::string s = trim_zeros(v.to_fixed(more));
  const std::size_t dot = s.find('.');
  if (dot == std::string::npos) return s + ".00";
  while (s.size() - dot - 1 < 2) s += '0';
  return s;
}

std::string show(const ir::Program& program, const Unit& unit, const Decimal& value) {
  if (unit.is_ratio()) return report::group_thousands(places(value * Decimal(100), 6)) + "%";
  if (unit.has_money())
    return report::group_thousands(value.to_fixed(report::minor_unit_places(program.framework.currency))) +
           unit_suffix(program, unit);
  if (is_plain_count(unit) && value.is_integer()) return report::group_thousands(value.to_fixed(0));
  return report::group_thousands(places(value, 6)) + unit_suffix(program, unit);
}

std::string show_precise(const ir::Program& program, const Unit& unit, const Decimal& value) {
  if (unit.is_ratio()) return report::group_thousands(trim_zeros((value * Decimal(100)).to_fixed(6))) + "%";
  return report::group_thousands(trim_zeros(value.to_fixed(6))) + unit_suffix(program, unit);
}

std::string show_change(const ir::Program& program, const Unit& unit, const Decimal& delta) {
  const std::string sign = delta.sign() > 0 ? "+" : "";
  if (unit.is_ratio()) return sign + report::group_thousands(places(delta * Decimal(100), 6)) + "pp";
  return sign + show(program, unit, delta);
}

std::string show_money(const ir::Program& program, const Decimal& amount) {
  return report::group_thousands(amount.to_fixed(report::minor_unit_places(program.framework.currency))) + " " +
         program.framework.currency;
}

std::string show_count(std::size_t n) { return report::group_thousands(std::to_string(n)); }

std::string unit_name(const ir::Program& program, const Unit& unit) { return report::unit_name(program, unit); }

Step figure(std::string label, const Decimal& value, const Unit& unit, const ir::Program& program) {
  Step s;
  s.label = std::move(label);
  s.value = value;
  s.unit = unit_name(program, unit);
  s.shown = show(program, unit, value);
  return s;
}

Step money_figure(std::string label, const Decimal& value, const ir::Program& program) {
  Step s;
  s.label = std::move(label);
  s.value = value;
  s.unit = program.framework.currency;
  s.shown = show_money(program, value);
  return s;
}

Step count_figure(std::string label, std::size_t n) {
  Step s;
  s.label = std::move(label);
  s.value = Decimal(static_cast<std::int64_t>(n));
  s.unit = "count";
  s.shown = show_count(n);
  return s;
}

Step text_step(std::string label, std::string shown) {
  Step s;
  s.label = std::move(label);
  s.shown = std::move(shown);
  return s;
}

}  // namespace cxv::explain
