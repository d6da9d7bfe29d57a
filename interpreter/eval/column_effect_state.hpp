#pragma once
// The state of the table columns that column effects have changed
// (`effect customers.churned -5pp where tenure < 3 months`), kept as a few
// classes of rows rather than as a copy of the column: an initiative touches
// only the rows its `where` selects, and each of its effects moves all of
// them the same way, so the changed rows fall into a handful of classes.
//
//   bool column:   every row of a class has the same probability of being
//                  true (a changed yes/no cell is a probability, docs/values.md);
//   number column: every row of a class is mapped by x -> x * factor + shift
//                  (an absolute change adds, a relative one multiplies; a
//                  sequence of them is again of that form, exactly).
//
// Rows in no class keep their loaded value. Missing cells are never selected,
// so they stay missing.

#include <cstddef>
#include <memory>
#include <vector>

#include "check/ir.hpp"
#include "eval/bitmap.hpp"
#include "numeric/decimal.hpp"

namespace cxv::eval {

struct ChangedRows {
  Words rows;
  Decimal factor = Decimal(1);   // number columns
  Decimal shift;                 // number columns: added after the factor; bool columns: the probability
};

struct ColumnChange {
  ir::ColumnRef column;
  bool boolean = false;
  std::vector<ChangedRows> parts;   // disjoint, none empty
  Words changed;                    // the union of the parts' rows
  // Bool columns: the column as loaded, as a mask, shared so that reading the
  // changed column does not convert the loaded cells again (null: the
  // evaluator converts them).
  std::shared_ptr<const Mask> loaded;
};

// One effect's change, applied to the rows `selected` (a subset of the rows
// whose cell is known). `size` is the effect's value in base units: a change
// in probability for a bool column (-5pp -> -0.05), the column's unit for a
// number column; for a relative effect, the factor (-8% -> 0.92).
//
// Bool: p -> clamp(p + size, 0, 1), or clamp(p * factor, 0, 1) when relative,
// where p is the row's current probability (1 or 0 for an unchanged cell, as
// loaded: `base_truth`). Number: x -> x + size, or x * factor.
void apply_bool_change(ColumnChange& column, const Words& selected, const Words& base_truth, bool relative,
                       const Decimal& size);
void apply_number_change(ColumnChange& column, const Words& selected, bool relative, const Decimal& size);

// The changed columns of one evaluation (an initiative alone, or a set).
class ColumnChanges {
 public:
  const ColumnChange* find(ir::ColumnRef column) const;
  // The column's state, created unchanged on first use.
  ColumnChange& get(ir::ColumnRef column, bool boolean, std::size_t rows);
  bool empty() const { return columns_.empty(); }
  const std::vector<ColumnChange>& columns() const { return columns_; }

 private:
  std::vector<ColumnChange> columns_;   // few: linear search is fastest
};

// Words helpers shared by the column-effect files.
bool any_set(const Words& w);
Words and_not(const Words& a, const Words& b);   // a & ~b
void or_into(Words& a, const Words& b);          // a |= b

}  // namespace cxv::eval
