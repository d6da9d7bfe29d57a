#include "portfolio/solve.hpp"

#include <fmt/core.h>

#include "portfolio/conflicts.hpp"
#include "portfolio/milp.hpp"
#include "portfolio/grid.hpp"
#include "portfolio/outcomes.hpp"
#include "portfolio/select.hpp"
#include "portfolio/verify.hpp"

namespace cxv::portfolio {

std::string validate(const Problem& problem) {
  const std::size_t n = problem.candidates.size();
  for (const Candidate& c : problem.candidates) {
    for (std::size_t j : c.requires_) {
      if (j >= n) return fmt::format("{} requires candidate #{}, which does not exist", c.name, j);
    }
    for (std::size_t j : c.excludes) {
      if (j >= n) return fmt::format("{} excludes candidate #{}, which does not exist", c.name, j);
    }
  }
  if (!problem.shares.empty() && !problem.budget) {
    return fmt::format("'{}' is a share of the budget, but there is no budget",
                       problem.shares.front().text);
  }
  return {};
}

namespace {

// Every candidate out, with the reason the whole problem gives.
void all_out(const Problem& problem, const std::string& reason, ReasonKind kind,
             Solution& solution) {
  solution.outcomes.assign(problem.candidates.size(), Outcome{});
  for (std::size_t i = 0; i < problem.candidates.size(); ++i) {
    Outcome& o = solution.outcomes[i];
    if (problem.candidates[i].rejected_by) {
      o.kind = ReasonKind::rejected;
      o.reason = "rejected: " + *problem.candidates[i].rejected_by;
    } else {
      o.kind = kind;
      o.reason = reason;
    }
  }
}

std::string quoted(const std::vector<std::string>& texts) {
  std::string out;
  for (const std::string& t : texts) {
    if (!out.empty()) out += "; ";
    out += "'" + t + "'";
  }
  return out;
}

}  // namespace

static Solution solve_untimed(const Problem& problem, const SolveOptions& options) {
  Solution s;
  s.note = validate(problem);
  if (!s.note.empty()) {
    s.status = Status::invalid;
    all_out(problem, "not analysed: " + s.note, ReasonKind::not_analysed, s);
    return s;
  }
  try {
    const Grid grid = make_grid(problem, problem.budget);
    const MilpRequest every_rule;
    const Choice choice =
        choose(problem, problem.budget, grid, every_rule, options.tie_pool_limit, s.solver_calls);
    switch (choice.state) {
      case Choice::State::infeasible:
        s.status = Status::infeasible;
        s.conflicts = explain_conflict(problem, grid, every_rule, s.solver_calls);
        s.note = "no portfolio satisfies every rule; these cannot all hold: " + quoted(s.conflicts);
        all_out(problem, "rules: " + s.note, ReasonKind::rules, s);
        return s;
      case Choice::State::failed:
        s.status = Status::not_proven;
        s.note = choice.note;
        all_out(problem, "not analysed: " + s.note, ReasonKind::not_analysed, s);
        return s;
      case Choice::State::optimal:
      case Choice::State::not_proven:
        break;
    }
    s.status = choice.state == Choice::State::optimal ? Status::optimal : Status::not_proven;
    s.note = choice.note;
    s.funded = indices(choice.x);
    s.objective = choice.objective;
    s.cost = choice.cost;
    account_for_all(problem, grid, options, s);
  } catch (const ArithmeticError& e) {
    // Only absurd magnitudes get here (past Decimal's limits).
    s = Solution{};
    s.status = Status::invalid;
    s.note = fmt::format("the amounts are too large to compare exactly: {}", e.what());
    all_out(problem, "not analysed: " + s.note, ReasonKind::not_analysed, s);
  }
  return s;
}

Solution solve(const Problem& problem, const SolveOptions& options) {
  const double before = cbc_seconds_on_this_thread();
  Solution s = solve_untimed(problem, options);
  s.solver_seconds = cbc_seconds_on_this_thread() - before;
  return s;
}

}  // namespace cxv::portfolio
