// pow, exp, ln, sqrt against constants computed with `bc -l` at scale=50.
//
// The references below were printed by:
//   echo "scale=50; e(1); l(2); sqrt(2); e(l(1.08)/12); ..." | bc -l
// and each check rounds the 50-digit reference half-even to 34 significant
// digits (with Decimal::round, tested on its own) before comparing.

#include <doctest/doctest.h>

#include <string>

#include "numeric/decimal.hpp"

using cxv::ArithmeticError;
using cxv::Decimal;

namespace {
Decimal d(const std::string& text) {
  auto v = Decimal::parse(text);
  REQUIRE_MESSAGE(v.has_value(), text);
  return *v;
}

// The reference rounded to 34 significant digits; `int_digits` is how many
// digits it has before the point (0 for 0.0xyz: then `leading_zeros` counts
// the zeros after the point).
Decimal to_34(const std::string& reference, int int_digits, int leading_zeros = 0) {
  return d(reference).round(Decimal::kPrecision - int_digits + leading_zeros);
}
}  // namespace

TEST_CASE("exp, ln and sqrt match 50-digit references to 34 digits") {
  CHECK(Decimal(1).exp() == to_34("2.71828182845904523536028747135266249775724709369995", 1));
  CHECK(Decimal(1).exp().to_string() == "2.718281828459045235360287471352662");
  CHECK(Decimal(-1).exp() == to_34("0.36787944117144232159552377016146086744581113103176", 0));
  CHECK(Decimal(2).ln() == to_34("0.69314718055994530941723212145817656807550013436025", 0));
  CHECK(Decimal(10).ln() == to_34("2.30258509299404568401799145468436420760110148862877", 1));
  CHECK(d("0.5").ln() == -to_34("0.69314718055994530941723212145817656807550013436025", 0));
  CHECK(Decimal(2).sqrt() == to_34("1.41421356237309504880168872420969807856967187537694", 1));
  CHECK(Decimal(2).sqrt().to_string() == "1.414213562373095048801688724209698");
}

TEST_CASE("discount factors: fractional powers") {
  const Decimal twelfth = Decimal(1) / Decimal(12);
  // bc: e(l(1.08)*0.0833333333333333333333333333333333) (the 34-digit 1/12)
  CHECK(d("1.08").pow(twelfth) == to_34("1.00643403011000345483391717928725186248214673427215", 1));
  // bc: e(-l(1.08)*0.0833333333333333333333333333333333)
  CHECK(d("1.08").pow(-twelfth) == to_34("0.99360710198829404251540595854635752605577204770676", 0));
  // bc: e(l(1.005)*36.5)
  CHECK(d("1.005").pow(d("36.5")) == to_34("1.19966849582879044650196167231969414840127886867891", 1));
}

TEST_CASE("integer powers are exact; negative ones go through one division") {
  CHECK(d("1.08").pow(Decimal(3)).to_string() == "1.259712");
  CHECK(Decimal(2).pow(Decimal(100)).to_string() == "1267650600228229401496703205376");
  CHECK(d("-1.5").pow(Decimal(3)).to_string() == "-3.375");
  CHECK(d("-1.5").pow(Decimal(2)).to_string() == "2.25");
  CHECK(Decimal(2).pow(Decimal(-2)).to_string() == "0.25");
  CHECK(Decimal(3).pow(Decimal(-1)) == Decimal(1) / Decimal(3));
  CHECK(d("1.10").pow(d("2.000")).to_string() == "1.21");
  CHECK(Decimal(7).pow(Decimal(0)) == Decimal(1));
  CHECK(Decimal(0).pow(Decimal(0)) == Decimal(1));
  CHECK(Decimal(0).pow(Decimal(5)) == Decimal(0));
  // Too many digits for an exact result: rounded to 34 digits instead.
  // bc (scale=60): e(l(1.0001)*100000)
  CHECK(d("1.0001").pow(Decimal(100000)) ==
        to_34("22015.456048552198645701456581658715520597641827115411719821426046", 5));
}

TEST_CASE("results that are exact come out exact") {
  CHECK(Decimal(4).sqrt() == Decimal(2));
  CHECK(d("2.25").sqrt() == d("1.5"));
  CHECK(d("0.0001").sqrt() == d("0.01"));
  CHECK(Decimal(4).pow(d("0.5")) == Decimal(2));
  CHECK(Decimal(100).pow(d("1.5")) == Decimal(1000));
  CHECK(Decimal(0).exp() == Decimal(1));
  CHECK(Decimal(1).ln() == Decimal(0));
  // ln of the rounded e is not 1; bc (scale=60): l(2.718281828459045235360287471352662)
  CHECK(Decimal(1).exp().ln() == to_34("0.999999999999999999999999999999999816885342100134126217097856", 0));
}

TEST_CASE("ln keeps its relative precision next to 1") {
  // ln(1 + 10^-20) = 10^-20 - 10^-40/2 + ...: 34 digits of it.
  const Decimal x = Decimal(1) + Decimal::pow10(-20);
  // bc (scale=60): .000000000000000000009999999999999999999950000000000000000000
  CHECK(x.ln() == d("0." + std::string(20, '0') + std::string(20, '9') + "5"));
}

TEST_CASE("domain and range errors throw") {
  CHECK_THROWS_AS(Decimal(0).ln(), ArithmeticError);
  CHECK_THROWS_AS(Decimal(-1).ln(), ArithmeticError);
  CHECK_THROWS_AS(Decimal(-4).sqrt(), ArithmeticError);
  CHECK_THROWS_AS(Decimal(-8).pow(d("0.5")), ArithmeticError);
  CHECK_THROWS_AS(Decimal(0).pow(Decimal(-1)), ArithmeticError);
  CHECK_THROWS_AS(Decimal(10000).exp(), ArithmeticError);
  CHECK_THROWS_AS(Decimal(10).pow(d("4000.5")), ArithmeticError);
  CHECK_THROWS_AS(Decimal(-3'000'000).exp(), ArithmeticError);
  // Small but representable. bc (scale=500): e(-1000) = 5.0759588975494567652918094795743369193e-435
  CHECK(Decimal(-1000).exp() == d("0." + std::string(434, '0') + "5075958897549456765291809479574337"));
}
