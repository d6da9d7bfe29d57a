#include "data/table_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <type_traits>
#include <vector>

#include "data/cell_append.hpp"
#include "data/csv_reader.hpp"
#include "data/header_names.hpp"
#include "data/key_check.hpp"
#include "data/load_errors.hpp"
#include "data/table_part.hpp"
#include "data/text_checks.hpp"

namespace cxv::data {
namespace {

constexpr std::size_t kNotInHeader = static_cast<std::size_t>(-1);
// Rows read before estimating the row count from the file size.
constexpr std::size_t kSampleRows = 4096;

std::optional<Span> table_span(const TableSchema& schema, const SourceMap& sources) {
  if (schema.declared_at.file < sources.size()) return schema.declared_at;
  return std::nullopt;
}

// Opens the file, reporting a missing or unreadable one at the table's declaration.
std::optional<CsvReader> open_data(const TableSchema& schema, const std::string& path, const SourceMap& sources,
                                   Diagnostics& diags, std::size_t chunk_bytes = std::size_t{1} << 20) {
  CsvOpenError error;
  auto reader = CsvReader::open(path, error, chunk_bytes);
  if (reader) return reader;
  auto span = table_span(schema, sources);
  const std::string shown = display_path(path);
  switch (error.failure) {
    case CsvOpenFailure::not_found: {
      auto& d = diags.error("E100", span, fmt::format("the data file of table {} does not exist: {}", schema.name, shown));
      d.help = "paths are relative to the .cxv file that declares the table; `--data DIR` reads them from another folder";
      break;
    }
    case CsvOpenFailure::is_directory:
      diags.error("E101", span, fmt::format("the data file of table {} is a directory, not a CSV file: {}", schema.name, shown));
      break;
    case CsvOpenFailure::unreadable:
      diags.error("E101", span, fmt::format("cannot read the data file of table {}: {} ({})", schema.name, shown,
                                            error.reason));
      break;
  }
  return std::nullopt;
}

// Reports the syntax error that stopped the reader, if any.
void report_syntax(const CsvReader& reader, LoadErrors& errors) {
  if (!reader.error()) return;
  const CsvSyntaxError& e = *reader.error();
  switch (e.kind) {
    case CsvSyntax::unterminated_quote:
      errors.at("E103", e.where.line, e.where.col, "this quoted field is never closed")
          .help = "add the closing quote; a quote inside a quoted field is written twice (\"\")";
      break;
    case CsvSyntax::stray_quote:
      errors.at("E104", e.where.line, e.where.col, "a quote inside a field that does not start with a quote")
          .help = "put the whole field in quotes and double the quotes inside it: \"say \"\"hi\"\"\"";
      break;
    case CsvSyntax::text_after_quote:
      errors.at("E104", e.where.line, e.where.col, "text after the closing quote of a field")
          .help = "a quote inside a quoted field is written twice (\"\"); a field ends at a comma or the line end";
      break;
    case CsvSyntax::record_too_long:
      errors.at("E107", e.where.line, e.where.col, "a record larger than 256 MiB starts here")
          .help = "look for a quote that is opened and never closed";
      break;
    case CsvSyntax::read_failed:
      errors.at("E101", e.where.line, e.where.col, fmt::format("reading the file failed: {}", e.detail));
      break;
  }
}

// Maps each declared column to its field in the header. Reports names that
// are not valid UTF-8, declared columns that are missing (with did-you-mean)
// and declared columns that appear twice. Empty result on any error.
std::vector<std::size_t> map_header(const TableSchema& schema, const CsvReader& reader, LoadErrors& errors) {
  std::vector<std::string> names;
  bool ok = true;
  for (std::size_t i = 0; i < reader.field_count(); ++i) {
    std::string_view name = reader.field(i);
    if (first_invalid_utf8(name)) {
      auto at = reader.location(i);
      errors.at("E106", at.line, at.col, fmt::format("header name {} is not valid UTF-8", quote_cell(name))).help =
          "save the file as UTF-8";
      ok = false;
    }
    names.emplace_back(header_name(name));   // the shared header rule (header_names.hpp)
  }
  std::vector<std::size_t> field_of(schema.columns.size(), kNotInHeader);
  for (std::size_t c = 0; c < schema.columns.size(); ++c) {
    const ColumnSchema& column = schema.columns[c];
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] != column.name) continue;
      if (field_of[c] == kNotInHeader) {
        field_of[c] = i;
        continue;
      }
      auto at = reader.location(i);
      auto first = reader.location(field_of[c]);
      errors.at("E109", at.line, at.col,
                fmt::format("column {} appears twice in the header (first at column {})", column.name, first.col))
          .help = "rename or remove one of them: cxv cannot tell which one the declaration means";
      ok = false;
    }
    if (field_of[c] == kNotInHeader) {
      auto& d = errors.at_declaration("E108", c, fmt::format("column {} is not in the header of {}", column.name,
                                                             errors.label()));
      if (auto near = closest_name(column.name, names)) {
        d.help = fmt::format("did you mean '{}'? Header names must match the declaration exactly (spaces around them do not count)", *near);
      } else {
        std::string list;
        for (std::size_t i = 0; i < names.size() && i < 12; ++i) list += (i ? ", " : "") + names[i];
        if (names.size() > 12) list += ", ...";
        d.help = fmt::format("the header has: {}", list);
      }
      ok = false;
    }
  }
  if (!ok) field_of.clear();
  return field_of;
}

// Reads the header; reports an empty file or a syntax error in the header.
bool read_header(CsvReader& reader, const TableSchema& schema, const std::string& path, const SourceMap& sources,
                 Diagnostics& diags, LoadErrors& errors) {
  if (reader.next_record()) return true;
  if (reader.error()) {
    report_syntax(reader, errors);
  } else {
    diags.error("E102", table_span(schema, sources),
              fmt::format("the data file of table {} is empty: {}", schema.name, display_path(path)))
        .help = "the first line must be a header naming the columns";
  }
  return false;
}

std::uint64_t file_size(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

// Once the first rows are in, the file's size tells roughly how many rows
// follow: reserving for them (plus a margin) saves the copies and the slack
// of vectors that double, which would otherwise cost up to twice the memory.
void reserve_for_file(std::vector<ColumnData>& columns, std::uint64_t file_bytes, std::uint64_t bytes_so_far) {
  if (file_bytes == 0 || bytes_so_far == 0) return;
  const double rows_per_byte = static_cast<double>(kSampleRows) / static_cast<double>(bytes_so_far);
  reserve_rows(columns, static_cast<std::size_t>(static_cast<double>(file_bytes) * rows_per_byte * 1.02) + 64);
}

// What the row loop needs to know about the file.
struct RowContext {
  const TableSchema& schema;
  const std::vector<std::size_t>& field_of;
  std::size_t header_fields;
  std::uint64_t file_bytes;
};

// Reads data rows into `columns`, reporting every problem, until the next
// record would start at or after byte `stop_at`, the end of the file, or
// too many errors.
void read_rows(CsvReader& reader, const RowContext& file, std::vector<ColumnData>& columns, LoadErrors& errors,
               bool& reserved, std::uint64_t stop_at) {
  while (!errors.full() && reader.bytes_read() < stop_at && reader.next_record()) {
    if (reader.field_count() != file.header_fields) {
      std::size_t n = reader.field_count();
      auto& d = errors.at("E105", reader.record_line(), 1,
                          reader.record_is_blank()
                              ? fmt::format("empty line in the middle of the data (the header has {} fields)",
                                            file.header_fields)
                              : fmt::format("this row has {} field{}, the header has {}", n, n == 1 ? "" : "s",
                                            file.header_fields));
      d.help = reader.record_is_blank()   ? "remove the empty line"
               : n > file.header_fields ? "a value that contains a comma must be in quotes: \"1,250.50\""
                                          : "every row needs a field for every header column, even an empty one";
      continue;
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::string_view cell = reader.field(file.field_of[c]);
      CellProblem problem = append_cell(columns[c], file.schema.columns[c], cell);
      if (problem != CellProblem::none) {
        auto at = reader.location(file.field_of[c]);
        errors.cell(problem, c, cell, at.line, at.col);
        if (errors.full()) break;
      }
    }
    if (!reserved && !columns.empty() && column_size(columns.front()) == kSampleRows) {
      reserve_for_file(columns, file.file_bytes, reader.bytes_read());
      reserved = true;
    }
  }
}

// Appends the second half's columns to the first's. False when some column
// cannot take them exactly as serial appending would (a number column that
// would turn wide, text past its size limit): the columns are then unusable.
bool append_part(std::vector<ColumnData>& columns, std::vector<ColumnData>& part) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    bool ok = std::visit(
        [&part, c](auto& into) {
          using C = std::decay_t<decltype(into)>;
          auto& from = std::get<C>(part[c]);
          if constexpr (std::is_same_v<C, BoolColumn> || std::is_same_v<C, DateColumn>) {
            into.append_column(from);
            return true;
          } else {
            return into.append_column(from);
          }
        },
        columns[c]);
    part[c] = ColumnData{};   // free the half as soon as it is copied
    if (!ok) return false;
  }
  return true;
}

// The line and column where field `field` of data rows `rows` starts (0 is the
// first row after the header), in the order asked.
std::vector<CsvLocation> locate_rows(const std::string& path, const std::vector<std::size_t>& rows, std::size_t field) {
  std::vector<CsvLocation> where(rows.size());
  CsvOpenError error;
  auto reader = CsvReader::open(path, error);
  if (!reader || !reader->next_record()) return where;
  for (std::size_t row = 0; reader->next_record(); ++row) {
    for (std::size_t k = 0; k < rows.size(); ++k)
      if (rows[k] == row && field < reader->field_count()) where[k] = reader->location(field);
  }
  return where;
}

}  // namespace

bool validate_header(const TableSchema& schema, const std::string& resolved_path, const SourceMap& sources,
                     Diagnostics& diags) {
  auto reader = open_data(schema, resolved_path, sources, diags);
  if (!reader) return false;
  LoadErrors errors(diags, sources, schema, display_path(resolved_path), 20);
  if (!read_header(*reader, schema, resolved_path, sources, diags, errors)) return false;
  return !map_header(schema, *reader, errors).empty() || schema.columns.empty();
}

std::optional<Table> load_table(const TableSchema& schema, const std::string& resolved_path, const SourceMap& sources,
                                Diagnostics& diags, const LoadOptions& options) {
  if (options.used_two_threads) *options.used_two_threads = false;
  auto reader = open_data(schema, resolved_path, sources, diags, options.read_chunk_bytes);
  if (!reader) return std::nullopt;
  LoadErrors errors(diags, sources, schema, display_path(resolved_path), std::max<std::size_t>(options.max_errors, 1));
  if (!read_header(*reader, schema, resolved_path, sources, diags, errors)) return std::nullopt;
  const std::size_t header_fields = reader->field_count();
  std::vector<std::size_t> field_of = map_header(schema, *reader, errors);
  if (field_of.empty() && !schema.columns.empty()) return std::nullopt;

  std::vector<ColumnData> columns;
  columns.reserve(schema.columns.size());
  for (const auto& c : schema.columns) columns.push_back(make_column(c.kind));
  const RowContext file{schema, field_of, header_fields, file_size(resolved_path)};
  bool reserved = false;

  // Two threads on a large file: the second reads from the first line start
  // after the middle, while this one reads up to it. Its rows are used only
  // when this half ends exactly there (so the split was not inside a quoted
  // field), both halves are free of problems and every column can take the
  // second half exactly; otherwise this thread reads the rest itself, and the
  // table and the diagnostics are the serial loader's in every case.
  std::unique_ptr<TablePart> part;
  std::uint64_t split = 0;
  if (options.threads >= 2 && file.file_bytes >= options.parallel_min_bytes && !columns.empty()) {
    split = line_start_after(resolved_path, file.file_bytes / 2);
    if (split > reader->bytes_read() && split < file.file_bytes)
      part = std::make_unique<TablePart>(schema, resolved_path, split, file.file_bytes, field_of, header_fields,
                                         options.read_chunk_bytes);
  }
  read_rows(*reader, file, columns, errors, reserved, part ? split : UINT64_MAX);
  if (part) {
    const bool clean_split = errors.errors() == 0 && !reader->error() && reader->bytes_read() == split;
    if (!clean_split) part->cancel();
    const bool part_ok = part->finish();
    if (clean_split && part_ok) {
      if (!append_part(columns, part->columns())) {
        part.reset();
        LoadOptions serial = options;
        serial.threads = 1;
        return load_table(schema, resolved_path, sources, diags, serial);
      }
      part.reset();   // this reader stays at the split: the rest of the file is read
      if (options.used_two_threads) *options.used_two_threads = true;
    } else {
      part.reset();
      read_rows(*reader, file, columns, errors, reserved, UINT64_MAX);
    }
  }
  if (!errors.full()) report_syntax(*reader, errors);
  if (errors.errors() > 0) return std::nullopt;

  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (!schema.columns[c].key) continue;
    std::vector<KeyDuplicate> dups = find_duplicate_keys(columns[c], options.max_errors);
    if (dups.empty()) continue;
    // Rows do not remember their lines (4 bytes a row for a rare error): read the file again.
    std::vector<std::size_t> rows;
    for (const auto& dup : dups) rows.insert(rows.end(), {dup.row, dup.first_row});
    std::vector<CsvLocation> where = locate_rows(resolved_path, rows, field_of[c]);
    for (std::size_t k = 0; k < dups.size() && !errors.full(); ++k) {
      auto& d = errors.at("E115", where[2 * k].line, where[2 * k].col,
                          fmt::format("key {} {} appears again (first on line {})", schema.columns[c].name,
                                      quote_cell(dups[k].value), where[2 * k + 1].line));
      d.help = "a key identifies one row: remove the duplicate row, or drop `key` if rows are not individuals";
      const Span declared = schema.columns[c].declared_at;
      if (declared.file < sources.size())
        d.notes.push_back(Note{declared, fmt::format("column {} is declared here as the key", schema.columns[c].name)});
    }
  }
  if (errors.errors() > 0) return std::nullopt;
  return Table(schema, std::move(columns));
}

}  // namespace cxv::data
