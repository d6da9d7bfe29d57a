// Whole-column arithmetic and comparisons, int64 fast path first.

#include "eval/vector_ops.hpp"

#include <algorithm>
#include <compare>

namespace cxv::eval {

namespace {

Words both_valid(const NumberVector& a, const NumberVector& b) {
  return and_words(a.validity(), b.validity());
}

// Brings a and b to one scale on the int64 path; false when that overflows
// (or either is wide), in which case the caller works in Decimals.
bool common_scale(const NumberVector& a, const NumberVector& b, NumberVector& a2, NumberVector& b2) {
  if (a.is_wide() || b.is_wide()) return false;
  const int s = std::max(a.scale(), b.scale());
  a2 = a.scale() == s ? a.borrow() : NumberVector();
  b2 = b.scale() == s ? b.borrow() : NumberVector();
  if (a.scale() != s && !a.rescale(s, a2)) return false;
  if (b.scale() != s && !b.rescale(s, b2)) return false;
  return true;
}

NumberVector wide_binary(const NumberVector& a, const NumberVector& b, Words valid, const Words* scope,
                         const std::function<Decimal(const Decimal&, const Decimal&)>& fn) {
  std::vector<Decimal> out(a.rows());
  for (std::size_t i = 0; i < a.rows(); ++i) {
    if (!test(valid, i)) continue;
    if (scope && !test(*scope, i)) {
      valid[i >> 6] &= ~(std::uint64_t{1} << (i & 63));
      continue;
    }
    out[i] = fn(a.at(i), b.at(i));
  }
  return NumberVector::wide(std::move(out), std::move(valid));
}

Decimal apply(ir::Op op, const Decimal& x, const Decimal& y) {
  switch (op) {
    case ir::Op::add: return x + y;
    case ir::Op::sub: return x - y;
    default: return x * y;
  }
}

}  // namespace

NumberVector arithmetic(ir::Op op, const NumberVector& a, const NumberVector& b) {
  Words valid = both_valid(a, b);
  const std::size_t n = a.rows();
  if (op == ir::Op::mul && !a.is_wide() && !b.is_wide()) {
    std::vector<std::int64_t> c(n);
    bool overflow = false;
    for (std::size_t i = 0; i < n; ++i) overflow |= __builtin_mul_overflow(a.coefficients()[i], b.coefficients()[i], &c[i]);
    if (!overflow) return NumberVector::scaled(std::move(c), a.scale() + b.scale(), std::move(valid));
  } else if (op != ir::Op::mul) {
    NumberVector a2, b2;
    if (common_scale(a, b, a2, b2)) {
      std::vector<std::int64_t> c(n);
      bool overflow = false;
      const auto* x = a2.coefficients().data();
      const auto* y = b2.coefficients().data();
      if (op == ir::Op::add) {
        for (std::size_t i = 0; i < n; ++i) overflow |= __builtin_add_overflow(x[i], y[i], &c[i]);
      } else {
        for (std::size_t i = 0; i < n; ++i) overflow |= __builtin_sub_overflow(x[i], y[i], &c[i]);
      }
      if (!overflow) return NumberVector::scaled(std::move(c), a2.scale(), std::move(valid));
    }
  }
  return wide_binary(a, b, std::move(valid), nullptr,
                     [op](const Decimal& x, const Decimal& y) { return apply(op, x, y); });
}

bool divide(const NumberVector& a, const NumberVector& b, const Words* scope, NumberVector& out,
            std::size_t& zero_row) {
  Words valid = both_valid(a, b);
  for (std::size_t i = 0; i < a.rows(); ++i) {
    if (!test(valid, i) || (scope && !test(*scope, i))) continue;
    const bool zero = b.is_wide() ? b.decimals()[i].is_zero() : b.coefficients()[i] == 0;
    if (zero) {
      zero_row = i;
      return false;
    }
  }
  out = wide_binary(a, b, std::move(valid), scope, [](const Decimal& x, const Decimal& y) { return x / y; });
  return true;
}

NumberVector negate(const NumberVector& a) {
  Words valid(a.validity().begin(), a.validity().end());
  if (!a.is_wide()) {
    std::vector<std::int64_t> c(a.rows());
    bool overflow = false;
    for (std::size_t i = 0; i < a.rows(); ++i) overflow |= __builtin_sub_overflow(std::int64_t{0}, a.coefficients()[i], &c[i]);
    if (!overflow) return NumberVector::scaled(std::move(c), a.scale(), std::move(valid));
  }
  return map_rows(a, nullptr, [](const Decimal& x) { return -x; });
}

NumberVector map_rows(const NumberVector& a, const Words* scope, const std::function<Decimal(const Decimal&)>& fn) {
  Words valid(a.validity().begin(), a.validity().end());
  std::vector<Decimal> out(a.rows());
  for (std::size_t i = 0; i < a.rows(); ++i) {
    if (!test(valid, i)) continue;
    if (scope && !test(*scope, i)) {
      valid[i >> 6] &= ~(std::uint64_t{1} << (i & 63));
      continue;
    }
    out[i] = fn(a.at(i));
  }
  return NumberVector::wide(std::move(out), std::move(valid));
}

NumberVector map_rows2(const NumberVector& a, const NumberVector& b, const Words* scope,
                       const std::function<Decimal(const Decimal&, const Decimal&)>& fn) {
  return wide_binary(a, b, both_valid(a, b), scope, fn);
}

Mask compare(ir::Op op, const NumberVector& a, const NumberVector& b) {
  Mask m{a.rows(), Words(word_count(a.rows()), 0), both_valid(a, b)};
  NumberVector a2, b2;
  if (common_scale(a, b, a2, b2)) {
    const auto* x = a2.coefficients().data();
    const auto* y = b2.coefficients().data();
    for (std::size_t w = 0; w < m.truth.size(); ++w) {
      const std::size_t base = w * 64;
      const std::size_t end = std::min<std::size_t>(64, a.rows() - base);
      std::uint64_t bits = 0;
      for (std::size_t j = 0; j < end; ++j) {
        const std::int64_t p = x[base + j], q = y[base + j];
        bool r = false;
        switch (op) {
          case ir::Op::eq: r = p == q; break;
          case ir::Op::ne: r = p != q; break;
          case ir::Op::lt: r = p < q; break;
          case ir::Op::le: r = p <= q; break;
          case ir::Op::gt: r = p > q; break;
          case ir::Op::ge: r = p >= q; break;
          default: break;
        }
        bits |= static_cast<std::uint64_t>(r) << j;
      }
      m.truth[w] = bits & m.known[w];
    }
    return m;
  }
  for (std::size_t i = 0; i < a.rows(); ++i) {
    if (!test(m.known, i)) continue;
    const auto c = a.at(i) <=> b.at(i);
    const int sign = c < 0 ? -1 : (c > 0 ? 1 : 0);
    if (satisfies(op, sign)) m.truth[i >> 6] |= std::uint64_t{1} << (i & 63);
  }
  return m;
}

namespace {

template <class Cmp>
void compare_loop(const std::int64_t* x, std::int64_t c, Mask& m, Cmp cmp) {
  for (std::size_t w = 0; w < m.truth.size(); ++w) {
    const std::size_t base = w * 64;
    const std::size_t end = std::min<std::size_t>(64, m.rows - base);
    std::uint64_t bits = 0;
    for (std::size_t j = 0; j < end; ++j) bits |= static_cast<std::uint64_t>(cmp(x[base + j], c)) << j;
    m.truth[w] = bits & m.known[w];
  }
}

}  // namespace

bool compare_scalar(ir::Op op, const NumberVector& a, const Decimal& s, Mask& out) {
  std::int64_t c = 0;
  if (a.is_wide() || !to_coefficient(s, a.scale(), c)) return false;
  Mask m{a.rows(), Words(word_count(a.rows()), 0), Words(a.validity().begin(), a.validity().end())};
  const std::int64_t* x = a.coefficients().data();
  switch (op) {
    case ir::Op::eq: compare_loop(x, c, m, [](std::int64_t p, std::int64_t q) { return p == q; }); break;
    case ir::Op::ne: compare_loop(x, c, m, [](std::int64_t p, std::int64_t q) { return p != q; }); break;
    case ir::Op::lt: compare_loop(x, c, m, [](std::int64_t p, std::int64_t q) { return p < q; }); break;
    case ir::Op::le: compare_loop(x, c, m, [](std::int64_t p, std::int64_t q) { return p <= q; }); break;
    case ir::Op::gt: compare_loop(x, c, m, [](std::int64_t p, std::int64_t q) { return p > q; }); break;
    case ir::Op::ge: compare_loop(x, c, m, [](std::int64_t p, std::int64_t q) { return p >= q; }); break;
    default: return false;
  }
  out = std::move(m);
  return true;
}

ir::Op mirrored(ir::Op op) {
  switch (op) {
    case ir::Op::lt: return ir::Op::gt;
    case ir::Op::le: return ir::Op::ge;
    case ir::Op::gt: return ir::Op::lt;
    case ir::Op::ge: return ir::Op::le;
    default: return op;   // eq, ne are symmetric
  }
}

NumberVector mask_as_numbers(const Mask& m) {
  std::vector<std::int64_t> c(m.rows);
  for (std::size_t i = 0; i < m.rows; ++i) c[i] = test(m.truth, i) ? 1 : 0;
  return NumberVector::scaled(std::move(c), 0, m.known);
}

}  // namespace cxv::eval
