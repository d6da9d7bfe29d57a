// ScaledColumn: the text-to-int64 hot path, rescaling, the wide fallback, and
// exact aggregates.

#include "numeric/scaled_column.hpp"

#include <algorithm>
#include <limits>

#include "numeric/big_integer.hpp"

namespace cxv {

namespace {

constexpr std::uint64_t kInt64Max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
constexpr int kMaxPow10U64 = 19;  // 10^19 < 2^64

constexpr std::uint64_t pow10_u64(int n) {
  std::uint64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

constexpr std::uint64_t kPow10U64[kMaxPow10U64 + 1] = {
    pow10_u64(0),  pow10_u64(1),  pow10_u64(2),  pow10_u64(3),  pow10_u64(4),
    pow10_u64(5),  pow10_u64(6),  pow10_u64(7),  pow10_u64(8),  pow10_u64(9),
    pow10_u64(10), pow10_u64(11), pow10_u64(12), pow10_u64(13), pow10_u64(14),
    pow10_u64(15), pow10_u64(16), pow10_u64(17), pow10_u64(18), pow10_u64(19)};

bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// The outcome of scanning a cell on the fast path.
enum class Scan { ok, syntax, overflow };

// Reads [sign] digits [_digits]* [. digits [_digits]*] into an unsigned
// magnitude and a count of fraction digits. `overflow` means the syntax may be
// fine but the digits do not fit 64 bits: the caller retries with Decimal.
Scan scan_cell(std::string_view text, bool& negative, std::uint64_t& magnitude, int& places) {
  const char* p = text.data();
  const char* const end = p + text.size();
  negative = false;
  if (p != end && (*p == '-' || *p == '+')) negative = *p++ == '-';
  std::uint64_t m = 0;
  int fraction_digits = 0;
  // 19 digits always fit 64 bits: only longer cells need the overflow test.
  const bool may_overflow = end - p > 19;
  bool in_fraction = false;
  for (;;) {
    // One run of digits with single `_` between digits.
    if (p == end || !is_digit(*p)) return Scan::syntax;
    for (;;) {
      const auto d = static_cast<unsigned>(*p - '0');
      if (may_overflow && m > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return Scan::overflow;
      m = m * 10 + d;
      fraction_digits += in_fraction ? 1 : 0;
      ++p;
      if (p == end) break;
      if (*p == '_') {
        if (p + 1 == end || !is_digit(p[1])) return Scan::syntax;
        ++p;
      } else if (!is_digit(*p)) {
        break;
      }
    }
    if (p == end) break;
    if (*p != '.' || in_fraction) return Scan::syntax;
    in_fraction = true;
    ++p;
  }
  magnitude = m;
  places = fraction_digits;
  return Scan::ok;
}

}  // namespace

void ScaledColumn::reserve(std::size_t rows) {
  if (!wide_mode_) coefficients_.reserve(rows);
  validity_.reserve(rows / 64 + 1);
}

void ScaledColumn::push_validity(bool present) {
  if (size_ % 64 == 0) validity_.push_back(0);
  if (present) validity_.back() |= std::uint64_t{1} << (size_ % 64);
  else ++missing_;
  ++size_;
}

void ScaledColumn::append_coefficient(std::int64_t c) {
  coefficients_.push_back(c);
  const std::uint64_t m = c < 0 ? 0 - static_cast<std::uint64_t>(c) : static_cast<std::uint64_t>(c);
  max_magnitude_ = std::max(max_magnitude_, m);
  push_validity(true);
}

bool ScaledColumn::append(std::string_view cell_text) {
  bool negative;
  std::uint64_t m;
  int places;
  Scan scan = wide_mode_ ? Scan::overflow : scan_cell(cell_text, negative, m, places);
  if (scan == Scan::ok && places > kMaxScale) scan = Scan::overflow;  // Decimal::parse judges it
  if (scan == Scan::syntax) {
    last_error_ = CellError::not_a_number;
    return false;
  }
  if (scan == Scan::ok) {
    // Trailing zeros past the column's scale carry no value: "12.50" does not
    // force a scale-1 column to rescale.
    while (places > scale_ && m % 10 == 0 && m != 0) {
      m /= 10;
      --places;
    }
    if (m == 0) places = 0;
    if (places < scale_) {
      const int up = scale_ - places;
      if (up <= kMaxPow10U64 && !__builtin_mul_overflow(m, kPow10U64[up], &m) && m <= kInt64Max) {
        places = scale_;
      }
    }
    if (places == scale_ && m <= kInt64Max) {
      const auto c = static_cast<std::int64_t>(m);
      append_coefficient(negative ? -c : c);
      last_error_ = CellError::none;
      return true;
    }
    if (places > scale_ && m <= kInt64Max && rescale_to(places)) {
      const auto c = static_cast<std::int64_t>(m);
      append_coefficient(negative ? -c : c);
      last_error_ = CellError::none;
      return true;
    }
  }
  // Slow path: too many digits for int64 at the common scale.
  Decimal::ParseError error;
  std::optional<Decimal> d = Decimal::parse(cell_text, error);
  if (!d) {
    last_error_ = error == Decimal::ParseError::too_large ? CellError::too_large : CellError::not_a_number;
    return false;
  }
  append(*d);
  last_error_ = CellError::none;
  return true;
}

void ScaledColumn::append(const Decimal& value) {
  if (!wide_mode_ && value.repr().is_small()) {
    i128 c = value.repr().small;
    int s = value.repr().scale;
    // Written at the column's scale: drop surplus trailing zeros, or pad.
    while (s > scale_ && c % 10 == 0 && c != 0) {
      c /= 10;
      --s;
    }
    if (s < scale_ && scale_ - s <= kMaxPow10U64 &&
        !__builtin_mul_overflow(c, static_cast<i128>(kPow10U64[scale_ - s]), &c)) {
      s = scale_;
    }
    const bool fits = c >= -static_cast<i128>(kInt64Max) && c <= static_cast<i128>(kInt64Max);
    if (fits && (s == scale_ || (s > scale_ && rescale_to(s)))) {
      append_coefficient(static_cast<std::int64_t>(c));
      return;
    }
  }
  if (!wide_mode_) go_wide();
  wide_.push_back(value);
  push_validity(true);
}

void ScaledColumn::append_missing() {
  if (wide_mode_) wide_.emplace_back();
  else coefficients_.push_back(0);
  push_validity(false);
}

bool ScaledColumn::rescale_to(int new_scale) {
  const int up = new_scale - scale_;
  if (max_magnitude_ != 0) {
    // Every coefficient must still fit int64 once multiplied by 10^up.
    if (up > kMaxPow10U64 || max_magnitude_ > kInt64Max / kPow10U64[up]) return false;
    const auto factor = static_cast<std::int64_t>(kPow10U64[up]);
    for (auto& c : coefficients_) c *= factor;
    max_magnitude_ *= kPow10U64[up];
  }
  scale_ = new_scale;
  return true;
}

bool ScaledColumn::append_column(const ScaledColumn& other) {
  if (wide_mode_ || other.wide_mode_) return false;
  const int scale = std::max(scale_, other.scale_);
  const int up_mine = scale - scale_, up_other = scale - other.scale_;
  auto fits = [](std::uint64_t magnitude, int up) {
    return magnitude == 0 || (up <= kMaxPow10U64 && magnitude <= kInt64Max / kPow10U64[up]);
  };
  if (!fits(max_magnitude_, up_mine) || !fits(other.max_magnitude_, up_other)) return false;
  if (!rescale_to(scale)) return false;   // cannot fail after the check above
  const std::size_t rows_before = coefficients_.size();
  coefficients_.insert(coefficients_.end(), other.coefficients_.begin(), other.coefficients_.end());
  if (other.max_magnitude_ != 0 && up_other > 0) {
    const auto factor = static_cast<std::int64_t>(kPow10U64[up_other]);
    for (std::size_t i = rows_before; i < coefficients_.size(); ++i) coefficients_[i] *= factor;
  }
  max_magnitude_ = std::max(max_magnitude_, other.max_magnitude_ == 0 ? 0 : other.max_magnitude_ * kPow10U64[up_other]);
  // The bitmaps: other's rows start at bit size_ % 64 of the last word.
  const std::size_t shift = size_ % 64;
  const std::size_t words = (other.size_ + 63) / 64;
  for (std::size_t w = 0; w < words; ++w) {
    if (shift == 0) {
      validity_.push_back(other.validity_[w]);
      continue;
    }
    validity_.back() |= other.validity_[w] << shift;
    if (size_ - shift + 64 * w + 64 < size_ + other.size_) validity_.push_back(other.validity_[w] >> (64 - shift));
  }
  size_ += other.size_;
  missing_ += other.missing_;
  return true;
}

void ScaledColumn::go_wide() {
  wide_.reserve(coefficients_.size());  // not the capacity: a Decimal is six times an int64
  for (std::int64_t c : coefficients_) wide_.push_back(Decimal::from_scaled(c, scale_));
  coefficients_.clear();
  coefficients_.shrink_to_fit();
  wide_mode_ = true;
}

std::optional<Decimal> ScaledColumn::at(std::size_t row) const {
  if (row >= size_ || is_missing(row)) return std::nullopt;
  if (wide_mode_) return wide_[row];
  return Decimal::from_scaled(coefficients_[row], scale_);
}

Decimal ScaledColumn::sum() const {
  if (wide_mode_) {
    Decimal total;
    for (const Decimal& d : wide_) total += d;  // missing rows hold zero
    return total;
  }
  // |sum| <= rows * 2^63 < 2^127 for any row count a machine can hold:
  // the 128-bit accumulator cannot overflow. Missing rows hold zero.
  i128 total = 0;
  for (std::int64_t c : coefficients_) total += c;
  return decimal_detail::make_decimal(total, scale_);
}

std::optional<Decimal> ScaledColumn::min() const {
  if (missing_ == size_) return std::nullopt;
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < size_; ++i) {
    if (missing_ != 0 && is_missing(i)) continue;
    if (!best) best = i;
    else if (wide_mode_ ? wide_[i] < wide_[*best] : coefficients_[i] < coefficients_[*best]) best = i;
  }
  return at(*best);
}

std::optional<Decimal> ScaledColumn::max() const {
  if (missing_ == size_) return std::nullopt;
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < size_; ++i) {
    if (missing_ != 0 && is_missing(i)) continue;
    if (!best) best = i;
    else if (wide_mode_ ? wide_[*best] < wide_[i] : coefficients_[*best] < coefficients_[i]) best = i;
  }
  return at(*best);
}

}  // namespace cxv
