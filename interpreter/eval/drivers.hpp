#pragma once
// One period's KPI scenario: the baseline, plus each initiative's direct
// delta scaled by its ramp strength, then formula KPIs recomputed from the
// KPIs they read, then the driver rules in Program::driver_order
// (`churn += formula`, where delta(k) = scenario - baseline including what
// earlier rules induced), then formula KPIs that no rule targets recomputed
// again so they see the induced changes.

#include <vector>

#include "check/ir.hpp"
#include "eval/timeline_expr.hpp"

namespace cxv::eval {

// `direct` is the summed, strength-scaled direct delta per KPI. Returns the
// scenario value per KPI. `scope` supplies the running sums and the period;
// its scenario pointer is set here. Throws EvalError.
std::vector<Decimal> scenario_kpis(const ir::Program& program, const std::vector<Decimal>& baseline,
                                   const std::vector<Decimal>& direct, TimelineScope& scope);

}  // namespace cxv::eval
