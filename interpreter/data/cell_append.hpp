#pragma once
// Appending one cell, given as text, to a column: the typing rules shared by
// the CSV loader and the in-memory TableBuilder, so both accept and reject
// exactly the same values.

#include <string_view>

#include "data/schema.hpp"
#include "data/table.hpp"

namespace cxv::data {

enum class CellProblem {
  none,
  missing_value,     // empty, and the column is not optional
  not_a_number,
  number_too_large,
  not_a_bool,
  not_a_date,
  invalid_utf8,
  column_too_large,
};

// Appends `cell` to `column` (whose kind matches `schema.kind`). On a problem
// a missing value is appended instead, so rows stay aligned and loading can go
// on to find further errors.
CellProblem append_cell(ColumnData& column, const ColumnSchema& schema, std::string_view cell);

}  // namespace cxv::data
