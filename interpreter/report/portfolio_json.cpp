// The funding decision in the JSON document (schema: docs/output-formats.md).
// Money at full precision, exact decimal digits.

#include "report/portfolio_report.hpp"

namespace cxv::report {

namespace {

const char* status_word(portfolio::Status s) {
  switch (s) {
    case portfolio::Status::optimal: return "optimal";
    case portfolio::Status::not_proven: return "not_proven";
    case portfolio::Status::infeasible: return "infeasible";
    case portfolio::Status::invalid: return "invalid";
  }
  return "invalid";
}

void names(JsonWriter& w, const ir::Program& p, const std::vector<ir::Index>& initiatives) {
  w.begin_array();
  for (ir::Index i : initiatives) w.string(p.initiatives.at(i).name);
  w.end_array();
}

void differences(JsonWriter& w, const ir::Program& p, const eval::PortfolioResult& r) {
  w.key("joint_differences");
  w.begin_array();
  for (const eval::JointDifference& d : r.differences) {
    const bool value = d.of == eval::JointDifference::Of::value;
    w.begin_object();
    w.key(value ? "value" : "kpi");
    w.string(value ? p.values.at(d.index).name : p.kpis.at(d.index).name);
    w.key("measure");
    if (!value) w.string("delta_at_full_strength");
    else w.string(p.values.at(d.index).kind == ir::ValueKind::non_money ? "at_full_strength" : "npv");
    w.key("joint");
    w.number(d.joint);
    w.key("sum_of_parts");
    w.number(d.sum_of_parts);
    w.key("difference");
    w.number(d.joint - d.sum_of_parts);
    w.end_object();
  }
  w.end_array();
}

void frontier(JsonWriter& w, const ir::Program& p, const eval::PortfolioResult& r) {
  w.key("frontier");
  w.begin_array();
  for (const eval::FrontierStep& s : r.frontier) {
    w.begin_object();
    w.key("budget");
    w.number(s.budget);
    w.key("status");
    w.string(status_word(s.status));
    const bool chosen = s.status == portfolio::Status::optimal || s.status == portfolio::Status::not_proven;
    w.key("objective");
    if (chosen) w.number(s.objective);
    else w.null();
    w.key("cost");
    if (chosen) w.number(s.cost);
    else w.null();
    w.key("funded");
    names(w, p, s.funded);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

const char* reason_word(const eval::InitiativeDecision& d) {
  if (d.funded) return nullptr;
  if (!d.evaluated) return "not_evaluated";
  switch (d.kind) {
    case portfolio::ReasonKind::none: return nullptr;
    case portfolio::ReasonKind::rejected: return "rejected";
    case portfolio::ReasonKind::requires_: return "requires";
    case portfolio::ReasonKind::excludes: return "excludes";
    case portfolio::ReasonKind::rules: return "rules";
    case portfolio::ReasonKind::budget: return "budget";
    case portfolio::ReasonKind::value: return "value";
    case portfolio::ReasonKind::tie: return "tie";
    case portfolio::ReasonKind::not_analysed: return "not_analysed";
  }
  return nullptr;
}

void json_initiative_decision(JsonWriter& w, const RunReport& run, ir::Index initiative) {
  const eval::InitiativeDecision* d = run.portfolio ? &run.portfolio->initiatives.at(initiative) : nullptr;
  w.key("funded");
  if (d) w.boolean(d->funded);
  else w.null();
  w.key("rank");
  if (d && d->rank) w.integer(static_cast<long long>(*d->rank));
  else w.null();
  w.key("reason");
  if (d && !d->funded) w.string(d->reason);
  else w.null();
  if (!d) return;
  w.key("reason_kind");
  w.string_or_null(reason_word(*d));
  w.key("objective");
  if (d->evaluated) w.number(d->objective);
  else w.null();
  w.key("extra_budget");
  w.number_or_null(d->extra_budget);
  w.key("extra_objective");
  w.number_or_null(d->extra_objective);
  if (!d->conflicts.empty()) {
    w.key("conflicts");
    w.begin_array();
    for (const std::string& c : d->conflicts) w.string(c);
    w.end_array();
  }
  if (!d->note.empty()) {
    w.key("note");
    w.string(d->note);
  }
}

void json_portfolio(JsonWriter& w, const RunReport& run) {
  if (!run.portfolio) return;
  const ir::Program& p = *run.program;
  const eval::PortfolioResult& r = *run.portfolio;
  w.key("portfolio");
  w.begin_object();
  w.key("budget");
  w.number_or_null(r.budget);
  w.key("objective");
  w.string(r.objective_text);
  w.key("funded");
  names(w, p, r.funded);
  w.key("cost");
  w.number(r.cost);
  w.key("net_npv");
  w.number(r.net_npv);
  w.key("joint_net_npv");
  w.number(r.joint.net_npv);
  w.key("joint_value_npv");
  w.number(r.joint.value_npv);
  w.key("joint_cost_pv");
  w.number(r.joint.cost_pv);
  w.key("objective_value");
  w.number(r.objective);
  w.key("optimal");
  w.boolean(r.status == portfolio::Status::optimal);
  w.key("status");
  w.string(status_word(r.status));
  w.key("note");
  if (r.note.empty()) w.null();
  else w.string(r.note);
  w.key("analysed");
  w.boolean(r.analysed);
  if (!r.analysed) {
    w.key("analysis_note");
    w.string(r.analysis_note);
  }
  w.key("conflicts");
  w.begin_array();
  w.end_array();
  differences(w, p, r);
  frontier(w, p, r);
  w.end_object();
}

}  // namespace cxv::report
