#include "check/lint_reach.hpp"

#include <algorithm>

namespace cxv::lint {

namespace {

bool reads_any(const std::vector<ir::Index>& reads, const KpiSet& moved) {
  return std::any_of(reads.begin(), reads.end(),
                     [&](ir::Index k) { return k < moved.size() && moved[k]; });
}

void mark(KpiSet& set, ir::Index k, bool& changed) {
  if (k < set.size() && !set[k]) {
    set[k] = true;
    changed = true;
  }
}

}  // namespace

KpiSet close_over_formulas_and_drivers(const ir::Program& p, KpiSet moved) {
  moved.resize(p.kpis.size(), false);
  // Each round marks at least one new KPI or stops, so at most |KPIs| + 1
  // rounds: small, and safe even if a cycle slipped past the checker.
  bool changed = true;
  while (changed) {
    changed = false;
    for (ir::Index k = 0; k < p.kpis.size(); ++k)
      if (!moved[k] && reads_any(p.kpis[k].kpis_read, moved)) mark(moved, k, changed);
    for (const ir::Driver& d : p.drivers)
      for (const ir::DriverRule& r : d.rules)
        if (reads_any(r.kpis_read, moved)) mark(moved, r.kpi, changed);
  }
  return moved;
}

KpiSet kpis_moved_by(const ir::Program& p, const ir::Initiative& initiative) {
  KpiSet moved(p.kpis.size(), false);
  for (ir::Index k : initiative.kpis_moved)
    if (k < moved.size()) moved[k] = true;
  return close_over_formulas_and_drivers(p, std::move(moved));
}

KpiSet kpis_moved_by_anything(const ir::Program& p) {
  KpiSet moved(p.kpis.size(), false);
  for (const ir::Initiative& i : p.initiatives)
    for (ir::Index k : i.kpis_moved)
      if (k < moved.size()) moved[k] = true;
  for (const ir::Driver& d : p.drivers)
    for (const ir::DriverRule& r : d.rules)
      if (r.kpis_read.empty() && r.kpi < moved.size()) moved[r.kpi] = true;
  return close_over_formulas_and_drivers(p, std::move(moved));
}

std::vector<ir::Index> tables_behind(const ir::Program& p, ir::Index kpi) {
  std::vector<ir::Index> tables;
  KpiSet seen(p.kpis.size(), false);
  std::vector<ir::Index> todo{kpi};
  while (!todo.empty()) {
    ir::Index k = todo.back();
    todo.pop_back();
    if (k >= seen.size() || seen[k]) continue;
    seen[k] = true;
    const ir::Kpi& x = p.kpis[k];
    tables.insert(tables.end(), x.tables_read.begin(), x.tables_read.end());
    todo.insert(todo.end(), x.kpis_read.begin(), x.kpis_read.end());
  }
  std::sort(tables.begin(), tables.end());
  tables.erase(std::unique(tables.begin(), tables.end()), tables.end());
  return tables;
}

}  // namespace cxv::lint
