#pragma once
// What the columnar evaluator reads when a column effect has changed a
// column (see column_effect_state.hpp):
//
//   a bool column becomes a ProbabilityMask: rows still certain (true, false
//   or unknown, exactly as a Mask), and classes of uncertain rows, each with
//   its probability of being true, strictly between 0 and 1;
//   a number column becomes a NumberVector with the changed rows rewritten.
//
// An aggregate whose `where` is uncertain counts each uncertain row by its
// probability: count = the expected number of rows, share = the mean
// probability over the rows where the condition is known, sum = the expected
// sum, mean = expected sum / expected count (docs/values.md). Order
// statistics (median, min, ...) of uncertain rows have no such reading and
// are refused (E181), as are two uncertain conditions in one expression:
// nothing says whether the two are independent.

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "data/small_columns.hpp"
#include "eval/bitmap.hpp"
#include "eval/column_effect_state.hpp"
#include "eval/number_vector.hpp"
#include "numeric/decimal.hpp"
#include "numeric/scaled_column.hpp"

namespace cxv::eval {

struct ProbabilityMask {
  // Uncertain rows are known and false here, so that Kleene logic with a
  // certain mask gives the right answer wherever the other side decides.
  Mask certain;
  std::vector<std::pair<Words, Decimal>> uncertain;   // disjoint rows, probability in (0, 1)
};

// A loaded bool column as a mask (true / false / unknown for a missing cell).
Mask mask_of(const data::BoolColumn& column);
// The changed bool column: `loaded` is the column as loaded.
ProbabilityMask changed_bool(const Mask& loaded, const ColumnChange& change);
// The changed number column (copied, then the changed rows rewritten; int64
// when every value fits, else Decimals). Throws ArithmeticError past Decimal's limits.
NumberVector changed_numbers(const ScaledColumn& loaded, const ColumnChange& change);

// The sum over `selected` (rows with a known value) of the changed number
// column, computed from the loaded column and the classes of changed rows:
// sum(x) over unchanged rows + sum over each class of factor * sum(x) + shift * rows.
// nullopt when the loaded column is wide (the caller rewrites the column instead).
std::optional<Decimal> changed_sum(const ScaledColumn& loaded, const ColumnChange& change, const Words& selected);

// Kleene logic with a certain side; p and q denote probabilities:
//   not p = 1 - p;  p and true = p;  p and false = false;  p and unknown = unknown;
//   p or false = p; p or true = true; p or unknown = unknown.
ProbabilityMask negate(ProbabilityMask a);
ProbabilityMask and_certain(ProbabilityMask a, const Mask& b);
ProbabilityMask or_certain(ProbabilityMask a, const Mask& b);

// 1 for true, 0 for false, p for an uncertain row, missing for unknown.
NumberVector probability_numbers(const ProbabilityMask& m);

// The expected number of rows in `scope` where the condition is true.
Decimal expected_count(const ProbabilityMask& m, const Words& scope);
// Rows in `scope` where the condition is known (certain or uncertain).
std::size_t known_count(const ProbabilityMask& m, const Words& scope);
// Sum over rows in `scope` of value * probability (present values only), and
// the expected number of such rows.
Decimal expected_sum(const ProbabilityMask& m, const NumberVector& v, const Words& scope);
Decimal expected_count_present(const ProbabilityMask& m, const NumberVector& v, const Words& scope);

}  // namespace cxv::eval
