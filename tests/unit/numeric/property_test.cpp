// Property tests: Decimal against an independent exact reference (Boost
// cpp_rational) on random operands that straddle the 128-bit fast path and
// the cpp_int slow path. Seeded, so every run checks the same cases.

#include <doctest/doctest.h>

#include <boost/multiprecision/cpp_int.hpp>

#include <random>
#include <string>

#include "numeric/big_integer.hpp"
#include "numeric/decimal.hpp"

using cxv::Decimal;
using Rational = boost::multiprecision::cpp_rational;
using Int = boost::multiprecision::cpp_int;

namespace {

struct Sample {
  Decimal value;
  Rational exact;
};

Int pow10(int n) { return boost::multiprecision::pow(Int(10), static_cast<unsigned>(n)); }

// 10^k for any integer k, as a rational.
Rational power_of_ten(int k) { return k >= 0 ? Rational(pow10(k)) : Rational(Int(1), pow10(-k)); }

// e such that 10^(e-1) <= m < 10^e, for m > 0.
int magnitude_exponent(const Rational& m) {
  int e = 0;
  while (m >= power_of_ten(e)) ++e;
  while (m < power_of_ten(e - 1)) --e;
  return e;
}

// A random decimal: 1 to `max_digits` digits, 0 to 40 places, either sign.
// Most are short (the common case), some cross 38 digits into cpp_int.
Sample random_sample(std::mt19937_64& rng, int max_digits = 60) {
  std::uniform_int_distribution<int> pick(0, 3);
  const int digits = pick(rng) == 0 ? std::uniform_int_distribution<int>(1, max_digits)(rng)
                                    : std::uniform_int_distribution<int>(1, 20)(rng);
  const int scale = std::uniform_int_distribution<int>(0, std::min(40, digits + 5))(rng);
  std::string text;
  for (int i = 0; i < digits; ++i) text.push_back(static_cast<char>('0' + rng() % 10));
  const bool negative = rng() % 2 == 0;
  std::string body = text;
  if (scale > 0) {
    if (digits <= scale) body = std::string(static_cast<std::size_t>(scale - digits + 1), '0') + body;
    const std::size_t point = body.size() - static_cast<std::size_t>(scale);
    body = body.substr(0, point) + "." + body.substr(point);
  }
  const std::string literal = (negative ? "-" : "") + body;
  auto parsed = Decimal::parse(literal);
  REQUIRE_MESSAGE(parsed.has_value(), literal);
  // cpp_int reads a leading 0 as octal: give it the digits without them.
  const std::size_t first = text.find_first_not_of('0');
  const Int coefficient = first == std::string::npos ? Int(0) : Int(text.substr(first));
  Rational exact(coefficient, pow10(scale));
  if (negative) exact = -exact;
  return {*parsed, exact};
}

// The value of a Decimal read from its representation, not from its text.
Rational exact_of(const Decimal& d) {
  const cxv::DecimalRepr& r = d.repr();
  return Rational(cxv::decimal_detail::coefficient(r), pow10(r.scale));
}

// The storage invariant: small exactly when the coefficient fits 128 bits.
bool well_formed(const Decimal& d) {
  const cxv::DecimalRepr& r = d.repr();
  if (r.is_small()) return true;
  return abs(r.big->value) >= (Int(1) << 127);
}

// Reference rounding of q to 34 significant digits, half-even.
Rational round_34(const Rational& q) {
  if (q == 0) return 0;
  const bool negative = q < 0;
  const Rational m = negative ? Rational(-q) : q;
  const int shift = Decimal::kPrecision - magnitude_exponent(m);
  const Rational scaled = shift >= 0 ? Rational(m * pow10(shift)) : Rational(m / pow10(-shift));
  Int n = numerator(scaled) / denominator(scaled);
  const Rational fraction = scaled - Rational(n);
  if (fraction > Rational(1, 2) || (fraction == Rational(1, 2) && bit_test(n, 0))) ++n;
  Rational result = shift >= 0 ? Rational(n, pow10(shift)) : Rational(n * pow10(-shift));
  return negative ? Rational(-result) : result;
}

}  // namespace

TEST_CASE("+ - * and comparison agree with exact rationals") {
  std::mt19937_64 rng(20270101);
  for (int i = 0; i < 4000; ++i) {
    const Sample a = random_sample(rng);
    const Sample b = random_sample(rng);
    CAPTURE(a.value.to_string());
    CAPTURE(b.value.to_string());
    const Decimal sum = a.value + b.value;
    const Decimal difference = a.value - b.value;
    const Decimal product = a.value * b.value;
    CHECK(exact_of(sum) == a.exact + b.exact);
    CHECK(exact_of(difference) == a.exact - b.exact);
    CHECK(exact_of(product) == a.exact * b.exact);
    CHECK(well_formed(sum));
    CHECK(well_formed(difference));
    CHECK(well_formed(product));
    CHECK(((a.value <=> b.value) == 0) == (a.exact == b.exact));
    CHECK(((a.value <=> b.value) < 0) == (a.exact < b.exact));
  }
}

TEST_CASE("division is the exact quotient rounded half-even to 34 digits") {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 4000; ++i) {
    const Sample a = random_sample(rng);
    const Sample b = random_sample(rng);
    if (b.exact == 0) continue;
    CAPTURE(a.value.to_string());
    CAPTURE(b.value.to_string());
    const Decimal q = a.value / b.value;
    CHECK(exact_of(q) == round_34(a.exact / b.exact));
    CHECK(well_formed(q));
  }
}

TEST_CASE("promotion to cpp_int and back gives identical results") {
  std::mt19937_64 rng(7);
  const Decimal huge = Decimal::pow10(45) + Decimal(3);
  for (int i = 0; i < 2000; ++i) {
    const Sample a = random_sample(rng, 30);
    CAPTURE(a.value.to_string());
    const Decimal round_trip = (a.value + huge) - huge;
    CHECK(round_trip == a.value);
    CHECK(round_trip.repr().is_small());
    CHECK(round_trip.to_string() == a.value.to_string());
    // Through a big product and back by an exact division.
    const Decimal scaled = a.value * huge;
    CHECK(well_formed(scaled));
    CHECK(exact_of(scaled / huge) == round_34(a.exact));
  }
}

TEST_CASE("(a*b)/b == a rounded to 34 digits") {
  std::mt19937_64 rng(99);
  for (int i = 0; i < 3000; ++i) {
    const Sample a = random_sample(rng, 45);
    const Sample b = random_sample(rng, 45);
    if (b.exact == 0) continue;
    CAPTURE(a.value.to_string());
    CAPTURE(b.value.to_string());
    CHECK(exact_of((a.value * b.value) / b.value) == round_34(a.exact));
  }
}

TEST_CASE("sqrt is correctly rounded: within half a unit of the last digit") {
  std::mt19937_64 rng(5);
  for (int i = 0; i < 1500; ++i) {
    Sample a = random_sample(rng, 50);
    if (a.exact < 0) a = {-a.value, Rational(-a.exact)};
    if (a.exact == 0) continue;
    CAPTURE(a.value.to_string());
    const Decimal r = a.value.sqrt();
    const Rational root = exact_of(r);
    // half an ulp of a 34-digit root: 10^(e-34)/2 with 10^(e-1) <= root < 10^e
    const Rational half_ulp = power_of_ten(magnitude_exponent(root) - Decimal::kPrecision) / 2;
    CHECK((root - half_ulp) * (root - half_ulp) <= a.exact);
    CHECK(a.exact <= (root + half_ulp) * (root + half_ulp));
  }
}

TEST_CASE("round(places) agrees with a rational half-even reference") {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 3000; ++i) {
    const Sample a = random_sample(rng);
    const int places = std::uniform_int_distribution<int>(-3, 12)(rng);
    CAPTURE(a.value.to_string());
    CAPTURE(places);
    const Rational unit = places >= 0 ? Rational(1, pow10(places)) : Rational(pow10(-places));
    const Rational scaled = a.exact / unit;
    const bool negative = scaled < 0;
    const Rational m = negative ? Rational(-scaled) : scaled;
    Int n = numerator(m) / denominator(m);
    const Rational fraction = m - Rational(n);
    if (fraction > Rational(1, 2) || (fraction == Rational(1, 2) && bit_test(n, 0))) ++n;
    const Rational expected = (negative ? Rational(-n) : Rational(n)) * unit;
    CHECK(exact_of(a.value.round(places)) == expected);
  }
}
