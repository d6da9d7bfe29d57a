// The efficient frontier and determinism.

#include <doctest/doctest.h>

#include <random>

#include "builders.hpp"
#include "portfolio/frontier.hpp"
#include "portfolio/solve.hpp"

using namespace cxv::portfolio;
using cxv::Decimal;
using namespace portfolio_test;

namespace {

// The knapsack of solve_test: a (6, 7), b (5, 5.5), c (5, 5.5).
Problem knapsack() {
  Problem p;
  p.budget = dec("10");
  add(p, "a", "6", "7");
  add(p, "b", "5", "5.5");
  add(p, "c", "5", "5.5");
  return p;
}

// Random problems whose frontier must rise with the budget: links, must
// funds and `at most` shares only (an `at least` share of a larger budget
// can force spending on poor initiatives, so it is left out here).
Problem random_monotone(std::mt19937_64& rng) {
  auto below = [&](std::uint64_t k) { return static_cast<std::int64_t>(rng() % k); };
  Problem p;
  const std::size_t n = 2 + static_cast<std::size_t>(below(10));
  for (std::size_t i = 0; i < n; ++i) {
    Candidate c;
    c.name = "c" + std::to_string(i);
    c.cost = Decimal(1 + below(30)) + Decimal::from_scaled(below(100), 2);
    c.objective = Decimal(below(80) - 20);
    c.must_fund = below(15) == 0;
    c.attributes["stage"] = below(2) == 0 ? "x" : "y";
    if (i > 0 && below(4) == 0) c.requires_.push_back(static_cast<std::size_t>(below(static_cast<std::int64_t>(i))));
    if (i > 0 && below(8) == 0) c.excludes.push_back(static_cast<std::size_t>(below(static_cast<std::int64_t>(i))));
    p.candidates.push_back(std::move(c));
  }
  p.budget = Decimal(50);
  if (below(2) == 0) {
    p.shares.push_back({ShareRule::Bound::at_most, dec("0.5"), "stage", "x", "at most 50% to x"});
  }
  return p;
}

}  // namespace

TEST_CASE("the frontier re-solves at each budget") {
  const Problem p = knapsack();
  // Worked by hand: nothing fits at 0; b at 5; a at 6; b + c at 10;
  // a + b at 11; all three (16) at 16.
  const auto points = frontier(p, {dec("0"), dec("5"), dec("6"), dec("10"), dec("11"), dec("16")});
  REQUIRE(points.size() == 6);
  const char* expected[] = {"0", "5.5", "7", "11", "12.5", "18"};
  for (std::size_t k = 0; k < points.size(); ++k) {
    CAPTURE(k);
    CHECK(points[k].status == Status::optimal);
    CHECK(points[k].objective == dec(expected[k]));
  }
  CHECK(points[3].funded == std::vector<std::size_t>{1, 2});
  CHECK(points[4].funded == std::vector<std::size_t>{0, 1});
  CHECK(points[5].cost == dec("16"));
}

TEST_CASE("budget steps: ten steps up to the eligible total, plus the declared budget") {
  Problem p = knapsack();
  const auto r = add(p, "rejected", "100", "50");
  p.candidates[r].rejected_by = "reject when ...";  // not eligible: not in the total
  const auto steps = frontier_budgets(p);
  // 16 * k / 10 rounded up to whole units (the costs have no cents), and 10.
  std::vector<Decimal> expected;
  for (const char* s : {"2", "4", "5", "7", "8", "10", "12", "13", "15", "16"}) expected.push_back(dec(s));
  CHECK(steps == expected);

  Problem cents;
  cents.budget = dec("0.05");
  add(cents, "a", "0.10", "1");
  add(cents, "b", "0.21", "1");
  const auto cent_steps = frontier_budgets(cents, 3);
  // 0.31 / 3 = 0.1033.. -> 0.11; 0.2066.. -> 0.21; 0.31; plus 0.05.
  std::vector<Decimal> expected_cents{dec("0.05"), dec("0.11"), dec("0.21"), dec("0.31")};
  CHECK(cent_steps == expected_cents);
  CHECK(frontier_budgets(Problem{}).empty());
}

TEST_CASE("each frontier point is the optimum at its budget, and never falls as the budget rises") {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 40; ++round) {
    CAPTURE(round);
    const Problem p = random_monotone(rng);
    const auto budgets = frontier_budgets(p, 8);
    const auto points = frontier(p, budgets);
    REQUIRE(points.size() == budgets.size());
    bool was_feasible = false;
    Decimal previous;
    for (std::size_t k = 0; k < points.size(); ++k) {
      CAPTURE(k);
      Problem at = p;
      at.budget = budgets[k];
      SolveOptions quick;
      quick.analyse_unfunded = false;
      const Solution s = solve(at, quick);
      CHECK(points[k].status == s.status);
      CHECK(points[k].funded == s.funded);
      if (points[k].status == Status::infeasible) {
        CHECK_FALSE(was_feasible);  // more budget never makes rules impossible here
        continue;
      }
      REQUIRE(points[k].status == Status::optimal);
      CHECK(points[k].cost <= budgets[k]);
      if (was_feasible) CHECK(points[k].objective >= previous);
      was_feasible = true;
      previous = points[k].objective;
    }
  }
}

TEST_CASE("the same problem gives the same answer, reasons and figures included") {
  std::mt19937_64 rng(99);
  for (int round = 0; round < 10; ++round) {
    const Problem p = random_monotone(rng);
    const Solution first = solve(p);
    const Solution again = solve(p);
    CHECK(first.status == again.status);
    CHECK(first.funded == again.funded);
    CHECK(first.objective == again.objective);
    REQUIRE(first.outcomes.size() == again.outcomes.size());
    for (std::size_t i = 0; i < first.outcomes.size(); ++i) {
      CHECK(first.outcomes[i].rank == again.outcomes[i].rank);
      CHECK(first.outcomes[i].reason == again.outcomes[i].reason);
      CHECK(first.outcomes[i].extra_budget == again.outcomes[i].extra_budget);
      CHECK(first.outcomes[i].extra_objective == again.outcomes[i].extra_objective);
    }
  }
}
