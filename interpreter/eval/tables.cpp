// Loading the declared tables: schemas from the IR, paths, host bindings.

#include "eval/tables.hpp"

#include <filesystem>

#include "data/table_loader.hpp"

namespace cxv::eval {

namespace {

data::ColumnKind kind_of(ir::ColumnKind k) {
  switch (k) {
    case ir::ColumnKind::text: return data::ColumnKind::text;
    case ir::ColumnKind::boolean: return data::ColumnKind::boolean;
    case ir::ColumnKind::date: return data::ColumnKind::date;
    case ir::ColumnKind::number: return data::ColumnKind::number;
  }
  return data::ColumnKind::text;
}

data::Provenance provenance_of(ir::Provenance p) {
  switch (p) {
    case ir::Provenance::unspecified: return data::Provenance::unspecified;
    case ir::Provenance::first_party: return data::Provenance::first_party;
    case ir::Provenance::third_party: return data::Provenance::third_party;
  }
  return data::Provenance::unspecified;
}

bool same_kind(const data::ColumnData& column, data::ColumnKind kind) {
  switch (kind) {
    case data::ColumnKind::text: return std::holds_alternative<data::TextColumn>(column);
    case data::ColumnKind::boolean: return std::holds_alternative<data::BoolColumn>(column);
    case data::ColumnKind::date: return std::holds_alternative<data::DateColumn>(column);
    case data::ColumnKind::number: return std::holds_alternative<data::NumberColumn>(column);
  }
  return false;
}

// A host-supplied table must hold every declared column, with the declared
// kind, and no missing values where the declaration does not allow them.
std::optional<BoundTable> bind_host_table(const ir::Table& decl, std::shared_ptr<const data::Table> table,
                                          Diagnostics& diags) {
  BoundTable bound{table, {}};
  bool ok = true;
  for (const ir::Column& col : decl.columns) {
    auto pos = table->schema().find(col.name);
    if (!pos) {
      auto& d = diags.error("E117", col.span,
                            "the table '" + decl.name + "' bound by the program has no column '" + col.name + "'");
      d.help = "add the column to the in-memory table, with the name written in the declaration";
      ok = false;
      continue;
    }
    const data::ColumnData& data = table->column(*pos);
    const data::ColumnKind want = kind_of(col.kind);
    if (!same_kind(data, want)) {
      auto& d = diags.error("E117", col.span,
                            "column '" + col.name + "' of the bound table '" + decl.name + "' is not of kind " +
                                std::string(data::kind_name(want)));
      d.help = "bind a column of the declared kind";
      ok = false;
      continue;
    }
    if (!col.optional) {
      for (std::size_t r = 0; r < table->row_count(); ++r) {
        if (!data::column_present(data, r)) {
          auto& d = diags.error("E117", col.span,
                                "column '" + col.name + "' of the bound table '" + decl.name + "' has a missing value in row " +
                                    std::to_string(r + 1) + " but is not declared optional");
          d.help = "declare the column `optional`, or fill the value";
          ok = false;
          break;
        }
      }
    }
    bound.column_of.push_back(*pos);
  }
  if (!ok) return std::nullopt;
  return bound;
}

}  // namespace

data::TableSchema schema_of(const ir::Table& table) {
  data::TableSchema s;
  s.name = table.name;
  s.path = table.written_path;
  s.provenance = provenance_of(table.provenance);
  s.declared_at = table.span;
  for (const ir::Column& c : table.columns) {
    data::ColumnSchema col;
    col.name = c.name;
    col.kind = kind_of(c.kind);
    col.unit = c.display.text;
    col.optional = c.optional;
    col.key = c.key;
    col.declared_at = c.span;
    s.columns.push_back(std::move(col));
  }
  return s;
}

std::string resolve_table_path(const ir::Table& table, const std::string& main_file,
                               const std::optional<std::string>& data_dir) {
  namespace fs = std::filesystem;
  const fs::path written(table.written_path);
  if (data_dir && !written.is_absolute()) return (fs::path(*data_dir) / written).lexically_normal().string();
  if (!table.path.empty()) return table.path;
  if (written.is_absolute()) return written.string();
  return (fs::path(main_file).parent_path() / written).lexically_normal().string();
}

std::optional<TableSet> load_tables(const ir::Program& program, const SourceMap& sources,
                                    const LoadRequest& request, Diagnostics& diags) {
  TableSet set;
  bool ok = true;
  for (const auto& [name, table] : request.bound) {
    if (program.find_table(name) == ir::kNone) {
      auto& d = diags.error("E156", std::nullopt, "the program binds a table '" + name + "' that the framework does not declare");
      d.help = "bind one of the tables declared with `table NAME from ...`";
      ok = false;
    }
  }
  const std::string main_file = sources.size() > program.main_file ? sources.file(program.main_file).path() : "";
  for (const ir::Table& decl : program.tables) {
    if (auto it = request.bound.find(decl.name); it != request.bound.end()) {
      auto bound = bind_host_table(decl, it->second, diags);
      if (!bound) ok = false;
      set.tables.push_back(bound ? std::move(*bound) : BoundTable{});
      continue;
    }
    const data::TableSchema schema = schema_of(decl);
    auto loaded = data::load_table(schema, resolve_table_path(decl, main_file, request.data_dir), sources, diags);
    if (!loaded) {
      ok = false;
      set.tables.emplace_back();
      continue;
    }
    BoundTable bound{std::make_shared<const data::Table>(std::move(*loaded)), {}};
    for (std::size_t c = 0; c < decl.columns.size(); ++c) bound.column_of.push_back(c);
    set.tables.push_back(std::move(bound));
  }
  if (!ok) return std::nullopt;
  return set;
}

}  // namespace cxv::eval
