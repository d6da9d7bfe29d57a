#pragma once
// What a table is declared to hold, independent of where its rows come from.
//
// The evaluator fills a TableSchema from the checked IR (a `table` declaration);
// the CSV loader and the in-memory TableBuilder both validate rows against it.
// Keeping it a plain struct here means the data module does not depend on the
// checker and a host can build one by hand.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/source.hpp"

namespace cxv::data {

// How a column's cells are stored and parsed. Every unit (USD/month, points,
// months, count, ratio) is a `number`: the unit is checked by the checker and
// only shown here, in `ColumnSchema::unit`.
enum class ColumnKind { text, boolean, date, number };

std::string_view kind_name(ColumnKind kind);   // "text", "bool", "date", "number"

struct ColumnSchema {
  std::string name;                        // as declared, matched exactly against the CSV header
  ColumnKind kind = ColumnKind::text;
  std::string unit;                        // display label for numbers ("USD/month"); empty otherwise
  bool optional = false;                   // empty cells allowed (missing values)
  bool key = false;                        // `key`: identifies a row; values must be present and unique
  Span declared_at;                        // the column's declaration, for notes
};

// Where the data comes from, as declared with `provenance`.
enum class Provenance { unspecified, first_party, third_party };

struct TableSchema {
  std::string name;                        // the table's name in the framework
  std::string path;                        // the CSV path as written in the .cxv file
  std::vector<ColumnSchema> columns;       // in declared order; a Table stores them in this order
  Provenance provenance = Provenance::unspecified;
  Span declared_at;                        // the table declaration (its path string, ideally)

  // Index of the column with this exact name, if declared.
  std::optional<std::size_t> find(std::string_view column) const;
};

}  // namespace cxv::data
