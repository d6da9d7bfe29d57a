#include "portfolio/conflicts.hpp"

#include <fmt/core.h>

#include "portfolio/select.hpp"

namespace cxv::portfolio {

std::string must_fund_text(const Candidate& candidate) {
  return candidate.must_fund_text.empty() ? "must fund " + candidate.name
                                          : candidate.must_fund_text;
}

namespace {

// The requires-closure of the forced candidates: everything they pull in.
std::vector<bool> pulled_in(const Problem& problem, std::vector<std::size_t> roots) {
  std::vector<bool> in(problem.candidates.size(), false);
  while (!roots.empty()) {
    const std::size_t i = roots.back();
    roots.pop_back();
    if (in[i]) continue;
    in[i] = true;
    for (std::size_t j : problem.candidates[i].requires_) roots.push_back(j);
  }
  return in;
}

// The hard links among what the kept rules force in: rejected members of the
// closure, exclusions inside it.
std::vector<std::string> context(const Problem& problem, const std::vector<std::size_t>& forced) {
  std::vector<std::string> out;
  const std::vector<bool> in = pulled_in(problem, forced);
  const auto& cs = problem.candidates;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (!in[i]) continue;
    for (std::size_t j : cs[i].requires_) {
      out.push_back(fmt::format("{} requires {}", cs[i].name, cs[j].name));
    }
    if (cs[i].rejected_by) {
      out.push_back(fmt::format("{} (rejects {})", *cs[i].rejected_by, cs[i].name));
    }
    for (std::size_t j : cs[i].excludes) {
      if (in[j]) out.push_back(fmt::format("{} excludes {}", cs[i].name, cs[j].name));
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> explain_conflict(const Problem& problem, const Grid& grid,
                                          const MilpRequest& hard, std::size_t& calls) {
  const std::size_t n = problem.candidates.size();
  MilpRequest rules = hard;
  rules.budget_on = grid.budget.has_value();
  rules.must_on.assign(n, false);
  for (std::size_t i = 0; i < n; ++i) rules.must_on[i] = problem.candidates[i].must_fund;
  rules.share_on.assign(problem.shares.size(), grid.budget.has_value());

  // Deletion filter, in declaration order: budget, must funds, share rules.
  if (rules.budget_on) {
    rules.budget_on = false;
    if (any_feasible(problem, grid, rules, calls)) rules.budget_on = true;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!rules.must_on[i]) continue;
    rules.must_on[i] = false;
    if (any_feasible(problem, grid, rules, calls)) rules.must_on[i] = true;
  }
  for (std::size_t r = 0; r < problem.shares.size(); ++r) {
    if (!rules.share_on[r]) continue;
    rules.share_on[r] = false;
    if (any_feasible(problem, grid, rules, calls)) rules.share_on[r] = true;
  }

  std::vector<std::string> out;
  if (rules.budget_on) out.push_back(problem.budget_text);
  std::vector<std::size_t> forced;
  for (const auto& [i, value] : hard.fixed) {
    if (value) forced.push_back(i);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (rules.must_on[i]) {
      out.push_back(must_fund_text(problem.candidates[i]));
      forced.push_back(i);
    }
  }
  for (std::size_t r = 0; r < problem.shares.size(); ++r) {
    if (rules.share_on[r]) out.push_back(problem.shares[r].text);
  }
  for (std::string& line : context(problem, forced)) out.push_back(std::move(line));
  return out;
}

}  // namespace cxv::portfolio
