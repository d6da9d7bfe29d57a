// Construction, sign, comparison and the exact operations + - * of Decimal.
// Each operation tries the 128-bit fast path first and falls back to cpp_int
// when an intermediate would overflow; results are identical either way.

#include "numeric/decimal.hpp"

#include "numeric/big_integer.hpp"

namespace cxv {

using namespace decimal_detail;

namespace {

// Brings two coefficients to the larger of the two scales, exactly.
struct Aligned {
  BigInt a;
  BigInt b;
  std::int64_t scale;
};

Aligned align_big(const DecimalRepr& x, const DecimalRepr& y) {
  BigInt a = coefficient(x);
  BigInt b = coefficient(y);
  std::int64_t sa = x.scale;
  std::int64_t sb = y.scale;
  // A zero operand needs no alignment, however far apart the scales are.
  if (a == 0) return {BigInt(0), std::move(b), sb};
  if (b == 0) return {std::move(a), BigInt(0), sa};
  const std::int64_t diff = sa > sb ? sa - sb : sb - sa;
  // Past this distance the exact result needs more than kMaxDigits digits
  // (the lower-scale operand contributes >= 10^diff units of the higher scale).
  if (diff > kMaxDigits + 1) throw_too_large();
  if (sa < sb) a *= pow10_big(static_cast<int>(diff));
  else b *= pow10_big(static_cast<int>(diff));
  return {std::move(a), std::move(b), sa > sb ? sa : sb};
}

// Fast alignment of two small coefficients; false when an intermediate overflows.
bool align_small(const DecimalRepr& x, const DecimalRepr& y, i128& a, i128& b, std::int64_t& scale) {
  a = x.small;
  b = y.small;
  scale = x.scale;
  if (x.scale == y.scale) return true;
  const std::int64_t diff = static_cast<std::int64_t>(x.scale) - y.scale;
  if (diff > 0) {
    scale = x.scale;
    return diff <= kMaxPow10Small &&
           !__builtin_mul_overflow(b, static_cast<i128>(pow10_u128(static_cast<int>(diff))), &b);
  }
  scale = y.scale;
  return -diff <= kMaxPow10Small &&
         !__builtin_mul_overflow(a, static_cast<i128>(pow10_u128(static_cast<int>(-diff))), &a);
}

Decimal add(const Decimal& x, const Decimal& y, bool subtract) {
  const DecimalRepr& rx = x.repr();
  const DecimalRepr& ry = y.repr();
  if (rx.is_small() && ry.is_small()) {
    i128 a;
    i128 b;
    std::int64_t scale;
    if (align_small(rx, ry, a, b, scale)) {
      i128 r;
      const bool overflow =
          subtract ? __builtin_sub_overflow(a, b, &r) : __builtin_add_overflow(a, b, &r);
      if (!overflow) return make_decimal(r, scale);
    }
  }
  Aligned al = align_big(rx, ry);
  return make_decimal(subtract ? BigInt(al.a - al.b) : BigInt(al.a + al.b), al.scale);
}

int sign_of(const DecimalRepr& r) {
  if (r.is_small()) return r.small > 0 ? 1 : r.small < 0 ? -1 : 0;
  return r.big->value.sign();
}

// Position of the most significant digit: the value lies in [10^(e-1), 10^e).
std::int64_t magnitude_exponent(const DecimalRepr& r) {
  const int digits = r.is_small() ? digit_count(magnitude(r.small)) : digit_count(BigInt(abs(r.big->value)));
  return static_cast<std::int64_t>(digits) - r.scale;
}

}  // namespace

Decimal::Decimal() = default;

void Decimal::normalize() {
  if (!repr_.is_small() && repr_.scale >= 0 && repr_.scale <= kMaxScale) {
    if (is_canonical_big(repr_.big->value)) return;
  }
  *this = make_decimal(coefficient(repr_), repr_.scale);
}

Decimal::Decimal(std::int64_t integer) { repr_.small = integer; }

Decimal Decimal::from_scaled(std::int64_t coefficient, int scale) {
  return make_decimal(static_cast<i128>(coefficient), scale);
}

Decimal Decimal::pow10(int exponent) {
  if (exponent >= 0) {
    if (exponent <= kMaxPow10Small) return make_decimal(static_cast<i128>(pow10_u128(exponent)), 0);
    if (exponent >= kMaxDigits) throw_too_large();
    return make_decimal(pow10_big(exponent), 0);
  }
  return make_decimal(static_cast<i128>(1), -static_cast<std::int64_t>(exponent));
}

int Decimal::sign() const { return sign_of(repr_); }

bool Decimal::is_integer() const {
  if (repr_.scale == 0) return true;
  if (repr_.is_small() && repr_.scale <= kMaxPow10Small) {
    return repr_.small % static_cast<i128>(pow10_u128(repr_.scale)) == 0;
  }
  if (sign() == 0) return true;
  // A non-zero coefficient smaller than 10^scale cannot be a multiple of it.
  const BigInt c = boost::multiprecision::abs(coefficient(repr_));
  if (digit_count(c) <= repr_.scale) return false;
  return c % pow10_big(repr_.scale) == 0;
}

Decimal Decimal::abs() const { return sign() < 0 ? -*this : *this; }

Decimal Decimal::operator-() const {
  if (repr_.is_small()) return make_decimal(-repr_.small, repr_.scale);
  return make_decimal(BigInt(-repr_.big->value), repr_.scale);
}

Decimal operator+(const Decimal& a, const Decimal& b) { return add(a, b, false); }
Decimal operator-(const Decimal& a, const Decimal& b) { return add(a, b, true); }

Decimal operator*(const Decimal& a, const Decimal& b) {
  const DecimalRepr& x = a.repr();
  const DecimalRepr& y = b.repr();
  const std::int64_t scale = static_cast<std::int64_t>(x.scale) + y.scale;
  if (x.is_small() && y.is_small()) {
    i128 r;
    if (!__builtin_mul_overflow(x.small, y.small, &r)) return make_decimal(r, scale);
  }
  return make_decimal(BigInt(coefficient(x) * coefficient(y)), scale);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const DecimalRepr& x = a.repr();
  const DecimalRepr& y = b.repr();
  if (x.is_small() && y.is_small()) {
    i128 ca;
    i128 cb;
    std::int64_t scale;
    if (align_small(x, y, ca, cb, scale)) return ca <=> cb;
  }
  const int sx = sign_of(x);
  const int sy = sign_of(y);
  if (sx != sy || sx == 0) return sx <=> sy;
  // Same sign, both non-zero: the order of magnitude decides unless it is equal,
  // and then the scales differ by at most the digit counts, so aligning is cheap.
  const std::int64_t ex = magnitude_exponent(x);
  const std::int64_t ey = magnitude_exponent(y);
  if (ex != ey) return sx > 0 ? ex <=> ey : ey <=> ex;
  Aligned al = align_big(x, y);
  const int c = al.a.compare(al.b);
  return c <=> 0;
}

bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

}  // namespace cxv
