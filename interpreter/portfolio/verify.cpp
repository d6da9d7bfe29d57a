#include "portfolio/verify.hpp"

namespace cxv::portfolio {

Decimal exact_objective(const Problem& problem, const std::vector<bool>& x) {
  Decimal sum;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i]) sum += problem.candidates[i].objective;
  }
  return sum;
}

Decimal exact_cost(const Problem& problem, const std::vector<bool>& x) {
  Decimal sum;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i]) sum += problem.candidates[i].cost;
  }
  return sum;
}

namespace {
Decimal share_cost(const Problem& problem, const ShareRule& rule, const std::vector<bool>& x) {
  Decimal sum;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] && in_share(problem.candidates[i], rule)) sum += problem.candidates[i].cost;
  }
  return sum;
}
}  // namespace

bool satisfies(const Problem& problem, const std::optional<Decimal>& budget,
               const MilpRequest& request, const std::vector<bool>& x) {
  const auto& cs = problem.candidates;
  if (x.size() != cs.size()) return false;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (x[i] && cs[i].rejected_by) return false;
    if (!x[i] && cs[i].must_fund && (request.must_on.empty() || request.must_on[i])) return false;
    for (std::size_t j : cs[i].requires_) {
      if (x[i] && !x[j]) return false;
    }
    for (std::size_t j : cs[i].excludes) {
      if (x[i] && x[j]) return false;
    }
  }
  for (const auto& [i, value] : request.fixed) {
    if (x[i] != value) return false;
  }
  if (budget && request.budget_on && exact_cost(problem, x) > *budget) return false;
  if (budget) {
    for (std::size_t r = 0; r < problem.shares.size(); ++r) {
      if (!request.share_on.empty() && !request.share_on[r]) continue;
      const ShareRule& rule = problem.shares[r];
      const Decimal spent = share_cost(problem, rule, x);
      const Decimal bound = rule.share * *budget;
      if (rule.bound == ShareRule::Bound::at_least ? spent < bound : spent > bound) return false;
    }
  }
  return true;
}

bool better(const Problem& problem, const std::vector<bool>& a, const std::vector<bool>& b) {
  const Decimal oa = exact_objective(problem, a), ob = exact_objective(problem, b);
  if (oa != ob) return oa > ob;
  const Decimal ca = exact_cost(problem, a), cb = exact_cost(problem, b);
  if (ca != cb) return ca < cb;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return a[i];
  }
  return false;
}

std::optional<Decimal> budget_needed(const Problem& problem, const std::vector<bool>& x,
                                     const Decimal& floor) {
  Decimal need = floor;
  const Decimal cost = exact_cost(problem, x);
  if (cost > need) need = cost;
  // `at most s of budget`: members ≤ s·B, so B ≥ members / s.
  for (const ShareRule& rule : problem.shares) {
    if (rule.bound != ShareRule::Bound::at_most) continue;
    const Decimal spent = share_cost(problem, rule, x);
    if (spent.sign() <= 0) continue;
    if (rule.share.sign() <= 0) return std::nullopt;  // nothing may be spent on them
    const Decimal b = spent / rule.share;
    // Division rounds to 34 digits: nudge up by a relative 10^-30 (twice
    // at most) until the bound holds exactly.
    Decimal rounded_up = b;
    const Decimal step = b.abs() * Decimal::pow10(-30) + Decimal::pow10(-30);
    for (int k = 0; k < 4 && rule.share * rounded_up < spent; ++k) rounded_up += step;
    if (rounded_up > need) need = rounded_up;
  }
  // `at least s of budget`: members ≥ s·B caps B.
  for (const ShareRule& rule : problem.shares) {
    if (rule.bound != ShareRule::Bound::at_least) continue;
    if (share_cost(problem, rule, x) < rule.share * need) return std::nullopt;
  }
  return need;
}

std::vector<std::size_t> indices(const std::vector<bool>& x) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i]) out.push_back(i);
  }
  return out;
}

}  // namespace cxv::portfolio
