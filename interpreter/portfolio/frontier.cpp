#include "portfolio/frontier.hpp"

#include <algorithm>

#include "portfolio/solve.hpp"

namespace cxv::portfolio {

std::vector<FrontierPoint> frontier(const Problem& problem, const std::vector<Decimal>& budgets) {
  std::vector<FrontierPoint> points;
  Problem at = problem;
  SolveOptions options;
  options.analyse_unfunded = false;  // the frontier needs the sets, not the reasons
  for (const Decimal& budget : budgets) {
    at.budget = budget;
    const Solution s = solve(at, options);
    FrontierPoint p;
    p.budget = budget;
    p.status = s.status;
    p.objective = s.objective;
    p.cost = s.cost;
    p.funded = s.funded;
    points.push_back(std::move(p));
  }
  return points;
}

std::vector<Decimal> frontier_budgets(const Problem& problem, std::size_t steps) {
  std::vector<Decimal> out;
  Decimal total;
  int places = 0;
  for (const Candidate& c : problem.candidates) {
    if (c.rejected_by || c.cost.sign() <= 0) continue;
    total += c.cost;
    while (places < 6 && !(c.cost * Decimal::pow10(places)).is_integer()) ++places;
  }
  if (total.sign() <= 0 || steps == 0) return out;
  const Decimal unit = Decimal::pow10(-places);
  for (std::size_t k = 1; k <= steps; ++k) {
    // k/steps of the total, rounded up to the costs' precision so that the
    // last step is the total itself.
    const Decimal raw = total * Decimal(static_cast<std::int64_t>(k)) /
                        Decimal(static_cast<std::int64_t>(steps));
    out.push_back((raw / unit).ceil() * unit);
  }
  if (problem.budget) out.push_back(*problem.budget);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace cxv::portfolio
