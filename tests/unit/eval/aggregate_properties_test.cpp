// Property tests: each aggregate on random tables (seeded, with missing
// values and mixed decimal scales) against a straightforward row-at-a-time
// computation: optional<Decimal> per row, optional<bool> for three-valued
// predicates, a full sort for order statistics.

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "eval/evaluator.hpp"
#include "ir_builder.hpp"

using namespace cxv;
using namespace cxv::eval;
using namespace cxv::eval::testing;
using ir::Builtin;
using ir::Op;

namespace {

struct RandomTable {
  std::vector<std::optional<Decimal>> x, y;
  std::vector<std::optional<bool>> flag;
  Fixture fixture;
};

std::string random_number(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> digits(0, 3);
  std::uniform_int_distribution<long long> value(-50000, 50000);
  const long long v = value(rng);
  const int places = digits(rng);
  std::string s = std::to_string(v < 0 ? -v : v);
  while (static_cast<int>(s.size()) <= places) s.insert(s.begin(), '0');
  if (places > 0) s.insert(s.end() - places, '.');
  return (v < 0 ? "-" : "") + s;
}

RandomTable make_random(std::uint64_t seed, std::size_t rows) {
  std::mt19937_64 rng(seed);
  std::bernoulli_distribution missing(0.15), coin(0.4);
  RandomTable t;
  std::vector<std::string> xs, ys, fs;
  for (std::size_t i = 0; i < rows; ++i) {
    for (auto* pair : {&xs, &ys}) {
      if (missing(rng)) {
        pair->push_back("");
        (pair == &xs ? t.x : t.y).push_back(std::nullopt);
      } else {
        pair->push_back(random_number(rng));
        (pair == &xs ? t.x : t.y).push_back(*Decimal::parse(pair->back()));
      }
    }
    if (missing(rng)) {
      fs.push_back("");
      t.flag.push_back(std::nullopt);
    } else {
      const bool b = coin(rng);
      fs.push_back(b ? "yes" : "0");
      t.flag.push_back(b);
    }
  }
  t.fixture.add_table("t", {{"x", ir::ColumnKind::number, xs}, {"y", ir::ColumnKind::number, ys}, {"flag", ir::ColumnKind::boolean, fs}});
  return t;
}

// The reference predicate: flag or x > y, in Kleene logic, row by row.
std::optional<bool> predicate(const RandomTable& t, std::size_t i) {
  std::optional<bool> gt;
  if (t.x[i] && t.y[i]) gt = *t.x[i] > *t.y[i];
  const std::optional<bool> f = t.flag[i];
  if ((f && *f) || (gt && *gt)) return true;
  if (f && gt) return false;
  return std::nullopt;
}

ir::ExprPtr predicate_expr(const Fixture& f) {
  return bin(Op::or_, col(f, 0, "flag"), bin(Op::gt, col(f, 0, "x"), col(f, 0, "y")));
}

// The reference row expression: x - y * 3.
std::optional<Decimal> row_value(const RandomTable& t, std::size_t i) {
  if (!t.x[i] || !t.y[i]) return std::nullopt;
  return *t.x[i] - *t.y[i] * Decimal(3);
}

ir::ExprPtr row_expr(const Fixture& f) { return bin(Op::sub, col(f, 0, "x"), bin(Op::mul, col(f, 0, "y"), num("3"))); }

std::optional<Decimal> reference_percentile(std::vector<Decimal> v, const Decimal& p) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const Decimal h = Decimal(static_cast<std::int64_t>(v.size() - 1)) * p;
  std::size_t lo = 0;
  while (Decimal(static_cast<std::int64_t>(lo + 1)) <= h) ++lo;   // floor by counting
  const Decimal frac = h - Decimal(static_cast<std::int64_t>(lo));
  if (lo + 1 >= v.size()) return v[lo];
  return v[lo] + frac * (v[lo + 1] - v[lo]);
}

std::optional<Decimal> evaluate(RandomTable& t, const ir::ExprPtr& e) {
  Evaluator ev(t.fixture.program, t.fixture.tables, [](ir::Index) { return std::optional<Decimal>(); });
  try {
    return ev.number(*e);
  } catch (const EvalError& err) {
    REQUIRE(err.code == "E150");   // the only error random data may cause: no values
    return std::nullopt;
  }
}

}  // namespace

TEST_CASE("aggregates agree with a row-at-a-time reference on random tables") {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const std::size_t rows = seed % 5 == 0 ? seed % 3 : 50 + seed * 37;   // some tiny and empty tables
    RandomTable t = make_random(seed, rows);
    CAPTURE(seed);
    CAPTURE(rows);
    const Fixture& f = t.fixture;

    std::size_t true_rows = 0, known_rows = 0;
    std::vector<Decimal> selected, x_present;
    Decimal sum, x_sum;
    for (std::size_t i = 0; i < rows; ++i) {
      const auto p = predicate(t, i);
      if (p) ++known_rows;
      if (t.x[i]) {
        x_present.push_back(*t.x[i]);
        x_sum += *t.x[i];
      }
      if (!p || !*p) continue;
      ++true_rows;
      if (auto v = row_value(t, i)) {
        selected.push_back(*v);
        sum += *v;
      }
    }

    CHECK(evaluate(t, agg(Builtin::count, 0, nullptr)) == Decimal(static_cast<std::int64_t>(rows)));
    CHECK(evaluate(t, agg(Builtin::count, 0, nullptr, predicate_expr(f))) == Decimal(static_cast<std::int64_t>(true_rows)));
    const auto share = evaluate(t, agg(Builtin::share, 0, nullptr, predicate_expr(f)));
    if (known_rows == 0) CHECK_FALSE(share);
    else CHECK(share == Decimal(static_cast<std::int64_t>(true_rows)) / Decimal(static_cast<std::int64_t>(known_rows)));

    CHECK(evaluate(t, agg(Builtin::sum, 0, row_expr(f), predicate_expr(f))) == sum);
    CHECK(evaluate(t, agg(Builtin::sum, 0, col(f, 0, "x"))) == x_sum);
    const auto mean = evaluate(t, agg(Builtin::mean, 0, row_expr(f), predicate_expr(f)));
    if (selected.empty()) CHECK_FALSE(mean);
    else CHECK(mean == sum / Decimal(static_cast<std::int64_t>(selected.size())));

    const auto lo = evaluate(t, agg(Builtin::min, 0, row_expr(f), predicate_expr(f)));
    const auto hi = evaluate(t, agg(Builtin::max, 0, row_expr(f), predicate_expr(f)));
    if (selected.empty()) {
      CHECK_FALSE(lo);
      CHECK_FALSE(hi);
    } else {
      CHECK(lo == *std::min_element(selected.begin(), selected.end()));
      CHECK(hi == *std::max_element(selected.begin(), selected.end()));
    }
    CHECK(evaluate(t, agg(Builtin::median, 0, row_expr(f), predicate_expr(f))) ==
          reference_percentile(selected, *Decimal::parse("0.5")));
    for (const char* p : {"0", "0.1", "0.9", "0.333", "1"}) {
      CAPTURE(p);
      CHECK(evaluate(t, percentile(0, row_expr(f), p, predicate_expr(f))) == reference_percentile(selected, *Decimal::parse(p)));
      CHECK(evaluate(t, percentile(0, col(f, 0, "x"), p)) == reference_percentile(x_present, *Decimal::parse(p)));
    }
  }
}
