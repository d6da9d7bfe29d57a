#pragma once
// A number per row plus a validity bitmap: what a row expression such as
// `customers.monthly_revenue * 12` evaluates to, all rows at once.
//
// Two layouts, as in ScaledColumn: int64 coefficients sharing one decimal
// scale (the fast exact path: money with cents, counts, scores), or one
// Decimal per row ("wide") when a result does not fit, or after a division.
// A vector may view a table column without copying it; the storage it owns
// moves with it (std::vector keeps its buffer on move), so views stay valid.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "eval/bitmap.hpp"
#include "numeric/decimal.hpp"
#include "numeric/scaled_column.hpp"

namespace cxv::eval {

class NumberVector {
 public:
  NumberVector() = default;
  NumberVector(NumberVector&&) noexcept = default;
  NumberVector& operator=(NumberVector&&) noexcept = default;
  NumberVector(const NumberVector&) = delete;
  NumberVector& operator=(const NumberVector&) = delete;

  // A view of a loaded column (copied only when the column is wide).
  static NumberVector view(const ScaledColumn& column);
  // `value` on each of `rows` rows.
  static NumberVector constant(const Decimal& value, std::size_t rows);
  // Owned coefficients at `scale`; `valid` as for validity().
  static NumberVector scaled(std::vector<std::int64_t> coefficients, int scale, Words valid);
  static NumberVector wide(std::vector<Decimal> values, Words valid);

  std::size_t rows() const { return rows_; }
  bool is_wide() const { return wide_; }
  int scale() const { return scale_; }
  std::span<const std::int64_t> coefficients() const { return coef_; }
  std::span<const Decimal> decimals() const { return big_; }
  std::span<const std::uint64_t> validity() const { return valid_; }
  bool present(std::size_t row) const { return test(valid_, row); }
  // The value of a present row (any value for a missing one).
  Decimal at(std::size_t row) const;

  // A view of this vector's numbers; valid while this vector lives.
  NumberVector borrow() const;
  // The same numbers as Decimals (for the slow paths).
  NumberVector to_wide() const;
  // The same numbers at a larger scale; false when a coefficient would overflow.
  bool rescale(int new_scale, NumberVector& out) const;

 private:
  std::size_t rows_ = 0;
  bool wide_ = false;
  int scale_ = 0;
  std::span<const std::int64_t> coef_;
  std::vector<std::int64_t> own_coef_;
  std::span<const Decimal> big_;
  std::vector<Decimal> own_big_;
  std::span<const std::uint64_t> valid_;
  Words own_valid_;
};

// Builds a Decimal from a 128-bit coefficient and a scale, with no allocation.
Decimal decimal_from(i128 coefficient, int scale);
// The coefficient of `d` at `scale` when it fits int64 exactly.
bool to_coefficient(const Decimal& d, int scale, std::int64_t& out);

}  // namespace cxv::eval
