// CSV output (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
// a quote or a line break, quotes doubled). Values are exact, in base units,
// as in the JSON document, so a spreadsheet computes with the same numbers.

#include "report/csv_writer.hpp"
#include "report/display.hpp"
#include "report/evidence_report.hpp"
#include "report/portfolio_report.hpp"
#include "report/report.hpp"

namespace cxv::report {

namespace {

std::string number(const std::optional<Decimal>& d) { return d ? d->to_string() : ""; }

std::string scorecard_csv(const RunReport& run) {
  const ir::Program& p = *run.program;
  std::string out = csv_record({"kpi", "title", "perspective", "category", "stakeholders", "unit", "better", "baseline",
                            "target", "green", "amber", "status"});
  for (const auto& card : run.scorecard->kpis) {
    const ir::Kpi& k = p.kpis.at(card.kpi);
    std::string stakeholders;
    for (ir::Index s : k.stakeholders) stakeholders += (stakeholders.empty() ? "" : ";") + p.stakeholders.at(s).name;
    out += csv_record({k.name, k.title, k.perspective == ir::Perspective::none ? "" : ir::to_string(k.perspective),
                   k.category == ir::Category::none ? "" : ir::to_string(k.category), stakeholders, unit_name(p, k.unit),
                   ir::to_string(k.better), number(card.baseline), number(k.target), number(k.green), number(k.amber),
                   card.status ? ir::to_string(*card.status) : ""});
  }
  return out;
}

// With --by: one row per KPI and group (a long table that pivots easily).
std::string breakdown_csv(const RunReport& run) {
  const ir::Program& p = *run.program;
  const eval::Breakdown& b = *run.breakdown;
  std::string out = csv_record({"kpi", b.column, "rows", "value", "unit"});
  for (std::size_t i = 0; i < b.kpis.size(); ++i) {
    const ir::Kpi& k = p.kpis.at(b.kpis[i]);
    for (const auto& g : b.groups) out += csv_record({k.name, g.value, std::to_string(g.rows), number(g.values[i]), unit_name(p, k.unit)});
  }
  return out;
}

}  // namespace

std::string render_csv(const RunReport& run) {
  return run.breakdown ? breakdown_csv(run) : scorecard_csv(run) + csv_initiatives(run) + csv_experiments(run) + csv_evidence(run);
}

}  // namespace cxv::report
