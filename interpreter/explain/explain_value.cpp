// A value: its formula, what it reads, and for each initiative that books
// it: the formula at full strength and the per-period amounts and their PV.

#include "eval/appraisal.hpp"
#include "eval/timeline.hpp"
#include "explain/kinds.hpp"
#include "report/display.hpp"

namespace cxv::explain {
namespace {

const char* kind_text(ir::ValueKind k) {
  switch (k) {
    case ir::ValueKind::flow: return "a flow: money per month, booked every period";
    case ir::ValueKind::one_time: return "one-time money, booked once at the initiative's start";
    case ir::ValueKind::non_money: return "not money: reported at full strength in its own unit";
  }
  return "";
}

Step per_period(const Context& ctx, const ir::Value& value, ir::Index v, const eval::Outcome& alone, ir::Index i) {
  const ir::Program& p = ctx.program;
  const std::string cur = p.framework.currency;
  const ir::Initiative& ini = p.initiatives.at(i);
  StepTable t;
  t.columns = {"period", "strength", "amount", "booked", "discount factor", "PV"};
  t.units = {"count", "ratio", unit_name(p, value.unit), cur, "count", cur};
  const bool flow = value.kind == ir::ValueKind::flow;
  for (const eval::PeriodRow& r : alone.periods) {
    const Decimal strength = eval::ramp_strength(r.period, ini.start_index, ini.ramp_months);
    const Decimal amount = alone.value.at(static_cast<std::size_t>(r.period)).at(v);
    Decimal booked;
    if (flow) booked = amount;
    else if (r.period == ini.start_index) booked = alone.value_full.at(v);
    const Decimal pv = booked * r.discount;
    t.rows.push_back({Cell{std::to_string(r.period), Decimal(r.period)},
                      Cell{report::group_thousands((strength * Decimal(100)).to_fixed(2)) + "%", strength},
                      Cell{show(p, value.unit, amount), amount}, Cell{show_money(p, booked), booked},
                      Cell{r.discount.to_fixed(6), r.discount}, Cell{show_money(p, pv), pv}});
  }
  Step s = money_figure("NPV: the PV column summed", alone.value_npv_by_value.at(v), p);
  s.table = std::move(t);
  return s;
}

}  // namespace

Explanation explain_value(Context& ctx, ir::Index v) {
  const ir::Program& p = ctx.program;
  const ir::Value& value = p.values.at(v);
  Explanation x;
  x.kind = "value";
  x.name = value.name;
  x.title = value.title;
  x.span = value.span;

  Step decl = text_step("declaration");
  decl.span = value.span;
  std::string whom;
  for (ir::Index s : value.stakeholders) whom += (whom.empty() ? "" : ", ") + p.stakeholders.at(s).name;
  decl.steps.push_back(text_step("for", whom.empty() ? "no stakeholder" : whom));
  decl.steps.push_back(text_step("unit", unit_name(p, value.unit)));
  decl.steps.push_back(text_step("kind", kind_text(value.kind)));
  x.steps.push_back(std::move(decl));

  Step formula = text_step("formula");
  formula.expression = ctx.written(value.formula->span);
  formula.span = value.formula->span;
  for (ir::Index k : value.kpis_read) {
    Step ks = figure("reads KPI " + p.kpis.at(k).name + ", baseline", ctx.baseline.at(k), p.kpis.at(k).unit, p);
    ks.shown = report::show_value(p, p.kpis.at(k), ctx.baseline.at(k));
    formula.steps.push_back(std::move(ks));
  }
  for (ir::Index r : value.values_read) formula.steps.push_back(text_step("reads value " + p.values.at(r).name));
  formula.steps.push_back(text_step("with no initiative in effect every delta() is 0, so the value is 0"));
  x.steps.push_back(std::move(formula));

  const eval::Appraisal* a = ctx.run.appraisal.get();
  StepTable summary;
  summary.columns = {"initiative", "at full strength", value.kind == ir::ValueKind::non_money ? "" : "NPV"};
  if (value.kind == ir::ValueKind::non_money) summary.columns.pop_back();
  summary.units = {"", unit_name(p, value.unit), p.framework.currency};
  summary.units.resize(summary.columns.size());
  std::vector<Step> details;
  for (ir::Index i = 0; a && i < a->initiatives.size(); ++i) {
    const auto& ia = a->initiatives[i];
    if (!ia.evaluated) continue;
    const Decimal& full = ia.alone.value_full.at(v);
    const Decimal& npv = ia.alone.value_npv_by_value.at(v);
    if (full.is_zero() && npv.is_zero()) continue;
    std::vector<Cell> row{Cell{p.initiatives[i].name, std::nullopt}, Cell{show(p, value.unit, full), full}};
    if (value.kind != ir::ValueKind::non_money) row.push_back(Cell{show_money(p, npv), npv});
    summary.rows.push_back(std::move(row));

    Step d = text_step("initiative " + p.initiatives[i].name);
    if (auto state = full_strength(ctx, i)) {
      d.steps.push_back(formula_steps(ctx, *value.formula, in_state(ctx, *state), "at full strength"));
    }
    if (value.kind != ir::ValueKind::non_money) d.steps.push_back(per_period(ctx, value, v, ia.alone, i));
    details.push_back(std::move(d));
  }
  Step by = text_step("by initiative, each alone", summary.rows.empty() ? "no evaluated initiative moves it" : "");
  if (!summary.rows.empty()) by.table = std::move(summary);
  x.steps.push_back(std::move(by));
  for (Step& d : details) x.steps.push_back(std::move(d));
  for (ir::Index i = 0; a && i < a->initiatives.size(); ++i)
    if (!a->initiatives[i].evaluated)
      x.steps.push_back(text_step("initiative " + p.initiatives[i].name + " was not evaluated", not_evaluated(ctx, i)));
  return x;
}

}  // namespace cxv::explain
