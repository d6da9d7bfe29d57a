// The unit algebra (check/units.hpp) and literal normalisation to base units.
#include <doctest/doctest.h>

#include "check/suggest.hpp"
#include "check/units.hpp"
#include "check_helpers.hpp"

using namespace cxv;

namespace {

const Unit plain = Unit::plain();
const Unit ratio = Unit::ratio_unit();
const Unit usd = Unit::money();
const Unit month = Unit::of(Dim::month);
const Unit minute = Unit::of(Dim::minute);
const Unit points = Unit::of(Dim::points);

}  // namespace

TEST_CASE("unit algebra: the rules of * and /") {
  struct Row {
    const char* what;
    Unit got, want;
  };
  const Row rows[] = {
      {"ratio × ratio = ratio", ratio * ratio, ratio},
      {"ratio × plain = ratio", ratio * plain, ratio},
      {"plain × ratio = ratio", plain * ratio, ratio},
      {"ratio / ratio = plain", ratio / ratio, plain},
      {"ratio × USD = USD", ratio * usd, usd},
      {"USD/month × ratio = USD/month", Unit::money_per_month() * ratio, Unit::money_per_month()},
      {"USD / ratio = USD", usd / ratio, usd},
      {"USD / month", usd / month, Unit::money_per_month()},
      {"points / points = plain", points / points, plain},
      {"pp/points × points = ratio", (ratio / points) * points, ratio},
      {"plain × plain = plain (counts are labels)", plain * plain, plain},
      {"month and minute stay apart", month / minute, Unit::of(Dim::month) * Unit::of(Dim::minute, -1)},
      {"USD × USD", usd * usd, Unit::of(Dim::money, 2)},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    CHECK(r.got == r.want);
  }
  CHECK((ratio / points).ratio == 1);
  CHECK((ratio / points)[Dim::points] == -1);
  CHECK_FALSE(month == minute);
}

TEST_CASE("unit algebra: rendering for messages") {
  CHECK(to_string(plain, "USD") == "a plain number");
  CHECK(to_string(ratio, "USD") == "ratio");
  CHECK(to_string(Unit::money_per_month(), "USD") == "USD/month");
  CHECK(to_string(Unit::money_per_month(), "EUR") == "EUR/month");
  CHECK(to_string(points, "USD") == "points");
  CHECK(to_string(month, "USD") == "months");
  CHECK(to_string(Unit::of(Dim::month, -1), "USD") == "per month");
  CHECK(to_string(ratio / points, "USD") == "ratio/point");
  CHECK(to_string(Unit::of(Dim::money, 2), "USD") == "USD^2");
}

TEST_CASE("unit words: calendar and clock time convert within themselves only") {
  CHECK(known_unit_word("years")->unit == month);
  CHECK(known_unit_word("years")->factor == Decimal(12));
  CHECK(known_unit_word("quarter")->factor == Decimal(3));
  CHECK(known_unit_word("hours")->unit == minute);
  CHECK(known_unit_word("day")->factor == Decimal(1440));
  CHECK(known_unit_word("weeks")->factor == Decimal(10080));
  CHECK(known_unit_word("ratio")->unit == ratio);
  CHECK(known_unit_word("count")->unit == plain);
  CHECK(known_unit_word("count")->label);
  CHECK_FALSE(known_unit_word("customer"));
  CHECK(looks_like_currency("USD"));
  CHECK_FALSE(looks_like_currency("Usd"));
  CHECK_FALSE(looks_like_currency("USDX"));
}

TEST_CASE("did-you-mean: edit distance with swaps, and a tighter bound for short words") {
  CHECK(edit_distance("monhts", "months") == 1);
  CHECK(edit_distance("chrun", "churn") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(suggest("monhts", {"minutes", "months"}) == std::optional<std::string>("months"));
  CHECK(suggest("seat", {"year"}) == std::nullopt);  // 2 edits, but short words allow 1
  CHECK(suggest("zzzzzz", {"months"}) == std::nullopt);
}

namespace {

// The checked number of `value v for customers = <literal> * count(customers)`'s literal.
const ir::Expr& literal_of(const test::Checked& c) {
  const ir::Expr& f = *c.program->values.at(0).formula;
  return *f.operands.at(0);
}

std::unique_ptr<test::Checked> value_with(const std::string& literal) {
  return test::check_text(std::string(test::kHeader) + "value v for customers = " + literal + " * count(customers)\n");
}

}  // namespace

TEST_CASE("literals are normalised to base units; the written unit is kept for display") {
  struct Row {
    const char* literal;
    Decimal value;
    Unit unit;
    const char* display;
  };
  const Row rows[] = {
      {"2 years", Decimal(24), month, "years"},
      {"1 quarter", Decimal(3), month, "quarter"},
      {"2 hours", Decimal(120), minute, "hours"},
      {"1.5%", Decimal::from_scaled(15, 3), ratio, "%"},
      {"0.25pp", Decimal::from_scaled(25, 4), ratio, "pp"},
      {"450k USD", Decimal(450000), usd, "USD"},
      {"1.2M USD", Decimal(1200000), usd, "USD"},
      {"120k USD per year", Decimal(10000), Unit::money_per_month(), "USD per year"},
      {"6.50 USD per customer", Decimal::from_scaled(650, 2), usd, "USD per customer"},
      {"35 points", Decimal(35), points, "points"},
  };
  for (const auto& r : rows) {
    INFO(r.literal);
    auto c = value_with(r.literal);
    INFO(c->all());
    REQUIRE(c->program);
    const ir::Expr& lit = literal_of(*c);
    CHECK(lit.number == r.value);
    CHECK(lit.unit == r.unit);
    CHECK(lit.display.text == r.display);
  }
}

TEST_CASE("comparisons: a plain number adapts to a score and zero to anything, never to a ratio") {
  auto ok = [](const std::string& cond) {
    auto c = test::check_text(std::string(test::kHeader) + "kpi k {\n  measure share(customers where " + cond + ")\n}\n");
    INFO(c->all());
    return c->program != nullptr;
  };
  CHECK(ok("nps >= 9"));
  CHECK(ok("monthly_revenue > 0"));
  CHECK(ok("tenure < 3 months"));
  CHECK(ok("tenure < 1 year"));
  CHECK_FALSE(ok("tenure < 3"));
  CHECK_FALSE(ok("tenure < 3 days"));       // clock time is not calendar time
  CHECK_FALSE(ok("monthly_revenue > 10 USD"));  // USD/month vs USD
  CHECK(ok("monthly_revenue > 10 USD/month"));
  CHECK(ok("segment == \"smb\" and not churned"));
}

TEST_CASE("count labels are dimensionless: the flagship's service savings are USD/month") {
  auto c = test::check_text(std::string(test::kHeader) +
                            "kpi calls {\n  measure sum(customers.support_calls) / count(customers)\n}\n"
                            "value savings for shareholders = -delta(calls) * count(customers) * 6.50 USD per call\n");
  INFO(c->all());
  REQUIRE(c->program);
  CHECK(c->program->values[0].unit == Unit::money_per_month());
  CHECK(c->program->values[0].kind == ir::ValueKind::flow);
}

TEST_CASE("a KPI over a column shows the column's unit as written") {
  auto c = test::check_text(std::string(test::kHeader) + "kpi aht {\n  measure mean(customers.handle_time)\n}\n");
  REQUIRE(c->program);
  const auto& k = c->program->kpis[c->program->find_kpi("aht")];
  CHECK(k.unit == minute);
  CHECK(k.display.text == "minutes");
  CHECK(c->program->kpis[c->program->find_kpi("churn")].display.text == "%");
}
