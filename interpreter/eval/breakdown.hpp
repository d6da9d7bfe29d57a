#pragma once
// A breakdown of the KPIs by a text column (`cxv run --by segment`): each KPI
// recomputed on each group of rows, for the individual-level view.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "check/ir.hpp"
#include "diag/diagnostic.hpp"
#include "eval/tables.hpp"

namespace cxv::eval {

struct BreakdownGroup {
  std::string value;                          // the column's value
  bool missing = false;                       // the group of rows where the column is empty
  std::size_t rows = 0;
  std::vector<std::optional<Decimal>> values; // parallel to Breakdown::kpis; nullopt: not computable on this group
};

struct Breakdown {
  std::string column;
  ir::Index table = ir::kNone;                // the table whose column groups the rows
  std::vector<ir::Index> kpis;                // KPIs broken down, in declaration order
  std::vector<ir::Index> not_broken_down;     // KPIs reading another table (or none)
  std::vector<BreakdownGroup> groups;         // sorted by value (byte order), missing last
};

// At most this many groups (distinct values), or error E157: a breakdown is
// meant to be read, and each group costs one evaluation of the measures.
inline constexpr std::size_t kMaxBreakdownGroups = 1000;

// The KPIs that read (directly or through other KPIs) `table` and no other
// table are recomputed per group. The grouping column is the first table, in
// declaration order, with a text column of that name; none is error E154.
// A group where a KPI cannot be computed (e.g. a share of no known rows)
// shows no value for it: that is data, not an error.
std::optional<Breakdown> compute_breakdown(const ir::Program& program, const TableSet& tables,
                                           const std::string& column, Diagnostics& diags);

}  // namespace cxv::eval
