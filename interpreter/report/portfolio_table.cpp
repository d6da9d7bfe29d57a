// The funding decision in the terminal table and in Markdown: funded first by
// rank, then each unfunded initiative with its reason and what it would take,
// the joint evaluation against the sum of the parts, the efficient frontier.
// Money is rounded half-even to the currency's minor unit only here.

#include <fmt/format.h>

#include "report/display.hpp"
#include "report/markdown_writer.hpp"
#include "report/portfolio_report.hpp"
#include "report/text_table.hpp"

namespace cxv::report {

namespace {

std::string money(const ir::Program& p, const Decimal& d) {
  return group_thousands(d.to_fixed(minor_unit_places(p.framework.currency)));
}


std::string label(const ir::Initiative& i) { return i.title.empty() ? i.name : i.title + " (" + i.name + ")"; }

std::string roi_text(const std::optional<Decimal>& roi) {
  return roi ? group_thousands((*roi * Decimal(100)).to_fixed(1)) + "%" : "—";
}

std::string payback_text(const std::optional<int>& m) { return m ? "month " + std::to_string(*m) : "never"; }

// "+300,000.00 USD budget" / "+12,345.00 USD objective" / "—".
std::string would_take(const ir::Program& p, const eval::InitiativeDecision& d) {
  if (d.funded || d.kind == portfolio::ReasonKind::rejected || !d.evaluated) return "—";
  std::string out;
  const std::string& cur = p.framework.currency;
  if (d.extra_budget && d.extra_budget->sign() > 0) out = "+" + money(p, *d.extra_budget) + " " + cur + " budget";
  if (d.extra_objective && d.extra_objective->sign() > 0) {
    if (!out.empty()) out += ", or ";
    out += "+" + money(p, *d.extra_objective) + " " + cur + " " + "objective";
  }
  return out.empty() ? "—" : out;
}

std::string measured(const ir::Program& p, const eval::JointDifference& d, const Decimal& x) {
  if (d.of == eval::JointDifference::Of::kpi) {
    const ir::Kpi& k = p.kpis.at(d.index);
    if (k.unit.is_ratio()) return group_thousands((x * Decimal(100)).to_fixed(2)) + " pp";
    return show_value(p, k, x);
  }
  const ir::Value& v = p.values.at(d.index);
  if (v.kind != ir::ValueKind::non_money) return money(p, x) + " " + p.framework.currency;
  if (v.unit.is_ratio()) return group_thousands((x * Decimal(100)).to_fixed(2)) + "%";
  // A plain number (a count of customers, of promoters) needs no unit word.
  const std::string unit = v.unit.is_plain() ? "" : p.unit_text(v.unit);
  return group_thousands(x.to_fixed(2)) + (unit.empty() ? "" : " " + unit);
}

std::string what(const ir::Program& p, const eval::JointDifference& d) {
  if (d.of == eval::JointDifference::Of::kpi) return "KPI " + p.kpis.at(d.index).name + " (delta at full strength)";
  const ir::Value& v = p.values.at(d.index);
  return "value " + v.name + (v.kind == ir::ValueKind::non_money ? " (at full strength)" : " (NPV)");
}

std::string status_phrase(portfolio::Status s) {
  switch (s) {
    case portfolio::Status::optimal: return "optimal";
    case portfolio::Status::not_proven: return "not proven optimal";
    case portfolio::Status::infeasible: return "no portfolio satisfies the rules";
    case portfolio::Status::invalid: return "not chosen";
  }
  return "";
}

// The rows shared by the table and Markdown renderers.
struct Sections {
  std::string heading;                     // one line
  std::vector<std::string> summary;        // lines
  TextTable funded, unfunded, joint, frontier;
};

Sections build(const RunReport& run) {
  const ir::Program& p = *run.program;
  const eval::PortfolioResult& r = *run.portfolio;
  const eval::Appraisal& a = *run.appraisal;
  const std::string& cur = p.framework.currency;
  Sections s;
  const std::string title = p.funding && !p.funding->title.empty() ? p.funding->title : "Portfolio";
  s.heading = title + ": " + std::to_string(r.funded.size()) + " of " + std::to_string(p.initiatives.size()) +
              " initiatives funded (" + status_phrase(r.status) + ")";
  s.summary.push_back("Budget: " + (r.budget ? money(p, *r.budget) + " " + cur : std::string("none (cost unlimited)")) +
                      "; spent in the budget window: " + money(p, r.cost) + " " + cur);
  s.summary.push_back("Objective: " + r.objective_text + " = " + money(p, r.objective) + " " + cur);
  s.summary.push_back("Net NPV: " + money(p, r.net_npv) + " " + cur + " as the sum of the parts; " + money(p, r.joint.net_npv) +
                      " " + cur + " evaluated jointly" +
                      (r.joint.net_npv == r.net_npv ? "" : " (" + money(p, r.joint.net_npv - r.net_npv) + " " + cur + ")"));
  if (!r.note.empty()) s.summary.push_back("Note: " + r.note);
  if (!r.analysed) s.summary.push_back("Unfunded initiatives not analysed (what it would take is not computed): " + r.analysis_note);

  s.funded.header = {"Rank", "Initiative", "Cost, 12 months", "Net NPV alone", "ROI", "Payback"};
  s.funded.right = {true, false, true, true, true, false};
  if (!r.objective_is_net_npv) {
    s.funded.header.push_back("Objective");
    s.funded.right.push_back(true);
  }
  for (ir::Index i : r.funded) {
    const eval::InitiativeDecision& d = r.initiatives.at(i);
    const eval::Outcome& o = a.initiatives.at(i).alone;
    std::vector<Cell> row{Cell{std::to_string(*d.rank)}, Cell{label(p.initiatives.at(i))}, Cell{money(p, d.cost)},
                          Cell{money(p, o.net_npv)}, Cell{roi_text(o.roi)}, Cell{payback_text(o.payback_month)}};
    if (!r.objective_is_net_npv) row.push_back(Cell{money(p, d.objective)});
    s.funded.rows.push_back(std::move(row));
  }

  s.unfunded.header = {"Not funded", "Cost, 12 months", "Net NPV alone", "Why not", "What it would take"};
  s.unfunded.right = {false, true, true, false, false};
  for (ir::Index i = 0; i < p.initiatives.size(); ++i) {
    const eval::InitiativeDecision& d = r.initiatives.at(i);
    if (d.funded) continue;
    const bool known = d.evaluated;
    s.unfunded.rows.push_back({Cell{label(p.initiatives.at(i))}, Cell{known ? money(p, d.cost) : "—"},
                               Cell{known ? money(p, a.initiatives.at(i).alone.net_npv) : "—"}, Cell{d.reason},
                               Cell{would_take(p, d)}});
  }

  s.joint.header = {"Where joint differs from the sum of the parts", "Jointly", "Sum of the parts", "Difference"};
  s.joint.right = {false, true, true, true};
  for (const eval::JointDifference& d : r.differences)
    s.joint.rows.push_back({Cell{what(p, d)}, Cell{measured(p, d, d.joint)}, Cell{measured(p, d, d.sum_of_parts)},
                            Cell{measured(p, d, d.joint - d.sum_of_parts)}});

  s.frontier.header = {"Budget", "Best objective", "Cost", "Funded"};
  s.frontier.right = {true, true, true, false};
  for (const eval::FrontierStep& f : r.frontier) {
    const bool chosen = f.status == portfolio::Status::optimal || f.status == portfolio::Status::not_proven;
    std::string names;
    for (ir::Index i : f.funded) {
      if (!names.empty()) names += ", ";
      names += p.initiatives.at(i).name;
    }
    const bool declared = r.budget && f.budget == *r.budget;
    s.frontier.rows.push_back({Cell{money(p, f.budget) + (declared ? " *" : "")},
                               Cell{chosen ? money(p, f.objective) : "infeasible"}, Cell{chosen ? money(p, f.cost) : "—"},
                               Cell{chosen ? (names.empty() ? "(none)" : names) : "—"}});
  }
  return s;
}

std::string md_table(const TextTable& t) {
  std::string out = "|";
  for (const auto& h : t.header) out += " " + md_cell(h) + " |";
  out += "\n|";
  for (bool r : t.right) out += r ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const auto& c : row) out += " " + md_cell(c.text) + " |";
    out += "\n";
  }
  return out;
}

}  // namespace

std::string table_portfolio(const RunReport& run) {
  if (!run.portfolio || !run.appraisal) return table_initiatives(run);
  const Sections s = build(run);
  std::string out = s.heading + "\n\n";
  for (const auto& line : s.summary) out += "  " + line + "\n";
  out += "\n";
  if (!s.funded.rows.empty()) out += layout(s.funded, false, 2) + "\n";
  if (!s.unfunded.rows.empty()) out += layout(s.unfunded, false, 2) + "\n";
  if (!s.joint.rows.empty()) out += layout(s.joint, false, 2) + "\n";
  if (!s.frontier.rows.empty()) {
    out += "Efficient frontier (best objective at each budget, each re-solved; * the declared budget)\n\n";
    out += layout(s.frontier, false, 2);
  }
  return out;
}

std::string table_initiatives(const RunReport& run) {
  if (!run.appraisal || run.appraisal->initiatives.empty()) return "";
  const ir::Program& p = *run.program;
  TextTable t;
  t.header = {"Initiative (no funding block: each alone)", "Cost, 12 months", "Cost PV", "Value NPV", "Net NPV", "ROI", "Payback"};
  t.right = {false, true, true, true, true, true, false};
  for (const auto& ia : run.appraisal->initiatives) {
    const ir::Initiative& ini = p.initiatives.at(ia.initiative);
    if (!ia.evaluated) {
      t.rows.push_back({Cell{label(ini)}, Cell{"not evaluated: " + ia.not_evaluated}, Cell{""}, Cell{""}, Cell{""}, Cell{""}, Cell{""}});
      continue;
    }
    const eval::Outcome& o = ia.alone;
    t.rows.push_back({Cell{label(ini)}, Cell{money(p, o.cost_window)}, Cell{money(p, o.cost_pv)}, Cell{money(p, o.value_npv)},
                      Cell{money(p, o.net_npv)}, Cell{roi_text(o.roi)}, Cell{payback_text(o.payback_month)}});
  }
  return "Initiatives, " + p.framework.currency + "\n\n" + layout(t, false, 2);
}

std::string markdown_portfolio(const RunReport& run) {
  if (!run.portfolio || !run.appraisal) return "";
  const Sections s = build(run);
  std::string out = "## " + md_cell(s.heading) + "\n\n";
  for (const auto& line : s.summary) out += "- " + md_cell(line) + "\n";
  out += "\n";
  if (!s.funded.rows.empty()) out += md_table(s.funded) + "\n";
  if (!s.unfunded.rows.empty()) out += md_table(s.unfunded) + "\n";
  if (!s.joint.rows.empty()) out += md_table(s.joint) + "\n";
  if (!s.frontier.rows.empty()) {
    out += "### Efficient frontier\n\nBest objective at each budget, each re-solved; * marks the declared budget.\n\n";
    out += md_table(s.frontier);
  }
  return out;
}

}  // namespace cxv::report
