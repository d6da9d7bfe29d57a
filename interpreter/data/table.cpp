#include "data/table.hpp"

#include <stdexcept>
#include <type_traits>

namespace cxv::data {

ColumnData make_column(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::text: return TextColumn{};
    case ColumnKind::boolean: return BoolColumn{};
    case ColumnKind::date: return DateColumn{};
    case ColumnKind::number: return NumberColumn{};
  }
  return TextColumn{};
}

std::size_t column_size(const ColumnData& column) {
  return std::visit([](const auto& c) { return c.size(); }, column);
}

bool column_present(const ColumnData& column, std::size_t row) {
  return std::visit(
      [row](const auto& c) {
        if constexpr (std::is_same_v<std::decay_t<decltype(c)>, NumberColumn>) {
          return !c.is_missing(row);
        } else {
          return c.present(row);
        }
      },
      column);
}

Table::Table(TableSchema schema, std::vector<ColumnData> columns)
    : schema_(std::move(schema)), columns_(std::move(columns)) {
  // Interpreter invariants, not user errors: the loaders build tables that satisfy them.
  if (columns_.size() != schema_.columns.size()) throw std::logic_error("Table: one column per schema column");
  rows_ = columns_.empty() ? 0 : column_size(columns_.front());
  for (const auto& c : columns_)
    if (column_size(c) != rows_) throw std::logic_error("Table: columns of different lengths");
}

const ColumnData* Table::find(std::string_view name) const {
  auto i = schema_.find(name);
  return i ? &columns_[*i] : nullptr;
}

}  // namespace cxv::data
