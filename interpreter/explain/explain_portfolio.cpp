// The portfolio: the budget and the rules as written, the funded set with its
// cost against the budget, why every other initiative is out and what it
// would take, the joint evaluation against the sum of the parts, and the
// efficient frontier.

#include "eval/appraisal.hpp"
#include "eval/portfolio_result.hpp"
#include "explain/kinds.hpp"

namespace cxv::explain {
namespace {

const char* reason_word(portfolio::ReasonKind k) {
  switch (k) {
    case portfolio::ReasonKind::none: return "funded";
    case portfolio::ReasonKind::rejected: return "rejected by a rule";
    case portfolio::ReasonKind::requires_: return "requires an unfunded initiative";
    case portfolio::ReasonKind::excludes: return "excludes a funded initiative";
    case portfolio::ReasonKind::rules: return "the rules leave no room for it";
    case portfolio::ReasonKind::budget: return "the budget: a portfolio with it is worth less";
    case portfolio::ReasonKind::value: return "a portfolio with it is worth less, whatever the budget";
    case portfolio::ReasonKind::tie: return "a tie, broken in favour of another set";
    case portfolio::ReasonKind::not_analysed: return "out of the optimal set (not analysed further)";
  }
  return "";
}

const char* status_word(portfolio::Status s) {
  switch (s) {
    case portfolio::Status::optimal: return "optimal: proven by CBC and verified in exact decimals";
    case portfolio::Status::not_proven: return "feasible and verified, but not proven optimal";
    case portfolio::Status::infeasible: return "infeasible";
    case portfolio::Status::invalid: return "invalid";
  }
  return "";
}

Step rules(const Context& ctx, const ir::Funding& f) {
  Step s = text_step("rules, as written");
  s.span = f.span;
  for (const ir::Rule& r : f.rejects) {
    Step x = text_step("reject when", r.reason);
    x.expression = ctx.written(r.condition->span);
    x.span = r.span;
    s.steps.push_back(std::move(x));
  }
  for (const ir::Rule& r : f.requires_) {
    Step x = text_step("require", r.reason);
    x.expression = ctx.written(r.condition->span);
    x.span = r.span;
    s.steps.push_back(std::move(x));
  }
  for (const ir::BudgetShare& b : f.shares) {
    Step x = text_step(b.at_least ? "at least" : "at most");
    x.expression = ctx.written(b.span);
    x.span = b.span;
    s.steps.push_back(std::move(x));
  }
  for (ir::Index i : f.must_fund) s.steps.push_back(text_step("must fund", ctx.program.initiatives.at(i).name));
  for (const ir::Initiative& ini : ctx.program.initiatives) {
    for (ir::Index r : ini.requires_) s.steps.push_back(text_step(ini.name + " requires", ctx.program.initiatives.at(r).name));
    for (ir::Index r : ini.excludes) s.steps.push_back(text_step(ini.name + " excludes", ctx.program.initiatives.at(r).name));
  }
  if (s.steps.empty()) s.shown = "none";
  return s;
}

}  // namespace

Explanation explain_portfolio(Context& ctx) {
  const ir::Program& p = ctx.program;
  const eval::PortfolioResult& r = *ctx.run.portfolio;
  const ir::Funding& f = *p.funding;
  Explanation x;
  x.kind = "portfolio";
  x.name = "portfolio";
  x.title = f.title;
  x.span = f.span;

  if (r.budget) x.steps.push_back(money_figure("budget (cost booked in periods 0–11, undiscounted)", *r.budget, p));
  else x.steps.push_back(text_step("budget", "none: cost is unlimited"));
  Step objective = text_step("objective", r.objective_text);
  if (f.objective) objective.span = f.objective->span;
  objective.expression = r.objective_is_net_npv ? "maximize the sum of the funded initiatives' net NPVs, each alone"
                                                : "maximize the sum of the funded initiatives' contributions";
  x.steps.push_back(std::move(objective));
  x.steps.push_back(rules(ctx, f));

  // The funded set, by rank.
  StepTable funded;
  funded.columns = {"rank", "initiative", "cost in window", "objective", "net NPV alone"};
  funded.units = {"count", "", p.framework.currency, p.framework.currency, p.framework.currency};
  const eval::Appraisal* a = ctx.run.appraisal.get();
  for (ir::Index i : r.funded) {
    const eval::InitiativeDecision& d = r.initiatives.at(i);
    const Decimal net = a ? a->initiatives.at(i).alone.net_npv : Decimal();
    funded.rows.push_back({Cell{std::to_string(d.rank.value_or(0)), Decimal(static_cast<std::int64_t>(d.rank.value_or(0)))},
                           Cell{p.initiatives.at(i).name, std::nullopt}, Cell{show_money(p, d.cost), d.cost},
                           Cell{show_money(p, d.objective), d.objective}, Cell{show_money(p, net), net}});
  }
  Step set = text_step("funded", std::to_string(r.funded.size()) + " of " + std::to_string(p.initiatives.size()) + " initiatives");
  if (!funded.rows.empty()) set.table = std::move(funded);
  Step cost = money_figure("cost of the funded set in the window", r.cost, p);
  if (r.budget) cost.expression = show_money(p, r.cost) + " of " + show_money(p, *r.budget) + " (" + show_money(p, *r.budget - r.cost) + " left)";
  set.steps.push_back(std::move(cost));
  set.steps.push_back(money_figure("objective: the funded contributions summed", r.objective, p));
  set.steps.push_back(text_step("selection", status_word(r.status)));
  if (!r.note.empty()) set.steps.push_back(text_step("note", r.note));
  x.steps.push_back(std::move(set));

  // Every other initiative, with its reason.
  Step out = text_step("not funded");
  for (const eval::InitiativeDecision& d : r.initiatives) {
    if (d.funded) continue;
    const ir::Initiative& ini = p.initiatives.at(d.initiative);
    Step o = text_step(ini.name, reason_word(d.kind));
    o.span = ini.span;
    if (!d.reason.empty()) o.expression = d.reason;
    if (!d.evaluated) o.steps.push_back(text_step("not evaluated", not_evaluated(ctx, d.initiative)));
    o.steps.push_back(money_figure("cost in window", d.cost, p));
    o.steps.push_back(money_figure("objective alone", d.objective, p));
    for (const std::string& c : d.conflicts) o.steps.push_back(text_step("conflicting rule", c));
    if (d.extra_budget) o.steps.push_back(money_figure("it enters with extra budget of", *d.extra_budget, p));
    if (d.extra_objective) o.steps.push_back(money_figure("it enters with extra objective of", *d.extra_objective, p));
    if (!d.note.empty()) o.steps.push_back(text_step("note", d.note));
    out.steps.push_back(std::move(o));
  }
  if (out.steps.empty()) out.shown = "none: every initiative is funded";
  x.steps.push_back(std::move(out));

  // Joint evaluation.
  Step joint = text_step("the funded set evaluated together (drivers act on the summed deltas)");
  joint.steps.push_back(money_figure("net NPV, sum of the parts", r.net_npv, p));
  Step jn = money_figure("net NPV, jointly", r.joint.net_npv, p);
  jn.expression = show_money(p, r.joint.value_npv) + " − " + show_money(p, r.joint.cost_pv) + " = " + show_money(p, r.joint.net_npv);
  joint.steps.push_back(std::move(jn));
  StepTable diff;
  diff.columns = {"what", "jointly", "sum of the parts", "difference"};
  diff.units = {"", "", "", ""};
  for (const eval::JointDifference& d : r.differences) {
    const bool value = d.of == eval::JointDifference::Of::value;
    const Unit unit = value ? (p.values.at(d.index).kind == ir::ValueKind::non_money ? p.values.at(d.index).unit : Unit::money())
                            : p.kpis.at(d.index).unit;
    const std::string name = value ? "value " + p.values.at(d.index).name : "KPI " + p.kpis.at(d.index).name;
    const Decimal gap = d.joint - d.sum_of_parts;
    // A KPI's figures are deltas at full strength: shown as changes (pp for ratios).
    auto shown = [&](const Decimal& v) { return value ? show(p, unit, v) : show_change(p, unit, v); };
    diff.rows.push_back({Cell{name, std::nullopt}, Cell{shown(d.joint), d.joint}, Cell{shown(d.sum_of_parts), d.sum_of_parts},
                         Cell{value ? show(p, unit, gap) : show_change(p, unit, gap), gap}});
  }
  if (!diff.rows.empty()) joint.table = std::move(diff);
  else joint.shown = "equal to the sum of the parts";
  x.steps.push_back(std::move(joint));

  if (!r.frontier.empty()) {
    StepTable fr;
    fr.columns = {"budget", "objective", "cost", "funded"};
    fr.units = {p.framework.currency, p.framework.currency, p.framework.currency, ""};
    for (const eval::FrontierStep& st : r.frontier) {
      std::string names;
      for (ir::Index i : st.funded) names += (names.empty() ? "" : ", ") + p.initiatives.at(i).name;
      const bool ok = st.status == portfolio::Status::optimal || st.status == portfolio::Status::not_proven;
      fr.rows.push_back({Cell{show_money(p, st.budget), st.budget}, ok ? Cell{show_money(p, st.objective), st.objective} : Cell{"infeasible", std::nullopt},
                         ok ? Cell{show_money(p, st.cost), st.cost} : Cell{"—", std::nullopt}, Cell{names.empty() ? "—" : names, std::nullopt}});
    }
    Step fs = text_step("efficient frontier: the optimum re-solved at each budget");
    fs.table = std::move(fr);
    x.steps.push_back(std::move(fs));
  }
  return x;
}

}  // namespace cxv::explain
