// Drivers, stakeholders, experiments and tables.

#include <algorithm>

#include "eval/appraisal.hpp"
#include "eval/experiments.hpp"
#include "eval/scorecard.hpp"
#include "eval/tables.hpp"
#include "explain/kinds.hpp"
#include "report/display.hpp"

namespace cxv::explain {

Explanation explain_driver(Context& ctx, ir::Index driver) {
  const ir::Program& p = ctx.program;
  const ir::Driver& d = p.drivers.at(driver);
  Explanation x;
  x.kind = "driver";
  x.name = d.name;
  x.title = d.title;
  x.span = d.span;
  Step decl = text_step("declaration");
  decl.span = d.span;
  std::string ev = ir::to_string(d.evidence.grade);
  if (!d.evidence.note.empty()) ev += " \"" + d.evidence.note + "\"";
  decl.steps.push_back(text_step("evidence", ev));
  x.steps.push_back(std::move(decl));
  const eval::Appraisal* a = ctx.run.appraisal.get();
  for (const ir::DriverRule& rule : d.rules) {
    const ir::Kpi& target = p.kpis.at(rule.kpi);
    Step r = text_step("rule: adds to KPI " + target.name + " every period, in dependency order");
    r.expression = ctx.written(rule.span);
    r.span = rule.span;
    // At full strength, per initiative: the rule's formula in that state.
    // The state is the timeline's final one, so a rule whose inputs it moves
    // itself would differ; `cxv explain INITIATIVE` itemizes in order.
    StepTable t;
    t.columns = {"initiative", "induced change in " + target.name};
    t.units = {"", unit_name(p, target.unit)};
    for (ir::Index i = 0; a && i < a->initiatives.size(); ++i) {
      auto state = full_strength(ctx, i);
      if (!state) continue;
      bool reads_moved = false;
      for (ir::Index k : rule.kpis_read)
        if (!a->initiatives[i].alone.kpi_delta_full.at(k).is_zero()) reads_moved = true;
      if (!reads_moved) continue;
      Step f = formula_steps(ctx, *rule.formula, in_state(ctx, *state), "initiative " + p.initiatives[i].name + " at full strength");
      if (f.value) t.rows.push_back({Cell{p.initiatives[i].name, std::nullopt}, Cell{show_change(p, target.unit, *f.value), *f.value}});
      r.steps.push_back(std::move(f));
    }
    if (!t.rows.empty()) r.table = std::move(t);
    else r.shown = "no evaluated initiative moves what it reads";
    x.steps.push_back(std::move(r));
  }
  return x;
}

Explanation explain_stakeholder(Context& ctx, ir::Index s) {
  const ir::Program& p = ctx.program;
  const ir::Stakeholder& st = p.stakeholders.at(s);
  Explanation x;
  x.kind = "stakeholder";
  x.name = st.name;
  x.title = st.title;
  x.span = st.span;
  Step w = figure("weight", st.weight, Unit::ratio_unit(), p);
  w.span = st.span;
  x.steps.push_back(std::move(w));
  const eval::Scorecard& card = *ctx.run.scorecard;
  if (s < card.stakeholders.size()) {
    const eval::RollUp& r = card.stakeholders[s];
    Step score = text_step("score", report::show_score(r.score));
    if (r.score) {
      score.value = *r.score;
      score.unit = "points";
    }
    score.expression = "mean of the status points of its KPIs (green 100, amber 50, red 0): " + std::to_string(r.green) +
                       " green, " + std::to_string(r.amber) + " amber, " + std::to_string(r.red) + " red";
    StepTable t;
    t.columns = {"KPI", "baseline", "status"};
    t.units = {"", "", ""};
    for (ir::Index k : r.kpis) {
      const eval::KpiCard& kc = card.kpis.at(k);
      t.rows.push_back({Cell{p.kpis.at(k).name, std::nullopt}, Cell{report::show_value(p, p.kpis.at(k), kc.baseline), kc.baseline},
                        Cell{kc.status ? ir::to_string(*kc.status) : "—", std::nullopt}});
    }
    if (!t.rows.empty()) score.table = std::move(t);
    x.steps.push_back(std::move(score));
  }
  Step values = text_step("values for it");
  for (const ir::Value& v : p.values)
    if (std::find(v.stakeholders.begin(), v.stakeholders.end(), s) != v.stakeholders.end())
      values.steps.push_back(text_step("value " + v.name, v.stakeholders.size() == 1 ? "all of it" : "split equally over " + std::to_string(v.stakeholders.size()) + " stakeholders"));
  if (values.steps.empty()) values.shown = "none";
  x.steps.push_back(std::move(values));
  const eval::Appraisal* a = ctx.run.appraisal.get();
  StepTable t;
  t.columns = {"initiative", "money NPV for " + st.name};
  t.units = {"", p.framework.currency};
  for (ir::Index i = 0; a && i < a->initiatives.size(); ++i) {
    if (!a->initiatives[i].evaluated) continue;
    const Decimal& v = a->initiatives[i].alone.stakeholder_impact.at(s);
    if (v.is_zero()) continue;
    t.rows.push_back({Cell{p.initiatives[i].name, std::nullopt}, Cell{show_money(p, v), v}});
  }
  Step impact = text_step("impact per initiative, each alone", t.rows.empty() ? "none" : "");
  if (!t.rows.empty()) impact.table = std::move(t);
  x.steps.push_back(std::move(impact));
  return x;
}

Explanation explain_experiment(Context& ctx, ir::Index e) {
  const ir::Program& p = ctx.program;
  const ir::Experiment& ex = p.experiments.at(e);
  Explanation x;
  x.kind = "experiment";
  x.name = ex.name;
  x.title = ex.title;
  x.span = ex.span;
  Step decl = text_step("declaration");
  decl.span = ex.span;
  decl.steps.push_back(text_step("data", ex.written_path));
  decl.steps.push_back(text_step("arms", "column " + ex.arm_column + ": treatment \"" + ex.treatment + "\", control \"" + ex.control + "\""));
  decl.steps.push_back(text_step("outcome", ex.outcome));
  decl.steps.push_back(figure("confidence", ex.confidence, Unit::ratio_unit(), p));
  x.steps.push_back(std::move(decl));
  if (const eval::Experiments* results = ctx.run.experiments.get(); results && e < results->results.size()) {
    const eval::ExperimentResult& r = results->at(e);
    const Unit unit = r.binary ? Unit::ratio_unit() : Unit::plain();
    Step est = text_step("estimate: treatment minus control", r.binary ? "a difference in proportions" : "a difference in means");
    est.steps.push_back(count_figure("rows in the treatment arm (\"" + ex.treatment + "\")", static_cast<std::size_t>(r.n_treatment)));
    est.steps.push_back(count_figure("rows in the control arm (\"" + ex.control + "\")", static_cast<std::size_t>(r.n_control)));
    if (r.ignored_rows) est.steps.push_back(count_figure("rows in neither arm (ignored)", static_cast<std::size_t>(r.ignored_rows)));
    est.steps.push_back(figure(std::string(r.binary ? "share of " : "mean of ") + ex.outcome + ", treatment", r.treatment_mean, unit, p));
    est.steps.push_back(figure(std::string(r.binary ? "share of " : "mean of ") + ex.outcome + ", control", r.control_mean, unit, p));
    Step eff = figure("effect", r.effect, unit, p);
    eff.expression = show_precise(p, unit, r.treatment_mean) + " − " + show_precise(p, unit, r.control_mean) + " = " + show_precise(p, unit, r.effect);
    est.steps.push_back(std::move(eff));
    Step ci = text_step(show_precise(p, Unit::ratio_unit(), r.confidence) + " interval (" +
                            (r.binary ? "Newcombe's hybrid score, method 10" : "Welch") + "; rounded to 6 significant digits)",
                        show(p, unit, r.low) + " to " + show(p, unit, r.high));
    est.steps.push_back(std::move(ci));
    Step srm = text_step("sample-ratio test p-value (planned treatment share " + show(p, Unit::ratio_unit(), r.planned_share) + ")",
                         r.srm_p_value.to_string() + (r.sample_ratio_mismatch ? ": mismatch" : ""));
    est.steps.push_back(std::move(srm));
    x.steps.push_back(std::move(est));
  }
  Step used = text_step("used by");
  for (const ir::Initiative& ini : p.initiatives) {
    for (const ir::Effect& eff : ini.effects)
      if (eff.experiment == e) used.steps.push_back(text_step("initiative " + ini.name + ", effect", ctx.written(eff.span)));
    if (ini.evidence.experiment == e) used.steps.push_back(text_step("initiative " + ini.name, "as its evidence"));
  }
  if (used.steps.empty()) used.shown = "nothing";
  x.steps.push_back(std::move(used));
  return x;
}

Explanation explain_table(Context& ctx, ir::Index t) {
  const ir::Program& p = ctx.program;
  const ir::Table& table = p.tables.at(t);
  Explanation x;
  x.kind = "table";
  x.name = table.name;
  x.title = table.title;
  x.span = table.span;
  Step file = count_figure("rows in " + table.written_path, ctx.run.tables->at(t).data->row_count());
  file.span = table.span;
  x.steps.push_back(std::move(file));
  x.steps.push_back(text_step("provenance", ir::to_string(table.provenance)));
  StepTable cols;
  cols.columns = {"column", "type", "key", "optional"};
  cols.units = {"", "", "", ""};
  for (const ir::Column& c : table.columns) {
    std::string type = c.kind == ir::ColumnKind::text ? "text" : c.kind == ir::ColumnKind::boolean ? "bool"
                     : c.kind == ir::ColumnKind::date ? "date" : (c.display.text.empty() ? unit_name(p, c.unit) : c.display.text);
    cols.rows.push_back({Cell{c.name, std::nullopt}, Cell{type, std::nullopt}, Cell{c.key ? "yes" : "", std::nullopt},
                         Cell{c.optional ? "yes" : "", std::nullopt}});
  }
  Step cs = text_step("columns", std::to_string(table.columns.size()));
  cs.table = std::move(cols);
  x.steps.push_back(std::move(cs));
  Step readers = text_step("read by");
  for (const ir::Kpi& k : p.kpis)
    if (std::find(k.tables_read.begin(), k.tables_read.end(), t) != k.tables_read.end())
      readers.steps.push_back(text_step("KPI " + k.name, ctx.written(k.measure->span)));
  if (readers.steps.empty()) readers.shown = "no KPI";
  x.steps.push_back(std::move(readers));
  return x;
}

}  // namespace cxv::explain
