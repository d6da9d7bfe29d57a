#pragma once
// Reductions of a NumberVector over the selected rows (a bitmap: in the
// aggregate's `where`, and present). Exact: sums accumulate int64
// coefficients in 128 bits; order statistics select among the coefficients.

#include <cstddef>
#include <optional>

#include "eval/bitmap.hpp"
#include "eval/number_vector.hpp"
#include "numeric/decimal.hpp"

namespace cxv::eval {

Decimal sum_selected(const NumberVector& v, const Words& selected);
// Smallest / largest selected value; nullopt when nothing is selected.
std::optional<Decimal> min_selected(const NumberVector& v, const Words& selected);
std::optional<Decimal> max_selected(const NumberVector& v, const Words& selected);

// The p-quantile (0 <= p <= 1) of the selected values by linear interpolation
// between closest ranks (Hyndman & Fan type 7, the default of R, NumPy and
// spreadsheets' PERCENTILE.INC): with the n sorted values x[0..n-1],
// h = (n - 1) * p, the result is x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h]).
// Exact in Decimal. nullopt when nothing is selected. The median is p = 0.5.
std::optional<Decimal> percentile_selected(const NumberVector& v, const Words& selected, const Decimal& p);

}  // namespace cxv::eval
