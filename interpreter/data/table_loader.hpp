#pragma once
// Loading a declared table from its CSV file.
//
// The header row is matched to the declared columns by exact name, in any
// order; undeclared columns are skipped without being parsed. Every cell of a
// declared column is typed (see cell_append.hpp); every problem becomes a
// located diagnostic (load_errors.hpp), up to LoadOptions::max_errors per
// table. A table with any error is not returned: a KPI computed from half a
// file would be a silently wrong number.

#include <cstddef>
#include <optional>
#include <string>

#include "data/schema.hpp"
#include "data/table.hpp"
#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace cxv::data {

struct LoadOptions {
  std::size_t max_errors = 20;   // per table; then a "too many errors" note
  std::size_t read_chunk_bytes = std::size_t{1} << 20;   // tests shrink it to cross chunk ends often
};

// `resolved_path` is the file to open (the caller resolves the declared path
// relative to the .cxv file or --data); it is also how diagnostics name the file.
std::optional<Table> load_table(const TableSchema& schema, const std::string& resolved_path, const SourceMap& sources,
                                Diagnostics& diags, const LoadOptions& options = {});

// For `cxv check`: reads only the header row and reports what load_table
// would report about the file and the header (a missing file, an empty file,
// a missing or duplicated column). True when the header is fine.
bool validate_header(const TableSchema& schema, const std::string& resolved_path, const SourceMap& sources,
                     Diagnostics& diags);

}  // namespace cxv::data
