#pragma once
// Appending one cell, given as text, to a column: the typing rules shared by
// the CSV loader and the in-memory TableBuilder, so both accept and reject
// exactly the same values.

#include <string_view>
#include <variant>

#include "data/cell_parsers.hpp"
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

namespace cell_detail {

template <class C>
inline CellProblem missing(C& column, CellProblem problem) {
  column.append_missing();
  return problem;
}

}  // namespace cell_detail

// Appends `cell` to `column` (whose kind matches `schema.kind`). On a problem
// a missing value is appended instead, so rows stay aligned and loading can go
// on to find further errors.
// Inline: it runs once per cell, in the loader's innermost loop.
inline CellProblem append_cell(ColumnData& column, const ColumnSchema& schema, std::string_view cell) {
  // An empty cell is a missing value whatever the column's type.
  if (cell.empty()) {
    std::visit([](auto& c) { c.append_missing(); }, column);
    // A key identifies its row, so it is never missing, even if declared optional.
    return schema.optional && !schema.key ? CellProblem::none : CellProblem::missing_value;
  }
  switch (schema.kind) {
    case ColumnKind::number: {
      auto& c = std::get<NumberColumn>(column);
      if (c.append(cell)) return CellProblem::none;
      return cell_detail::missing(c, c.last_error() == NumberColumn::CellError::too_large ? CellProblem::number_too_large
                                                                             : CellProblem::not_a_number);
    }
    case ColumnKind::text: {
      auto& c = std::get<TextColumn>(column);
      switch (c.append(cell)) {
        case TextColumn::Appended::ok: return CellProblem::none;
        case TextColumn::Appended::invalid_utf8: return cell_detail::missing(c, CellProblem::invalid_utf8);
        case TextColumn::Appended::too_large: return cell_detail::missing(c, CellProblem::column_too_large);
      }
      return CellProblem::none;
    }
    case ColumnKind::boolean: {
      auto& c = std::get<BoolColumn>(column);
      if (auto b = parse_bool(cell)) {
        c.append(*b);
        return CellProblem::none;
      }
      return cell_detail::missing(c, CellProblem::not_a_bool);
    }
    case ColumnKind::date: {
      auto& c = std::get<DateColumn>(column);
      if (auto d = parse_date(cell)) {
        c.append(d->days, d->month_only);
        return CellProblem::none;
      }
      return cell_detail::missing(c, CellProblem::not_a_date);
    }
  }
  return CellProblem::none;
}

}  // namespace cxv::data
