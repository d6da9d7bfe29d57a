#pragma once
// The optimal set under one set of rules, exactly and deterministically.
//
// 1. CBC maximises the objective on the grid.
// 2. The "tie pool": every set whose grid objective is within the grid's
//    slack of that optimum is enumerated (CBC again, excluding the sets
//    already found) and the best is chosen by exact decimals with the
//    deterministic order of verify.hpp::better.
// 3. If the pool is larger than the limit and the grid is exact, a staged
//    search takes over: minimum cost among the optimal sets, then candidates
//    fixed one by one in declaration order. Otherwise the answer is marked
//    not proven.
// docs/optimizer.md explains why this is sound.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "numeric/decimal.hpp"
#include "portfolio/grid.hpp"
#include "portfolio/milp.hpp"
#include "portfolio/problem.hpp"

namespace cxv::portfolio {

struct Choice {
  enum class State { optimal, not_proven, infeasible, failed };
  State state = State::failed;
  std::vector<bool> x;
  Decimal objective, cost;  // exact
  std::string note;         // why not optimal
};

// `budget` is the one the grid was made for; `base` holds the rules in
// force (soft rules on or off, fixes). `calls` counts CBC solves.
Choice choose(const Problem& problem, const std::optional<Decimal>& budget, const Grid& grid,
              const MilpRequest& base, std::size_t pool_limit, std::size_t& calls);

// Is there any set under these rules? (one CBC solve; true when CBC cannot tell)
bool any_feasible(const Problem& problem, const Grid& grid, const MilpRequest& rules,
                  std::size_t& calls);

}  // namespace cxv::portfolio
