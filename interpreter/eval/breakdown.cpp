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

struct Groups {
  std::vector<std::string> labels;
  std::vector<Words> rows;
  Words missing;
  bool any_missing = false;
};

Groups group_rows(const data::TextColumn& col) {
  const std::size_t n = col.size();
  Groups g;
  g.missing.assign(word_count(n), 0);
  auto set_bit = [](Words& w, std::size_t i) { w[i >> 6] |= std::uint64_t{1} << (i & 63); };
  if (col.is_dictionary()) {
    const std::size_t d = col.dictionary_size();
    std::vector<Words> by_code(d, Words(word_count(n), 0));
    const auto& codes = col.codes();
    for (std::size_t i = 0; i < n; ++i) {
      if (codes[i] == data::TextColumn::kMissingCode) {
        set_bit(g.missing, i);
        g.any_missing = true;
      } else {
        set_bit(by_code[codes[i]], i);
      }
    }
    std::vector<std::uint32_t> order(d);
    for (std::uint32_t c = 0; c < d; ++c) order[c] = c;
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return col.dictionary_entry(a) < col.dictionary_entry(b); });
    for (std::uint32_t c : order) {
      if (popcount(by_code[c]) == 0) continue;
      g.labels.emplace_back(col.dictionary_entry(c));
      g.rows.push_back(std::move(by_code[c]));
    }
    return g;
  }
  std::map<std::string, Words, std::less<>> by_value;
  for (std::size_t i = 0; i < n; ++i) {
    if (!col.present(i)) {
      set_bit(g.missing, i);
      g.any_missing = true;
      continue;
    }
    auto it = by_value.find(col.value(i));
    if (it == by_value.end()) it = by_value.emplace(std::string(col.value(i)), Words(word_count(n), 0)).first;
    set_bit(it->second, i);
  }
  for (auto& [label, rows] : by_value) {
    g.labels.push_back(label);
    g.rows.push_back(std::move(rows));
  }
  return g;
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
  Groups groups = group_rows(text);
  if (groups.any_missing) {
    groups.labels.emplace_back();
    groups.rows.push_back(std::move(groups.missing));
  }

  for (std::size_t g = 0; g < groups.rows.size(); ++g) {
    BreakdownGroup group;
    group.value = groups.labels[g];
    group.missing = groups.any_missing && g + 1 == groups.rows.size();
    group.rows = popcount(groups.rows[g]);
    std::vector<std::optional<Decimal>> by_kpi(program.kpis.size());
    Evaluator ev(program, tables, [&by_kpi](ir::Index k) { return by_kpi.at(k); });
    ev.restrict_rows(out.table, &groups.rows[g]);
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
