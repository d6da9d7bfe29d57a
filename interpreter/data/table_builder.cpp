#include "data/table_builder.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "data/cell_append.hpp"
#include "data/key_check.hpp"
#include "data/load_errors.hpp"
#include "data/text_checks.hpp"

namespace cxv::data {
namespace {

std::size_t value_count(const auto& values) {
  return std::visit([](const auto& v) { return v.size(); }, values);
}

std::string_view form_name(bool text, bool number, bool boolean) {
  return text ? "text" : number ? "number" : boolean ? "bool" : "cell";
}

}  // namespace

TableBuilder::TableBuilder(TableSchema schema) : schema_(std::move(schema)) {}

std::string TableBuilder::label() const { return fmt::format("<host table {}>", schema_.name); }

TableBuilder& TableBuilder::bind(Bound bound) {
  bound_.push_back(std::move(bound));
  return *this;
}

TableBuilder& TableBuilder::add_text_column(std::string name, std::vector<std::optional<std::string>> values) {
  return bind(Bound{std::move(name), Form::text, std::move(values)});
}

TableBuilder& TableBuilder::add_text_column(std::string name, const std::vector<std::string>& values) {
  return add_text_column(std::move(name), std::vector<std::optional<std::string>>(values.begin(), values.end()));
}

TableBuilder& TableBuilder::add_number_column(std::string name, std::vector<std::optional<Decimal>> values) {
  return bind(Bound{std::move(name), Form::number, std::move(values)});
}

TableBuilder& TableBuilder::add_bool_column(std::string name, std::vector<std::optional<bool>> values) {
  return bind(Bound{std::move(name), Form::boolean, std::move(values)});
}

TableBuilder& TableBuilder::add_cells(std::string name, std::vector<std::optional<std::string>> cells) {
  return bind(Bound{std::move(name), Form::cells, std::move(cells)});
}

std::optional<Table> TableBuilder::build(const SourceMap& sources, Diagnostics& diags,
                                         const LoadOptions& options) const {
  LoadErrors errors(diags, sources, schema_, label(), std::max<std::size_t>(options.max_errors, 1));
  // Match bound columns to declared ones: every declared column bound exactly
  // once, with values of its kind, all of the same length.
  std::vector<const Bound*> bound_of(schema_.columns.size(), nullptr);
  std::vector<std::string> bound_names;
  for (const Bound& b : bound_) bound_names.push_back(b.name);
  std::optional<std::size_t> rows;
  for (const Bound& b : bound_) {
    auto c = schema_.find(b.name);
    if (!c) {
      auto& d = errors.at("E117", 0, 0, fmt::format("the host bound a column {} that table {} does not declare",
                                                    b.name, schema_.name));
      std::vector<std::string> declared;
      for (const auto& col : schema_.columns) declared.push_back(col.name);
      if (auto near = closest_name(b.name, declared)) d.help = fmt::format("did you mean '{}'?", *near);
      continue;
    }
    const ColumnSchema& col = schema_.columns[*c];
    if (bound_of[*c]) {
      errors.at("E117", 0, static_cast<std::uint32_t>(*c + 1), fmt::format("the host bound column {} twice", b.name));
      continue;
    }
    const bool fits = b.form == Form::cells || (b.form == Form::text && col.kind == ColumnKind::text) ||
                      (b.form == Form::number && col.kind == ColumnKind::number) ||
                      (b.form == Form::boolean && col.kind == ColumnKind::boolean);
    if (!fits) {
      auto& d = errors.at("E117", 0, static_cast<std::uint32_t>(*c + 1),
                          fmt::format("column {} is declared as {} but the host bound {} values", col.name,
                                      kind_name(col.kind),
                                      form_name(b.form == Form::text, b.form == Form::number, b.form == Form::boolean)));
      d.help = "bind the values with the add_*_column call of the declared kind, or as text cells with add_cells";
      continue;
    }
    std::size_t n = value_count(b.values);
    if (rows && *rows != n) {
      errors.at("E117", 0, static_cast<std::uint32_t>(*c + 1),
                fmt::format("column {} has {} values but the columns bound before it have {}", col.name, n, *rows));
      continue;
    }
    rows = n;
    bound_of[*c] = &b;
  }
  for (std::size_t c = 0; c < schema_.columns.size(); ++c) {
    if (bound_of[c] || errors.full()) continue;
    if (std::find(bound_names.begin(), bound_names.end(), schema_.columns[c].name) != bound_names.end()) continue;
    auto& d = errors.at_declaration("E108", c, fmt::format("column {} is not bound by the host for table {}",
                                                           schema_.columns[c].name, schema_.name));
    if (auto near = closest_name(schema_.columns[c].name, bound_names)) d.help = fmt::format("did you mean '{}'?", *near);
  }
  if (errors.errors() > 0) return std::nullopt;

  const std::size_t row_count = rows.value_or(0);
  std::vector<ColumnData> columns;
  for (std::size_t c = 0; c < schema_.columns.size() && !errors.full(); ++c) {
    const ColumnSchema& col = schema_.columns[c];
    const Bound& b = *bound_of[c];
    ColumnData data = make_column(col.kind);
    std::visit([row_count](auto& d) { d.reserve(row_count); }, data);
    const auto column_no = static_cast<std::uint32_t>(c + 1);
    for (std::size_t r = 0; r < row_count && !errors.full(); ++r) {
      const auto line = static_cast<std::uint32_t>(r + 1);
      CellProblem problem = CellProblem::none;
      std::string shown;
      if (b.form == Form::number) {
        const auto& v = std::get<std::vector<std::optional<Decimal>>>(b.values)[r];
        auto& numbers = std::get<NumberColumn>(data);
        if (v) {
          numbers.append(*v);
        } else {
          numbers.append_missing();
          if (!col.optional) problem = CellProblem::missing_value;
        }
      } else if (b.form == Form::boolean) {
        const auto& v = std::get<std::vector<std::optional<bool>>>(b.values)[r];
        auto& bools = std::get<BoolColumn>(data);
        if (v) {
          bools.append(*v);
        } else {
          bools.append_missing();
          if (!col.optional) problem = CellProblem::missing_value;
        }
      } else {
        const auto& v = std::get<std::vector<std::optional<std::string>>>(b.values)[r];
        shown = v.value_or("");
        problem = append_cell(data, col, shown);
      }
      errors.cell(problem, c, shown, line, column_no);
    }
    columns.push_back(std::move(data));
  }
  if (errors.errors() > 0) return std::nullopt;

  for (std::size_t c = 0; c < schema_.columns.size(); ++c) {
    if (!schema_.columns[c].key) continue;
    for (const KeyDuplicate& dup : find_duplicate_keys(columns[c], options.max_errors)) {
      if (errors.full()) break;
      errors.at("E115", static_cast<std::uint32_t>(dup.row + 1), static_cast<std::uint32_t>(c + 1),
                fmt::format("key {} {} appears again (first in row {})", schema_.columns[c].name,
                            quote_cell(dup.value), dup.first_row + 1))
          .help = "a key identifies one row: remove the duplicate, or drop `key` if rows are not individuals";
    }
  }
  if (errors.errors() > 0) return std::nullopt;
  return Table(schema_, std::move(columns));
}

}  // namespace cxv::data
