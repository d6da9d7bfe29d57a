#pragma once
// Internal to numeric/: the arbitrary-precision side of Decimal and the
// integer helpers (powers of ten, digit counts, rounding off digits) shared by
// the 128-bit fast path and the cpp_int slow path. Other modules use Decimal.

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>
#include <string>

#include "numeric/decimal.hpp"

namespace cxv {

using BigInt = boost::multiprecision::cpp_int;

struct BigCoefficient {
  BigInt value;
};

namespace decimal_detail {

// 10^38 < 2^127 - 1 < 10^39: every power up to 10^38 fits the fast path.
inline constexpr int kMaxPow10Small = 38;

u128 pow10_u128(int n);            // 0 <= n <= 38
BigInt pow10_big(int n);           // n >= 0

int digit_count(u128 v);           // digits of v, with digit_count(0) == 1
int digit_count(const BigInt& v);  // v >= 0

// True when a big coefficient is stored as DecimalRepr requires: it needs
// more than 127 bits and has at most kMaxDigits digits.
bool is_canonical_big(const BigInt& coefficient);

// The coefficient of `r`, whatever its storage.
BigInt coefficient(const DecimalRepr& r);

// Builds a Decimal from a coefficient and a scale, enforcing the invariant of
// DecimalRepr: a negative scale is folded into the coefficient, trailing
// zeros are dropped only when that brings the number back within the limits,
// a coefficient that fits 128 bits is stored small. Throws ArithmeticError
// past the limits.
Decimal make_decimal(BigInt coefficient, std::int64_t scale);
Decimal make_decimal(i128 coefficient, std::int64_t scale);

[[noreturn]] void throw_too_large();
[[noreturn]] void throw_too_precise();

enum class RoundMode { half_even, toward_zero, floor, ceil };

// Removes the `n` lowest digits (n >= 1) of the magnitude `mag`, rounding by
// `mode`. `negative` is the sign of the whole value (floor and ceil need it);
// `sticky` says that non-zero digits were already cut off below `mag`.
u128 drop_digits(u128 mag, int n, RoundMode mode, bool negative, bool sticky);
BigInt drop_digits(const BigInt& mag, int n, RoundMode mode, bool negative, bool sticky);

// Rounds the magnitude `mag` * 10^-scale to `precision` significant digits,
// half-even (`sticky` as above), drops the trailing zeros this leaves, and
// applies the sign.
Decimal round_significant(u128 mag, std::int64_t scale, bool negative, bool sticky,
                          int precision);
Decimal round_significant(BigInt mag, std::int64_t scale, bool negative, bool sticky,
                          int precision);

// Digits of a non-negative integer, most significant first. (Our own rather
// than cpp_int::str(), which trips a false -Wrestrict in g++ 12 at -O2.)
std::string u128_digits(u128 v);
std::string big_digits(const BigInt& v);

// n / d and n % d for a 64-bit divisor: two hardware divisions on x86-64,
// where the generic 128-bit division is a much slower library call.
inline u128 divmod_u64(u128 n, std::uint64_t d, std::uint64_t& remainder) {
#if defined(__x86_64__)
  const auto hi = static_cast<std::uint64_t>(n >> 64);
  const auto lo = static_cast<std::uint64_t>(n);
  const std::uint64_t q_hi = hi / d;
  std::uint64_t r = hi % d;  // < d, so the next quotient fits 64 bits
  std::uint64_t q_lo;
  asm("divq %[d]" : "=a"(q_lo), "+d"(r) : [d] "r"(d), "a"(lo));
  remainder = r;
  return (static_cast<u128>(q_hi) << 64) | q_lo;
#else
  const u128 q = n / d;
  remainder = static_cast<std::uint64_t>(n - q * d);
  return q;
#endif
}

inline u128 magnitude(i128 v) { return v < 0 ? -static_cast<u128>(v) : static_cast<u128>(v); }

}  // namespace decimal_detail
}  // namespace cxv
