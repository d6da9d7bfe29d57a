// Direct effects at full strength (see effects.hpp).

#include "eval/effects.hpp"

#include "eval/timeline_expr.hpp"

namespace cxv::eval {

DirectEffects direct_effects(const ir::Program& program, const ir::Initiative& initiative,
                             const std::vector<Decimal>& baseline, DataAggregates* data,
                             const std::shared_ptr<ColumnEffects>& columns) {
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
        break;   // all of them together, below: they compose on the column
    }
  }
  if (ColumnEffects::has_column_effects(initiative)) {
    if (!columns) {
      throw EvalError{"E159", initiative.span, "this initiative's column effects need the tables, and none are loaded here",
                      "evaluate it with the data (cxv run)"};
    }
    out.column_delta = columns->alone(initiative, data);
    out.columns = columns;
    for (std::size_t k = 0; k < out.delta.size(); ++k) out.delta[k] += out.column_delta[k];
  }
  return out;
}

std::vector<std::vector<Decimal>> joint_direct_deltas(std::span<const ir::Index> members,
                                                      const std::vector<DirectEffects>& effects, DataAggregates* data) {
  std::vector<std::vector<Decimal>> out;
  out.reserve(members.size());
  std::vector<ir::Index> with_columns;
  std::shared_ptr<ColumnEffects> columns;
  for (ir::Index i : members) {
    out.push_back(effects.at(i).delta);
    if (effects.at(i).columns) {
      with_columns.push_back(i);
      columns = effects.at(i).columns;
    }
  }
  // One initiative's column effects alone are already what direct_effects computed.
  if (with_columns.size() < 2) return out;
  const std::vector<std::vector<Decimal>> marginal = columns->jointly(with_columns, data);
  for (std::size_t m = 0, c = 0; m < members.size(); ++m) {
    const DirectEffects& e = effects.at(members[m]);
    if (!e.columns) continue;
    // The member's KPI effects, plus its column effects applied after every earlier member's.
    for (std::size_t k = 0; k < out[m].size(); ++k) out[m][k] = out[m][k] - e.column_delta[k] + marginal[c][k];
    ++c;
  }
  return out;
}

}  // namespace cxv::eval
