// Division, rounded half-even to kPrecision significant digits.
//
// With a = ca*10^-sa and b = cb*10^-sb, the quotient is computed as the
// integer Q = floor(|ca|*10^k / |cb|) with k chosen so that Q has at least
// kPrecision + 1 digits, plus the knowledge of whether the remainder is zero.
// Rounding Q to kPrecision digits with that "sticky" bit is exact half-even
// rounding of the true quotient: the result is correctly rounded.

#include "numeric/big_integer.hpp"

namespace cxv {

using namespace decimal_detail;

namespace {

constexpr int kQuotientDigits = Decimal::kPrecision + 1;

// Long division of a by b in chunks of as many digits as 128 bits allow,
// producing floor(a*10^k / b); false if b is too wide for the chunks.
bool divide_scaled_u128(u128 a, u128 b, int k, u128& quotient, bool& inexact) {
  if (b <= std::numeric_limits<std::uint64_t>::max()) {
    // The common case (divisors below 10^19): chunks of up to 19 digits, each
    // quotient digit group one hardware division, since r < b.
    const auto d = static_cast<std::uint64_t>(b);
    std::uint64_t r;
    u128 q = divmod_u64(a, d, r);
    while (k > 0) {
      const int step = k < 19 ? k : 19;
      const auto p = static_cast<std::uint64_t>(pow10_u128(step));
      std::uint64_t next;
      const u128 digits = divmod_u64(static_cast<u128>(r) * p, d, next);
      q = q * p + digits;
      r = next;
      k -= step;
    }
    quotient = q;
    inexact = r != 0;
    return true;
  }
  const int db = digit_count(b);
  if (db > kMaxPow10Small - 1) return false;
  const int step_max = kMaxPow10Small - db;  // r < b, so r*10^step < 10^38 fits
  // Each step costs one 128-bit division; remainders by multiply-subtract.
  u128 q = a / b;
  u128 r = a - q * b;
  while (k > 0) {
    const int step = k < step_max ? k : step_max;
    const u128 p = pow10_u128(step);
    const u128 rs = r * p;
    const u128 digits = rs / b;
    q = q * p + digits;
    r = rs - digits * b;
    k -= step;
  }
  quotient = q;
  inexact = r != 0;
  return true;
}

}  // namespace

Decimal operator/(const Decimal& a, const Decimal& b) {
  if (b.is_zero()) throw ArithmeticError("division by zero");
  if (a.is_zero()) return Decimal();
  const DecimalRepr& x = a.repr();
  const DecimalRepr& y = b.repr();
  const bool negative = (a.sign() < 0) != (b.sign() < 0);

  if (x.is_small() && y.is_small()) {
    const u128 ma = magnitude(x.small);
    const u128 mb = magnitude(y.small);
    const int da = digit_count(ma);
    const int db = digit_count(mb);
    const int k = std::max(0, kQuotientDigits + db - da);
    // Q < 10^(da + k - db + 1) must fit: only a concern when k == 0.
    u128 q;
    bool inexact;
    if (da + k - db + 1 <= kMaxPow10Small && divide_scaled_u128(ma, mb, k, q, inexact)) {
      const std::int64_t scale = static_cast<std::int64_t>(x.scale) - y.scale + k;
      return round_significant(q, scale, negative, inexact, Decimal::kPrecision);
    }
  }

  const BigInt ma = abs(coefficient(x));
  const BigInt mb = abs(coefficient(y));
  const int k = std::max(0, kQuotientDigits + digit_count(mb) - digit_count(ma));
  BigInt q;
  BigInt r;
  divide_qr(BigInt(ma * pow10_big(k)), mb, q, r);
  const std::int64_t scale = static_cast<std::int64_t>(x.scale) - y.scale + k;
  return round_significant(std::move(q), scale, negative, r != 0, Decimal::kPrecision);
}

}  // namespace cxv
