// Pieces several explanations share (see kinds.hpp).

#include "eval/appraisal.hpp"
#include "explain/kinds.hpp"

namespace cxv::explain {

std::optional<FullStrength> full_strength(const Context& ctx, ir::Index initiative) {
  const eval::Appraisal* a = ctx.run.appraisal.get();
  if (!a || initiative >= a->initiatives.size() || !a->initiatives[initiative].evaluated) return std::nullopt;
  const eval::Outcome& alone = a->initiatives[initiative].alone;
  FullStrength s;
  s.scenario = ctx.baseline;
  for (std::size_t k = 0; k < s.scenario.size() && k < alone.kpi_delta_full.size(); ++k) s.scenario[k] += alone.kpi_delta_full[k];
  for (const Decimal& v : alone.value_full) s.values.emplace_back(v);
  return s;
}

Evaluate in_state(Context& ctx, const FullStrength& state) {
  return [&ctx, &state](const ir::Expr& e) {
    eval::TimelineScope scope;
    scope.program = &ctx.program;
    scope.baseline = &ctx.baseline;
    scope.scenario = &state.scenario;
    scope.values = &state.values;
    scope.data = &ctx.aggregates;
    return eval::timeline_number(e, scope);
  };
}

std::string not_evaluated(const Context& ctx, ir::Index initiative) {
  const eval::Appraisal* a = ctx.run.appraisal.get();
  if (!a || initiative >= a->initiatives.size()) return "the run did not appraise initiatives";
  const eval::InitiativeAppraisal& ia = a->initiatives[initiative];
  if (ia.evaluated) return "";
  return ia.not_evaluated.empty() ? "it could not be evaluated" : ia.not_evaluated;
}

std::vector<ir::Index> initiatives_moving(const Context& ctx, ir::Index kpi) {
  std::vector<ir::Index> out;
  const eval::Appraisal* a = ctx.run.appraisal.get();
  if (!a) return out;
  for (ir::Index i = 0; i < a->initiatives.size(); ++i) {
    const auto& ia = a->initiatives[i];
    if (ia.evaluated && kpi < ia.alone.kpi_delta_full.size() && !ia.alone.kpi_delta_full[kpi].is_zero()) out.push_back(i);
  }
  return out;
}

}  // namespace cxv::explain
