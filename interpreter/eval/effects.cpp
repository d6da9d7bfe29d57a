// Direct effects at full strength (see effects.hpp).

#include "eval/effects.hpp"

#include "eval/timeline_expr.hpp"

namespace cxv::eval {

DirectEffects direct_effects(const ir::Program& program, const ir::Initiative& initiative,
                             const std::vector<Decimal>& baseline, DataAggregates* data) {
  DirectEffects out;
  out.delta.assign(program.kpis.size(), Decimal());
  // Effect sizes are read on the baseline: no initiative in effect, so every delta() is 0.
  TimelineScope scope;
  scope.program = &program;
  scope.baseline = &baseline;
  scope.scenario = &baseline;
  scope.data = data;
  for (const ir::Effect& effect : initiative.effects) {
    switch (effect.kind) {
      case ir::EffectKind::kpi_absolute:
        out.delta.at(effect.kpi) += timeline_number(*effect.value, scope);
        break;
      case ir::EffectKind::kpi_relative: {
        if (effect.experiment != ir::kNone || !effect.factor) {
          // The factor comes from an experiment's estimate.
          timeline_number(*effect.value, scope);
        }
        const Decimal factor = effect.factor.value_or(Decimal(1));
        out.delta.at(effect.kpi) += baseline.at(effect.kpi) * (factor - Decimal(1));
        break;
      }
      case ir::EffectKind::column:
        throw EvalError{"E160", effect.span, "effects on a table column are not evaluated yet",
                        "state the effect on the KPI the column feeds instead (e.g. `churn: -0.5pp`)"};
    }
  }
  return out;
}

}  // namespace cxv::eval
