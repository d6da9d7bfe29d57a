// A KPI: its declaration, its measure down to the data, its status and what
// moves it.

#include "eval/appraisal.hpp"
#include "eval/scorecard.hpp"
#include "eval/status.hpp"
#include "explain/kinds.hpp"
#include "report/display.hpp"

namespace cxv::explain {
namespace {

std::string names_of_stakeholders(const ir::Program& p, const std::vector<ir::Index>& ids) {
  std::string out;
  for (ir::Index s : ids) out += (out.empty() ? "" : ", ") + p.stakeholders.at(s).name;
  return out.empty() ? "none" : out;
}

Step declaration(const Context& ctx, const ir::Kpi& k) {
  const ir::Program& p = ctx.program;
  Step s = text_step("declaration");
  s.span = k.span;
  s.steps.push_back(text_step("perspective", k.perspective == ir::Perspective::none ? "none" : ir::to_string(k.perspective)));
  if (k.category != ir::Category::none) s.steps.push_back(text_step("category", ir::to_string(k.category)));
  s.steps.push_back(text_step("stakeholders", names_of_stakeholders(p, k.stakeholders)));
  s.steps.push_back(text_step("unit", unit_name(p, k.unit)));
  s.steps.push_back(text_step("better", std::string(ir::to_string(k.better)) + (k.better_written ? "" : " (the default)")));
  return s;
}

// Why the status is what it is: each bar, compared.
Step status_steps(const Context& ctx, const ir::Kpi& k, const Decimal& value) {
  const ir::Program& p = ctx.program;
  const std::optional<ir::Status> status = eval::kpi_status(k, value);
  Step s = text_step("status", status ? ir::to_string(*status) : "none (no target and no thresholds)");
  if (!status) return s;
  const std::string v = report::show_value(p, k, value);
  const char* cmp = k.better == ir::Better::lower ? " ≤ " : " ≥ ";
  auto compare = [&](const char* bar_name, const Decimal& bar) {
    const bool ok = k.better == ir::Better::lower ? value <= bar : value >= bar;
    Step c = text_step(std::string(bar_name) + " " + report::show_value(p, k, bar), ok ? "yes" : "no");
    c.expression = v + cmp + report::show_value(p, k, bar) + "?";
    return c;
  };
  if (k.green || k.amber) {
    if (k.green) s.steps.push_back(compare("green at", *k.green));
    if (k.amber && !(k.green && *status == ir::Status::green)) s.steps.push_back(compare("amber at", *k.amber));
    s.expression = *status == ir::Status::red ? "worse than every threshold: red"
                                              : std::string("first threshold met: ") + ir::to_string(*status);
  } else {
    s.steps.push_back(compare("target", *k.target));
    s.expression = *status == ir::Status::green ? "at or better than the target: green" : "worse than the target: red";
  }
  if (k.target && (k.green || k.amber)) s.steps.push_back(text_step("target", report::show_bar(p, k, *k.target)));
  return s;
}

Step movers(Context& ctx, ir::Index kpi) {
  const ir::Program& p = ctx.program;
  const ir::Kpi& k = p.kpis.at(kpi);
  Step s = text_step("what moves it");
  const eval::Appraisal* a = ctx.run.appraisal.get();
  // Initiatives, alone at full strength.
  StepTable t;
  t.columns = {"initiative", "direct effect", "with drivers", "value at full strength"};
  t.units = {"", unit_name(p, k.unit), unit_name(p, k.unit), unit_name(p, k.unit)};
  std::vector<std::string> unevaluated;
  for (ir::Index i = 0; i < p.initiatives.size(); ++i) {
    const ir::Initiative& ini = p.initiatives[i];
    const bool direct_on_it = std::find(ini.kpis_moved.begin(), ini.kpis_moved.end(), kpi) != ini.kpis_moved.end();
    if (!a || !a->initiatives.at(i).evaluated) {
      if (direct_on_it) unevaluated.push_back(ini.name);
      continue;
    }
    const Decimal& direct = a->effects.at(i).delta.at(kpi);
    const Decimal& full = a->initiatives[i].alone.kpi_delta_full.at(kpi);
    if (direct.is_zero() && full.is_zero()) continue;
    t.rows.push_back({Cell{ini.name, std::nullopt}, Cell{show_change(p, k.unit, direct), direct},
                      Cell{show_change(p, k.unit, full), full},
                      Cell{report::show_value(p, k, ctx.baseline[kpi] + full), ctx.baseline[kpi] + full}});
  }
  Step ini = text_step("initiatives, each alone at full strength",
                       t.rows.empty() ? "none moves it" : std::to_string(t.rows.size()) + " move it");
  if (!t.rows.empty()) ini.table = std::move(t);
  for (const std::string& name : unevaluated)
    ini.steps.push_back(text_step("initiative " + name + " would move it but was not evaluated",
                                  not_evaluated(ctx, p.find_initiative(name))));
  s.steps.push_back(std::move(ini));
  // Driver rules that add to it.
  for (const ir::Driver& d : p.drivers)
    for (const ir::DriverRule& r : d.rules)
      if (r.kpi == kpi) {
        Step ds = text_step("driver " + d.name, "adds to it");
        ds.expression = ctx.written(r.span);
        ds.span = r.span;
        s.steps.push_back(std::move(ds));
      }
  // KPIs and values that read it.
  for (const ir::Kpi& other : p.kpis)
    if (std::find(other.kpis_read.begin(), other.kpis_read.end(), kpi) != other.kpis_read.end())
      s.steps.push_back(text_step("KPI " + other.name + " reads it", ctx.written(other.measure->span)));
  for (const ir::Value& v : p.values)
    if (std::find(v.kpis_read.begin(), v.kpis_read.end(), kpi) != v.kpis_read.end())
      s.steps.push_back(text_step("value " + v.name + " reads it", ctx.written(v.formula->span)));
  return s;
}

}  // namespace

Explanation explain_kpi(Context& ctx, ir::Index kpi) {
  const ir::Program& p = ctx.program;
  const ir::Kpi& k = p.kpis.at(kpi);
  Explanation x;
  x.kind = "kpi";
  x.name = k.name;
  x.title = k.title;
  x.span = k.span;
  x.steps.push_back(declaration(ctx, k));

  Step measure = formula_steps(ctx, *k.measure, on_data(ctx), "measure");
  measure.span = k.measure->span;
  x.steps.push_back(std::move(measure));

  const Decimal& value = ctx.baseline.at(kpi);
  Step b;
  b.label = "baseline";
  b.value = value;
  b.unit = unit_name(p, k.unit);
  b.shown = report::show_value(p, k, value);
  b.expression = "exactly " + show_precise(p, k.unit, value);
  x.steps.push_back(std::move(b));
  x.steps.push_back(status_steps(ctx, k, value));
  x.steps.push_back(movers(ctx, kpi));
  return x;
}

}  // namespace cxv::explain
