// Baselines: each KPI's measure on the data.

#include "eval/baselines.hpp"

#include <algorithm>

namespace cxv::eval {

bool Baselines::complete() const {
  return std::all_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); });
}

void report_eval_error(const EvalError& error, const ir::Kpi& kpi, const char* doing, Diagnostics& diags) {
  if (error.code.empty()) return;
  Diagnostic& d = diags.error(error.code, error.span, error.message);
  d.help = error.help;
  d.notes.push_back(Note{kpi.span, std::string("while computing ") + doing + " of KPI '" + kpi.name + "'"});
}

Baselines compute_baselines(const ir::Program& program, const TableSet& tables, Diagnostics& diags) {
  Baselines out;
  // Every KPI starts unknown. resize, not assign(n, nullopt): g++ 12 at -O2 reports a
  // false null dereference (-Wnull-dereference) inside optional<Decimal>'s fill.
  out.values.resize(program.kpis.size());
  Evaluator ev(program, tables, [&out](ir::Index k) { return out.values.at(k); });
  for (ir::Index k : program.kpi_order) {
    const ir::Kpi& kpi = program.kpis.at(k);
    try {
      out.values[k] = ev.number(*kpi.measure);
    } catch (const EvalError& error) {
      report_eval_error(error, kpi, "the baseline", diags);
    }
  }
  return out;
}

}  // namespace cxv::eval
