#include "portfolio/outcomes.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "portfolio/conflicts.hpp"
#include "portfolio/milp.hpp"
#include "portfolio/select.hpp"
#include "portfolio/verify.hpp"

namespace cxv::portfolio {
namespace {

// Amounts in reason texts are rounded to two places for reading; the
// Outcome's fields keep them exact.
std::string amount(const Decimal& d) { return d.to_fixed(2); }

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += "; ";
    out += "'" + p + "'";
  }
  return out;
}

void rank_funded(const Problem& problem, const std::vector<std::size_t>& funded,
                 std::vector<Outcome>& outcomes) {
  std::vector<std::size_t> order = funded;
  const auto& cs = problem.candidates;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (cs[a].objective != cs[b].objective) return cs[a].objective > cs[b].objective;
    if (cs[a].name != cs[b].name) return cs[a].name < cs[b].name;
    return a < b;
  });
  for (std::size_t k = 0; k < order.size(); ++k) {
    outcomes[order[k]].funded = true;
    outcomes[order[k]].rank = k + 1;
  }
}

// Reasons that need no solve: a rejection, a missing requirement, a funded
// exclusion (from either side: excludes is symmetric).
void structural_reasons(const Problem& problem, const std::vector<bool>& x,
                        std::vector<Outcome>& outcomes) {
  const auto& cs = problem.candidates;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    Outcome& o = outcomes[i];
    if (x[i]) continue;
    if (cs[i].rejected_by) {
      o.kind = ReasonKind::rejected;
      o.reason = "rejected: " + *cs[i].rejected_by;
      continue;
    }
    for (std::size_t j : cs[i].requires_) {
      if (!x[j]) {
        o.kind = ReasonKind::requires_;
        o.reason = fmt::format("requires {}, which is not funded", cs[j].name);
        break;
      }
    }
    if (o.kind != ReasonKind::none) continue;
    for (std::size_t j = 0; j < cs.size() && o.kind == ReasonKind::none; ++j) {
      if (!x[j]) continue;
      const bool links = std::count(cs[i].excludes.begin(), cs[i].excludes.end(), j) > 0 ||
                         std::count(cs[j].excludes.begin(), cs[j].excludes.end(), i) > 0;
      if (links) {
        o.kind = ReasonKind::excludes;
        o.reason = fmt::format("excludes {}, which is funded", cs[j].name);
      }
    }
  }
}

// "requires X, which is not funded" gains X's own reason, down the chain.
void explain_requirements(const Problem& problem, std::vector<Outcome>& outcomes) {
  const auto& cs = problem.candidates;
  std::vector<std::string> full(cs.size());
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (outcomes[i].kind != ReasonKind::requires_) continue;
    std::string text = outcomes[i].reason;
    std::vector<bool> visited(cs.size(), false);
    visited[i] = true;
    std::size_t at = i;
    std::string closing;
    while (outcomes[at].kind == ReasonKind::requires_) {
      std::size_t next = at;
      for (std::size_t j : cs[at].requires_) {
        if (!outcomes[j].funded) { next = j; break; }
      }
      if (next == at || visited[next]) break;
      visited[next] = true;
      const Outcome& why = outcomes[next];
      if (why.kind == ReasonKind::none || why.reason.empty()) break;
      if (why.kind == ReasonKind::requires_) {
        text += fmt::format(" ({}: {}", cs[next].name, why.reason);
        closing += ")";
      } else {
        text += fmt::format(" ({}: {})", cs[next].name, why.reason);
      }
      at = next;
    }
    full[i] = text + closing;
  }
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (!full[i].empty()) outcomes[i].reason = full[i];
  }
}

// Forces candidate i in and measures what that costs the portfolio; fills
// the reason when none was found yet.
void what_it_would_take(const Problem& problem, const Grid& grid, std::size_t i,
                        Solution& solution, const SolveOptions& options,
                        std::size_t& calls, Outcome& o) {
  // The best portfolio that funds i, chosen exactly as the optimum is.
  MilpRequest forced;
  forced.fixed.emplace_back(i, true);
  const Choice with = choose(problem, problem.budget, grid, forced, options.tie_pool_limit, calls);
  if (with.state == Choice::State::failed) {
    o.note = with.note;
    if (o.kind == ReasonKind::none) {
      o.kind = ReasonKind::not_analysed;
      o.reason = "not in the optimal portfolio; the solver could not analyse it: " + with.note;
    }
    return;
  }
  const bool found = with.state != Choice::State::infeasible;

  std::optional<Decimal> gap;
  if (found) {
    gap = solution.objective - with.objective;
    if (gap->sign() < 0) {
      // Only possible if CBC's proof of the optimum was wrong within its
      // tolerances: say so rather than report a negative figure.
      gap = Decimal(0);
      solution.status = Status::not_proven;
      solution.note = fmt::format("while explaining {}, a better portfolio than the one reported "
                                  "turned up; the solver's tolerances were too coarse",
                                  problem.candidates[i].name);
    }
    o.extra_objective = gap;
  }

  if (problem.budget) {
    // The least budget b at which some set funding i is worth at least the
    // optimum. CBC minimises b on the grid; a set whose exact objective
    // falls short (possible only on a rounded grid) is excluded and the
    // search repeated.
    MilpRequest cheapest = forced;
    cheapest.goal = MilpRequest::Goal::min_budget;
    std::vector<bool> chosen(problem.candidates.size(), false);
    for (std::size_t j : solution.funded) chosen[j] = true;
    const std::int64_t optimum = grid_sum(grid.objective, chosen);
    cheapest.objective_floor = optimum - grid.objective_slack;
    const std::size_t attempts = std::max<std::size_t>(options.tie_pool_limit, 32);
    bool settled = false;
    for (std::size_t attempt = 0; attempt < attempts && !settled; ++attempt) {
      ++calls;
      const MilpAnswer answer = solve_milp(problem, grid, cheapest);
      if (answer.state != MilpAnswer::State::optimal &&
          answer.state != MilpAnswer::State::feasible) {
        settled = true;  // no budget is enough
      } else if (exact_objective(problem, answer.x) < solution.objective) {
        cheapest.excluded_sets.push_back(answer.x);
      } else {
        const std::optional<Decimal> need = budget_needed(problem, answer.x, *problem.budget);
        if (need) o.extra_budget = *need - *problem.budget;
        settled = true;
      }
    }
    if (!settled) {
      // Too many near-misses on a rounded grid: a floor of optimum + slack
      // admits only sets surely as good, so the budget found is enough,
      // though perhaps not the least.
      cheapest.excluded_sets.clear();
      cheapest.objective_floor = optimum + grid.objective_slack;
      ++calls;
      const MilpAnswer answer = solve_milp(problem, grid, cheapest);
      if (answer.state == MilpAnswer::State::optimal ||
          answer.state == MilpAnswer::State::feasible) {
        const std::optional<Decimal> need = budget_needed(problem, answer.x, *problem.budget);
        if (need) o.extra_budget = *need - *problem.budget;
      }
      o.note = "the extra budget is enough but may not be the least: many portfolios are within "
               "the solver's precision of the optimum";
    }
  }

  if (o.kind != ReasonKind::none) return;
  if (!found) {
    o.conflicts = explain_conflict(problem, grid, forced, calls);
    const bool budget = std::find(o.conflicts.begin(), o.conflicts.end(), problem.budget_text) !=
                        o.conflicts.end();
    o.kind = budget ? ReasonKind::budget : ReasonKind::rules;
    o.reason = budget ? "budget: it does not fit, given " + join(o.conflicts)
                      : "rules: funding it would break " + join(o.conflicts);
    return;
  }
  if (gap->is_zero()) {
    o.kind = ReasonKind::tie;
    o.reason = "tie: a portfolio with it is worth exactly as much; the tie-break "
               "(lower cost, then declaration order) chose the funded set";
  } else if (o.extra_budget && o.extra_budget->sign() > 0) {
    o.kind = ReasonKind::budget;
    o.reason = fmt::format(
        "budget: the best portfolio within the budget that funds it is worth {} less; "
        "{} more budget would fund it without losing value",
        amount(*gap), amount(*o.extra_budget));
  } else {
    o.kind = ReasonKind::value;
    o.reason = fmt::format("value: the best portfolio that funds it is worth {} less",
                           amount(*gap));
  }
}

}  // namespace

void account_for_all(const Problem& problem, const Grid& grid, const SolveOptions& options,
                     Solution& solution) {
  const std::size_t n = problem.candidates.size();
  std::vector<bool> x(n, false);
  for (std::size_t i : solution.funded) x[i] = true;
  solution.outcomes.assign(n, Outcome{});
  rank_funded(problem, solution.funded, solution.outcomes);
  structural_reasons(problem, x, solution.outcomes);

  for (std::size_t i = 0; i < n; ++i) {
    Outcome& o = solution.outcomes[i];
    if (x[i] || problem.candidates[i].rejected_by) continue;
    if (options.analyse_unfunded) {
      what_it_would_take(problem, grid, i, solution, options, solution.solver_calls, o);
    } else if (o.kind == ReasonKind::none) {
      o.kind = ReasonKind::not_analysed;
      o.reason = "not in the optimal portfolio";
    }
  }
  explain_requirements(problem, solution.outcomes);
}

}  // namespace cxv::portfolio
