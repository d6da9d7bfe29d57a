// Random portfolios checked against an exact brute force over all 2^n sets.
//
// The brute force below is written independently of the module (its own
// feasibility check, its own order), in exact decimals, with the documented
// tie-break: higher objective, then lower cost, then the set that funds the
// earlier-declared candidate at the first place two sets differ.

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "builders.hpp"
#include "portfolio/solve.hpp"

using namespace cxv::portfolio;
using cxv::Decimal;
using portfolio_test::dec;

namespace {

using Set = std::vector<bool>;

Decimal sum_of(const Problem& p, const Set& x, bool objective, const ShareRule* rule = nullptr) {
  Decimal total;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!x[i]) continue;
    const Candidate& c = p.candidates[i];
    if (rule) {
      auto it = c.attributes.find(rule->dimension);
      if (it == c.attributes.end() || it->second != rule->value) continue;
    }
    total += objective ? c.objective : c.cost;
  }
  return total;
}

// Rejections, must funds, requires, excludes: the rules that do not depend
// on the budget.
bool links_hold(const Problem& p, const Set& x) {
  for (std::size_t i = 0; i < x.size(); ++i) {
    const Candidate& c = p.candidates[i];
    if (x[i] && c.rejected_by) return false;
    if (!x[i] && c.must_fund) return false;
    for (std::size_t j : c.requires_) {
      if (x[i] && !x[j]) return false;
    }
    for (std::size_t j : c.excludes) {
      if (x[i] && x[j]) return false;
    }
  }
  return true;
}

bool shares_hold(const Problem& p, const Set& x, const Decimal& budget) {
  for (const ShareRule& r : p.shares) {
    const Decimal spent = sum_of(p, x, false, &r);
    const Decimal bound = r.share * budget;
    if (r.bound == ShareRule::Bound::at_least ? spent < bound : spent > bound) return false;
  }
  return true;
}

bool feasible(const Problem& p, const Set& x) {
  if (!links_hold(p, x)) return false;
  if (!p.budget) return true;
  return sum_of(p, x, false) <= *p.budget && shares_hold(p, x, *p.budget);
}

bool preferred(const Problem& p, const Set& a, const Set& b) {
  const Decimal oa = sum_of(p, a, true), ob = sum_of(p, b, true);
  if (oa != ob) return oa > ob;
  const Decimal ca = sum_of(p, a, false), cb = sum_of(p, b, false);
  if (ca != cb) return ca < cb;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return a[i];
  }
  return false;
}

// The least budget b ≥ B with C(x) ≤ b and every share rule (of b) holding.
// Share bounds are linear in b, so only the at-most rules and the cost push
// b up, and the at-least rules cap it.
std::optional<Decimal> least_budget(const Problem& p, const Set& x) {
  Decimal b = *p.budget;
  if (sum_of(p, x, false) > b) b = sum_of(p, x, false);
  for (const ShareRule& r : p.shares) {
    if (r.bound != ShareRule::Bound::at_most) continue;
    const Decimal spent = sum_of(p, x, false, &r);
    if (spent.sign() > 0 && spent / r.share > b) b = spent / r.share;  // shares divide exactly here
  }
  if (!shares_hold(p, x, b)) return std::nullopt;
  return b;
}

struct Truth {
  std::optional<Set> best;
  std::vector<std::optional<Decimal>> extra_objective, extra_budget;
};

Truth brute_force(const Problem& p) {
  const std::size_t n = p.candidates.size();
  Truth t;
  std::vector<Set> all;
  for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
    Set x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = (mask >> i) & 1u;
    all.push_back(x);
    if (feasible(p, x) && (!t.best || preferred(p, x, *t.best))) t.best = x;
  }
  t.extra_objective.resize(n);
  t.extra_budget.resize(n);
  if (!t.best) return t;
  const Decimal best = sum_of(p, *t.best, true);
  for (std::size_t i = 0; i < n; ++i) {
    if ((*t.best)[i] || p.candidates[i].rejected_by) continue;
    for (const Set& x : all) {
      if (!x[i]) continue;
      const Decimal o = sum_of(p, x, true);
      if (feasible(p, x) && (!t.extra_objective[i] || best - o < *t.extra_objective[i])) {
        t.extra_objective[i] = best - o;
      }
      if (p.budget && links_hold(p, x) && o >= best) {
        const auto b = least_budget(p, x);
        if (b && (!t.extra_budget[i] || *b - *p.budget < *t.extra_budget[i])) {
          t.extra_budget[i] = *b - *p.budget;
        }
      }
    }
  }
  return t;
}

// The instance in a line per candidate, shown when a check fails.
std::string describe(const Problem& p) {
  std::string d;
  for (const Candidate& c : p.candidates) {
    d += c.name + " cost " + c.cost.to_string() + " objective " + c.objective.to_string() +
         (c.rejected_by ? " rejected" : "") + (c.must_fund ? " must" : "") + " stage " +
         c.attributes.at("stage") + " requires";
    for (std::size_t j : c.requires_) d += " " + std::to_string(j);
    d += " excludes";
    for (std::size_t j : c.excludes) d += " " + std::to_string(j);
    d += "\n";
  }
  if (p.budget) d += "budget " + p.budget->to_string() + "\n";
  for (const ShareRule& r : p.shares) {
    d += (r.bound == ShareRule::Bound::at_least ? "at least " : "at most ") + r.share.to_string() +
         " to stage " + r.value + "\n";
  }
  return d;
}

Problem random_problem(std::mt19937_64& rng, std::size_t n) {
  auto below = [&](std::uint64_t k) { return static_cast<std::int64_t>(rng() % k); };
  Problem p;
  Decimal total;
  for (std::size_t i = 0; i < n; ++i) {
    Candidate c;
    c.name = "c" + std::to_string(i);
    if (i > 0 && below(10) == 0) {
      // An exact twin of an earlier one: ties must break the documented way.
      const Candidate& twin = p.candidates[static_cast<std::size_t>(below(static_cast<std::int64_t>(i)))];
      c.cost = twin.cost;
      c.objective = twin.objective;
    } else {
      c.cost = Decimal(below(41));
      if (below(4) == 0) c.cost += Decimal::from_scaled(below(100), 2);  // cents
      c.objective = Decimal(below(111) - 30);                          // some negative
      if (below(10) == 0) {
        // Differences far past a double's precision.
        c.objective += Decimal::from_scaled(below(1000), 28);
      }
    }
    if (below(10) == 0) c.rejected_by = "reject rule " + std::to_string(i);
    if (below(20) == 0) c.must_fund = true;
    c.attributes["stage"] = std::string(1, static_cast<char>('a' + below(3)));
    total += c.cost;
    p.candidates.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < n && n > 1; ++i) {
    auto other = [&] {
      std::size_t j = static_cast<std::size_t>(below(static_cast<std::int64_t>(n - 1)));
      return j >= i ? j + 1 : j;
    };
    if (below(5) == 0) p.candidates[i].requires_.push_back(other());
    if (below(10) == 0) p.candidates[i].excludes.push_back(other());
  }
  if (below(7) != 0) {
    p.budget = (total * Decimal::from_scaled(20 + below(71), 2)).floor();
    const char* shares[] = {"0.1", "0.2", "0.25", "0.4", "0.5"};
    for (std::int64_t r = below(3); r > 0; --r) {
      ShareRule rule;
      rule.bound = below(2) == 0 ? ShareRule::Bound::at_least : ShareRule::Bound::at_most;
      rule.share = dec(shares[below(5)]);
      rule.dimension = "stage";
      rule.value = std::string(1, static_cast<char>('a' + below(2)));
      rule.text = "share rule " + std::to_string(r);
      p.shares.push_back(std::move(rule));
    }
  }
  return p;
}

}  // namespace

TEST_CASE("random portfolios match an exact brute force, reasons and what it would take included") {
  std::mt19937_64 rng(20271);
  int optimal = 0, infeasible = 0;
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = round % 25 == 0 ? 16 : 1 + static_cast<std::size_t>(rng() % 10);
    const Problem p = random_problem(rng, n);
    // Near-tie enumeration is bounded; a small limit exercises the fallback too.
    SolveOptions options;
    options.tie_pool_limit = round % 2 == 0 ? 32 : 2;
    options.analyse_unfunded = n <= 10;
    const Solution s = solve(p, options);
    const Truth truth = brute_force(p);
    CAPTURE(round);
    INFO(describe(p));
    if (!truth.best) {
      CHECK(s.status == Status::infeasible);
      CHECK_FALSE(s.conflicts.empty());
      ++infeasible;
      continue;
    }
    REQUIRE(s.status == Status::optimal);
    ++optimal;
    Set got(n, false);
    for (std::size_t i : s.funded) got[i] = true;
    CHECK(got == *truth.best);
    CHECK(s.objective == sum_of(p, *truth.best, true));
    CHECK(s.cost == sum_of(p, *truth.best, false));
    if (!options.analyse_unfunded) continue;
    for (std::size_t i = 0; i < n; ++i) {
      CAPTURE(i);
      const Outcome& o = s.outcomes[i];
      CHECK(o.funded == got[i]);
      if (got[i]) continue;
      CHECK_FALSE(o.reason.empty());
      if (p.candidates[i].rejected_by) continue;
      CHECK(o.extra_objective == truth.extra_objective[i]);
      CHECK(o.extra_budget == truth.extra_budget[i]);
      if (o.kind == ReasonKind::tie) CHECK(o.extra_objective == Decimal(0));
    }
  }
  // The generator must produce both kinds for the comparison to mean much.
  CHECK(optimal > 150);
  CHECK(infeasible > 5);
}
