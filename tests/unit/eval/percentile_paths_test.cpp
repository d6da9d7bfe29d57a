// percentile_selected finds its two ranks by counting when the selected
// coefficients span a narrow range (money in cents, counts, scores) and by
// selection on a copy otherwise. Both must give the sorted reference's
// answer, with duplicates, negative values, gaps and sparse selections.

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "eval/aggregates.hpp"

using namespace cxv;
using namespace cxv::eval;

namespace {

std::optional<Decimal> reference(std::vector<std::int64_t> xs, const Decimal& p, int scale) {
  if (xs.empty()) return std::nullopt;
  std::sort(xs.begin(), xs.end());
  const Decimal h = Decimal(static_cast<std::int64_t>(xs.size() - 1)) * p;
  std::size_t lo = 0;
  while (Decimal(static_cast<std::int64_t>(lo + 1)) <= h) ++lo;
  const Decimal a = decimal_from(xs[lo], scale);
  if (lo + 1 >= xs.size()) return a;
  return a + (h - Decimal(static_cast<std::int64_t>(lo))) * (decimal_from(xs[lo + 1], scale) - a);
}

}  // namespace

TEST_CASE("percentiles by counting and by selection agree with sorting") {
  std::mt19937_64 rng(77);
  for (int trial = 0; trial < 60; ++trial) {
    const std::size_t rows = 200 + rng() % 5000;
    // Narrow ranges (counting) on even trials, the whole int64 range (selection) on odd ones.
    const bool narrow = trial % 2 == 0;
    const std::int64_t spread = narrow ? 1 + static_cast<std::int64_t>(rng() % (rows / 2 + 1)) : 0;
    std::vector<std::int64_t> coef(rows);
    for (auto& c : coef)
      c = narrow ? static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(spread)) - spread / 3
                 : static_cast<std::int64_t>(rng() >> 1) - (std::int64_t{1} << 61);
    Words valid((rows + 63) / 64, 0), selected((rows + 63) / 64, 0);
    const unsigned density = 1 + static_cast<unsigned>(rng() % 10);   // of 10 rows selected
    std::vector<std::int64_t> chosen;
    for (std::size_t r = 0; r < rows; ++r) {
      valid[r / 64] |= std::uint64_t{1} << (r % 64);
      if (rng() % 10 < density) {
        selected[r / 64] |= std::uint64_t{1} << (r % 64);
        chosen.push_back(coef[r]);
      }
    }
    const int scale = static_cast<int>(rng() % 4);
    NumberVector v = NumberVector::scaled(coef, scale, valid);
    CAPTURE(trial);
    CAPTURE(chosen.size());
    for (const char* p : {"0", "0.001", "0.25", "0.5", "0.9", "0.999", "1"}) {
      CAPTURE(p);
      CHECK(percentile_selected(v, selected, *Decimal::parse(p)) == reference(chosen, *Decimal::parse(p), scale));
    }
  }
}

TEST_CASE("a percentile of many equal values and one outlier") {
  std::vector<std::int64_t> coef(1000, 1250);
  coef[999] = 99999;
  Words all((1000 + 63) / 64, ~std::uint64_t{0});
  all.back() &= (std::uint64_t{1} << (1000 % 64)) - 1;
  NumberVector v = NumberVector::scaled(coef, 2, all);
  CHECK(percentile_selected(v, all, *Decimal::parse("0.5")) == *Decimal::parse("12.50"));
  CHECK(percentile_selected(v, all, *Decimal::parse("1")) == *Decimal::parse("999.99"));
  // h = 999 * 0.9995 = 998.5005: halfway-ish between the last 12.50 and the outlier.
  CHECK(percentile_selected(v, all, *Decimal::parse("0.9995")) ==
        *Decimal::parse("12.50") + *Decimal::parse("0.5005") * (*Decimal::parse("999.99") - *Decimal::parse("12.50")));
}
