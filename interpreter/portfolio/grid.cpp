#include "portfolio/grid.hpp"

#include <charconv>
#include <string>

namespace cxv::portfolio {
namespace {

// 2^52: sums of grid values up to this stay exact in a double, with a factor
// of two to spare for CBC's own additions.
const Decimal& kGridLimit() {
  static const Decimal limit = Decimal::parse("4503599627370496").value();
  return limit;
}
// The objective's grid is kept coarser, at 2^40 (about 10^12): objective
// coefficients also appear in rows (the tie pool's floor), and CBC's
// tolerances, relative to a row's largest coefficient, misjudge rows whose
// coefficients span many more digits. Exactness does not depend on it: the
// tie pool absorbs the rounding.
const Decimal& kObjectiveLimit() {
  static const Decimal limit = Decimal::parse("1099511627776").value();
  return limit;
}
constexpr int kMaxGridScale = 18;

// An integer-valued Decimal as int64, saturating at ±2^60 so that absurd
// magnitudes give huge numbers (and so not-proven answers), never a wrap.
std::int64_t to_int64(const Decimal& integer) {
  static const Decimal limit = Decimal::parse("1152921504606846976").value();
  Decimal v = integer.trunc();
  if (v > limit) v = limit;
  if (v < -limit) v = -limit;
  const std::string text = v.to_string();
  std::int64_t out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

// The scale at which every value is an integer, or nullopt past kMaxGridScale.
std::optional<int> exact_scale(const std::vector<Decimal>& values) {
  for (int k = 0; k <= kMaxGridScale; ++k) {
    const Decimal unit = Decimal::pow10(k);
    bool all = true;
    for (const Decimal& v : values) {
      if (!(v * unit).is_integer()) { all = false; break; }
    }
    if (all) return k;
  }
  return std::nullopt;
}

// The largest scale ≤ wanted at which Σ|values| stays within the grid limit.
int bounded_scale(const std::vector<Decimal>& values, int wanted, const Decimal& limit) {
  Decimal total;
  for (const Decimal& v : values) total += v.abs();
  int k = wanted;
  while (k > -kMaxGridScale && total * Decimal::pow10(k) > limit) --k;
  return k;
}

// value / 10^-scale rounded as asked, clamped to ±2^53 (beyond that a bound
// is either always or never met, since grid sums stay within 2^52).
enum class Rounding { half_even, up, down };
std::int64_t on_grid(const Decimal& value, int scale, Rounding rounding) {
  Decimal v = value * Decimal::pow10(scale);
  switch (rounding) {
    case Rounding::half_even: v = v.round(0); break;
    case Rounding::up: v = v.ceil(); break;
    case Rounding::down: v = v.floor(); break;
  }
  const Decimal cap = kGridLimit() * 2;
  if (v > cap) v = cap;
  if (v < -cap) v = -cap;
  return to_int64(v);
}

}  // namespace

std::int64_t grid_sum(const std::vector<std::int64_t>& values, const std::vector<bool>& x) {
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (x[i]) sum += values[i];
  }
  return sum;
}

Grid make_grid(const Problem& problem, const std::optional<Decimal>& budget) {
  Grid g;
  std::vector<Decimal> costs, objectives;
  for (const Candidate& c : problem.candidates) {
    costs.push_back(c.cost);
    objectives.push_back(c.objective);
  }

  // Only the costs decide the scale: since Σ cost is an integer on the grid,
  // Σ cost ≤ budget is exactly Σ cost ≤ floor(budget), and share bounds are
  // rounded the same safe way, whatever digits the budget has.
  std::vector<Decimal> bounds;
  if (budget) {
    for (const ShareRule& rule : problem.shares) bounds.push_back(rule.share * *budget);
  }
  const std::optional<int> cost_exact = exact_scale(costs);
  g.cost_scale = bounded_scale(costs, cost_exact.value_or(kMaxGridScale), kGridLimit());
  g.cost_exact = cost_exact && g.cost_scale >= *cost_exact;
  for (const Decimal& c : costs) g.cost.push_back(on_grid(c, g.cost_scale, Rounding::half_even));
  if (budget) {
    g.budget = on_grid(*budget, g.cost_scale, Rounding::down);
    for (std::size_t r = 0; r < problem.shares.size(); ++r) {
      const bool at_least = problem.shares[r].bound == ShareRule::Bound::at_least;
      g.share_bound.push_back(
          on_grid(bounds[r], g.cost_scale, at_least ? Rounding::up : Rounding::down));
    }
  }

  const std::optional<int> objective_exact = exact_scale(objectives);
  g.objective_scale =
      bounded_scale(objectives, objective_exact.value_or(kMaxGridScale), kObjectiveLimit());
  g.objective_exact = objective_exact && g.objective_scale >= *objective_exact;
  Decimal rounding_error;
  std::int64_t magnitude = 0;
  const Decimal unit = Decimal::pow10(-g.objective_scale);
  for (const Decimal& o : objectives) {
    const std::int64_t q = on_grid(o, g.objective_scale, Rounding::half_even);
    g.objective.push_back(q);
    rounding_error += (o - Decimal(q) * unit).abs();
    magnitude += q < 0 ? -q : q;
  }
  // Two portfolios' rounded objectives can differ from their exact ones by
  // at most the total rounding error, in opposite directions at worst; one
  // part in 10^12 of the objective's size guards CBC's floating tolerances.
  g.objective_slack = to_int64((rounding_error / unit).ceil()) + magnitude / 1'000'000'000'000;
  return g;
}

}  // namespace cxv::portfolio
