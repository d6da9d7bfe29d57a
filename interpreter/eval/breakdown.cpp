// Breakdown by a text column: one pass over the column builds a row bitmap per
// group, then the measures run once per group with the table restricted to it.

#include "eval/breakdown.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "eval/evaluator.hpp"

namespace cxv::eval {

namespace {

// The tables each KPI reads, through the KPIs it reads.
std::vector<std::set<ir::Index>> tables_read(const ir::Program& program) {
  std::vector<std::set<ir::Index>> out(program.kpis.size());
  for (ir::Index k : program.kpi_order) {
    const ir::Kpi& kpi = program.kpis[k];
    out[k].insert(kpi.tables_read.begin(), kpi.tables_read.end());
    for (ir::Index r : kpi.kpis_read) out[k].insert(out[r].begin(), out[r].end());
  }
  return out;
}

// Every row's group, found in one pass over the column: groups are numbered
// in the sorted order of their values; rows with no value get group `labels.size()`.
struct Groups {
  std::vector<std::string> labels;
  std::vector<std::uint32_t> of_row;
  std::vector<std::size_t> sizes;    // rows per group, the missing group last
  bool any_missing = false;
};

// False when the column has more than kMaxBreakdownGroups distinct values.
bool group_rows(const data::TextColumn& col, Groups& g) {
  const std::size_t n = col.size();
  g.of_row.assign(n, 0);
  if (col.is_dictionary()) {
    const std::size_t d = col.dictionary_size();
    std::vector<std::uint32_t> order(d);
    for (std::uint32_t c = 0; c < d; ++c) order[c] = c;
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return col.dictionary_entry(a) < col.dictionary_entry(b); });
    std::vector<std::uint32_t> group_of_code(d);
    for (std::uint32_t i = 0; i < d; ++i) group_of_code[order[i]] = i;
    for (std::uint32_t c : order) g.labels.emplace_back(col.dictionary_entry(c));
    const auto& codes = col.codes();
    for (std::size_t i = 0; i < n; ++i) {
      const bool missing = codes[i] == data::TextColumn::kMissingCode;
      g.any_missing = g.any_missing || missing;
      g.of_row[i] = missing ? static_cast<std::uint32_t>(d) : group_of_code[codes[i]];
    }
  } else {
    std::map<std::string, std::uint32_t, std::less<>> ids;
    for (std::size_t i = 0; i < n; ++i) {
      if (col.present(i) && ids.emplace(std::string(col.value(i)), 0).second && ids.size() > kMaxBreakdownGroups) return false;
    }
    std::uint32_t next = 0;
    for (auto& [label, id] : ids) {
      id = next++;
      g.labels.push_back(label);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const bool missing = !col.present(i);
      g.any_missing = g.any_missing || missing;
      g.of_row[i] = missing ? next : ids.find(col.value(i))->second;
    }
  }
  if (g.labels.size() > kMaxBreakdownGroups) return false;
  g.sizes.assign(g.labels.size() + 1, 0);
  for (std::uint32_t id : g.of_row) ++g.sizes[id];
  return true;
}

Words rows_of_group(const Groups& g, std::uint32_t id) {
  Words w(word_count(g.of_row.size()), 0);
  for (std::size_t i = 0; i < g.of_row.size(); ++i)
    if (g.of_row[i] == id) w[i >> 6] |= std::uint64_t{1} << (i & 63);
  return w;
}

}  // namespace

std::optional<Breakdown> compute_breakdown(const ir::Program& program, const TableSet& tables,
                                           const std::string& column, Diagnostics& diags) {
  Breakdown out;
  out.column = column;
  std::vector<std::string> text_columns;
  for (ir::Index t = 0; t < program.tables.size() && out.table == ir::kNone; ++t) {
    for (const ir::Column& c : program.tables[t].columns) {
      if (c.kind != ir::ColumnKind::text) continue;
      if (c.name == column) out.table = t;
      text_columns.push_back(program.tables[t].name + "." + c.name);
    }
  }
  if (out.table == ir::kNone) {
    auto& d = diags.error("E154", std::nullopt, "no table has a text column '" + column + "' to break the KPIs down by");
    if (text_columns.empty()) {
      d.help = "the framework's tables have no text columns";
    } else {
      std::string list;
      for (const auto& c : text_columns) list += (list.empty() ? "" : ", ") + c;
      d.help = "text columns: " + list;
    }
    return std::nullopt;
  }

  const auto reads = tables_read(program);
  for (ir::Index k = 0; k < program.kpis.size(); ++k) {
    const bool only_this = reads[k].size() == 1 && *reads[k].begin() == out.table;
    (only_this ? out.kpis : out.not_broken_down).push_back(k);
  }

  const BoundTable& bound = tables.at(out.table);
  const ir::Index col_index = program.tables[out.table].find_column(column);
  const auto& text = std::get<data::TextColumn>(bound.data->column(bound.column_of.at(col_index)));
  Groups groups;
  if (!group_rows(text, groups)) {
    auto& d = diags.error("E157", std::nullopt,
                          "column '" + column + "' of table '" + program.tables[out.table].name + "' has more than " +
                              std::to_string(kMaxBreakdownGroups) + " distinct values, too many to break the KPIs down by");
    d.help = "break down by a column with fewer values, such as a segment, a region or a plan";
    return std::nullopt;
  }

  // One group at a time, so memory stays one bitmap whatever the number of groups.
  const auto group_count = static_cast<std::uint32_t>(groups.labels.size() + (groups.any_missing ? 1 : 0));
  for (std::uint32_t id = 0; id < group_count; ++id) {
    if (groups.sizes[id] == 0) continue;   // a dictionary entry no row uses
    BreakdownGroup group;
    group.missing = id == groups.labels.size();
    if (!group.missing) group.value = groups.labels[id];
    group.rows = groups.sizes[id];
    const Words rows = rows_of_group(groups, id);
    std::vector<std::optional<Decimal>> by_kpi(program.kpis.size());
    Evaluator ev(program, tables, [&by_kpi](ir::Index k) { return by_kpi.at(k); });
    ev.restrict_rows(out.table, &rows);
    for (ir::Index k : program.kpi_order) {
      if (std::find(out.kpis.begin(), out.kpis.end(), k) == out.kpis.end()) continue;
      try {
        by_kpi[k] = ev.number(*program.kpis[k].measure);
      } catch (const EvalError&) {
        // No value for this group: shown as such, not an error of the run.
      }
    }
    for (ir::Index k : out.kpis) group.values.push_back(by_kpi[k]);
    out.groups.push_back(std::move(group));
  }
  return out;
}

}  // namespace cxv::eval
