// The initiatives and the frontier in CSV: each a table of its own with its
// own header row, after the KPI table, separated by an empty line (RFC 4180
// records; exact values in base units, as in the JSON document).

#include "report/csv_writer.hpp"
#include "report/portfolio_report.hpp"

namespace cxv::report {

namespace {

std::string number(const std::optional<Decimal>& d) { return d ? d->to_string() : ""; }

}  // namespace

std::string csv_initiatives(const RunReport& run) {
  if (!run.appraisal || run.appraisal->initiatives.empty()) return "";
  const ir::Program& p = *run.program;
  const eval::PortfolioResult* r = run.portfolio;
  std::string out = "\r\n";
  out += csv_record({"initiative", "title", "funded", "rank", "reason_kind", "reason", "cost", "cost_pv",
                                     "value_npv", "net_npv", "roi", "payback_month", "evidence", "objective",
                                     "extra_budget", "extra_objective"});
  for (const auto& ia : run.appraisal->initiatives) {
    const ir::Initiative& ini = p.initiatives.at(ia.initiative);
    const eval::InitiativeDecision* d = r ? &r->initiatives.at(ia.initiative) : nullptr;
    const eval::Outcome& o = ia.alone;
    const bool known = ia.evaluated;
    const char* kind = d ? reason_word(*d) : nullptr;
    std::string reason = d && !d->funded ? d->reason : (!known ? "not evaluated: " + ia.not_evaluated : "");
    out += csv_record({ini.name, ini.title, d ? (d->funded ? "true" : "false") : "",
                   d && d->rank ? std::to_string(*d->rank) : "", kind ? kind : "", reason,
                   known ? o.cost_window.to_string() : "", known ? o.cost_pv.to_string() : "",
                   known ? o.value_npv.to_string() : "", known ? o.net_npv.to_string() : "", known ? number(o.roi) : "",
                   known && o.payback_month ? std::to_string(*o.payback_month) : "",
                   ini.evidence.grade == ir::Grade::none ? "" : ir::to_string(ini.evidence.grade),
                   d && known ? d->objective.to_string() : "", d ? number(d->extra_budget) : "",
                   d ? number(d->extra_objective) : ""});
  }
  if (r && !r->frontier.empty()) {
    out += "\r\n";
    out += csv_record({"frontier_budget", "status", "objective", "cost", "funded"});
    for (const eval::FrontierStep& f : r->frontier) {
      const bool chosen = f.status == portfolio::Status::optimal || f.status == portfolio::Status::not_proven;
      std::string names;
      for (ir::Index i : f.funded) {
        if (!names.empty()) names += ';';
        names += p.initiatives.at(i).name;
      }
      out += csv_record({f.budget.to_string(),
                     f.status == portfolio::Status::optimal ? "optimal"
                     : f.status == portfolio::Status::not_proven ? "not_proven"
                                                                 : "infeasible",
                     chosen ? f.objective.to_string() : "", chosen ? f.cost.to_string() : "", names});
    }
  }
  return out;
}

}  // namespace cxv::report
