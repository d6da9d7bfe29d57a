// Markdown output: pipe tables that paste into a wiki or a pull request.

#include <fmt/format.h>

#include "report/display.hpp"
#include "report/markdown_writer.hpp"
#include "report/evidence_report.hpp"
#include "report/portfolio_report.hpp"
#include "report/report.hpp"

namespace cxv::report {

namespace {

std::string counts(const eval::RollUp& r) { return fmt::format("{} / {} / {}", r.green, r.amber, r.red); }

}  // namespace

std::string render_markdown(const RunReport& run) {
  const ir::Program& p = *run.program;
  const eval::Scorecard& s = *run.scorecard;
  std::string out = "# " + md_cell(p.framework.title.empty() ? "Scorecard" : p.framework.title) + "\n\n## Scorecard\n\n";
  out += md_header({"KPI", "Perspective", "Baseline", "Target", "Green / amber", "Status"}, {false, false, true, true, true, false});
  for (const auto& card : s.kpis) {
    const ir::Kpi& k = p.kpis.at(card.kpi);
    std::string bars;
    if (k.green || k.amber)
      bars = (k.green ? show_bar(p, k, *k.green) : "—") + " / " + (k.amber ? show_bar(p, k, *k.amber) : "—");
    out += md_row({k.title.empty() ? k.name : k.title + " (`" + k.name + "`)",
                k.perspective == ir::Perspective::none ? "—" : ir::to_string(k.perspective), show_value(p, k, card.baseline),
                k.target ? show_bar(p, k, *k.target) : "", bars, card.status ? ir::to_string(*card.status) : "—"});
  }
  out += "\n## Perspectives\n\n";
  out += md_header({"Perspective", "KPIs", "Green / amber / red", "Score"}, {false, true, true, true});
  for (const auto& r : s.perspectives) out += md_row({r.name, std::to_string(r.kpis.size()), counts(r), show_score(r.score)});
  out += "\n## Stakeholders\n\n";
  out += md_header({"Stakeholder", "Weight", "KPIs", "Green / amber / red", "Score"}, {false, true, true, true, true});
  for (const auto& r : s.stakeholders) {
    out += md_row({r.title.empty() ? r.name : r.title, r.weight ? (*r.weight * Decimal(100)).to_fixed(0) + "%" : "",
                std::to_string(r.kpis.size()), counts(r), show_score(r.score)});
  }
  out += "\n**Overall score: " + show_score(s.overall) + "** (green 100, amber 50, red 0; stakeholders weighted by weight)\n";
  if (run.breakdown) {
    const eval::Breakdown& b = *run.breakdown;
    out += "\n## By " + md_cell(b.column) + "\n\n";
    std::vector<std::string> names{b.column, "Rows"};
    std::vector<bool> right{false, true};
    for (ir::Index k : b.kpis) {
      names.push_back(p.kpis.at(k).name);
      right.push_back(true);
    }
    out += md_header(names, right);
    for (const auto& g : b.groups) {
      std::vector<std::string> cells{g.missing ? "(missing)" : g.value, group_thousands(std::to_string(g.rows))};
      for (std::size_t i = 0; i < b.kpis.size(); ++i) cells.push_back(show_value(p, p.kpis.at(b.kpis[i]), g.values[i]));
      out += md_row(cells);
    }
  }
  if (const std::string portfolio = markdown_portfolio(run); !portfolio.empty()) out += "\n" + portfolio;
  if (const std::string x = markdown_experiments(run); !x.empty()) out += "\n" + x;
  if (const std::string e = markdown_evidence(run); !e.empty()) out += "\n" + e;
  return out;
}

}  // namespace cxv::report
