#pragma once
// The integer grid CBC works on.
//
// CBC computes in doubles. Doubles hold every integer up to 2^53 exactly, so
// cxv hands CBC integers: costs in units of 10^-cost_scale (cents for USD
// amounts), objectives in units of 10^-objective_scale. The scales are the
// smallest that represent every value exactly, unless the sums would pass
// 2^52; then the grid is coarser, values are rounded half-even, and
// `objective_slack` bounds how far any portfolio's rounded objective can
// be from its exact one (docs/optimizer.md, "Exactness").

#include <cstdint>
#include <optional>
#include <vector>

#include "numeric/decimal.hpp"
#include "portfolio/problem.hpp"

namespace cxv::portfolio {

struct Grid {
  int cost_scale = 0;
  bool cost_exact = true;         // every cost, the budget and share bounds are exact
  int objective_scale = 0;
  bool objective_exact = true;    // every objective is exact on the grid
  std::vector<std::int64_t> cost;       // per candidate, in cost units
  std::vector<std::int64_t> objective;  // per candidate, in objective units
  std::optional<std::int64_t> budget;   // floor(budget / unit): Σ cost ≤ it
  // Per share rule: Σ cost of its members ≥ (at least, rounded up) or ≤ (at
  // most, rounded down) this many cost units; exact because the sum is an
  // integer.
  std::vector<std::int64_t> share_bound;
  // Objective units that separate "surely worse" from "maybe as good": the
  // rounding error bound plus a relative guard against CBC's tolerances.
  std::int64_t objective_slack = 0;
};

// `budget` overrides the problem's own (the frontier re-solves at many).
Grid make_grid(const Problem& problem, const std::optional<Decimal>& budget);

// Σ values over the selected candidates, on the grid.
std::int64_t grid_sum(const std::vector<std::int64_t>& values, const std::vector<bool>& x);

}  // namespace cxv::portfolio
