#pragma once
// Builds small checked programs and in-memory tables by hand, so that the
// evaluator can be tested without the parser and checker.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "check/ir.hpp"
#include "data/cell_append.hpp"
#include "data/table.hpp"
#include "eval/tables.hpp"

namespace cxv::eval::testing {

struct ColumnSpec {
  std::string name;
  ir::ColumnKind kind = ir::ColumnKind::number;
  std::vector<std::string> cells;   // as in a CSV file; "" is missing
};

inline data::ColumnKind data_kind(ir::ColumnKind k) {
  switch (k) {
    case ir::ColumnKind::text: return data::ColumnKind::text;
    case ir::ColumnKind::boolean: return data::ColumnKind::boolean;
    case ir::ColumnKind::date: return data::ColumnKind::date;
    case ir::ColumnKind::number: return data::ColumnKind::number;
  }
  return data::ColumnKind::text;
}

// A program and its loaded tables, built together.
struct Fixture {
  ir::Program program;
  TableSet tables;

  // Declares a table (every column optional) and binds its rows.
  ir::Index add_table(const std::string& name, const std::vector<ColumnSpec>& columns) {
    ir::Table t;
    t.name = name;
    data::TableSchema schema;
    schema.name = name;
    std::vector<data::ColumnData> data;
    for (const ColumnSpec& c : columns) {
      ir::Column col;
      col.name = c.name;
      col.kind = c.kind;
      col.optional = true;
      t.columns.push_back(col);
      data::ColumnSchema cs;
      cs.name = c.name;
      cs.kind = data_kind(c.kind);
      cs.optional = true;
      schema.columns.push_back(cs);
      data.push_back(data::make_column(cs.kind));
      for (const std::string& cell : c.cells) {
        if (data::append_cell(data.back(), cs, cell) != data::CellProblem::none) throw std::logic_error("bad test cell " + cell);
      }
    }
    program.tables.push_back(std::move(t));
    BoundTable bound{std::make_shared<const data::Table>(std::move(schema), std::move(data)), {}};
    for (std::size_t i = 0; i < columns.size(); ++i) bound.column_of.push_back(i);
    tables.tables.push_back(std::move(bound));
    return static_cast<ir::Index>(program.tables.size() - 1);
  }

  // Adds a KPI with this measure; kpi_order is declaration order.
  ir::Index add_kpi(const std::string& name, ir::ExprPtr measure, std::vector<ir::Index> reads_kpis = {}) {
    ir::Kpi k;
    k.name = name;
    k.measure = std::move(measure);
    k.kpis_read = std::move(reads_kpis);
    program.kpis.push_back(std::move(k));
    const auto i = static_cast<ir::Index>(program.kpis.size() - 1);
    program.kpi_order.push_back(i);
    return i;
  }
};

inline ir::ExprPtr make(ir::ExprKind kind, ir::Type type = ir::Type::number) {
  auto e = std::make_unique<ir::Expr>();
  e->kind = kind;
  e->type = type;
  return e;
}

inline ir::ExprPtr num(const std::string& text) {
  auto e = make(ir::ExprKind::number);
  e->number = *Decimal::parse(text);
  return e;
}

inline ir::ExprPtr boolean(bool v) {
  auto e = make(ir::ExprKind::boolean, ir::Type::boolean);
  e->boolean = v;
  return e;
}

inline ir::ExprPtr text(const std::string& v) {
  auto e = make(ir::ExprKind::text, ir::Type::text);
  e->text = v;
  return e;
}

inline ir::ExprPtr col(const Fixture& f, ir::Index table, const std::string& name) {
  const ir::Table& t = f.program.tables.at(table);
  const ir::Index c = t.find_column(name);
  if (c == ir::kNone) throw std::logic_error("no column " + name);
  const ir::ColumnKind k = t.columns[c].kind;
  auto e = make(ir::ExprKind::column_ref, k == ir::ColumnKind::boolean ? ir::Type::boolean
                                          : k == ir::ColumnKind::text  ? ir::Type::text
                                          : k == ir::ColumnKind::date  ? ir::Type::date
                                                                       : ir::Type::number);
  e->table = table;
  e->ref = c;
  return e;
}

inline ir::ExprPtr kpi(ir::Index k) {
  auto e = make(ir::ExprKind::kpi_ref);
  e->ref = k;
  return e;
}

inline ir::ExprPtr bin(ir::Op op, ir::ExprPtr a, ir::ExprPtr b) {
  const bool logical = op == ir::Op::and_ || op == ir::Op::or_ || op == ir::Op::eq || op == ir::Op::ne ||
                       op == ir::Op::lt || op == ir::Op::le || op == ir::Op::gt || op == ir::Op::ge;
  auto e = make(ir::ExprKind::binary, logical ? ir::Type::boolean : ir::Type::number);
  e->op = op;
  e->operands.push_back(std::move(a));
  e->operands.push_back(std::move(b));
  return e;
}

inline ir::ExprPtr not_(ir::ExprPtr a) {
  auto e = make(ir::ExprKind::unary, ir::Type::boolean);
  e->op = ir::Op::not_;
  e->operands.push_back(std::move(a));
  return e;
}

// An aggregate over `table`: `operand` is the row expression (null for count
// and share), `where` the row predicate (may be null).
inline ir::ExprPtr agg(ir::Builtin b, ir::Index table, ir::ExprPtr operand, ir::ExprPtr where = nullptr) {
  auto e = make(ir::ExprKind::builtin);
  e->builtin = b;
  e->table = table;
  if (operand) e->operands.push_back(std::move(operand));
  e->where = std::move(where);
  return e;
}

inline ir::ExprPtr percentile(ir::Index table, ir::ExprPtr operand, const std::string& p, ir::ExprPtr where = nullptr) {
  auto e = agg(ir::Builtin::percentile, table, std::move(operand), std::move(where));
  e->operands.push_back(num(p));
  return e;
}

}  // namespace cxv::eval::testing
