// The JSON document of `cxv run --format json` (schema: docs/output-formats.md).
// Values are in base units: ratios as fractions (1.5% is 0.015), money at full
// precision, time in months or minutes; "unit" names the unit.

#include "report/display.hpp"
#include "report/evidence_report.hpp"
#include "report/json_writer.hpp"
#include "report/portfolio_report.hpp"
#include "report/report.hpp"

namespace cxv::report {

namespace {

const char* optional_word(ir::Perspective p) { return p == ir::Perspective::none ? nullptr : ir::to_string(p); }
const char* optional_word(ir::Category c) { return c == ir::Category::none ? nullptr : ir::to_string(c); }

void names(JsonWriter& w, const ir::Program& p, const std::vector<ir::Index>& kpis) {
  w.begin_array();
  for (ir::Index k : kpis) w.string(p.kpis.at(k).name);
  w.end_array();
}

void framework(JsonWriter& w, const ir::Program& p) {
  const ir::Framework& f = p.framework;
  w.key("framework");
  w.begin_object();
  w.key("name");
  w.string(f.title);
  w.key("currency");
  w.string(f.currency);
  w.key("start");
  if (f.start_year != 0) w.string(show_month(f.start_year, f.start_month));
  else w.null();
  w.key("horizon_months");
  w.integer(f.horizon_months);
  w.key("discount_per_year");
  w.number(f.discount_per_year);
  w.end_object();
}

void rollup(JsonWriter& w, const ir::Program& p, const eval::RollUp& r, bool stakeholder) {
  w.begin_object();
  w.key("name");
  w.string(r.name);
  if (stakeholder) {
    w.key("title");
    w.string(r.title);
    w.key("weight");
    w.number_or_null(r.weight);
  }
  w.key("kpis");
  names(w, p, r.kpis);
  w.key("green");
  w.integer(r.green);
  w.key("amber");
  w.integer(r.amber);
  w.key("red");
  w.integer(r.red);
  w.key("score");
  w.number_or_null(r.score);
  w.end_object();
}

void kpi(JsonWriter& w, const ir::Program& p, const eval::KpiCard& card) {
  const ir::Kpi& k = p.kpis.at(card.kpi);
  w.begin_object();
  w.key("name");
  w.string(k.name);
  w.key("title");
  w.string(k.title);
  w.key("perspective");
  w.string_or_null(optional_word(k.perspective));
  w.key("category");
  w.string_or_null(optional_word(k.category));
  w.key("unit");
  w.string(unit_name(p, k.unit));
  w.key("display_unit");
  w.string(k.display.text);
  w.key("better");
  w.string(ir::to_string(k.better));
  w.key("stakeholders");
  w.begin_array();
  for (ir::Index s : k.stakeholders) w.string(p.stakeholders.at(s).name);
  w.end_array();
  w.key("baseline");
  w.number_or_null(card.baseline);
  w.key("target");
  w.number_or_null(k.target);
  w.key("thresholds");
  if (k.green || k.amber) {
    w.begin_object();
    w.key("green");
    w.number_or_null(k.green);
    w.key("amber");
    w.number_or_null(k.amber);
    w.end_object();
  } else {
    w.null();
  }
  w.key("status");
  w.string_or_null(card.status ? ir::to_string(*card.status) : nullptr);
  w.end_object();
}

void breakdown(JsonWriter& w, const ir::Program& p, const eval::Breakdown& b) {
  w.key("breakdown");
  w.begin_object();
  w.key("column");
  w.string(b.column);
  w.key("table");
  w.string(p.tables.at(b.table).name);
  w.key("kpis");
  names(w, p, b.kpis);
  w.key("not_broken_down");
  names(w, p, b.not_broken_down);
  w.key("groups");
  w.begin_array();
  for (const auto& g : b.groups) {
    w.begin_object();
    w.key("value");
    if (g.missing) w.null();
    else w.string(g.value);
    w.key("rows");
    w.integer(static_cast<long long>(g.rows));
    w.key("values");
    w.begin_object();
    for (std::size_t i = 0; i < b.kpis.size(); ++i) {
      w.key(p.kpis.at(b.kpis[i]).name);
      w.number_or_null(g.values[i]);
    }
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// Each initiative evaluated alone (docs/timeline.md), with its place in the
// funding decision (docs/funding.md; null without a funding block).
void initiatives(JsonWriter& w, const RunReport& run, const ir::Program& p, const eval::Appraisal& a) {
  w.key("initiatives");
  w.begin_array();
  for (const eval::InitiativeAppraisal& ia : a.initiatives) {
    const ir::Initiative& ini = p.initiatives.at(ia.initiative);
    w.begin_object();
    w.key("name");
    w.string(ini.name);
    w.key("title");
    w.string(ini.title);
    json_initiative_decision(w, run, ia.initiative);
    w.key("evidence");
    w.string_or_null(ini.evidence.grade == ir::Grade::none ? nullptr : ir::to_string(ini.evidence.grade));
    w.key("evaluated");
    w.boolean(ia.evaluated);
    if (!ia.evaluated) {
      w.key("not_evaluated");
      w.string(ia.not_evaluated);
      w.end_object();
      continue;
    }
    const eval::Outcome& o = ia.alone;
    w.key("cost");
    w.number(o.cost_window);
    w.key("cost_pv");
    w.number(o.cost_pv);
    w.key("value_npv");
    w.number(o.value_npv);
    w.key("net_npv");
    w.number(o.net_npv);
    w.key("roi");
    w.number_or_null(o.roi);
    w.key("payback_month");
    if (o.payback_month) w.integer(*o.payback_month);
    else w.null();
    w.key("kpi_deltas");
    w.begin_object();
    for (ir::Index k = 0; k < p.kpis.size(); ++k) {
      if (o.kpi_delta_full.at(k).is_zero()) continue;
      w.key(p.kpis[k].name);
      w.number(o.kpi_delta_full[k]);
    }
    w.end_object();
    w.end_object();
  }
  w.end_array();
}

}  // namespace

std::string render_json(const RunReport& run) {
  const ir::Program& p = *run.program;
  JsonWriter w;
  w.begin_object();
  w.key("cxv_version");
  w.string(run.tool_version);
  framework(w, p);
  w.key("scorecard");
  w.begin_object();
  w.key("kpis");
  w.begin_array();
  for (const auto& card : run.scorecard->kpis) kpi(w, p, card);
  w.end_array();
  w.key("perspectives");
  w.begin_array();
  for (const auto& r : run.scorecard->perspectives) rollup(w, p, r, false);
  w.end_array();
  w.key("stakeholders");
  w.begin_array();
  for (const auto& r : run.scorecard->stakeholders) rollup(w, p, r, true);
  w.end_array();
  w.key("overall_score");
  w.number_or_null(run.scorecard->overall);
  w.end_object();
  if (run.breakdown) breakdown(w, p, *run.breakdown);
  if (run.appraisal && !run.appraisal->initiatives.empty()) initiatives(w, run, p, *run.appraisal);
  json_portfolio(w, run);
  json_experiments(w, run);
  json_evidence(w, run);
  w.end_object();
  return w.finish();
}

}  // namespace cxv::report
