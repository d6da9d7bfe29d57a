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
#include <cstdint>
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
  // Files of at least parallel_min_bytes are read by two threads when
  // threads >= 2, each parsing half of the rows (see docs/data.md); the table
  // and the diagnostics are the same as with one thread.
  unsigned threads = 2;
  std::uint64_t parallel_min_bytes = std::uint64_t{4} << 20;
  // When set, told whether the second thread's rows were used (for tests).
  bool* used_two_threads = nullptr;
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
