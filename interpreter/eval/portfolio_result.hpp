#pragma once
// The funding decision of `cxv run` (docs/funding.md): which initiatives are
// funded and why each other one is out, what the funded set is worth when its
// members are evaluated together, and the efficient frontier.
//
// Every money figure is an exact Decimal; the reports round only when they
// print for people.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "check/ir.hpp"
#include "eval/timeline.hpp"
#include "portfolio/solution.hpp"

namespace cxv::eval {

// One initiative's place in the decision.
struct InitiativeDecision {
  ir::Index initiative = ir::kNone;
  bool evaluated = false;              // false: its value could not be computed, it cannot be funded
  bool funded = false;
  std::optional<std::size_t> rank;     // 1-based among the funded: objective descending, ties by name
  portfolio::ReasonKind kind = portfolio::ReasonKind::none;
  std::string reason;                  // why it is out; empty when funded
  Decimal cost;                        // booked in the budget window (periods 0..11), undiscounted
  Decimal objective;                   // its contribution to the objective (net NPV by default)
  // What it would take (docs/optimizer.md): the extra budget, or the extra
  // objective, at which it enters. nullopt: no amount suffices, or not analysed.
  std::optional<Decimal> extra_budget;
  std::optional<Decimal> extra_objective;
  std::string note;                    // when a figure above is a bound rather than exact
  std::vector<std::string> conflicts;  // rules that keep it out whatever else is chosen (kind == rules or budget)
};

// A value (or a KPI) whose joint figure differs from the sum of the funded
// initiatives' figures alone: drivers saturate on the summed deltas.
struct JointDifference {
  enum class Of { value, kpi };
  Of of = Of::value;
  ir::Index index = ir::kNone;
  // Money values: NPV of what they booked. Non-money values and KPIs: at full
  // strength, in their own unit.
  Decimal joint;
  Decimal sum_of_parts;
};

// The optimal portfolio at one budget, re-solved from scratch.
struct FrontierStep {
  Decimal budget;
  portfolio::Status status = portfolio::Status::invalid;
  Decimal objective;
  Decimal cost;
  std::vector<ir::Index> funded;       // initiative indices, ascending
};

struct PortfolioResult {
  std::optional<Decimal> budget;       // as declared; nullopt: cost is unlimited
  std::string objective_text;          // "net_npv" (the default) or the formula as written
  bool objective_is_net_npv = true;
  portfolio::Status status = portfolio::Status::invalid;   // optimal or not_proven (infeasible is an error)
  std::string note;                    // why not proven optimal
  std::vector<InitiativeDecision> initiatives;   // by initiative index
  std::vector<ir::Index> funded;       // by rank
  Decimal cost;                        // funded, in the budget window
  Decimal objective;                   // the optimum: sum of the funded contributions
  Decimal net_npv;                     // sum of the funded initiatives' net NPVs alone
  Outcome joint;                       // the funded set evaluated together
  std::vector<JointDifference> differences;   // where joint != sum of parts, values then KPIs
  bool analysed = true;                // false: unfunded candidates were not analysed
  std::string analysis_note;           // why not
  std::vector<FrontierStep> frontier;  // ascending budgets; empty without a budget
  std::size_t solver_calls = 0;
  // Wall-clock seconds of the selection (solves, analysis, frontier) and of
  // CBC's own solves within it, for `cxv run --timings` and bench/; never in
  // a report, since they differ from run to run.
  double selection_seconds = 0;
  double cbc_seconds = 0;
};

}  // namespace cxv::eval
