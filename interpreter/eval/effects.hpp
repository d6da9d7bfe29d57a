#pragma once
// An initiative's direct effects at full strength: for each KPI, how much the
// initiative moves it before drivers carry the change further. Computed once
// per initiative on the baseline; the timeline scales it by the ramp strength.
//
//   kpi_absolute  delta = the effect size (in the KPI's unit; pp for ratios)
//   kpi_relative  delta = baseline * (factor - 1)   (-8% -> baseline * -0.08)
//   column        not evaluated yet (E160)
//
// Several effects of one initiative on the same KPI add up.

#include <vector>

#include "check/ir.hpp"
#include "eval/evaluator.hpp"
#include "eval/timeline_expr.hpp"

namespace cxv::eval {

struct DirectEffects {
  std::vector<Decimal> delta;   // by KPI; zero for KPIs the initiative does not move
};

// Throws EvalError (the span of the effect that failed).
DirectEffects direct_effects(const ir::Program& program, const ir::Initiative& initiative,
                             const std::vector<Decimal>& baseline, DataAggregates* data = nullptr);

}  // namespace cxv::eval
