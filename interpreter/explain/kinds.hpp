#pragma once
// One builder per kind of name (explain_*.cpp); explain.cpp picks one.

#include "check/ir.hpp"
#include "explain/context.hpp"
#include "explain/formula.hpp"

namespace cxv::explain {

Explanation explain_kpi(Context& ctx, ir::Index kpi);
Explanation explain_value(Context& ctx, ir::Index value);
Explanation explain_initiative(Context& ctx, ir::Index initiative);
Explanation explain_driver(Context& ctx, ir::Index driver);
Explanation explain_experiment(Context& ctx, ir::Index experiment);
Explanation explain_stakeholder(Context& ctx, ir::Index stakeholder);
Explanation explain_table(Context& ctx, ir::Index table);
// Needs run.portfolio (a framework with a `funding` block).
Explanation explain_portfolio(Context& ctx);

// Shared pieces.
// The scenario of one initiative alone at full strength (drivers included),
// for evaluating timeline formulas; null when the initiative was not evaluated.
struct FullStrength {
  std::vector<Decimal> scenario;                   // by KPI
  std::vector<std::optional<Decimal>> values;      // by value
};
std::optional<FullStrength> full_strength(const Context& ctx, ir::Index initiative);
// Evaluation of a timeline formula in `state` (delta() = scenario - baseline).
Evaluate in_state(Context& ctx, const FullStrength& state);
// "Initiative onboarding was not evaluated: <why>"; empty when it was.
std::string not_evaluated(const Context& ctx, ir::Index initiative);
// The initiatives that moved KPI k at full strength (alone), in declaration order.
std::vector<ir::Index> initiatives_moving(const Context& ctx, ir::Index kpi);

}  // namespace cxv::explain
