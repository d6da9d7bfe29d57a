#pragma once
// Exact decimal numbers: the only number type of cxv.
//
// A Decimal is an integer coefficient times 10^-scale. Addition, subtraction,
// multiplication and comparison are exact. Division, fractional powers, exp,
// log and sqrt are rounded half-even to `kPrecision` significant digits (see
// docs/numbers.md). Overflow is an ArithmeticError, never a wrap.
//
// Small values (the common case: money with cents, counts, ratios) live in a
// 128-bit coefficient with no allocation; larger ones move to Boost's cpp_int.

#include <compare>
#include <concepts>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "numeric/decimal_repr.hpp"

namespace cxv {

// Raised by an arithmetic operation the user's formulas caused: division by
// zero, overflow past the maximum size, log of a non-positive number. The
// evaluator catches it and turns it into a located diagnostic.
class ArithmeticError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Decimal {
  // Kept out of the fast path: it has no positive counterpart.
  static constexpr i128 kI128Min = static_cast<i128>(static_cast<u128>(1) << 127);

 public:
  // Significant digits kept by rounded operations (division, pow, exp, log, sqrt).
  static constexpr int kPrecision = 34;

  Decimal();  // zero
  Decimal(std::int64_t integer);  // NOLINT: implicit from integers is intended
  // A double would silently truncate to an integer here: use from_double.
  template <std::floating_point F>
  Decimal(F) = delete;

  // Parses "42", "-1_250.50", "0.015", "+3". No exponent, no scale suffix:
  // the grammar applies k/M/B and % itself. Returns nullopt on anything else.
  // Accepted: an optional sign, digits, single `_` separators between two
  // digits, an optional point followed by at least one digit. Rejected: "",
  // ".5", "1.", "1e3", "--1", "1__0", "_1", "1_", spaces. A number past the
  // limits (kMaxDigits digits, kMaxScale places) is also rejected; the
  // overload with `ParseError` tells the two cases apart.
  static std::optional<Decimal> parse(std::string_view text);
  enum class ParseError { none, syntax, too_large };
  static std::optional<Decimal> parse(std::string_view text, ParseError& error);
  // coefficient * 10^-scale
  static Decimal from_scaled(std::int64_t coefficient, int scale);
  // 10^exponent (exponent may be negative): scale suffixes and % use this.
  static Decimal pow10(int exponent);

  // Exact digits, no exponent, no trailing zeros after the point: "0.015", "-12", "450000".
  std::string to_string() const;
  // Rounded half-even to `places` digits after the point, zeros kept: to_fixed(2) -> "12.30".
  // Negative places count as 0; more than kMaxScale throws ArithmeticError.
  std::string to_fixed(int places) const;

  Decimal round(int places) const;   // half-even
  Decimal trunc() const;             // toward zero, to an integer
  Decimal floor() const;
  Decimal ceil() const;

  int sign() const;                  // -1, 0, 1
  bool is_zero() const { return sign() == 0; }
  bool is_integer() const;
  Decimal abs() const;
  Decimal operator-() const;

  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  // Rounded to kPrecision significant digits, half-even. Throws on division by zero.
  friend Decimal operator/(const Decimal& a, const Decimal& b);
  // In place when both are small at the same scale (sums of a column's
  // values); otherwise the general, overflow-checked path.
  Decimal& operator+=(const Decimal& b) {
    i128 r;
    if (repr_.is_small() && b.repr_.is_small() && repr_.scale == b.repr_.scale &&
        !__builtin_add_overflow(repr_.small, b.repr_.small, &r) && r != kI128Min) {
      repr_.small = r;
      return *this;
    }
    return *this = *this + b;
  }
  Decimal& operator-=(const Decimal& b) { return *this = *this - b; }
  Decimal& operator*=(const Decimal& b) { return *this = *this * b; }
  Decimal& operator/=(const Decimal& b) { return *this = *this / b; }

  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b);

  // Rounded functions (kPrecision significant digits, half-even):
  Decimal pow(const Decimal& exponent) const;   // exact for integer exponents within limits
  Decimal exp() const;
  Decimal ln() const;                           // throws for x <= 0
  Decimal sqrt() const;                         // throws for x < 0

  // For statistics and simulation only, never for money.
  double to_double() const;
  static Decimal from_double(double v);         // shortest round-trip digits; throws on NaN/inf

  // The representation, for the columnar fast paths in data/ and eval/.
  const DecimalRepr& repr() const { return repr_; }
  // Any coefficient and scale: a negative scale, a small value held as big or
  // the reverse are brought to DecimalRepr's invariant. Throws
  // ArithmeticError past the limits.
  explicit Decimal(DecimalRepr r) : repr_(std::move(r)) {
    if (!repr_.is_small() || repr_.scale < 0 || repr_.scale > kMaxScale || repr_.small == kI128Min) {
      normalize();
    }
  }

 private:
  void normalize();

  DecimalRepr repr_;
};

}  // namespace cxv

// fmt::format("{}", d) prints d.to_string(); width and alignment apply
// ("{:>12}"). Rounding for display is the caller's choice: d.to_fixed(2).
template <>
struct fmt::formatter<cxv::Decimal> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const cxv::Decimal& d, FormatContext& ctx) const {
    const std::string text = d.to_string();
    return fmt::formatter<std::string_view>::format(std::string_view(text), ctx);
  }
};
