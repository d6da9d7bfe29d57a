// Powers of ten, digit counts and digit rounding for both coefficient types.

#include "numeric/big_integer.hpp"

#include <array>
#include <bit>
#include <vector>

namespace cxv::decimal_detail {
namespace {

constexpr std::array<u128, kMaxPow10Small + 1> make_pow10_table() {
  std::array<u128, kMaxPow10Small + 1> t{};
  u128 p = 1;
  for (auto& e : t) {
    e = p;
    p *= 10;
  }
  return t;
}
constexpr auto kPow10 = make_pow10_table();

// Powers of ten needed by ordinary arithmetic are cached; rarer, larger ones
// are computed on demand.
constexpr int kCachedBigPowers = 160;

const std::array<BigInt, kCachedBigPowers>& big_pow10_cache() {
  static const auto cache = [] {
    std::array<BigInt, kCachedBigPowers> t;
    BigInt p = 1;
    for (auto& e : t) {
      e = p;
      p *= 10;
    }
    return t;
  }();
  return cache;
}

const BigInt& max_coefficient_bound() {  // 10^kMaxDigits
  static const BigInt bound = pow10_big(kMaxDigits);
  return bound;
}

const BigInt& small_bound() {  // 2^127: coefficients below it in magnitude are stored small
  static const BigInt bound = BigInt(1) << 127;
  return bound;
}

bool is_odd(u128 v) { return (v & 1) != 0; }
bool is_odd(const BigInt& v) { return bit_test(v, 0); }

template <class T>
bool round_up(const T& kept, const T& dropped, const T& half, RoundMode mode, bool negative,
              bool sticky) {
  const bool inexact = dropped != 0 || sticky;
  switch (mode) {
    case RoundMode::half_even:
      if (dropped > half) return true;
      if (dropped < half) return false;
      return sticky || is_odd(kept);
    case RoundMode::toward_zero:
      return false;
    case RoundMode::floor:
      return negative && inexact;
    case RoundMode::ceil:
      return !negative && inexact;
  }
  return false;
}

// Drops trailing zeros while the scale stays >= 0, by chunks so that a
// 34-digit quotient like 25000...0 costs a handful of divisions, not 30.
// Drops trailing zeros while the scale stays >= 0, by chunks so that a
// 34-digit quotient like 25000...0 costs a handful of divisions, not 30.
void strip_trailing_zeros(u128& mag, std::int64_t& scale) {
  if (mag == 0) {
    scale = 0;
    return;
  }
  for (int chunk : {16, 8, 4, 2, 1}) {
    const auto p = static_cast<std::uint64_t>(kPow10[static_cast<std::size_t>(chunk)]);
    // A multiple of 10^chunk is a multiple of 2^chunk: test the low bits
    // first, which spares the division almost always.
    const u128 low_bits = (u128{1} << chunk) - 1;
    while (scale >= chunk && (mag & low_bits) == 0) {
      std::uint64_t rem;
      const u128 q = divmod_u64(mag, p, rem);
      if (rem != 0) break;
      mag = q;
      scale -= chunk;
    }
  }
}

void strip_trailing_zeros(BigInt& mag, std::int64_t& scale) {
  if (mag == 0) {
    scale = 0;
    return;
  }
  for (int chunk : {16, 8, 4, 2, 1}) {
    const BigInt& p = big_pow10_cache()[static_cast<std::size_t>(chunk)];
    while (scale >= chunk && mag % p == 0) {
      mag /= p;
      scale -= chunk;
    }
  }
}

}  // namespace

u128 pow10_u128(int n) { return kPow10[static_cast<std::size_t>(n)]; }

BigInt pow10_big(int n) {
  if (n < kCachedBigPowers) return big_pow10_cache()[static_cast<std::size_t>(n)];
  return boost::multiprecision::pow(BigInt(10), static_cast<unsigned>(n));
}

int digit_count(u128 v) {
  // Estimate from the bit length (log10(2) ~ 1233/4096), then correct by one.
  const auto hi = static_cast<std::uint64_t>(v >> 64);
  const auto lo = static_cast<std::uint64_t>(v);
  const int bits = hi != 0 ? 128 - std::countl_zero(hi) : 64 - std::countl_zero(lo);
  int d = (bits * 1233) >> 12;  // a lower bound of the digit count, off by at most one or two
  while (d <= kMaxPow10Small && v >= kPow10[static_cast<std::size_t>(d)]) ++d;
  return d == 0 ? 1 : d;
}

int digit_count(const BigInt& v) {
  if (v <= BigInt(std::numeric_limits<u128>::max())) return digit_count(static_cast<u128>(v));
  const auto bits = static_cast<long long>(msb(v)) + 1;
  int d = static_cast<int>((bits * 1233) >> 12);  // a lower bound, as above
  while (v >= pow10_big(d)) ++d;
  return d;
}

bool is_canonical_big(const BigInt& c) {
  const BigInt mag = abs(c);
  return mag >= small_bound() && mag < max_coefficient_bound();
}

BigInt coefficient(const DecimalRepr& r) {
  if (r.is_small()) {
    BigInt m = BigInt(magnitude(r.small));
    return r.small < 0 ? BigInt(-m) : m;
  }
  return r.big->value;
}

void throw_too_large() {
  throw ArithmeticError("number too large: an exact result would need more than " +
                        std::to_string(kMaxDigits) + " digits");
}

void throw_too_precise() {
  throw ArithmeticError("number too small or too precise: an exact result would need more than " +
                        std::to_string(kMaxScale) + " digits after the decimal point");
}

Decimal make_decimal(BigInt c, std::int64_t scale) {
  if (scale < 0) {
    if (c == 0) return Decimal();
    if (-scale > kMaxDigits) throw_too_large();
    c *= pow10_big(static_cast<int>(-scale));
    scale = 0;
  }
  BigInt mag = abs(c);
  if (mag >= max_coefficient_bound() || scale > kMaxScale) {
    // The value may still be within limits once written without trailing zeros.
    const bool negative = c < 0;
    strip_trailing_zeros(mag, scale);
    if (mag >= max_coefficient_bound()) throw_too_large();
    if (scale > kMaxScale) throw_too_precise();
    c = negative ? BigInt(-mag) : mag;
  }
  DecimalRepr r;
  r.scale = static_cast<std::int32_t>(scale);
  if (mag < small_bound()) {
    const auto m = static_cast<u128>(mag);
    r.small = c < 0 ? -static_cast<i128>(m) : static_cast<i128>(m);
  } else {
    r.big = std::make_shared<const BigCoefficient>(BigCoefficient{std::move(c)});
  }
  return Decimal(std::move(r));
}

Decimal make_decimal(i128 c, std::int64_t scale) {
  // The most negative i128 has no positive counterpart: keep it out of the fast path.
  if (scale < 0 || scale > kMaxScale || c == std::numeric_limits<i128>::min()) {
    return make_decimal(coefficient(DecimalRepr{c, nullptr, 0}), scale);
  }
  DecimalRepr r;
  r.small = c;
  r.scale = static_cast<std::int32_t>(scale);
  return Decimal(std::move(r));
}

u128 drop_digits(u128 mag, int n, RoundMode mode, bool negative, bool sticky) {
  if (n > kMaxPow10Small) {
    // Every digit goes, and mag < 10^38 <= half of 10^n: only floor/ceil round up.
    const bool up = round_up<u128>(0, mag, std::numeric_limits<u128>::max(), mode, negative, sticky);
    return up ? 1 : 0;
  }
  const u128 p = kPow10[static_cast<std::size_t>(n)];
  u128 kept;
  u128 dropped;
  if (n <= 19) {
    std::uint64_t rem;
    kept = divmod_u64(mag, static_cast<std::uint64_t>(p), rem);
    dropped = rem;
  } else {
    kept = mag / p;
    dropped = mag - kept * p;
  }
  return kept + (round_up<u128>(kept, dropped, p / 2, mode, negative, sticky) ? 1 : 0);
}

BigInt drop_digits(const BigInt& mag, int n, RoundMode mode, bool negative, bool sticky) {
  if (mag <= BigInt(std::numeric_limits<u128>::max()) && n <= kMaxPow10Small) {
    return BigInt(drop_digits(static_cast<u128>(mag), n, mode, negative, sticky));
  }
  if (n > digit_count(mag) + 1) {
    const bool up = round_up<BigInt>(0, mag, pow10_big(digit_count(mag) + 1), mode, negative, sticky);
    return up ? 1 : 0;
  }
  const BigInt p = pow10_big(n);
  BigInt kept;
  BigInt dropped;
  divide_qr(mag, p, kept, dropped);
  if (round_up<BigInt>(kept, dropped, p / 2, mode, negative, sticky)) ++kept;
  return kept;
}

Decimal round_significant(u128 mag, std::int64_t scale, bool negative, bool sticky, int precision) {
  const int excess = digit_count(mag) - precision;
  if (excess > 0) {
    mag = drop_digits(mag, excess, RoundMode::half_even, negative, sticky);
    scale -= excess;
  }
  strip_trailing_zeros(mag, scale);
  if (mag > static_cast<u128>(std::numeric_limits<i128>::max())) {
    return make_decimal(negative ? BigInt(-BigInt(mag)) : BigInt(mag), scale);
  }
  const auto c = static_cast<i128>(mag);
  return make_decimal(negative ? -c : c, scale);
}

Decimal round_significant(BigInt mag, std::int64_t scale, bool negative, bool sticky, int precision) {
  const int excess = digit_count(mag) - precision;
  if (excess > 0) {
    mag = drop_digits(mag, excess, RoundMode::half_even, negative, sticky);
    scale -= excess;
  }
  strip_trailing_zeros(mag, scale);
  return make_decimal(negative ? BigInt(-mag) : mag, scale);
}

std::string u128_digits(u128 v) {
  char buf[40];
  char* end = buf + sizeof buf;
  char* p = end;
  // Peel 19 digits at a time with 64-bit arithmetic, which is far cheaper
  // than a 128-bit division per digit.
  constexpr std::uint64_t k19 = 10'000'000'000'000'000'000ULL;
  do {
    auto chunk = static_cast<std::uint64_t>(v % k19);
    v /= k19;
    for (int i = 0; i < 19 && (chunk != 0 || v != 0); ++i) {
      *--p = static_cast<char>('0' + chunk % 10);
      chunk /= 10;
    }
  } while (v != 0);
  if (p == end) *--p = '0';
  return std::string(p, end);
}

std::string big_digits(const BigInt& v) {
  if (v <= BigInt(std::numeric_limits<u128>::max())) return u128_digits(static_cast<u128>(v));
  // Peel 19-digit chunks from the right, each printed zero-padded.
  constexpr std::uint64_t k19 = 10'000'000'000'000'000'000ULL;
  std::vector<std::uint64_t> chunks;
  const BigInt divisor(k19);
  BigInt rest = v;
  BigInt quotient;
  BigInt chunk;
  while (rest > BigInt(std::numeric_limits<u128>::max())) {
    divide_qr(rest, divisor, quotient, chunk);
    rest.swap(quotient);
    chunks.push_back(static_cast<std::uint64_t>(chunk));
  }
  std::string out = u128_digits(static_cast<u128>(rest));
  for (auto it = chunks.rbegin(); it != chunks.rend(); ++it) {
    const std::string part = u128_digits(*it);
    out.append(19 - part.size(), '0');
    out += part;
  }
  return out;
}

}  // namespace cxv::decimal_detail
