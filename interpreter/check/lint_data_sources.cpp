// L006, L010: the data a scorecard rests on.
// L006: first-party data (the company's own customers, transactions, surveys)
//   beats third-party data: it covers the company's actual customers and can
//   be joined to what initiatives change. A KPI every table of which (its own
//   and, transitively, those of the KPIs it reads) is `provenance third_party`
//   rests only on someone else's data. Unspecified provenance is not flagged.
// L010: individual-level data beats aggregate data: one row per customer
//   models heterogeneity (segments, tenure) and lets effects target rows
//   (`effect customers.churned ... where tenure < 3 months`). A table with no
//   `key` column is aggregate data.

#include <algorithm>

#include <fmt/core.h>

#include "check/lint_passes.hpp"
#include "check/lint_reach.hpp"
#include "check/lint_text.hpp"

namespace cxv::lint {

namespace {

void lint_third_party_kpis(const ir::Program& p, LintReporter& out) {
  const KpiSet third_party_only = rests_only_on_third_party(p);
  for (ir::Index k = 0; k < p.kpis.size(); ++k) {
    if (!third_party_only[k]) continue;
    const ir::Kpi& kpi = p.kpis[k];
    const Span where = kpi.measure ? kpi.measure->span : kpi.span;
    Diagnostic* d = out.report(
        "L006", where, fmt::format("KPI {} rests only on third-party data", quoted(kpi.name)),
        "measure it on first-party data (your own customers, transactions or surveys) where you can, "
        "or pair it with a KPI that is");
    if (!d) continue;
    // What it reads directly (each read KPI gets its own L006, with its own
    // notes), so the notes stay short however deep the formulas go.
    std::vector<ir::Index> tables = kpi.tables_read;
    std::sort(tables.begin(), tables.end());
    tables.erase(std::unique(tables.begin(), tables.end()), tables.end());
    for (ir::Index t : tables)
      if (t < p.tables.size())
        d->notes.push_back(Note{p.tables[t].span, fmt::format("table {} is third-party data", quoted(p.tables[t].name))});
    for (ir::Index r : kpi.kpis_read)
      if (r < p.kpis.size() && third_party_only[r])
        d->notes.push_back(Note{p.kpis[r].span, fmt::format("KPI {} rests only on third-party data", quoted(p.kpis[r].name))});
  }
}

void lint_aggregate_tables(const ir::Program& p, LintReporter& out) {
  for (const ir::Table& t : p.tables) {
    if (t.has_key()) continue;
    out.report("L010", t.span,
               fmt::format("table {} has no key column, so it holds aggregate rather than individual-level data",
                           quoted(t.name)),
               "load one row per customer (or per account, per interaction) and mark its identifier "
               "`key <name>: text`; individual-level data models differences between customers");
  }
}

}  // namespace

void lint_data_sources(const ir::Program& p, LintReporter& out) {
  lint_third_party_kpis(p, out);
  lint_aggregate_tables(p, out);
}

}  // namespace cxv::lint
