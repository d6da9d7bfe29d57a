// Measures on small hand-checked tables: every aggregate, `where`, missing
// values and three-valued logic. Expected values are worked out by hand in
// the comments.

#include <doctest/doctest.h>

#include "eval/evaluator.hpp"
#include "ir_builder.hpp"

using namespace cxv;
using namespace cxv::eval;
using namespace cxv::eval::testing;
using ir::Builtin;
using ir::Op;

namespace {

// Six customers; row 4 has no nps, row 5 no churned flag.
//   row  segment   revenue  nps  churned  calls
//   1    consumer  10.50    9    true     0
//   2    consumer  20.25    6    false    2
//   3    business  30.00    10   false    1
//   4    business  40.75         true     4
//   5    consumer  5.00     3             0
//   6    "a, b"    100      7    no       3
Fixture customers() {
  Fixture f;
  f.add_table("customers", {
                               {"segment", ir::ColumnKind::text, {"consumer", "consumer", "business", "business", "consumer", "a, b"}},
                               {"revenue", ir::ColumnKind::number, {"10.50", "20.25", "30.00", "40.75", "5", "100"}},
                               {"nps", ir::ColumnKind::number, {"9", "6", "10", "", "3", "7"}},
                               {"churned", ir::ColumnKind::boolean, {"true", "FALSE", "0", "yes", "", "no"}},
                               {"calls", ir::ColumnKind::number, {"0", "2", "1", "4", "0", "3"}},
                           });
  return f;
}

Decimal eval_number(Fixture& f, const ir::ExprPtr& e) {
  Evaluator ev(f.program, f.tables, [](ir::Index) { return std::optional<Decimal>(); });
  return ev.number(*e);
}

Decimal d(const char* text) { return *Decimal::parse(text); }

EvalError eval_error(Fixture& f, const ir::ExprPtr& e) {
  try {
    eval_number(f, e);
  } catch (const EvalError& err) {
    return err;
  }
  FAIL("expected an evaluation error");
  return {};
}

}  // namespace

TEST_CASE("count counts rows, and rows where the condition is true") {
  Fixture f = customers();
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr)) == Decimal(6));
  // churned is true on rows 1 and 4; row 5 is unknown and not counted.
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr, col(f, 0, "churned"))) == Decimal(2));
  // nps >= 9: rows 1 and 3 (row 4 is unknown).
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr, bin(Op::ge, col(f, 0, "nps"), num("9")))) == Decimal(2));
}

TEST_CASE("share divides by the rows where the condition is known") {
  Fixture f = customers();
  // churned: true on 2 rows, known on 5 (row 5 is missing): 2 / 5 = 0.4.
  CHECK(eval_number(f, agg(Builtin::share, 0, nullptr, col(f, 0, "churned"))) == d("0.4"));
  // nps <= 6: rows 2 and 5 true; known on 5 rows (row 4 missing): 2 / 5.
  CHECK(eval_number(f, agg(Builtin::share, 0, nullptr, bin(Op::le, col(f, 0, "nps"), num("6")))) == d("0.4"));
  // The NPS formula: (2/5 - 2/5) * 100 = 0.
  auto nps = bin(Op::mul,
                 bin(Op::sub, agg(Builtin::share, 0, nullptr, bin(Op::ge, col(f, 0, "nps"), num("9"))),
                     agg(Builtin::share, 0, nullptr, bin(Op::le, col(f, 0, "nps"), num("6")))),
                 num("100"));
  CHECK(eval_number(f, nps) == Decimal(0));
}

TEST_CASE("sum, mean, min, max skip missing values") {
  Fixture f = customers();
  // 10.50 + 20.25 + 30.00 + 40.75 + 5 + 100 = 206.50
  CHECK(eval_number(f, agg(Builtin::sum, 0, col(f, 0, "revenue"))) == d("206.5"));
  // mean = 206.50 / 6 = 34.41666... rounded to 34 significant digits
  CHECK(eval_number(f, agg(Builtin::mean, 0, col(f, 0, "revenue"))) == d("206.5") / Decimal(6));
  // nps known on 5 rows: 9 + 6 + 10 + 3 + 7 = 35; mean 7
  CHECK(eval_number(f, agg(Builtin::sum, 0, col(f, 0, "nps"))) == Decimal(35));
  CHECK(eval_number(f, agg(Builtin::mean, 0, col(f, 0, "nps"))) == Decimal(7));
  CHECK(eval_number(f, agg(Builtin::min, 0, col(f, 0, "nps"))) == Decimal(3));
  CHECK(eval_number(f, agg(Builtin::max, 0, col(f, 0, "revenue"))) == Decimal(100));
  // mean revenue where churned: rows 1 and 4: (10.50 + 40.75) / 2 = 25.625
  CHECK(eval_number(f, agg(Builtin::mean, 0, col(f, 0, "revenue"), col(f, 0, "churned"))) == d("25.625"));
}

TEST_CASE("median and percentile interpolate between closest ranks (type 7)") {
  Fixture f = customers();
  // nps known, sorted: 3 6 7 9 10 (n = 5). median: h = 4 * 0.5 = 2 -> 7.
  CHECK(eval_number(f, agg(Builtin::median, 0, col(f, 0, "nps"))) == Decimal(7));
  // 90%: h = 4 * 0.9 = 3.6 -> 9 + 0.6 * (10 - 9) = 9.6
  CHECK(eval_number(f, percentile(0, col(f, 0, "nps"), "0.9")) == d("9.6"));
  // 0% and 100% are the min and the max.
  CHECK(eval_number(f, percentile(0, col(f, 0, "nps"), "0")) == Decimal(3));
  CHECK(eval_number(f, percentile(0, col(f, 0, "nps"), "1")) == Decimal(10));
  // revenue, 6 values sorted: 5 10.50 20.25 30 40.75 100. median h = 2.5:
  // 20.25 + 0.5 * (30 - 20.25) = 25.125
  CHECK(eval_number(f, agg(Builtin::median, 0, col(f, 0, "revenue"))) == d("25.125"));
  // 25%: h = 5 * 0.25 = 1.25: 10.50 + 0.25 * (20.25 - 10.50) = 12.9375
  CHECK(eval_number(f, percentile(0, col(f, 0, "revenue"), "0.25")) == d("12.9375"));
}

TEST_CASE("a percentile outside 0..100% is a located error") {
  Fixture f = customers();
  auto e = percentile(0, col(f, 0, "nps"), "1.5");
  EvalError err = eval_error(f, e);
  CHECK(err.code == "E155");
}

TEST_CASE("three-valued logic: where keeps only rows where the predicate is true") {
  Fixture f = customers();
  auto churned = [&] { return col(f, 0, "churned"); };
  auto promoter = [&] { return bin(Op::ge, col(f, 0, "nps"), num("9")); };
  // churned and promoter: row 1 true; row 4 (true and unknown) unknown; row 5
  // (unknown and false) false. count 1, known = 5 (all but row 4) -> share 1/5.
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr, bin(Op::and_, churned(), promoter()))) == Decimal(1));
  CHECK(eval_number(f, agg(Builtin::share, 0, nullptr, bin(Op::and_, churned(), promoter()))) == d("0.2"));
  // churned or promoter: rows 1, 3, 4 true (4: true or unknown = true); row 5:
  // unknown or false = unknown. true 3, known 5 -> 0.6.
  CHECK(eval_number(f, agg(Builtin::share, 0, nullptr, bin(Op::or_, churned(), promoter()))) == d("0.6"));
  // not churned: rows 2, 3, 6 true; row 5 stays unknown: 3 of 5.
  CHECK(eval_number(f, agg(Builtin::share, 0, nullptr, not_(churned()))) == d("0.6"));
  // nps == nps is unknown (not true) where nps is missing: 5 rows.
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr, bin(Op::eq, col(f, 0, "nps"), col(f, 0, "nps")))) == Decimal(5));
}

TEST_CASE("row arithmetic: missing propagates, scales combine exactly") {
  Fixture f = customers();
  // sum(revenue * nps) over rows with nps: 10.50*9 + 20.25*6 + 30*10 + 5*3 + 100*7
  //   = 94.5 + 121.5 + 300 + 15 + 700 = 1231
  CHECK(eval_number(f, agg(Builtin::sum, 0, bin(Op::mul, col(f, 0, "revenue"), col(f, 0, "nps")))) == Decimal(1231));
  // sum(revenue - 0.25) = 206.50 - 6 * 0.25 = 205
  CHECK(eval_number(f, agg(Builtin::sum, 0, bin(Op::sub, col(f, 0, "revenue"), num("0.25")))) == Decimal(205));
  // mean(revenue / calls where calls > 0): rows 2, 3, 4, 6:
  //   20.25/2 + 30/1 + 40.75/4 + 100/3 = 10.125 + 30 + 10.1875 + 33.333... ; / 4
  const Decimal expected = (d("10.125") + Decimal(30) + d("10.1875") + Decimal(100) / Decimal(3)) / Decimal(4);
  CHECK(eval_number(f, agg(Builtin::mean, 0, bin(Op::div, col(f, 0, "revenue"), col(f, 0, "calls")),
                           bin(Op::gt, col(f, 0, "calls"), num("0")))) == expected);
  // A bool in arithmetic counts 1 for true: sum(churned) = 2.
  CHECK(eval_number(f, agg(Builtin::sum, 0, col(f, 0, "churned"))) == Decimal(2));
}

TEST_CASE("division by zero in a row is a located error naming the row") {
  Fixture f = customers();
  auto e = agg(Builtin::sum, 0, bin(Op::div, col(f, 0, "revenue"), col(f, 0, "calls")));
  EvalError err = eval_error(f, e);
  CHECK(err.code == "E151");
  CHECK(err.message.find("row 1 of table 'customers'") != std::string::npos);
  // A scalar division by zero too.
  auto s = bin(Op::div, num("1"), agg(Builtin::count, 0, nullptr, bin(Op::gt, col(f, 0, "calls"), num("100"))));
  CHECK(eval_error(f, s).code == "E151");
}

TEST_CASE("aggregates over no values are errors, not NaN") {
  Fixture f = customers();
  auto none = [&] { return bin(Op::gt, col(f, 0, "revenue"), num("1000")); };
  CHECK(eval_error(f, agg(Builtin::mean, 0, col(f, 0, "revenue"), none())).code == "E150");
  CHECK(eval_error(f, agg(Builtin::median, 0, col(f, 0, "revenue"), none())).code == "E150");
  CHECK(eval_error(f, agg(Builtin::min, 0, col(f, 0, "revenue"), none())).code == "E150");
  CHECK(eval_error(f, agg(Builtin::max, 0, col(f, 0, "revenue"), none())).code == "E150");
  CHECK(eval_error(f, percentile(0, col(f, 0, "revenue"), "0.5", none())).code == "E150");
  // A condition false wherever it is known: share 0 of the 5 known rows.
  auto unknown = bin(Op::gt, bin(Op::mul, col(f, 0, "nps"), num("0")), num("1"));
  auto false_or_unknown = bin(Op::and_, std::move(unknown), bin(Op::eq, col(f, 0, "nps"), num("-1")));
  CHECK(eval_number(f, agg(Builtin::share, 0, nullptr, std::move(false_or_unknown))) == Decimal(0));
  // sum and count of no rows are 0.
  CHECK(eval_number(f, agg(Builtin::sum, 0, col(f, 0, "revenue"), none())) == Decimal(0));
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr, none())) == Decimal(0));
}

TEST_CASE("share over an empty table is an error") {
  Fixture f;
  f.add_table("empty", {{"flag", ir::ColumnKind::boolean, {}}});
  CHECK(eval_error(f, agg(Builtin::share, 0, nullptr, col(f, 0, "flag"))).code == "E150");
}

TEST_CASE("text comparisons use the column's values; missing text is unknown") {
  Fixture f = customers();
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr, bin(Op::eq, col(f, 0, "segment"), text("consumer")))) == Decimal(3));
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr, bin(Op::ne, col(f, 0, "segment"), text("consumer")))) == Decimal(3));
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr, bin(Op::eq, col(f, 0, "segment"), text("a, b")))) == Decimal(1));
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr, bin(Op::eq, col(f, 0, "segment"), text("nobody")))) == Decimal(0));
}

TEST_CASE("dates compare as days") {
  Fixture f;
  f.add_table("t", {{"since", ir::ColumnKind::date, {"2026-12", "2027-01-15", "", "2027-03-01"}}});
  auto lit = make(ir::ExprKind::date, ir::Type::date);
  lit->date = ir::Date{2027, 1, 0};
  // >= 2027-01 (= 2027-01-01): rows 2 and 4; row 3 unknown.
  CHECK(eval_number(f, agg(Builtin::count, 0, nullptr, bin(Op::ge, col(f, 0, "since"), std::move(lit)))) == Decimal(2));
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
}

TEST_CASE("large values leave the int64 path and stay exact") {
  Fixture f;
  f.add_table("t", {{"x", ir::ColumnKind::number, {"9223372036854775807", "9223372036854775807", "0.5"}}});
  // x * x overflows int64: computed in Decimals.
  const Decimal big = d("9223372036854775807");
  CHECK(eval_number(f, agg(Builtin::sum, 0, bin(Op::mul, col(f, 0, "x"), col(f, 0, "x")))) == big * big * Decimal(2) + d("0.25"));
  CHECK(eval_number(f, agg(Builtin::sum, 0, bin(Op::add, col(f, 0, "x"), col(f, 0, "x")))) == big * Decimal(4) + Decimal(1));
}

TEST_CASE("constructs that have no value on the data are E153, not a crash") {
  Fixture f = customers();
  auto value = make(ir::ExprKind::value_ref);
  value->ref = 0;
  CHECK(eval_error(f, value).code == "E153");
  auto funded = make(ir::ExprKind::builtin, ir::Type::boolean);
  funded->builtin = Builtin::cost;
  CHECK(eval_error(f, funded).code == "E153");
  // A row expression where one number is needed.
  CHECK(eval_error(f, col(f, 0, "revenue")).code == "E153");
}

TEST_CASE("delta is 0 at baseline: no initiative is in effect") {
  Fixture f = customers();
  auto delta = make(ir::ExprKind::builtin);
  delta->builtin = Builtin::delta;
  delta->operands.push_back(kpi(0));
  CHECK(eval_number(f, delta) == Decimal(0));
}

TEST_CASE("comparisons with a literal on either side, at any scale") {
  Fixture f = customers();
  auto count_where = [&](ir::ExprPtr c) { return eval_number(f, agg(Builtin::count, 0, nullptr, std::move(c))); };
  // 9 <= nps is nps >= 9: rows 1 and 3.
  CHECK(count_where(bin(Op::le, num("9"), col(f, 0, "nps"))) == Decimal(2));
  CHECK(count_where(bin(Op::gt, num("9"), col(f, 0, "nps"))) == Decimal(3));   // 6, 3, 7
  // A literal with more decimals than the column (10.505 vs cents): 20.25 30 40.75 100 -> 4 rows above.
  CHECK(count_where(bin(Op::gt, col(f, 0, "revenue"), num("10.505"))) == Decimal(4));
  CHECK(count_where(bin(Op::lt, num("10.505"), col(f, 0, "revenue"))) == Decimal(4));
  // Equal at different written scales: 30.00 == 30 and 10.50 == 10.5.
  CHECK(count_where(bin(Op::eq, col(f, 0, "revenue"), num("30"))) == Decimal(1));
  CHECK(count_where(bin(Op::eq, col(f, 0, "revenue"), num("10.5"))) == Decimal(1));
  CHECK(count_where(bin(Op::ne, col(f, 0, "revenue"), num("10.500"))) == Decimal(5));
}
