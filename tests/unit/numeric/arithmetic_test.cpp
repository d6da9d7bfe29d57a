// Exact + - * and comparison, division rounding, limits.

#include <doctest/doctest.h>

#include <string>
#include <type_traits>

#include "numeric/decimal.hpp"

using cxv::ArithmeticError;
using cxv::Decimal;

namespace {
Decimal d(const char* text) {
  auto v = Decimal::parse(text);
  REQUIRE_MESSAGE(v.has_value(), text);
  return *v;
}
}  // namespace

TEST_CASE("0.1 + 0.2 is exactly 0.3") {
  CHECK(d("0.1") + d("0.2") == d("0.3"));
  CHECK((d("0.1") + d("0.2")).to_string() == "0.3");
  CHECK(d("0.3") - d("0.1") - d("0.2") == Decimal(0));
}

TEST_CASE("mixed scales add, subtract and compare exactly") {
  CHECK((d("1.5") + d("0.25")).to_string() == "1.75");
  CHECK((d("1000") - d("0.001")).to_string() == "999.999");
  CHECK((d("12.30") * d("0.5")).to_string() == "6.15");
  CHECK(d("1.50") == d("1.5"));
  CHECK(d("1.50") == d("1.500000"));
  CHECK(d("2") > d("1.999999999999999999999999999999999999999"));
  CHECK(d("-2") < d("-1.999999999999999999999999999999999999999"));
  CHECK(d("0.000") == Decimal(0));
  CHECK(d("-0") == Decimal(0));
  CHECK(d("-0").sign() == 0);
  CHECK(d("0.001") < d("0.01"));
}

TEST_CASE("money sums are exact at millions of rows") {
  // 3 million times 0.01 plus 3 million times 1234.56: any binary float drifts here.
  Decimal total;
  const Decimal cent = d("0.01");
  const Decimal price = d("1234.56");
  for (int i = 0; i < 3'000'000; ++i) {
    total += cent;
    total += price;
  }
  CHECK(total.to_string() == "3703710000");
  double approx = 0;
  for (int i = 0; i < 3'000'000; ++i) approx += 0.01 + 1234.56;
  CHECK(approx != 3703710000.0);  // the reason Decimal exists
}

TEST_CASE("division rounds half-even to 34 significant digits") {
  CHECK((Decimal(1) / Decimal(3)).to_string() == "0.3333333333333333333333333333333333");
  CHECK((Decimal(2) / Decimal(3)).to_string() == "0.6666666666666666666666666666666667");
  CHECK((Decimal(10) / Decimal(4)).to_string() == "2.5");
  CHECK((d("1.00") / Decimal(8)).to_string() == "0.125");
  CHECK((Decimal(-1) / Decimal(3)).to_string() == "-0.3333333333333333333333333333333333");
  CHECK((Decimal(-2) / Decimal(-3)).to_string() == "0.6666666666666666666666666666666667");
  CHECK((Decimal(100) / Decimal(7)).to_string() == "14.28571428571428571428571428571429");
  // 34 significant digits also for large quotients: the units digit is rounded.
  CHECK((d("12345678901234567890123456789012345678") / Decimal(1)).to_string() ==
        "12345678901234567890123456789012350000");
  // Ties go to even: 0.5 ulp exactly.
  CHECK((d("10000000000000000000000000000000005") / Decimal(10)).to_string() ==
        "1000000000000000000000000000000000");
  CHECK((d("10000000000000000000000000000000015") / Decimal(10)).to_string() ==
        "1000000000000000000000000000000002");
  // Divisors too wide for the 128-bit long division take the cpp_int path.
  const Decimal wide = d("98765432109876543210987654321098765432.1");
  CHECK((wide / wide) == Decimal(1));
  CHECK((Decimal(1) / wide).to_string() == "0.00000000000000000000000000000000000001012499999886093750001423828124982");
}

TEST_CASE("division by zero throws") {
  CHECK_THROWS_AS(Decimal(1) / Decimal(0), ArithmeticError);
  CHECK_THROWS_AS(d("0.0") / d("0.00"), ArithmeticError);
}

TEST_CASE("growth past the limits is an error, never a wrap") {
  // 10^3999 is within limits; squaring it is not.
  const Decimal big = Decimal::pow10(3999);
  CHECK(big.to_string().size() == 4000);
  CHECK_THROWS_AS(big * big, ArithmeticError);
  CHECK_THROWS_AS(big * Decimal(10), ArithmeticError);
  CHECK_THROWS_AS(Decimal::pow10(4000), ArithmeticError);
  // Places: 10^-600000 squared needs 1.2 million places.
  const Decimal tiny = Decimal::pow10(-600000);
  CHECK_THROWS_AS(tiny * tiny, ArithmeticError);
  // Adding numbers whose exact sum needs too many digits.
  CHECK_THROWS_AS(big + tiny, ArithmeticError);
  // The 128-bit fast path overflows silently into cpp_int instead.
  const Decimal max64 = Decimal(INT64_MAX);
  const Decimal p = max64 * max64 * max64;
  CHECK(p.to_string() == "784637716923335095224261902710254454442933591094742482943");
  CHECK(!p.repr().is_small());
}

TEST_CASE("results that fit 128 bits return to the fast path") {
  const Decimal huge = Decimal::pow10(60);
  const Decimal x = d("123.45");
  const Decimal y = x + huge - huge;
  CHECK(y == x);
  CHECK(y.repr().is_small());
  const Decimal z = (x * huge) / huge;
  CHECK(z == x);
  CHECK(z.repr().is_small());
}

TEST_CASE("sign, abs, negation, integers") {
  CHECK(d("-3.5").abs() == d("3.5"));
  CHECK(-d("3.5") == d("-3.5"));
  CHECK(d("4.000").is_integer());
  CHECK(!d("4.001").is_integer());
  CHECK(Decimal::pow10(50).is_integer());
  CHECK(d("-0.5").sign() == -1);
  CHECK(Decimal::from_scaled(12345, 2) == d("123.45"));
  CHECK(Decimal::from_scaled(5, -3) == Decimal(5000));
  CHECK(Decimal::pow10(-2) == d("0.01"));
}

TEST_CASE("integers convert implicitly, doubles only through from_double") {
  static_assert(std::is_convertible_v<int, Decimal>);
  static_assert(std::is_convertible_v<std::int64_t, Decimal>);
  static_assert(std::is_constructible_v<Decimal, std::size_t>);
  static_assert(!std::is_constructible_v<Decimal, double>);  // would truncate 1.5 to 1
  static_assert(!std::is_constructible_v<Decimal, float>);
  CHECK(Decimal(std::size_t{7}) == Decimal(7));
}

TEST_CASE("a Decimal built from any representation is brought to the invariant") {
  cxv::DecimalRepr negative_scale;
  negative_scale.small = 5;
  negative_scale.scale = -3;
  CHECK(Decimal(negative_scale) == Decimal(5000));
  CHECK(Decimal(negative_scale).repr().scale == 0);

  cxv::DecimalRepr most_negative;
  most_negative.small = static_cast<cxv::i128>(static_cast<cxv::u128>(1) << 127);
  const Decimal m(most_negative);
  CHECK(!m.repr().is_small());  // it has no positive counterpart in 128 bits
  CHECK((-m).to_string() == "170141183460469231731687303715884105728");

  cxv::DecimalRepr too_many_places;
  too_many_places.small = 1;
  too_many_places.scale = cxv::kMaxScale + 1;
  CHECK_THROWS_AS(Decimal{too_many_places}.sign(), ArithmeticError);
}
