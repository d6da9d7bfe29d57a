// exp, ln and pow on random arguments against an independent reference:
// Boost's own 200-digit log and exp (not the code paths Decimal uses for ln),
// rounded half-even to 34 digits by an exact rational rounding.

#include <doctest/doctest.h>

#include <boost/multiprecision/cpp_dec_float.hpp>
#include <boost/multiprecision/cpp_int.hpp>

#include <random>
#include <string>

#include "numeric/decimal.hpp"

using cxv::Decimal;
using Int = boost::multiprecision::cpp_int;
using Rational = boost::multiprecision::cpp_rational;
using Ref = boost::multiprecision::number<boost::multiprecision::cpp_dec_float<200>, boost::multiprecision::et_off>;

namespace {

Rational power_of_ten(int k) {
  const Int p = boost::multiprecision::pow(Int(10), static_cast<unsigned>(k < 0 ? -k : k));
  return k >= 0 ? Rational(p) : Rational(Int(1), p);
}

// The exact value of Ref's 150 significant digits.
Rational rational_of(const Ref& v) {
  const std::string text = v.str(149, std::ios_base::scientific);  // [-]d.ddd...e+XX
  const std::size_t e = text.find('e');
  std::string digits;
  for (std::size_t i = 0; i < e; ++i) {
    if (text[i] >= '0' && text[i] <= '9') digits.push_back(text[i]);
  }
  const std::size_t first = digits.find_first_not_of('0');
  const Int mantissa = first == std::string::npos ? Int(0) : Int(digits.substr(first));
  const int exponent = std::stoi(text.substr(e + 1));
  const Rational r = Rational(mantissa) * power_of_ten(exponent - static_cast<int>(digits.size()) + 1);
  return text[0] == '-' ? Rational(-r) : r;
}

Rational rational_of(const Decimal& d) { return rational_of(Ref(d.to_string())); }

Rational round_34(const Rational& q) {
  if (q == 0) return 0;
  const bool negative = q < 0;
  const Rational m = negative ? Rational(-q) : q;
  int e = 0;
  while (m >= power_of_ten(e)) ++e;
  while (m < power_of_ten(e - 1)) --e;
  const Rational scaled = m * power_of_ten(Decimal::kPrecision - e);
  Int n = numerator(scaled) / denominator(scaled);
  const Rational fraction = scaled - Rational(n);
  if (fraction > Rational(1, 2) || (fraction == Rational(1, 2) && bit_test(n, 0))) ++n;
  const Rational result = Rational(n) * power_of_ten(e - Decimal::kPrecision);
  return negative ? Rational(-result) : result;
}

// A random positive decimal around 10^magnitude with up to 20 digits.
Decimal random_positive(std::mt19937_64& rng, int min_exp, int max_exp) {
  const auto coefficient = static_cast<std::int64_t>(rng() % 99'999'999'999ULL) + 1;
  const int exponent = std::uniform_int_distribution<int>(min_exp, max_exp)(rng);
  return Decimal::from_scaled(coefficient, 11) * Decimal::pow10(exponent);
}

}  // namespace

TEST_CASE("ln is correctly rounded on random arguments") {
  std::mt19937_64 rng(314);
  for (int i = 0; i < 300; ++i) {
    Decimal x = random_positive(rng, -30, 30);
    if (i % 5 == 0) x = Decimal(1) + Decimal::from_scaled(static_cast<std::int64_t>(rng() % 2000) - 1000, 9);  // near 1
    if (x.sign() <= 0 || x == Decimal(1)) continue;
    CAPTURE(x.to_string());
    CHECK(rational_of(x.ln()) == round_34(rational_of(log(Ref(x.to_string())))));
  }
}

TEST_CASE("exp is correctly rounded on random arguments") {
  std::mt19937_64 rng(2718);
  for (int i = 0; i < 300; ++i) {
    const Decimal x = Decimal::from_scaled(static_cast<std::int64_t>(rng() % 40'000'000) - 20'000'000, 5);
    CAPTURE(x.to_string());
    CHECK(rational_of(x.exp()) == round_34(rational_of(exp(Ref(x.to_string())))));
  }
}

TEST_CASE("fractional powers are correctly rounded on random arguments") {
  std::mt19937_64 rng(1618);
  for (int i = 0; i < 300; ++i) {
    const Decimal x = random_positive(rng, -3, 3);
    const Decimal y = Decimal::from_scaled(static_cast<std::int64_t>(rng() % 2'000'000) - 1'000'000, 5);
    if (y.is_integer()) continue;
    CAPTURE(x.to_string());
    CAPTURE(y.to_string());
    const Ref reference = exp(Ref(y.to_string()) * log(Ref(x.to_string())));
    CHECK(rational_of(x.pow(y)) == round_34(rational_of(reference)));
  }
}
