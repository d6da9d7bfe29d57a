#include "portfolio/select.hpp"

#include <algorithm>

#include "portfolio/verify.hpp"

namespace cxv::portfolio {
namespace {

using State = MilpAnswer::State;

// Above the pool limit with an exact grid: grid objective and exact objective
// agree, so the best objective is the highest grid objective seen (`top`).
// Among the sets reaching it: least cost, then earliest candidates, found by
// fixing them one at a time with a witness set that keeps most steps free.
Choice staged(const Problem& problem, const Grid& grid, const MilpRequest& base, std::int64_t top, std::size_t& calls) {
  Choice out;
  out.state = Choice::State::optimal;
  MilpRequest req = base;
  req.goal = MilpRequest::Goal::min_cost;
  req.objective_floor = top;
  req.excluded_sets.clear();
  ++calls;
  const MilpAnswer cheapest = solve_milp(problem, grid, req);
  if (cheapest.state == State::infeasible || cheapest.state == State::failed) {
    out.state = Choice::State::failed;
    out.note = "the solver could not confirm the cheapest of the tied portfolios";
    return out;
  }
  if (cheapest.state != State::optimal) {
    out.state = Choice::State::not_proven;
    out.note = "the solver stopped before proving the cheapest of the tied portfolios";
  }
  std::vector<bool> witness = cheapest.x;
  req.goal = MilpRequest::Goal::feasible;
  req.cost_ceiling = grid_sum(grid.cost, witness);
  for (std::size_t i = 0; i < problem.candidates.size(); ++i) {
    if (witness[i]) {
      req.fixed.emplace_back(i, true);
      continue;
    }
    req.fixed.emplace_back(i, true);
    ++calls;
    const MilpAnswer trial = solve_milp(problem, grid, req);
    if (trial.state == State::optimal || trial.state == State::feasible) {
      witness = trial.x;
    } else {
      req.fixed.back().second = false;
    }
  }
  out.x = witness;
  return out;
}

}  // namespace

bool any_feasible(const Problem& problem, const Grid& grid, const MilpRequest& rules,
                  std::size_t& calls) {
  MilpRequest req = rules;
  req.goal = MilpRequest::Goal::feasible;
  ++calls;
  return solve_milp(problem, grid, req).state != State::infeasible;
}

Choice choose(const Problem& problem, const std::optional<Decimal>& budget, const Grid& grid,
              const MilpRequest& base, std::size_t pool_limit, std::size_t& calls) {
  Choice out;
  MilpRequest req = base;
  req.goal = MilpRequest::Goal::max_objective;
  ++calls;
  const MilpAnswer first = solve_milp(problem, grid, req);
  if (first.state == State::infeasible) {
    out.state = Choice::State::infeasible;
    return out;
  }
  if (first.state == State::failed) {
    out.note = "the solver found no portfolio and could not prove that none exists";
    return out;
  }
  if (!satisfies(problem, budget, base, first.x)) {
    out.note = "the solver's portfolio broke a rule when checked in exact decimals";
    return out;
  }
  bool proven = first.state == State::optimal;
  std::string note;
  if (!proven) note = "the solver stopped before proving the optimum";
  if (!grid.cost_exact) {
    proven = false;
    note = "costs carry more digits than the solver can hold exactly, so a cheaper "
           "combination may have been missed";
  }

  // The tie pool. `top` is the best grid objective seen; sets below
  // top − slack are surely worse in exact decimals and need not be seen.
  std::vector<std::vector<bool>> seen{first.x};
  std::vector<bool> best = first.x;
  std::int64_t top = grid_sum(grid.objective, first.x);
  bool exhausted = false;
  std::size_t pool = 1;
  // Sets refused by the exact check do not count towards the limit, but
  // the searches are bounded all the same.
  while (pool <= pool_limit && seen.size() <= 2 * pool_limit + 1) {
    req.objective_cutoff = top - grid.objective_slack;
    req.excluded_sets = seen;
    ++calls;
    const MilpAnswer next = solve_milp(problem, grid, req);
    if (next.state == State::infeasible) {
      exhausted = true;
      break;
    }
    if (next.state == State::failed) break;
    if (next.state != State::optimal) proven = false;
    seen.push_back(next.x);
    // A set CBC accepted within its tolerances but exact decimals refuse is
    // excluded from further searches and never chosen.
    if (!satisfies(problem, budget, base, next.x)) continue;
    ++pool;
    top = std::max(top, grid_sum(grid.objective, next.x));
    if (better(problem, next.x, best)) best = next.x;
  }

  Choice::State state = proven ? Choice::State::optimal : Choice::State::not_proven;
  if (!exhausted) {
    Choice fallback;
    if (grid.objective_exact && grid.cost_exact) fallback = staged(problem, grid, base, top, calls);
    if (fallback.state != Choice::State::failed && satisfies(problem, budget, base, fallback.x)) {
      best = fallback.x;
      if (fallback.state != Choice::State::optimal) {
        state = Choice::State::not_proven;
        note = fallback.note;
      }
    } else {
      state = Choice::State::not_proven;
      note = "more portfolios than cxv enumerates are within the solver's precision of the "
             "best; the one shown is the best of those it checked exactly";
    }
  }
  out.state = state;
  out.note = state == Choice::State::optimal ? std::string() : note;
  out.x = best;
  out.objective = exact_objective(problem, best);
  out.cost = exact_cost(problem, best);
  return out;
}

}  // namespace cxv::portfolio
