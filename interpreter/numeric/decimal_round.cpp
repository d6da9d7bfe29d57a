// Rounding to a number of decimal places: round (half-even), trunc, floor, ceil.

#include "numeric/big_integer.hpp"

namespace cxv {

using namespace decimal_detail;

namespace {

// Rounds `d` to `places` digits after the point (places < 0 rounds to tens,
// hundreds...). Never changes a number that already has no more places.
Decimal round_to(const Decimal& d, std::int64_t places, RoundMode mode) {
  const DecimalRepr& r = d.repr();
  if (r.scale <= places) return d;
  const std::int64_t drop = r.scale - places;
  const bool negative = d.sign() < 0;
  if (r.is_small()) {
    if (drop > std::numeric_limits<int>::max()) return Decimal();  // unreachable: scale is bounded
    const u128 kept = drop_digits(magnitude(r.small), static_cast<int>(drop), mode, negative, false);
    // kept <= |coefficient| / 10 + 1 always fits.
    const auto c = static_cast<i128>(kept);
    return make_decimal(negative ? -c : c, places);
  }
  if (drop > kMaxDigits + 2) {
    // Every digit is dropped (the coefficient is < 10^kMaxDigits): what is
    // kept is 0, or one unit of the last place for floor and ceil.
    const BigInt kept = drop_digits(abs(r.big->value), kMaxDigits + 2, mode, negative, false);
    return make_decimal(negative ? BigInt(-kept) : kept, places);
  }
  BigInt kept = drop_digits(abs(r.big->value), static_cast<int>(drop), mode, negative, false);
  return make_decimal(negative ? BigInt(-kept) : kept, places);
}

}  // namespace

Decimal Decimal::round(int places) const { return round_to(*this, places, RoundMode::half_even); }
Decimal Decimal::trunc() const { return round_to(*this, 0, RoundMode::toward_zero); }
Decimal Decimal::floor() const { return round_to(*this, 0, RoundMode::floor); }
Decimal Decimal::ceil() const { return round_to(*this, 0, RoundMode::ceil); }

}  // namespace cxv
