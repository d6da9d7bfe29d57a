// An initiative alone: its costs, its effects, the KPI deltas at full
// strength and the drivers that carry them, its values, then NPV, ROI and
// payback with the per-period table they are summed from.

#include <algorithm>

#include "eval/appraisal.hpp"
#include "eval/timeline.hpp"
#include "explain/kinds.hpp"
#include "report/display.hpp"

namespace cxv::explain {
namespace {

std::string month_of(const ir::Program& p, int index) {
  const int m0 = p.framework.start_year * 12 + (p.framework.start_month - 1) + index;
  return report::show_month(m0 / 12, m0 % 12 + 1);
}

Step facts(const Context& ctx, const ir::Initiative& ini) {
  const ir::Program& p = ctx.program;
  Step s = text_step("declaration");
  s.span = ini.span;
  if (!ini.owner.empty()) s.steps.push_back(text_step("owner", ini.owner));
  s.steps.push_back(text_step("start", month_of(p, ini.start_index) + " (period " + std::to_string(ini.start_index) + ")" +
                                           (ini.start ? "" : ", the framework's start")));
  s.steps.push_back(text_step("ramp", ini.ramp_months == 0 ? "none: full strength from the start"
                                                           : std::to_string(ini.ramp_months) + " months, linear"));
  std::string ev = ir::to_string(ini.evidence.grade);
  if (!ini.evidence.note.empty()) ev += " \"" + ini.evidence.note + "\"";
  if (ini.evidence.experiment != ir::kNone) ev += " (experiment " + p.experiments.at(ini.evidence.experiment).name + ")";
  s.steps.push_back(text_step("evidence", ev));
  if (ini.activity != ir::Activity::none) s.steps.push_back(text_step("activity", ir::to_string(ini.activity)));
  if (ini.stage != ir::Stage::none) s.steps.push_back(text_step("stage", ir::to_string(ini.stage)));
  for (ir::Index r : ini.requires_) s.steps.push_back(text_step("requires", p.initiatives.at(r).name));
  for (ir::Index r : ini.excludes) s.steps.push_back(text_step("excludes", p.initiatives.at(r).name));
  return s;
}

Step cost_steps(const Context& ctx, const ir::Initiative& ini, const eval::Outcome* alone) {
  const ir::Program& p = ctx.program;
  Step s = text_step("cost");
  s.expression = ini.cost.empty() ? "no cost declared" : ctx.written(Span::cover(ini.cost.front().span, ini.cost.back().span));
  for (const ir::CostTerm& term : ini.cost) {
    Step t = money_figure(term.once ? "once, booked at period " + std::to_string(ini.start_index)
                                    : "recurring, booked every period from " + std::to_string(ini.start_index),
                          term.amount, p);
    if (!term.once && term.period_months != 1) t.label += " (" + std::to_string(term.period_months) + "-month amount spread per month)";
    t.expression = ctx.written(term.span);
    t.span = term.span;
    s.steps.push_back(std::move(t));
  }
  // The budget window: periods 0..11, undiscounted.
  const int recurring_periods = std::max(0, 12 - ini.start_index);
  Decimal window;
  for (int t = 0; t < 12; ++t) window += eval::cost_at(ini, t);
  Step w = money_figure("cost in the budget window (periods 0–11, undiscounted)", window, p);
  if (ini.start_index >= 12) {
    w.expression = "it starts after the window";
  } else if (!ini.cost_per_month.is_zero()) {
    w.expression = (ini.cost_once.is_zero() ? "" : show_money(p, ini.cost_once) + " + ") + show_money(p, ini.cost_per_month) +
                   " × " + std::to_string(recurring_periods) + " periods (" + std::to_string(ini.start_index) + "–11) = " +
                   show_money(p, window);
  }
  s.steps.push_back(std::move(w));
  if (alone) {
    Step pv = money_figure("cost PV (each period's cost × its discount factor, summed)", alone->cost_pv, p);
    s.steps.push_back(std::move(pv));
  }
  return s;
}

Step effect_step(Context& ctx, const ir::Initiative& ini, const ir::Effect& e) {
  const ir::Program& p = ctx.program;
  Step s;
  s.expression = ctx.written(e.span);
  s.span = e.span;
  FullStrength base{ctx.baseline, {}};
  base.values.resize(p.values.size());
  const Evaluate on_baseline = in_state(ctx, base);
  switch (e.kind) {
    case ir::EffectKind::kpi_absolute: {
      const ir::Kpi& k = p.kpis.at(e.kpi);
      s.label = "on KPI " + k.name + ", absolute";
      Step size = formula_steps(ctx, *e.value, on_baseline, "effect size");
      if (size.value) {
        s.value = size.value;
        s.unit = unit_name(p, k.unit);
        s.shown = show_change(p, k.unit, *size.value);
      }
      if (e.value->kind != ir::ExprKind::number) s.steps.push_back(std::move(size));
      break;
    }
    case ir::EffectKind::kpi_relative: {
      const ir::Kpi& k = p.kpis.at(e.kpi);
      s.label = "on KPI " + k.name + ", relative";
      if (e.factor) {
        const Decimal delta = ctx.baseline.at(e.kpi) * (*e.factor - Decimal(1));
        s.value = delta;
        s.unit = unit_name(p, k.unit);
        s.shown = show_change(p, k.unit, delta);
        Step arith = text_step("baseline × (factor − 1)");
        arith.expression = show_precise(p, k.unit, ctx.baseline.at(e.kpi)) + " × (" + e.factor->to_string() + " − 1) = " +
                           show_change(p, k.unit, delta);
        s.steps.push_back(std::move(arith));
      } else {
        s.shown = "(its factor comes from an experiment)";
      }
      break;
    }
    case ir::EffectKind::column: {
      const ir::Table& t = p.tables.at(e.column.table);
      const ir::Column& c = t.columns.at(e.column.column);
      s.label = "on column " + t.name + "." + c.name + " for the rows `where` selects" + (e.relative ? ", relative" : "");
      try {
        const eval::RowCount rc = ctx.data->count_rows(e.column.table, e.where.get());
        s.steps.push_back(count_figure("rows in table " + t.name + " (" + t.written_path + ")", rc.rows));
        if (e.where) {
          Step sel = count_figure("rows where `" + ctx.written(e.where->span) + "` is true: the rows changed", rc.truth);
          sel.span = e.where->span;
          s.steps.push_back(std::move(sel));
        }
      } catch (const eval::EvalError& err) {
        s.steps.push_back(text_step("rows selected", "(could not be counted: " + err.message + ")"));
      }
      Step size = formula_steps(ctx, *e.value, on_baseline, "change per selected row");
      if (c.kind == ir::ColumnKind::boolean) size.label += " (a change in probability)";
      s.steps.push_back(std::move(size));
      std::string reading;
      for (const ir::Kpi& k : p.kpis)
        if (std::find(k.columns_read.begin(), k.columns_read.end(), e.column) != k.columns_read.end())
          reading += (reading.empty() ? "" : ", ") + k.name;
      s.steps.push_back(text_step("KPIs recomputed on the changed column", reading.empty() ? "none" : reading));
      break;
    }
  }
  (void)ini;
  return s;
}

Step kpi_delta_table(const Context& ctx, ir::Index i, const eval::Outcome& alone) {
  const ir::Program& p = ctx.program;
  const eval::Appraisal& a = *ctx.run.appraisal;
  StepTable t;
  t.columns = {"KPI", "baseline", "direct effect", "with drivers", "at full strength"};
  t.units = {"", "", "", "", ""};
  for (ir::Index k = 0; k < p.kpis.size(); ++k) {
    const Decimal& direct = a.effects.at(i).delta.at(k);
    const Decimal& full = alone.kpi_delta_full.at(k);
    if (direct.is_zero() && full.is_zero()) continue;
    const ir::Kpi& kpi = p.kpis[k];
    t.rows.push_back({Cell{kpi.name, std::nullopt}, Cell{report::show_value(p, kpi, ctx.baseline[k]), ctx.baseline[k]},
                      Cell{show_change(p, kpi.unit, direct), direct}, Cell{show_change(p, kpi.unit, full), full},
                      Cell{report::show_value(p, kpi, ctx.baseline[k] + full), ctx.baseline[k] + full}});
  }
  Step s = text_step("KPI deltas at full strength (every effect ramped up, drivers applied)",
                     t.rows.empty() ? "it moves no KPI" : "");
  if (!t.rows.empty()) s.table = std::move(t);
  return s;
}

// Each driver rule's induced delta at full strength, recomputed in the rules'
// order exactly as the timeline does (eval/drivers.cpp).
Step driver_steps(Context& ctx, ir::Index i, const eval::Outcome& alone) {
  const ir::Program& p = ctx.program;
  const eval::Appraisal& a = *ctx.run.appraisal;
  Step s = text_step("drivers, in dependency order");
  if (p.driver_order.empty()) {
    s.shown = "none declared";
    return s;
  }
  FullStrength state{ctx.baseline, std::vector<std::optional<Decimal>>(p.values.size())};
  const std::vector<Decimal>& direct = a.effects.at(i).delta;
  for (std::size_t k = 0; k < state.scenario.size(); ++k) state.scenario[k] += direct.at(k);
  const Evaluate evaluate = in_state(ctx, state);
  auto recompute_formula_kpis = [&](const std::vector<bool>& skip) {
    for (ir::Index k : p.kpi_order) {
      const ir::Kpi& kpi = p.kpis[k];
      if (!kpi.tables_read.empty() || kpi.kpis_read.empty() || skip[k]) continue;
      state.scenario[k] = evaluate(*kpi.measure) + direct.at(k);
    }
  };
  std::vector<bool> targeted(p.kpis.size(), false);
  try {
    recompute_formula_kpis(targeted);
    for (const ir::Program::RuleRef& r : p.driver_order) {
      const ir::Driver& d = p.drivers.at(r.driver);
      const ir::DriverRule& rule = d.rules.at(r.rule);
      const ir::Kpi& target = p.kpis.at(rule.kpi);
      Step rs = formula_steps(ctx, *rule.formula, evaluate, "driver " + d.name + ": " + target.name + " +=");
      rs.span = rule.span;
      const Decimal induced = rs.value.value_or(Decimal());
      rs.shown = show_change(p, target.unit, induced);
      targeted[rule.kpi] = true;
      state.scenario[rule.kpi] += induced;
      if (!induced.is_zero()) s.steps.push_back(std::move(rs));
    }
    recompute_formula_kpis(targeted);
  } catch (const eval::EvalError& err) {
    s.shown = "(could not be itemized: " + err.message + ")";
    return s;
  }
  // The itemization must land where the timeline did; say so when it does not.
  for (std::size_t k = 0; k < state.scenario.size(); ++k)
    if (!(state.scenario[k] - ctx.baseline[k] == alone.kpi_delta_full.at(k)))
      s.steps.push_back(text_step("note", "the rules above do not add up to the timeline's delta on " + p.kpis[k].name +
                                              "; the table of KPI deltas is authoritative"));
  if (s.steps.empty()) s.shown = "no driver adds anything for this initiative";
  return s;
}

Step value_steps(Context& ctx, ir::Index i, const eval::Outcome& alone) {
  const ir::Program& p = ctx.program;
  Step s = text_step("values at full strength, and what each booked over the horizon");
  StepTable t;
  t.columns = {"value", "kind", "at full strength", "NPV"};
  t.units = {"", "", "", p.framework.currency};
  for (ir::Index v = 0; v < p.values.size(); ++v) {
    const ir::Value& value = p.values[v];
    const Decimal& full = alone.value_full.at(v);
    const Decimal& npv = alone.value_npv_by_value.at(v);
    if (full.is_zero() && npv.is_zero()) continue;
    const bool money = value.kind != ir::ValueKind::non_money;
    t.rows.push_back({Cell{value.name, std::nullopt}, Cell{ir::to_string(value.kind), std::nullopt},
                      Cell{show(p, value.unit, full), full},
                      money ? Cell{show_money(p, npv), npv} : Cell{"(not money)", std::nullopt}});
  }
  (void)i;
  if (t.rows.empty()) s.shown = "none: no value reads what it moves";
  else s.table = std::move(t);
  return s;
}

Step period_table(const Context& ctx, const eval::Outcome& alone) {
  const ir::Program& p = ctx.program;
  const std::string cur = p.framework.currency;
  StepTable t;
  t.columns = {"period", "month", "strength", "value", "cost", "discount factor", "value PV", "cost PV", "cumulative net"};
  t.units = {"count", "", "ratio", cur, cur, "count", cur, cur, cur};
  for (const eval::PeriodRow& r : alone.periods) {
    const Decimal strength = r.strength.empty() ? Decimal() : r.strength.front();
    t.rows.push_back({Cell{std::to_string(r.period), Decimal(r.period)}, Cell{month_of(p, r.period), std::nullopt},
                      Cell{report::group_thousands((strength * Decimal(100)).to_fixed(2)) + "%", strength},
                      Cell{show_money(p, r.value), r.value}, Cell{show_money(p, r.cost), r.cost},
                      Cell{r.discount.to_fixed(6), r.discount}, Cell{show_money(p, r.value_pv), r.value_pv},
                      Cell{show_money(p, r.cost_pv), r.cost_pv}, Cell{show_money(p, r.cumulative_net), r.cumulative_net}});
  }
  Step s = text_step("per period (discount factor = (1 + " + show_precise(p, Unit::ratio_unit(), p.framework.discount_per_year) +
                     ")^(−t/12); money rounded to cents for display only)");
  s.table = std::move(t);
  return s;
}

Step result_steps(const Context& ctx, const ir::Initiative& ini, const eval::Outcome& alone) {
  const ir::Program& p = ctx.program;
  Step s = text_step("result");
  Step vn = money_figure("value NPV (money values booked each period × discount factor, summed)", alone.value_npv, p);
  s.steps.push_back(std::move(vn));
  s.steps.push_back(money_figure("cost PV", alone.cost_pv, p));
  Step net = money_figure("net NPV", alone.net_npv, p);
  net.expression = show_money(p, alone.value_npv) + " − " + show_money(p, alone.cost_pv) + " = " + show_money(p, alone.net_npv);
  s.steps.push_back(std::move(net));
  if (alone.roi) {
    Step roi = figure("ROI", *alone.roi, Unit::ratio_unit(), p);
    roi.expression = "net NPV ÷ cost PV = " + show_money(p, alone.net_npv) + " ÷ " + show_money(p, alone.cost_pv) + " = " +
                     show_precise(p, Unit::ratio_unit(), *alone.roi);
    s.steps.push_back(std::move(roi));
  } else {
    s.steps.push_back(text_step("ROI", "none: the cost PV is 0"));
  }
  if (alone.payback_month) {
    const int m = *alone.payback_month;
    Step pb = text_step("payback month", std::to_string(m));
    pb.value = Decimal(m);
    pb.unit = "months";
    const eval::PeriodRow& row = alone.periods.at(static_cast<std::size_t>(m - 1));
    pb.expression = "period " + std::to_string(m - 1) + " (" + month_of(p, m - 1) + ") is the first from the start (period " +
                    std::to_string(ini.start_index) + ") where the cumulative undiscounted net reaches ≥ 0: " +
                    show_money(p, row.cumulative_net);
    if (m >= 2) pb.expression += ", after " + show_money(p, alone.periods.at(static_cast<std::size_t>(m - 2)).cumulative_net);
    s.steps.push_back(std::move(pb));
  } else {
    const std::string last = alone.periods.empty() ? "" : show_money(p, alone.periods.back().cumulative_net);
    s.steps.push_back(text_step("payback month", "none within the horizon (cumulative net at the end: " + last + ")"));
  }
  return s;
}

}  // namespace

Explanation explain_initiative(Context& ctx, ir::Index i) {
  const ir::Program& p = ctx.program;
  const ir::Initiative& ini = p.initiatives.at(i);
  Explanation x;
  x.kind = "initiative";
  x.name = ini.name;
  x.title = ini.title;
  x.span = ini.span;
  x.steps.push_back(facts(ctx, ini));
  const std::string why_not = not_evaluated(ctx, i);
  const eval::Outcome* alone = why_not.empty() ? &ctx.run.appraisal->initiatives.at(i).alone : nullptr;
  x.steps.push_back(cost_steps(ctx, ini, alone));
  Step effects = text_step("effects", std::to_string(ini.effects.size()));
  for (const ir::Effect& e : ini.effects) effects.steps.push_back(effect_step(ctx, ini, e));
  x.steps.push_back(std::move(effects));
  if (!alone) {
    x.steps.push_back(text_step("not evaluated", why_not));
    return x;
  }
  x.steps.push_back(kpi_delta_table(ctx, i, *alone));
  x.steps.push_back(driver_steps(ctx, i, *alone));
  x.steps.push_back(value_steps(ctx, i, *alone));
  x.steps.push_back(period_table(ctx, *alone));
  x.steps.push_back(result_steps(ctx, ini, *alone));
  return x;
}

}  // namespace cxv::explain
