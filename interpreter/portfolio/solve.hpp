#pragma once
// The optimal portfolio: the public entry point of the portfolio module.
//
//   Solution s = cxv::portfolio::solve(problem);
//
// maximises the sum of the funded candidates' objectives subject to the
// budget, rejections, must funds, requires, excludes and share rules; CBC
// finds it, cxv verifies it in exact decimals and breaks ties
// deterministically; every candidate gets an outcome (docs/optimizer.md).
// Nothing here prints, throws on bad input or exits: a malformed Problem
// comes back as Status::invalid with a note.

#include "portfolio/problem.hpp"
#include "portfolio/solution.hpp"

namespace cxv::portfolio {

Solution solve(const Problem& problem, const SolveOptions& options = {});

// Empty when the problem is well formed; else what is wrong, in plain words.
std::string validate(const Problem& problem);

}  // namespace cxv::portfolio
