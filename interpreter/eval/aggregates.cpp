// Exact reductions over selected rows.

#include "eval/aggregates.hpp"

#include <algorithm>
#include <bit>
#include <vector>

namespace cxv::eval {

namespace {

// Calls fn(row) for every set bit, taking whole words at once when full.
template <class Fn>
void for_each_selected(const Words& selected, Fn&& fn) {
  for (std::size_t w = 0; w < selected.size(); ++w) {
    std::uint64_t bits = selected[w];
    const std::size_t base = w * 64;
    if (bits == ~std::uint64_t{0}) {
      for (std::size_t j = 0; j < 64; ++j) fn(base + j);
      continue;
    }
    while (bits != 0) {
      fn(base + static_cast<std::size_t>(std::countr_zero(bits)));
      bits &= bits - 1;
    }
  }
}

}  // namespace

Decimal sum_selected(const NumberVector& v, const Words& selected) {
  if (v.is_wide()) {
    Decimal total;
    for_each_selected(selected, [&](std::size_t i) { total += v.decimals()[i]; });
    return total;
  }
  // |sum| <= rows * 2^63 < 2^127: the 128-bit accumulator cannot overflow.
  i128 total = 0;
  const std::int64_t* c = v.coefficients().data();
  for_each_selected(selected, [&](std::size_t i) { total += c[i]; });
  return decimal_from(total, v.scale());
}

std::optional<Decimal> min_selected(const NumberVector& v, const Words& selected) {
  std::optional<std::size_t> best;
  for_each_selected(selected, [&](std::size_t i) {
    if (!best) best = i;
    else if (v.is_wide() ? v.decimals()[i] < v.decimals()[*best] : v.coefficients()[i] < v.coefficients()[*best]) best = i;
  });
  if (!best) return std::nullopt;
  return v.at(*best);
}

std::optional<Decimal> max_selected(const NumberVector& v, const Words& selected) {
  std::optional<std::size_t> best;
  for_each_selected(selected, [&](std::size_t i) {
    if (!best) best = i;
    else if (v.is_wide() ? v.decimals()[i] > v.decimals()[*best] : v.coefficients()[i] > v.coefficients()[*best]) best = i;
  });
  if (!best) return std::nullopt;
  return v.at(*best);
}

namespace {

// Below this many values, selection on a copy is as fast as counting.
constexpr std::size_t kCountingMinValues = 256;

// x[lo] and x[lo + 1] of the sorted values (the second only when needed),
// found by selection rather than a full sort.
template <class T>
std::pair<T, T> ranks(std::vector<T>& xs, std::size_t lo, bool need_next) {
  std::nth_element(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(lo), xs.end());
  T a = xs[lo];
  T b = a;
  if (need_next) b = *std::min_element(xs.begin() + static_cast<std::ptrdiff_t>(lo) + 1, xs.end());
  return {a, b};
}

// x[lo] and x[lo + 1] of the sorted selected coefficients by counting, when
// they span a range not much wider than their number (money in cents, counts,
// scores): one pass to find the range, one to count each value, one walk of
// the counts. No copy of the values and no reordering, and the same two ranks
// as selection finds. False, with nothing computed, when the range is too wide.
bool ranks_by_counting(const std::int64_t* c, const Words& selected, std::size_t n, std::size_t lo, bool need_next,
                       std::int64_t& a, std::int64_t& b) {
  std::int64_t low = 0, high = 0;
  bool any = false;
  for_each_selected(selected, [&](std::size_t i) {
    if (!any) low = high = c[i], any = true;
    low = std::min(low, c[i]);
    high = std::max(high, c[i]);
  });
  // The counts may take at most as much memory as copying the values would.
  const u128 range = static_cast<u128>(static_cast<i128>(high) - low) + 1;
  if (!any || range > 2 * static_cast<u128>(n)) return false;
  std::vector<std::uint32_t> counts(static_cast<std::size_t>(range), 0);   // n < 2^32 (checked by the caller)
  for_each_selected(selected, [&](std::size_t i) { ++counts[static_cast<std::size_t>(c[i] - low)]; });
  std::size_t seen = 0;
  std::size_t k = 0;
  while (seen + counts[k] <= lo) seen += counts[k++];   // value low + k holds rank lo
  a = low + static_cast<std::int64_t>(k);
  b = a;
  if (need_next && seen + counts[k] == lo + 1) {
    ++k;
    while (counts[k] == 0) ++k;   // rank lo + 1 < n exists
    b = low + static_cast<std::int64_t>(k);
  }
  return true;
}

}  // namespace

std::optional<Decimal> percentile_selected(const NumberVector& v, const Words& selected, const Decimal& p) {
  const std::size_t n = popcount(selected);
  if (n == 0) return std::nullopt;
  const Decimal h = Decimal(static_cast<std::int64_t>(n - 1)) * p;
  const Decimal lo_d = h.floor();
  const Decimal frac = h - lo_d;
  const auto lo = static_cast<std::size_t>(std::stoull(lo_d.to_string()));
  const bool need_next = !frac.is_zero() && lo + 1 < n;
  Decimal a, b;
  if (v.is_wide()) {
    std::vector<Decimal> xs;
    xs.reserve(n);
    for_each_selected(selected, [&](std::size_t i) { xs.push_back(v.decimals()[i]); });
    std::tie(a, b) = ranks(xs, lo, need_next);
  } else {
    const std::int64_t* c = v.coefficients().data();
    std::int64_t x = 0, y = 0;
    if (n >= kCountingMinValues && n < (std::size_t{1} << 32) && ranks_by_counting(c, selected, n, lo, need_next, x, y)) {
      // counted
    } else {
      std::vector<std::int64_t> xs;
      xs.reserve(n);
      for_each_selected(selected, [&](std::size_t i) { xs.push_back(c[i]); });
      std::tie(x, y) = ranks(xs, lo, need_next);
    }
    a = decimal_from(x, v.scale());
    b = decimal_from(y, v.scale());
  }
  if (!need_next) return a;
  return a + frac * (b - a);
}

}  // namespace cxv::eval
