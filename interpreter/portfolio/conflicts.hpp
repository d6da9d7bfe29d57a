#pragma once
// Which rules cannot all hold together.
//
// The soft rules are the budget, each `must fund` and each share rule; the
// hard ones (rejections, requires, excludes, and the request's fixes) can
// always be met by funding nothing. A deletion filter drops the soft rules
// one at a time, keeping each drop that leaves the rest still infeasible:
// what remains is a minimal conflicting set (removing any one rule of it
// makes a portfolio possible). The links that make those rules collide
// (a must-fund candidate requiring a rejected one, ...) are added as
// context.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "portfolio/grid.hpp"
#include "portfolio/milp.hpp"
#include "portfolio/problem.hpp"

namespace cxv::portfolio {

// `hard` carries the fixes (the candidate being forced in, for "why not X").
// Returns the rule texts in the order: budget, must funds, share rules,
// then the context lines.
std::vector<std::string> explain_conflict(const Problem& problem, const Grid& grid,
                                          const MilpRequest& hard, std::size_t& calls);

// The text a `must fund` rule is quoted by.
std::string must_fund_text(const Candidate& candidate);

}  // namespace cxv::portfolio
