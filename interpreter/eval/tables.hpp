#pragma once
// The tables a run reads, one per `table` declaration of the program: loaded
// from CSV, or bound by the host from its own in-memory columns.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/ir.hpp"
#include "data/table.hpp"
#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace cxv::eval {

// One declared table and the loaded data behind it. `column_of[c]` is the
// position in `data` of the IR table's column c (host tables may order their
// columns differently from the declaration).
struct BoundTable {
  std::shared_ptr<const data::Table> data;
  std::vector<std::size_t> column_of;
};

// Indexed like ir::Program::tables.
struct TableSet {
  std::vector<BoundTable> tables;
  const BoundTable& at(ir::Index table) const { return tables.at(table); }
};

// The data module's schema for a declared table.
data::TableSchema schema_of(const ir::Table& table);

// Where a table's CSV file is: `data_dir` (when given) joined with the path as
// written; else the path the checker resolved; else the path as written,
// relative to the directory of the main .cxv file.
std::string resolve_table_path(const ir::Table& table, const std::string& main_file,
                               const std::optional<std::string>& data_dir);

struct LoadRequest {
  std::optional<std::string> data_dir;
  // Tables the host supplies itself, by declared name; they are not read from CSV.
  std::map<std::string, std::shared_ptr<const data::Table>> bound;
};

// Loads every declared table once, in declaration order, and checks the
// host-bound ones against their declarations. Problems become diagnostics;
// returns nullopt when any table failed.
std::optional<TableSet> load_tables(const ir::Program& program, const SourceMap& sources,
                                    const LoadRequest& request, Diagnostics& diags);

}  // namespace cxv::eval
