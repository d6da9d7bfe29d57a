#include "data/load_errors.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "data/text_checks.hpp"

namespace cxv::data {

std::string display_path(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  if (!p.is_absolute()) return path;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return path;
  const fs::path rel = p.lexically_normal().lexically_relative(cwd);
  if (rel.empty() || *rel.begin() == "..") return path;
  return rel.string();
}

LoadErrors::LoadErrors(Diagnostics& diags, const SourceMap& sources, const TableSchema& schema,
                       std::string data_label, std::size_t max_errors)
    : diags_(diags), sources_(sources), schema_(schema), label_(std::move(data_label)), max_errors_(max_errors) {}

std::string LoadErrors::declared_at(Span span) const {
  if (span.file >= sources_.size()) return {};
  const SourceFile& f = sources_.file(span.file);
  if (span.begin > f.text().size()) return {};
  return fmt::format("{}:{}", f.path(), f.position(span.begin).line);
}

Diagnostic& LoadErrors::count(Diagnostic& d) {
  ++errors_;
  if (errors_ == max_errors_) {
    d.notes.push_back(Note{std::nullopt, fmt::format("too many errors in {}: stopped after {}; fix these and load again",
                                                     label_, max_errors_)});
  }
  return d;
}

Diagnostic& LoadErrors::at(std::string code, std::uint32_t line, std::uint32_t col, std::string message) {
  Diagnostic d;
  d.code = std::move(code);
  d.severity = Severity::error;
  d.message = std::move(message);
  d.external_file = label_;
  d.external_line = line;
  d.external_col = col;
  return count(diags_.add(std::move(d)));
}

Diagnostic& LoadErrors::at_declaration(std::string code, std::size_t column, std::string message) {
  const ColumnSchema& c = schema_.columns[column];
  std::optional<Span> span;
  if (c.declared_at.file < sources_.size()) span = c.declared_at;
  return count(diags_.error(std::move(code), span, std::move(message)));
}

void LoadErrors::cell(CellProblem problem, std::size_t column, std::string_view text, std::uint32_t line,
                      std::uint32_t col) {
  if (problem == CellProblem::none) return;
  const ColumnSchema& c = schema_.columns[column];
  std::string where = declared_at(c.declared_at);
  std::string context = where.empty() ? fmt::format("column {}", c.name)
                                      : fmt::format("column {}, declared at {}", c.name, where);
  std::string code, message, help;
  switch (problem) {
    case CellProblem::none:
      return;
    case CellProblem::missing_value:
      code = "E114";
      message = c.key ? fmt::format("empty cell in key column {}", c.name)
                      : fmt::format("empty cell in column {}, which is not optional", c.name);
      if (!where.empty()) message += fmt::format(" (declared at {})", where);
      help = c.key ? "every row needs a key value" : "fill the cell, or declare the column `optional` if values may be missing";
      break;
    case CellProblem::not_a_number: {
      code = "E110";
      message = fmt::format("{} is not a number ({})", quote_cell(text), context);
      help = "write numbers as plain decimals: an optional minus sign, digits and an optional fraction (12.50, -3, 0.015)";
      if (text.back() == '%') {
        help = "write ratios in the data as fractions: 0.015 for 1.5%";
      } else if (text.find(',') != std::string_view::npos) {
        help = "remove the thousands separators (1250.50, not 1,250.50)";
      } else if (text.front() == ' ' || text.back() == ' ') {
        help = "remove the spaces around the number";
      } else if (text.find_first_of("eE") != std::string_view::npos && text.find_first_of("0123456789") != std::string_view::npos) {
        help = "write the number out in full: exponents such as 1e6 are not accepted";
      } else if ((text.find('$') != std::string_view::npos || text.find("\u20AC") != std::string_view::npos ||
                  text.find("\u00A3") != std::string_view::npos)) {
        help = "remove the currency symbol: the column's unit says what it is";
      }
      break;
    }
    case CellProblem::number_too_large:
      code = "E111";
      message = fmt::format("{} has more digits than a number can hold ({})", quote_cell(text), context);
      help = "check the export: a value this long is almost certainly not a measurement";
      break;
    case CellProblem::not_a_bool:
      code = "E112";
      message = fmt::format("{} is not a bool ({})", quote_cell(text), context);
      help = "use true/false, yes/no or 1/0 (any letter case)";
      break;
    case CellProblem::not_a_date:
      code = "E113";
      message = fmt::format("{} is not a date ({})", quote_cell(text), context);
      help = "write dates as YYYY-MM-DD (2027-03-15) or months as YYYY-MM (2027-03)";
      break;
    case CellProblem::invalid_utf8:
      code = "E106";
      message = fmt::format("{} is not valid UTF-8 text ({})", quote_cell(text), context);
      help = "save the file as UTF-8";
      break;
    case CellProblem::column_too_large:
      code = "E116";
      message = fmt::format("column {} holds more than 4 GiB of text ({})", c.name, context);
      help = "split the table, or leave the column out of the declaration";
      break;
  }
  Diagnostic d;
  d.code = std::move(code);
  d.severity = Severity::error;
  d.message = std::move(message);
  d.help = std::move(help);
  d.external_file = label_;
  d.external_line = line;
  d.external_col = col;
  if (c.declared_at.file < sources_.size()) {
    std::string unit = c.kind == ColumnKind::number ? (c.unit.empty() ? std::string("number") : c.unit)
                                                    : std::string(kind_name(c.kind));
    d.notes.push_back(Note{c.declared_at, fmt::format("column {} is declared here as {}{}", c.name, unit,
                                                      c.optional ? " optional" : "")});
  }
  count(diags_.add(std::move(d)));
}

}  // namespace cxv::data
