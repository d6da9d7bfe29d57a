#pragma once
// The efficient frontier: the optimal portfolio at each of several budgets,
// each one re-solved from scratch (not a ranking read off at cumulative
// cost), so that every point honours every rule at that budget. Share rules
// are shares of each point's own budget.

#include <cstddef>
#include <vector>

#include "numeric/decimal.hpp"
#include "portfolio/problem.hpp"
#include "portfolio/solution.hpp"

namespace cxv::portfolio {

struct FrontierPoint {
  Decimal budget;
  Status status = Status::invalid;   // optimal, not_proven or infeasible at this budget
  Decimal objective;                 // exact, of the funded set
  Decimal cost;
  std::vector<std::size_t> funded;   // indices, ascending
};

std::vector<FrontierPoint> frontier(const Problem& problem, const std::vector<Decimal>& budgets);

// Sensible budgets to chart: `steps` equal steps up to the total cost of the
// candidates no rule rejects (rounded up to the costs' own precision), plus
// the declared budget, ascending, without repeats. Empty when that total is
// not positive.
std::vector<Decimal> frontier_budgets(const Problem& problem, std::size_t steps = 10);

}  // namespace cxv::portfolio
