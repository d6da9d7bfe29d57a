#pragma once
// A column of decimals that share one scale, stored as int64 coefficients:
// the fast exact path for table data (money with cents is scale 2). Sums are
// exact in a 128-bit accumulator, as fast as summing doubles.
//
// The CSV loader appends cells as text; each cell is parsed straight into an
// integer. When a cell has more decimal places than the column so far, the
// column is rescaled; if a value can no longer fit int64 at the common scale,
// the column falls back to storing Decimals ("wide" storage): slower, still
// exact. Missing cells are recorded in a validity bitmap.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "numeric/decimal.hpp"

namespace cxv {

class ScaledColumn {
 public:
  enum class CellError {
    none,
    not_a_number,  // not the syntax of Decimal::parse (e.g. "fifty", "1e3", "")
    too_large,     // a number past Decimal's limits (more than kMaxDigits digits)
  };

  // Appends the number written in `cell_text` (Decimal::parse syntax: sign,
  // digits, `_` separators, optional fraction; no spaces). Returns false and
  // appends nothing when the text is not a number; last_error() says why.
  bool append(std::string_view cell_text);
  void append(const Decimal& value);
  void append_missing();
  // Appends every row of `other` and leaves the column exactly as appending
  // its cells one by one would have (the common scale is the larger of the
  // two; a value's coefficient does not depend on the order rows came in).
  // False, and the column unchanged, when either column is wide or a value
  // would not fit int64 at the common scale: the caller then appends the cells.
  bool append_column(const ScaledColumn& other);
  void reserve(std::size_t rows);

  std::size_t size() const { return size_; }
  std::size_t missing_count() const { return missing_; }
  bool is_missing(std::size_t row) const { return ((validity_[row / 64] >> (row % 64)) & 1) == 0; }
  std::optional<Decimal> at(std::size_t row) const;

  // Present values: their sum (0 when there are none), smallest and largest.
  Decimal sum() const;
  std::optional<Decimal> min() const;
  std::optional<Decimal> max() const;

  // The common scale: value = coefficient * 10^-scale (meaningless once wide).
  int scale() const { return scale_; }
  bool is_wide() const { return wide_mode_; }
  // The raw coefficients, for vectorized measures; missing rows hold 0.
  // Empty once the column is wide.
  std::span<const std::int64_t> coefficients() const { return coefficients_; }
  // The values once the column is wide (missing rows hold 0); empty before.
  std::span<const Decimal> wide_values() const { return wide_; }
  // Bit (row % 64) of word (row / 64) is set when the row is present.
  std::span<const std::uint64_t> validity() const { return validity_; }

  CellError last_error() const { return last_error_; }

 private:
  void push_validity(bool present);
  bool rescale_to(int new_scale);  // false when some coefficient would overflow
  void go_wide();
  void append_coefficient(std::int64_t c);

  std::vector<std::int64_t> coefficients_;
  std::vector<Decimal> wide_;               // replaces coefficients_ once wide
  std::vector<std::uint64_t> validity_;
  std::size_t size_ = 0;
  std::size_t missing_ = 0;
  std::uint64_t max_magnitude_ = 0;         // of stored coefficients: decides rescaling in O(1)
  int scale_ = 0;
  bool wide_mode_ = false;
  CellError last_error_ = CellError::none;
};

}  // namespace cxv
