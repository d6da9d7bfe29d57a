#pragma once
// The funding step of `cxv run` (docs/funding.md): the funding rules decide
// per initiative, the optimizer chooses the portfolio, the funded set is
// evaluated jointly, and the efficient frontier is re-solved at each budget
// step.

#include <cstddef>
#include <optional>

#include "check/ir.hpp"
#include "diag/diagnostic.hpp"
#include "eval/appraisal.hpp"
#include "eval/baselines.hpp"
#include "eval/portfolio_result.hpp"
#include "eval/tables.hpp"
#include "source/source.hpp"

namespace cxv::eval {

struct PortfolioOptions {
  // Explain every unfunded initiative by re-solving with it forced in
  // (docs/optimizer.md, "What it would take").
  bool analyse_unfunded = true;
  // ... but only when at most this many initiatives are out and not rejected:
  // each costs two or more solver runs (about 0.3 s at 1000 candidates), so a
  // large portfolio would take minutes. Above it they are reported "not
  // analysed" (never with a guessed reason) and the result says so.
  std::size_t analysis_limit = 100;
  // Frontier budgets: `frontier_steps` equal steps from budget / 5 to
  // 2 x budget (the declared budget is the fifth of ten). 0: no frontier.
  std::size_t frontier_steps = 10;
};

// The frontier's budgets for a declared budget: k x budget x 2 / steps, k = 1..steps.
std::vector<Decimal> frontier_budgets(const Decimal& budget, std::size_t steps);

// Needs program.funding and a complete appraisal. nullopt when an error was
// reported (infeasible rules E161, a rule that cannot be evaluated, a share
// rule without a budget E163).
std::optional<PortfolioResult> choose_portfolio(const ir::Program& program, const SourceMap& sources,
                                                const TableSet& tables, const Baselines& baselines,
                                                const Appraisal& appraisal, Diagnostics& diags,
                                                const PortfolioOptions& options = {});

// The funded set evaluated together, and where that differs from the sum of
// the members evaluated alone. Throws EvalError.
void evaluate_jointly(const ir::Program& program, const std::vector<Decimal>& baseline, const Appraisal& appraisal,
                      DataAggregates* data, PortfolioResult& result);

}  // namespace cxv::eval
