#pragma once
// Every candidate accounted for: rank, reason, and what it would take.

#include <cstddef>
#include <optional>

#include "numeric/decimal.hpp"
#include "portfolio/grid.hpp"
#include "portfolio/problem.hpp"
#include "portfolio/solution.hpp"

namespace cxv::portfolio {

// Fills solution.outcomes for a feasible solution (solution.funded set).
void account_for_all(const Problem& problem, const Grid& grid, const SolveOptions& options,
                     Solution& solution);

}  // namespace cxv::portfolio
