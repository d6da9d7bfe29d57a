#pragma once
// Exact checks of a candidate set, in decimals: CBC's answers are only
// trusted after these agree.

#include <cstddef>
#include <optional>
#include <vector>

#include "numeric/decimal.hpp"
#include "portfolio/milp.hpp"
#include "portfolio/problem.hpp"

namespace cxv::portfolio {

Decimal exact_objective(const Problem& problem, const std::vector<bool>& x);
Decimal exact_cost(const Problem& problem, const std::vector<bool>& x);

// Every rule the request keeps on holds exactly for x: budget, rejections,
// must funds, requires, excludes, share rules, and the request's fixes.
// (The request's grid-level extras, floors and ceilings, are not rules.)
bool satisfies(const Problem& problem, const std::optional<Decimal>& budget,
               const MilpRequest& request, const std::vector<bool>& x);

// The deterministic order among portfolios: higher exact objective first,
// then lower exact cost, then the one that funds the earlier-declared
// candidate at the first index where the two differ.
bool better(const Problem& problem, const std::vector<bool>& a, const std::vector<bool>& b);

// The smallest budget at which set x meets the budget and every share rule
// that is a share of it, never below `floor`; nullopt when an `at least`
// share rule caps the budget below what the set needs.
std::optional<Decimal> budget_needed(const Problem& problem, const std::vector<bool>& x,
                                     const Decimal& floor);

std::vector<std::size_t> indices(const std::vector<bool>& x);

}  // namespace cxv::portfolio
