#include "data/schema.hpp"

namespace cxv::data {

std::string_view kind_name(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::text: return "text";
    case ColumnKind::boolean: return "bool";
    case ColumnKind::date: return "date";
    case ColumnKind::number: return "number";
  }
  return "?";
}

std::optional<std::size_t> TableSchema::find(std::string_view column) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == column) return i;
  return std::nullopt;
}

}  // namespace cxv::data
