#pragma once
// One CBC solve of the portfolio MILP, built fresh from the Problem and its
// Grid (CBC's C interface does not promise a model can be solved twice).
//
// Variables: x_i ∈ {0,1}, 1 when candidate i is funded; in min_budget mode
// also a continuous budget b. Rows: budget, requires, excludes, share rules,
// plus whatever the request adds (an objective floor, a cost ceiling,
// "not exactly this set" cuts). Rejected candidates have x_i ≤ 0 and
// must-fund ones x_i ≥ 1, as columns bounds.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "portfolio/grid.hpp"
#include "portfolio/problem.hpp"

namespace cxv::portfolio {

struct MilpRequest {
  enum class Goal {
    max_objective,  // maximise Σ objective
    min_cost,       // minimise Σ cost
    min_budget,     // minimise the budget b that the set and the share rules need
    feasible,       // any set
  };
  Goal goal = Goal::max_objective;
  // The soft rules (the infeasibility explanation switches them off one by one).
  bool budget_on = true;
  std::vector<bool> share_on;  // per share rule; empty: all on
  std::vector<bool> must_on;   // per candidate; empty: every must fund on
  // Hard extras.
  std::vector<std::pair<std::size_t, bool>> fixed;   // x_i forced to 1 or 0
  std::optional<std::int64_t> objective_floor;       // Σ objective ≥ floor (units), as a row
  // max_objective only: sets with Σ objective below this need not be
  // returned. Given to CBC as its cutoff, which prunes its search instead
  // of adding a dense row: ten times faster on 1000 candidates. A little
  // looser than asked (see milp.cpp), never tighter.
  std::optional<std::int64_t> objective_cutoff;
  std::optional<std::int64_t> cost_ceiling;          // Σ cost ≤ ceiling (units)
  std::vector<std::vector<bool>> excluded_sets;      // the answer differs from each
};

struct MilpAnswer {
  enum class State { optimal, feasible, infeasible, failed };
  State state = State::failed;
  std::vector<bool> x;   // the best set found (optimal or feasible)
};

MilpAnswer solve_milp(const Problem& problem, const Grid& grid, const MilpRequest& request);

// Seconds this thread has spent inside CBC's own solve (Cbc_solve), summed
// over every solve_milp call: what "CBC alone" costs, for --timings and the
// benchmarks (selection overhead = the whole selection / this).
double cbc_seconds_on_this_thread();

// Whether candidate i counts towards share rule r.
bool in_share(const Candidate& candidate, const ShareRule& rule);

}  // namespace cxv::portfolio
