#include "data/cell_append.hpp"

#include "data/cell_parsers.hpp"

namespace cxv::data {
namespace {

template <class C>
CellProblem missing(C& column, CellProblem problem) {
  column.append_missing();
  return problem;
}

}  // namespace

CellProblem append_cell(ColumnData& column, const ColumnSchema& schema, std::string_view cell) {
  // An empty cell is a missing value whatever the column's type.
  if (cell.empty()) {
    std::visit([](auto& c) { c.append_missing(); }, column);
    return schema.optional ? CellProblem::none : CellProblem::missing_value;
  }
  switch (schema.kind) {
    case ColumnKind::number: {
      auto& c = std::get<NumberColumn>(column);
      if (c.append(cell)) return CellProblem::none;
      return missing(c, c.last_error() == NumberColumn::CellError::too_large ? CellProblem::number_too_large
                                                                             : CellProblem::not_a_number);
    }
    case ColumnKind::text: {
      auto& c = std::get<TextColumn>(column);
      switch (c.append(cell)) {
        case TextColumn::Appended::ok: return CellProblem::none;
        case TextColumn::Appended::invalid_utf8: return missing(c, CellProblem::invalid_utf8);
        case TextColumn::Appended::too_large: return missing(c, CellProblem::column_too_large);
      }
      return CellProblem::none;
    }
    case ColumnKind::boolean: {
      auto& c = std::get<BoolColumn>(column);
      if (auto b = parse_bool(cell)) {
        c.append(*b);
        return CellProblem::none;
      }
      return missing(c, CellProblem::not_a_bool);
    }
    case ColumnKind::date: {
      auto& c = std::get<DateColumn>(column);
      if (auto d = parse_date(cell)) {
        c.append(d->days, d->month_only);
        return CellProblem::none;
      }
      return missing(c, CellProblem::not_a_date);
    }
  }
  return CellProblem::none;
}

}  // namespace cxv::data
