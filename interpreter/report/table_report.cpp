// The terminal table of `cxv run`.

#include <fmt/format.h>

#include "report/display.hpp"
#include "report/evidence_report.hpp"
#include "report/portfolio_report.hpp"
#include "report/report.hpp"
#include "report/text_table.hpp"

namespace cxv::report {

namespace {

std::string kpi_label(const ir::Kpi& k) { return k.title.empty() ? k.name : k.title + " (" + k.name + ")"; }

std::string thresholds_text(const ir::Program& p, const ir::Kpi& k) {
  if (!k.green && !k.amber) return "";
  std::string g = k.green ? show_bar(p, k, *k.green) : "—";
  std::string a = k.amber ? show_bar(p, k, *k.amber) : "—";
  return g + " / " + a;
}

std::string status_text(const std::optional<ir::Status>& s) { return s ? ir::to_string(*s) : "—"; }

std::string counts(const eval::RollUp& r) { return fmt::format("{} / {} / {}", r.green, r.amber, r.red); }

std::string scorecard_section(const RunReport& run, bool color) {
  const ir::Program& p = *run.program;
  TextTable t;
  t.header = {"KPI", "Perspective", "Baseline", "Target", "Green / amber", "Status"};
  t.right = {false, false, true, true, true, false};
  for (const eval::KpiCard& card : run.scorecard->kpis) {
    const ir::Kpi& k = p.kpis.at(card.kpi);
    const std::string status = status_text(card.status);
    t.rows.push_back({Cell{kpi_label(k)},
                      Cell{k.perspective == ir::Perspective::none ? "—" : ir::to_string(k.perspective)},
                      Cell{show_value(p, k, card.baseline)},
                      Cell{k.target ? show_bar(p, k, *k.target) : ""},
                      Cell{thresholds_text(p, k)},
                      Cell{status, status_color(status)}});
  }
  return layout(t, color, 2);
}

std::string rollup_section(const RunReport& run) {
  const eval::Scorecard& s = *run.scorecard;
  std::string out;
  TextTable persp;
  persp.header = {"Perspective", "KPIs", "Green / amber / red", "Score"};
  persp.right = {false, true, true, true};
  for (const auto& r : s.perspectives)
    persp.rows.push_back({Cell{r.name}, Cell{std::to_string(r.kpis.size())}, Cell{counts(r)}, Cell{show_score(r.score)}});
  out += layout(persp, false, 2) + "\n";

  TextTable st;
  st.header = {"Stakeholder", "Weight", "KPIs", "Green / amber / red", "Score"};
  st.right = {false, true, true, true, true};
  for (const auto& r : s.stakeholders) {
    st.rows.push_back({Cell{r.title.empty() ? r.name : r.title},
                       Cell{r.weight ? group_thousands((*r.weight * Decimal(100)).to_fixed(0)) + "%" : ""},
                       Cell{std::to_string(r.kpis.size())}, Cell{counts(r)}, Cell{show_score(r.score)}});
  }
  out += layout(st, false, 2);
  out += "\n  Overall score: " + show_score(s.overall) + "  (green 100, amber 50, red 0; stakeholders weighted by weight)\n";
  return out;
}

std::string breakdown_section(const RunReport& run) {
  const ir::Program& p = *run.program;
  const eval::Breakdown& b = *run.breakdown;
  std::string out = "By " + b.column + " (table " + p.tables.at(b.table).name + ")\n\n";
  TextTable t;
  t.header = {b.column, "Rows"};
  t.right = {false, true};
  for (ir::Index k : b.kpis) {
    t.header.push_back(p.kpis.at(k).name);
    t.right.push_back(true);
  }
  for (const auto& g : b.groups) {
    std::vector<Cell> row{Cell{g.missing ? "(missing)" : g.value}, Cell{group_thousands(std::to_string(g.rows))}};
    for (std::size_t i = 0; i < b.kpis.size(); ++i) row.push_back(Cell{show_value(p, p.kpis.at(b.kpis[i]), g.values[i])});
    t.rows.push_back(std::move(row));
  }
  out += layout(t, false, 2);
  if (!b.not_broken_down.empty()) {
    std::string names;
    for (ir::Index k : b.not_broken_down) names += (names.empty() ? "" : ", ") + p.kpis.at(k).name;
    out += "\n  Not broken down (they read another table, or none): " + names + "\n";
  }
  return out;
}

}  // namespace

std::string render_table(const RunReport& run, const TableOptions& options) {
  const ir::Program& p = *run.program;
  std::string out = p.framework.title.empty() ? std::string("Scorecard") : p.framework.title;
  out += "\n\nScorecard: " + std::to_string(p.kpis.size()) + " KPI" + (p.kpis.size() == 1 ? "" : "s") +
         ", baselines computed on the data\n\n";
  out += scorecard_section(run, options.color) + "\n";
  out += rollup_section(run);
  if (run.breakdown) out += "\n" + breakdown_section(run);
  if (const std::string portfolio = table_portfolio(run); !portfolio.empty()) out += "\n" + portfolio;
  if (const std::string x = table_experiments(run); !x.empty()) out += "\n" + x;
  if (const std::string e = table_evidence(run); !e.empty()) out += "\n" + e;
  return out;
}

}  // namespace cxv::report
