// KPI scenario per period: direct deltas, formula KPIs, drivers (see drivers.hpp).

#include "eval/drivers.hpp"

namespace cxv::eval {
namespace {

bool is_formula_kpi(const ir::Kpi& k) { return k.tables_read.empty() && !k.kpis_read.empty(); }

void recompute_formulas(const ir::Program& program, const std::vector<Decimal>& direct, const std::vector<bool>& skip,
                        std::vector<Decimal>& scenario, TimelineScope& scope) {
  for (ir::Index k : program.kpi_order) {
    const ir::Kpi& kpi = program.kpis.at(k);
    if (!is_formula_kpi(kpi) || skip.at(k)) continue;
    scenario.at(k) = timeline_number(*kpi.measure, scope) + direct.at(k);
  }
}

}  // namespace

std::vector<Decimal> scenario_kpis(const ir::Program& program, const std::vector<Decimal>& baseline,
                                   const std::vector<Decimal>& direct, TimelineScope& scope) {
  std::vector<Decimal> scenario(baseline.size());
  for (std::size_t k = 0; k < baseline.size(); ++k) scenario[k] = baseline[k] + direct.at(k);
  scope.scenario = &scenario;
  scope.baseline = &baseline;

  const std::vector<bool> none(baseline.size(), false);
  recompute_formulas(program, direct, none, scenario, scope);
  if (program.driver_order.empty()) return scenario;

  std::vector<bool> targeted(baseline.size(), false);
  for (const ir::Program::RuleRef& r : program.driver_order) {
    const ir::DriverRule& rule = program.drivers.at(r.driver).rules.at(r.rule);
    targeted.at(rule.kpi) = true;
    scenario.at(rule.kpi) += timeline_number(*rule.formula, scope);
  }
  recompute_formulas(program, direct, targeted, scenario, scope);
  return scenario;
}

}  // namespace cxv::eval
