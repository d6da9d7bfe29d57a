// parse, to_string, to_fixed, rounding to places, doubles, fmt.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <string>

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

TEST_CASE("parse accepts plain decimals with `_` between digits") {
  struct Case {
    const char* text;
    const char* value;
  };
  const Case accepted[] = {
      {"42", "42"},           {"-1_250.50", "-1250.5"}, {"0.015", "0.015"},
      {"+3", "3"},            {"007", "7"},             {"-0", "0"},
      {"0.000", "0"},         {"1_000_000", "1000000"}, {"3.141_592", "3.141592"},
      {"-0.5", "-0.5"},       {"00.10", "0.1"},
      {"123456789012345678901234567890123456789012345", "123456789012345678901234567890123456789012345"},
  };
  for (const auto& c : accepted) {
    CAPTURE(c.text);
    auto v = Decimal::parse(c.text);
    REQUIRE(v.has_value());
    CHECK(v->to_string() == c.value);
  }
}

TEST_CASE("parse rejects everything else") {
  const char* rejected[] = {"",     ".",    ".5",   "1.",   "1e3",  "1E3", "--1", "+-1", "-",
                            "1__0", "_1",   "1_",   "1_.5", "1._5", " 1",  "1 ",  "1,5", "1.2.3",
                            "0x10", "inf",  "nan",  "1k",   "5%",   "$5",  "1-",  "++1", "١"};
  for (const char* text : rejected) {
    CAPTURE(text);
    Decimal::ParseError why;
    CHECK(!Decimal::parse(text, why).has_value());
    CHECK(why == Decimal::ParseError::syntax);
  }
}

TEST_CASE("parse rejects numbers past the limits, and says so") {
  Decimal::ParseError why;
  CHECK(!Decimal::parse(std::string(4001, '9'), why).has_value());
  CHECK(why == Decimal::ParseError::too_large);
  // Leading zeros and trailing fraction zeros do not count against the limit.
  CHECK(Decimal::parse(std::string(5000, '0') + "1", why).has_value());
  CHECK(why == Decimal::ParseError::none);
  CHECK(Decimal::parse(std::string(4000, '9'), why).has_value());
  CHECK(Decimal::parse("1." + std::string(5000, '0'), why) == Decimal(1));
}

TEST_CASE("to_string prints minimal digits and never an exponent") {
  CHECK(Decimal().to_string() == "0");
  CHECK(d("1.2300").to_string() == "1.23");
  CHECK(d("100").to_string() == "100");
  CHECK(d("0.0000001").to_string() == "0.0000001");
  CHECK(Decimal::pow10(30).to_string() == "1000000000000000000000000000000");
  CHECK(Decimal::pow10(-30).to_string() == "0.000000000000000000000000000001");
  CHECK(d("-12.000").to_string() == "-12");
  CHECK(Decimal(INT64_MIN).to_string() == "-9223372036854775808");
}

TEST_CASE("round is half-even at any number of places") {
  CHECK(d("2.5").round(0) == Decimal(2));
  CHECK(d("3.5").round(0) == Decimal(4));
  CHECK(d("-2.5").round(0) == Decimal(-2));
  CHECK(d("-3.5").round(0) == Decimal(-4));
  CHECK(d("2.51").round(0) == Decimal(3));
  CHECK(d("1.005").round(2) == d("1.00"));
  CHECK(d("1.015").round(2) == d("1.02"));
  CHECK(d("1.0050001").round(2) == d("1.01"));
  CHECK(d("1234.5").round(-2) == Decimal(1200));
  CHECK(d("1250").round(-2) == Decimal(1200));
  CHECK(d("1350").round(-2) == Decimal(1400));
  CHECK(d("0.004").round(2) == Decimal(0));
  CHECK(d("7.1").round(5) == d("7.1"));
}

TEST_CASE("trunc, floor and ceil go to integers") {
  CHECK(d("2.7").trunc() == Decimal(2));
  CHECK(d("-2.7").trunc() == Decimal(-2));
  CHECK(d("2.7").floor() == Decimal(2));
  CHECK(d("-2.1").floor() == Decimal(-3));
  CHECK(d("2.1").ceil() == Decimal(3));
  CHECK(d("-2.7").ceil() == Decimal(-2));
  CHECK(d("5.000").floor() == Decimal(5));
  CHECK(d("5.000").ceil() == Decimal(5));
  CHECK(Decimal::pow10(-500).ceil() == Decimal(1));
  CHECK((-Decimal::pow10(-500)).floor() == Decimal(-1));
  CHECK(Decimal::pow10(-500).floor() == Decimal(0));
  const Decimal big_fraction = Decimal::pow10(40) + d("0.5");
  CHECK(big_fraction.trunc() == Decimal::pow10(40));
  CHECK(big_fraction.ceil() == Decimal::pow10(40) + Decimal(1));
  CHECK(big_fraction.round(0) == Decimal::pow10(40));
}

TEST_CASE("to_fixed rounds half-even and keeps exactly the places asked") {
  CHECK(d("12.3").to_fixed(2) == "12.30");
  CHECK(d("1.005").to_fixed(2) == "1.00");
  CHECK(d("2.5").to_fixed(0) == "2");
  CHECK(d("-0.001").to_fixed(2) == "0.00");
  CHECK(d("-0.006").to_fixed(2) == "-0.01");
  CHECK(Decimal(7).to_fixed(3) == "7.000");
  CHECK(d("0.125").to_fixed(2) == "0.12");
  CHECK(d("0.135").to_fixed(2) == "0.14");
  CHECK(d("123456.789").to_fixed(-1) == "123457");
  CHECK_THROWS_AS(Decimal(1).to_fixed(2'000'000'000), ArithmeticError);
}

TEST_CASE("doubles: shortest round-trip digits in, correctly rounded out") {
  CHECK(Decimal::from_double(0.1).to_string() == "0.1");
  CHECK(Decimal::from_double(-2.5).to_string() == "-2.5");
  CHECK(Decimal::from_double(1e22).to_string() == "10000000000000000000000");
  CHECK(Decimal::from_double(1.5e-7).to_string() == "0.00000015");
  CHECK(Decimal::from_double(-0.0).is_zero());
  CHECK(Decimal::from_double(0.1 + 0.2).to_string() == "0.30000000000000004");
  CHECK_THROWS_AS(Decimal::from_double(NAN), ArithmeticError);
  CHECK_THROWS_AS(Decimal::from_double(INFINITY), ArithmeticError);
  CHECK(d("0.1").to_double() == 0.1);
  CHECK(d("-1234.5678").to_double() == -1234.5678);
  CHECK(Decimal::pow10(400).to_double() == HUGE_VAL);
  CHECK(Decimal::pow10(-400).to_double() == 0.0);
  for (double v : {3.14159, 1e-300, 123456789.125, 5e-324, 1.7976931348623157e308}) {
    CHECK(Decimal::from_double(v).to_double() == v);
  }
}

TEST_CASE("fmt prints the exact digits") {
  CHECK(fmt::format("{}", d("1250.50")) == "1250.5");
  CHECK(fmt::format("[{:>8}]", d("-3.25")) == "[   -3.25]");
  CHECK(fmt::format("{}", Decimal(1) / Decimal(3)) == "0.3333333333333333333333333333333333");
}

TEST_CASE("parse refuses a huge number quickly") {
  // A million significant digits after the point: refused before any big-integer work.
  Decimal::ParseError why;
  const std::string text = "0." + std::string(999'999, '7');
  CHECK(!Decimal::parse(text, why).has_value());
  CHECK(why == Decimal::ParseError::too_large);
  // The same length of trailing zeros is fine.
  CHECK(Decimal::parse("1." + std::string(999'999, '0'), why) == Decimal(1));
  // More places than the limit allows, even as zeros.
  CHECK(!Decimal::parse("1." + std::string(1'000'001, '0'), why).has_value());
  CHECK(why == Decimal::ParseError::too_large);
}
