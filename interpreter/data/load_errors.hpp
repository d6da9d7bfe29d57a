#pragma once
// Turning data problems into diagnostics, for one table.
//
// Problems inside the data carry the data's own location (the CSV file, or
// "<host table NAME>" and a row number for in-memory tables) in
// Diagnostic::external_*, and a note pointing at the column's declaration in
// the .cxv file. After `max_errors` errors the last one gets a "too many
// errors" note and full() turns true: a broken file of a million rows must
// not print a million lines.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "data/cell_append.hpp"
#include "data/schema.hpp"
#include "diag/diagnostic.hpp"

namespace cxv::data {

// How diagnostics name a data file: relative to the working directory when
// the file is inside it (as a person would type it, and the same on every
// machine for the golden tests), else as given.
std::string display_path(const std::string& path);

class LoadErrors {
 public:
  LoadErrors(Diagnostics& diags, const SourceMap& sources, const TableSchema& schema, std::string data_label,
             std::size_t max_errors);

  // "telecom.cxv:14", or empty when the span is not in the source map (a host-made schema).
  std::string declared_at(Span span) const;

  // A problem with cell text `cell` of declared column `column` at line/col of the data.
  void cell(CellProblem problem, std::size_t column, std::string_view cell, std::uint32_t line, std::uint32_t col);
  // Any other located problem in the data; returns the diagnostic to add notes or help to.
  Diagnostic& at(std::string code, std::uint32_t line, std::uint32_t col, std::string message);
  // A problem with a declared column as a whole (missing from the header):
  // located at the column's declaration in the .cxv file.
  Diagnostic& at_declaration(std::string code, std::size_t column, std::string message);

  bool full() const { return errors_ >= max_errors_; }
  std::size_t errors() const { return errors_; }
  const std::string& label() const { return label_; }

 private:
  Diagnostic& count(Diagnostic& d);

  Diagnostics& diags_;
  const SourceMap& sources_;
  const TableSchema& schema_;
  std::string label_;
  std::size_t max_errors_;
  std::size_t errors_ = 0;
};

}  // namespace cxv::data
