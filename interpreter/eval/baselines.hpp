#pragma once
// Every KPI's baseline: its measure evaluated on the data, in kpi_order so
// that a formula over other KPIs reads their baselines.

#include <optional>
#include <vector>

#include "check/ir.hpp"
#include "diag/diagnostic.hpp"
#include "eval/evaluator.hpp"
#include "eval/tables.hpp"

namespace cxv::eval {

struct Baselines {
  // By KPI index; nullopt for a KPI that could not be computed (its error is
  // in the diagnostics, and KPIs that read it are left out silently).
  std::vector<std::optional<Decimal>> values;
  bool complete() const;
};

Baselines compute_baselines(const ir::Program& program, const TableSet& tables, Diagnostics& diags);

// The diagnostic for a runtime error while computing KPI `kpi`; nothing when
// the error only repeats an earlier one (an empty code).
void report_eval_error(const EvalError& error, const ir::Kpi& kpi, const char* doing, Diagnostics& diags);

}  // namespace cxv::eval
