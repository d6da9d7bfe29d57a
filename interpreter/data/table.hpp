#pragma once
// A loaded table: one column per declared column, in declared order, stored
// column by column so that measures run as loops over arrays.
//
//   text   -> TextColumn   (dictionary-encoded while values repeat)
//   bool   -> BoolColumn   (a byte per row)
//   date   -> DateColumn   (days since 1970-01-01)
//   number -> ScaledColumn (int64 coefficients at one scale; exact)
//
// Every column type keeps a validity bitmap: a missing value is a cleared bit.

#include <cstddef>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "data/schema.hpp"
#include "data/small_columns.hpp"
#include "data/text_column.hpp"
#include "numeric/scaled_column.hpp"

namespace cxv::data {

using NumberColumn = cxv::ScaledColumn;
using ColumnData = std::variant<TextColumn, BoolColumn, DateColumn, NumberColumn>;

// An empty column of the kind a schema column asks for.
ColumnData make_column(ColumnKind kind);
std::size_t column_size(const ColumnData& column);
bool column_present(const ColumnData& column, std::size_t row);

class Table {
 public:
  Table(TableSchema schema, std::vector<ColumnData> columns);

  const TableSchema& schema() const { return schema_; }
  const std::string& name() const { return schema_.name; }
  std::size_t row_count() const { return rows_; }
  std::size_t column_count() const { return columns_.size(); }

  // Column i of the schema.
  const ColumnData& column(std::size_t i) const { return columns_.at(i); }
  // The column with this exact declared name, or null.
  const ColumnData* find(std::string_view name) const;

  // Typed access; null when the column does not exist or has another kind.
  const TextColumn* text(std::string_view name) const { return typed<TextColumn>(name); }
  const BoolColumn* boolean(std::string_view name) const { return typed<BoolColumn>(name); }
  const DateColumn* date(std::string_view name) const { return typed<DateColumn>(name); }
  const NumberColumn* number(std::string_view name) const { return typed<NumberColumn>(name); }

 private:
  template <class C>
  const C* typed(std::string_view name) const {
    const ColumnData* c = find(name);
    return c ? std::get_if<C>(c) : nullptr;
  }

  TableSchema schema_;
  std::vector<ColumnData> columns_;
  std::size_t rows_ = 0;
};

}  // namespace cxv::data
