#pragma once
// Tables from a host program's own memory instead of a CSV file (embedding).
//
//   cxv::data::TableBuilder b(schema);
//   b.add_text_column("segment", {"smb", "enterprise"});
//   b.add_number_column("monthly_revenue", {cxv::Decimal::parse("49.99"), std::nullopt});
//   b.add_cells("signup", {"2027-01-15", "2027-02"});   // any kind, written as in a CSV cell
//   std::optional<cxv::data::Table> t = b.build(sources, diags);
//
// The values go through the same rules as CSV cells (missing values only in
// optional columns, UTF-8 text, unique keys), and problems come back as the
// same diagnostics, located at "<host table NAME>", line = the row number
// (from 1) and column = the column's position in the declaration (from 1).

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "data/schema.hpp"
#include "data/table.hpp"
#include "data/table_loader.hpp"
#include "diag/diagnostic.hpp"
#include "numeric/decimal.hpp"

namespace cxv::data {

class TableBuilder {
 public:
  explicit TableBuilder(TableSchema schema);

  // Text values for a text column; nullopt is a missing value.
  TableBuilder& add_text_column(std::string name, std::vector<std::optional<std::string>> values);
  TableBuilder& add_text_column(std::string name, const std::vector<std::string>& values);
  // Exact numbers for a number column.
  TableBuilder& add_number_column(std::string name, std::vector<std::optional<Decimal>> values);
  TableBuilder& add_bool_column(std::string name, std::vector<std::optional<bool>> values);
  // Cells as text for a column of any kind, parsed exactly like CSV cells
  // ("12.50", "yes", "2027-03"); nullopt or "" is a missing value.
  TableBuilder& add_cells(std::string name, std::vector<std::optional<std::string>> cells);

  // The label diagnostics use in place of a file name: "<host table customers>".
  std::string label() const;

  // Checks every bound column against the schema and builds the table, or
  // reports every problem (up to options.max_errors) and returns nullopt.
  // `sources` holds the .cxv files the schema's spans point into (may be empty).
  std::optional<Table> build(const SourceMap& sources, Diagnostics& diags, const LoadOptions& options = {}) const;

 private:
  enum class Form { text, number, boolean, cells };
  struct Bound {
    std::string name;
    Form form;
    std::variant<std::vector<std::optional<std::string>>, std::vector<std::optional<Decimal>>,
                 std::vector<std::optional<bool>>>
        values;
  };
  TableBuilder& bind(Bound bound);

  TableSchema schema_;
  std::vector<Bound> bound_;
};

}  // namespace cxv::data
