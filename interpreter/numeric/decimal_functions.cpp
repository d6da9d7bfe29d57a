// pow, exp, ln and sqrt, rounded half-even to kPrecision significant digits.
//
// sqrt is computed exactly with an integer square root and its remainder, so
// it is correctly rounded by construction. exp, ln and fractional powers are
// evaluated in Boost's cpp_dec_float at 64 digits, of which 50 are trusted
// (16 guard digits past kPrecision), and rounded once to kPrecision digits; if
// the approximation falls so close to a rounding midpoint that its error could
// flip the decision, they are evaluated again at 200 digits, 120 trusted
// (Ziv's strategy). The result is correctly rounded unless the
// exact value lies within 10^-120 (relative) of a midpoint without being one,
// and is never more than 1 unit in the last place off (docs/numbers.md).

#include <boost/multiprecision/cpp_dec_float.hpp>

#include <cmath>
#include <string>

#include "numeric/big_integer.hpp"

namespace cxv {

using namespace decimal_detail;

namespace {

namespace bmp = boost::multiprecision;
template <unsigned Digits>
using Float = bmp::number<bmp::cpp_dec_float<Digits>, bmp::et_off>;

constexpr int kPrecision = Decimal::kPrecision;

// exp(t) for t above this exceeds 10^kMaxDigits; below the negative bound it
// is smaller than 10^-kMaxScale. Both are refused before any work is done.
constexpr int kExpUpperBound = 9300;         // ln(10^4000) ~ 9210.3
constexpr int kExpLowerBound = -2'400'000;   // ln(10^-1000000) ~ -2302585

template <class F>
F to_float(const Decimal& d) {
  return F(d.to_string());
}

// Rounds a positive approximation `v` to kPrecision digits, reading `extract`
// significant digits of which `trusted` are known to be right. Returns nullopt
// when the untrusted digits could decide the rounding, unless `last_level`:
// then the value is taken to be the midpoint it is indistinguishable from.
template <class F>
std::optional<Decimal> round_approximation(const F& v, int extract, int trusted, bool last_level,
                                           bool negative) {
  const std::string text = v.str(extract - 1, std::ios_base::scientific);  // d.ddd...e+XX
  const std::size_t e = text.find('e');
  std::string digits;
  for (std::size_t i = 0; i < e; ++i) {
    if (text[i] >= '0' && text[i] <= '9') digits.push_back(text[i]);
  }
  const std::int64_t exponent = std::stoll(text.substr(e + 1));
  const BigInt mantissa(digits);
  const std::int64_t scale = static_cast<std::int64_t>(digits.size()) - 1 - exponent;

  const int tail_digits = static_cast<int>(digits.size()) - kPrecision;
  const BigInt unit = pow10_big(tail_digits);
  const BigInt tail = mantissa % unit;
  const BigInt half = unit / 2;
  const BigInt band = pow10_big(static_cast<int>(digits.size()) - trusted);
  const BigInt distance = tail > half ? BigInt(tail - half) : BigInt(half - tail);
  if (distance > band) return round_significant(mantissa, scale, negative, true, kPrecision);
  if (!last_level) return std::nullopt;
  return round_significant(BigInt(mantissa - tail + half), scale, negative, false, kPrecision);
}

// Evaluates `f` (a generic callable returning a positive Float of the
// precision it is given) and rounds it correctly, escalating precision once.
template <class Compute>
Decimal correctly_rounded(Compute&& f, bool negative) {
  if (auto r = round_approximation(f(Float<64>()), 60, 50, false, negative)) return *r;
  return *round_approximation(f(Float<200>()), 130, 120, true, negative);
}

template <class F>
F checked_exp(const F& t) {
  if (t > kExpUpperBound) throw_too_large();
  if (t < kExpLowerBound) throw_too_precise();
  return exp(t);
}

// ln(1 + u) for tiny u by its series: the library's log loses relative
// accuracy there, since the result is far smaller than its absolute error.
template <class F>
F log1p_series(const F& u) {
  const F eps = pow(F(10), -(std::numeric_limits<F>::digits10 + 10));
  F sum = 0;
  F power = u;
  for (int k = 1; k < 1000; ++k) {
    const F term = power / k;
    sum += (k % 2 == 1) ? term : F(-term);
    if (abs(term) <= abs(sum) * eps) break;
    power *= u;
  }
  return sum;
}

// ln(10) at the precision of F, computed once (thread-safe static).
template <class F>
const F& ln10() {
  static const F value = log(F(10));
  return value;
}

// ln(m) for m in [0.5, 5) by Halley's iteration on exp, from double's log:
// y += 2(m - e^y)/(m + e^y) triples the correct digits per step (16, 48,
// 144, 432), so two steps fill 64 digits and three fill 200. Much faster
// than the library's log, which works through many more exp evaluations.
template <class F>
F log_reduced(const F& m) {
  F y = std::log(m.template convert_to<double>());
  const int steps = std::numeric_limits<F>::digits10 <= 100 ? 2 : 3;
  for (int i = 0; i < steps; ++i) {
    const F ey = exp(y);
    y += F(2) * (m - ey) / (m + ey);
  }
  return y;
}

template <class F>
F log_of(const Decimal& x) {
  const Decimal u = x - Decimal(1);
  if (u.abs() < Decimal::pow10(-10)) return log1p_series(to_float<F>(u));
  // x = m * 10^e with m in [0.5, 5): ln x = ln m + e ln 10. Near 1, m is x
  // itself, so the two terms never cancel where the result is small.
  const DecimalRepr& r = x.repr();
  const int digits = r.is_small() ? digit_count(magnitude(r.small)) : digit_count(BigInt(bmp::abs(r.big->value)));
  std::string text = r.is_small() ? u128_digits(magnitude(r.small)) : big_digits(bmp::abs(r.big->value));
  std::int64_t e = static_cast<std::int64_t>(digits) - 1 - r.scale;  // x = d.ddd * 10^e
  if (text[0] >= '5') {
    text.insert(0, "0.");
    ++e;
  } else {
    text.insert(1, ".");
  }
  const F m(text);
  if (e == 0) return log_reduced(m);
  return log_reduced(m) + F(e) * ln10<F>();
}

// |x|^n exactly, when the result stays within the limits; nullopt otherwise.
std::optional<Decimal> exact_power(const Decimal& x, std::uint64_t n) {
  // Without trailing zeros, the digits and places of x^n are n times those of x.
  const Decimal base = x.abs();
  const std::string text = base.to_string();
  const std::size_t point = text.find('.');
  const std::uint64_t places = point == std::string::npos ? 0 : text.size() - point - 1;
  const std::uint64_t digits = text.size() - (point == std::string::npos ? 0 : 1);
  if (n > static_cast<std::uint64_t>(kMaxDigits) || digits * n > static_cast<std::uint64_t>(kMaxDigits) ||
      places * n > static_cast<std::uint64_t>(kMaxScale)) {
    return std::nullopt;
  }
  Decimal result(1);
  Decimal square = *Decimal::parse(text);  // the shortest form keeps scales small
  for (std::uint64_t k = n; k != 0; k >>= 1) {
    if (k & 1) result *= square;
    if (k > 1) square *= square;
  }
  return result;
}

}  // namespace

Decimal Decimal::exp() const {
  if (is_zero()) return Decimal(1);
  const Decimal x = *this;
  return correctly_rounded([&x](auto tag) { return checked_exp(to_float<decltype(tag)>(x)); }, false);
}

Decimal Decimal::ln() const {
  if (sign() <= 0) throw ArithmeticError("logarithm of zero or a negative number");
  if (*this == Decimal(1)) return Decimal();
  const Decimal x = *this;
  const bool negative = x < Decimal(1);
  return correctly_rounded([&x](auto tag) { return bmp::abs(log_of<decltype(tag)>(x)); }, negative);
}

Decimal Decimal::sqrt() const {
  if (sign() < 0) throw ArithmeticError("square root of a negative number");
  if (is_zero()) return Decimal();
  // sqrt(c * 10^-s) = sqrt(c * 10^t) * 10^-((s+t)/2), with t making s+t even
  // and giving the integer root at least kPrecision + 1 digits.
  const BigInt c = boost::multiprecision::abs(coefficient(repr_));
  const std::int64_t s = repr_.scale;
  std::int64_t t = std::max<std::int64_t>(0, 2 * (kPrecision + 1) - digit_count(c));
  if ((s + t) % 2 != 0) ++t;
  const BigInt n = c * pow10_big(static_cast<int>(t));
  BigInt remainder;
  BigInt root = boost::multiprecision::sqrt(n, remainder);
  return round_significant(std::move(root), (s + t) / 2, false, remainder != 0, kPrecision);
}

Decimal Decimal::pow(const Decimal& exponent) const {
  if (exponent.is_zero()) return Decimal(1);  // including 0^0, as in most spreadsheets
  if (is_zero()) {
    if (exponent.sign() < 0) throw ArithmeticError("division by zero: 0 to a negative power");
    return Decimal();
  }
  const Decimal x = *this;
  const Decimal y = exponent;
  bool negative = false;
  if (y.is_integer()) {
    const Decimal n = y.abs().trunc();  // scale 0: the coefficient is the integer
    const bool odd = n.repr().is_small() ? (n.repr().small & 1) != 0 : bit_test(n.repr().big->value, 0);
    negative = x.sign() < 0 && odd;
    if (n.repr().is_small() && n.repr().small <= static_cast<i128>(kMaxDigits)) {
      if (auto p = exact_power(x, static_cast<std::uint64_t>(n.repr().small))) {
        const Decimal signed_power = negative ? -*p : *p;
        return y.sign() > 0 ? signed_power : Decimal(1) / signed_power;
      }
    }
  } else {
    if (x.sign() < 0) throw ArithmeticError("a negative number to a fractional power has no real value");
    if (y == Decimal::from_scaled(5, 1)) return x.sqrt();
  }
  const Decimal base = x.abs();
  return correctly_rounded(
      [&base, &y](auto tag) {
        using F = decltype(tag);
        return checked_exp(F(to_float<F>(y) * log_of<F>(base)));
      },
      negative);
}

}  // namespace cxv
