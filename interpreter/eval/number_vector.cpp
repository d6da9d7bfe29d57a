// NumberVector: views of loaded columns, constants, and moving between the
// int64 fast path and Decimals.

#include "eval/number_vector.hpp"

#include <limits>

namespace cxv::eval {

namespace {

constexpr int kMaxPow10 = 18;  // 10^18 < 2^63

std::int64_t pow10_i64(int n) {
  std::int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

}  // namespace

Decimal decimal_from(i128 coefficient, int scale) {
  DecimalRepr r;
  r.small = coefficient;
  r.scale = scale;
  return Decimal(std::move(r));
}

bool to_coefficient(const Decimal& d, int scale, std::int64_t& out) {
  const DecimalRepr& r = d.repr();
  if (!r.is_small()) return false;
  i128 c = r.small;
  int s = r.scale;
  while (s > scale) {  // drop trailing zeros the target scale does not keep
    if (c % 10 != 0) return false;
    c /= 10;
    --s;
  }
  if (scale - s > kMaxPow10) return c == 0 ? (out = 0, true) : false;
  if (__builtin_mul_overflow(c, static_cast<i128>(pow10_i64(scale - s)), &c)) return false;
  if (c > std::numeric_limits<std::int64_t>::max() || c < -std::numeric_limits<std::int64_t>::max()) return false;
  out = static_cast<std::int64_t>(c);
  return true;
}

NumberVector NumberVector::view(const ScaledColumn& column) {
  NumberVector v;
  v.rows_ = column.size();
  v.valid_ = column.validity();
  if (!column.is_wide()) {
    v.scale_ = column.scale();
    v.coef_ = column.coefficients();
    return v;
  }
  v.wide_ = true;
  v.own_big_.reserve(v.rows_);
  for (std::size_t i = 0; i < v.rows_; ++i) v.own_big_.push_back(column.at(i).value_or(Decimal()));
  v.big_ = v.own_big_;
  return v;
}

NumberVector NumberVector::constant(const Decimal& value, std::size_t rows) {
  // The smallest scale that holds the value exactly.
  int scale = value.repr().scale;
  std::int64_t c = 0;
  if (scale <= kMaxPow10 && to_coefficient(value, scale, c)) {
    return scaled(std::vector<std::int64_t>(rows, c), scale, all_rows(rows));
  }
  return wide(std::vector<Decimal>(rows, value), all_rows(rows));
}

NumberVector NumberVector::scaled(std::vector<std::int64_t> coefficients, int scale, Words valid) {
  NumberVector v;
  v.rows_ = coefficients.size();
  v.scale_ = scale;
  v.own_coef_ = std::move(coefficients);
  v.coef_ = v.own_coef_;
  v.own_valid_ = std::move(valid);
  v.valid_ = v.own_valid_;
  return v;
}

NumberVector NumberVector::wide(std::vector<Decimal> values, Words valid) {
  NumberVector v;
  v.rows_ = values.size();
  v.wide_ = true;
  v.own_big_ = std::move(values);
  v.big_ = v.own_big_;
  v.own_valid_ = std::move(valid);
  v.valid_ = v.own_valid_;
  return v;
}

Decimal NumberVector::at(std::size_t row) const {
  if (wide_) return big_[row];
  return decimal_from(coef_[row], scale_);
}

NumberVector NumberVector::borrow() const {
  NumberVector v;
  v.rows_ = rows_;
  v.wide_ = wide_;
  v.scale_ = scale_;
  v.coef_ = coef_;
  v.big_ = big_;
  v.valid_ = valid_;
  return v;
}

NumberVector NumberVector::to_wide() const {
  std::vector<Decimal> values;
  values.reserve(rows_);
  for (std::size_t i = 0; i < rows_; ++i) values.push_back(at(i));
  return wide(std::move(values), Words(valid_.begin(), valid_.end()));
}

bool NumberVector::rescale(int new_scale, NumberVector& out) const {
  if (wide_ || new_scale < scale_) return false;
  const int up = new_scale - scale_;
  if (up > kMaxPow10) return false;
  const std::int64_t factor = pow10_i64(up);
  std::vector<std::int64_t> c(rows_);
  for (std::size_t i = 0; i < rows_; ++i) {
    if (__builtin_mul_overflow(coef_[i], factor, &c[i])) return false;
  }
  out = scaled(std::move(c), new_scale, Words(valid_.begin(), valid_.end()));
  return true;
}

}  // namespace cxv::eval
