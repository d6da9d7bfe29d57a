// The timeline: ramp strength, costs, discounting, NPV, ROI and payback,
// drivers, joint evaluation. Every expected figure is computed by hand in the
// comment next to it (LANGUAGE.md "Timeline conventions").

#include <doctest/doctest.h>

#include "eval/effects.hpp"
#include "eval/timeline.hpp"
#include "ir_builder.hpp"

using namespace cxv;
using namespace cxv::eval;
using namespace cxv::eval::testing;
using ir::Op;

namespace {

Decimal d(const char* text) { return *Decimal::parse(text); }

ir::ExprPtr delta(ir::Index k) {
  auto e = make(ir::ExprKind::builtin);
  e->builtin = ir::Builtin::delta;
  e->operands.push_back(kpi(k));
  return e;
}

ir::ExprPtr min2(ir::ExprPtr a, ir::ExprPtr b) {
  auto e = make(ir::ExprKind::builtin);
  e->builtin = ir::Builtin::min2;
  e->operands.push_back(std::move(a));
  e->operands.push_back(std::move(b));
  return e;
}

// A framework with KPIs whose baselines are given directly.
struct Model {
  Fixture f;
  std::vector<Decimal> baseline;

  Model(int horizon, const char* rate) {
    f.program.framework.horizon_months = horizon;
    f.program.framework.discount_per_year = d(rate);
  }
  ir::Index kpi(const char* name, const char* base) {
    baseline.push_back(d(base));
    return f.add_kpi(name, num(base));
  }
  ir::Index flow_value(const char* name, ir::ExprPtr formula, ir::ValueKind kind = ir::ValueKind::flow) {
    ir::Value v;
    v.name = name;
    v.kind = kind;
    v.formula = std::move(formula);
    f.program.values.push_back(std::move(v));
    const auto i = static_cast<ir::Index>(f.program.values.size() - 1);
    f.program.value_order.push_back(i);
    return i;
  }
  ir::Index initiative(const char* name, int start, int ramp, const char* once, const char* per_month) {
    ir::Initiative in;
    in.name = name;
    in.start_index = start;
    in.ramp_months = ramp;
    in.cost_once = d(once);
    in.cost_per_month = d(per_month);
    f.program.initiatives.push_back(std::move(in));
    return static_cast<ir::Index>(f.program.initiatives.size() - 1);
  }
  void absolute(ir::Index initiative, ir::Index k, const char* amount) {
    ir::Effect e;
    e.kind = ir::EffectKind::kpi_absolute;
    e.kpi = k;
    e.value = num(amount);
    f.program.initiatives.at(initiative).effects.push_back(std::move(e));
  }
  void driver(ir::Index target, ir::ExprPtr formula) {
    ir::Driver dr;
    dr.name = "driver" + std::to_string(f.program.drivers.size());
    ir::DriverRule rule;
    rule.kpi = target;
    rule.formula = std::move(formula);
    dr.rules.push_back(std::move(rule));
    f.program.drivers.push_back(std::move(dr));
    f.program.driver_order.push_back({static_cast<ir::Index>(f.program.drivers.size() - 1), 0});
  }
  std::vector<DirectEffects> effects() const {
    std::vector<DirectEffects> out;
    for (const ir::Initiative& in : f.program.initiatives) out.push_back(direct_effects(f.program, in, baseline));
    return out;
  }
  Outcome run(std::vector<ir::Index> members) const {
    return run_timeline(f.program, baseline, members, effects());
  }
};

}  // namespace

TEST_CASE("ramp strength follows the convention") {
  CHECK(ramp_strength(1, 2, 3) == Decimal());        // before the start
  CHECK(ramp_strength(2, 2, 0) == Decimal(1));       // no ramp: full at the start
  CHECK(ramp_strength(2, 2, 3) == Decimal(1) / Decimal(3));
  CHECK(ramp_strength(3, 2, 3) == Decimal(2) / Decimal(3));
  CHECK(ramp_strength(4, 2, 3) == Decimal(1));
  CHECK(ramp_strength(9, 2, 3) == Decimal(1));
}

TEST_CASE("a ramp: value grows over the ramp, once cost at the start, undiscounted") {
  Model m(6, "0");
  const ir::Index revenue = m.kpi("revenue", "1000");   // money per month
  m.flow_value("extra_revenue", delta(revenue));
  const ir::Index i = m.initiative("upsell", 0, 3, "500", "0");
  m.absolute(i, revenue, "300");
  const Outcome o = m.run({i});
  // strength 1/3, 2/3, 1, 1, 1, 1 -> value 100, 200, 300, 300, 300, 300 = 1500
  CHECK(o.periods.at(0).value == Decimal(100));
  CHECK(o.periods.at(1).value == Decimal(200));
  CHECK(o.value_npv == Decimal(1500));
  CHECK(o.cost_pv == Decimal(500));          // once, at t = 0
  CHECK(o.cost_window == Decimal(500));
  CHECK(o.net_npv == Decimal(1000));         // 1500 - 500
  CHECK(*o.roi == Decimal(2));               // 1000 / 500
  // cumulative net: t0 100-500 = -400, t1 -200, t2 +100 -> payback month 3
  CHECK(o.payback_month == 3);
  CHECK(o.kpi_delta_full.at(revenue) == Decimal(300));
}

TEST_CASE("a late start with per-month costs") {
  Model m(6, "0");
  const ir::Index revenue = m.kpi("revenue", "1000");
  m.flow_value("extra_revenue", delta(revenue));
  const ir::Index i = m.initiative("late", 2, 0, "0", "100");
  m.absolute(i, revenue, "250");
  const Outcome o = m.run({i});
  CHECK(o.periods.at(1).value == Decimal());
  CHECK(o.periods.at(1).cost == Decimal());
  // value at t = 2..5: 4 * 250 = 1000; cost 4 * 100 = 400
  CHECK(o.value_npv == Decimal(1000));
  CHECK(o.cost_pv == Decimal(400));
  CHECK(o.net_npv == Decimal(600));
  CHECK(*o.roi == d("1.5"));                 // 600 / 400
  // the budget window is periods 0..11 whatever the horizon: t = 2..11 -> 10 * 100
  CHECK(o.cost_window == Decimal(1000));
  // t = 2: cumulative 250 - 100 = 150 >= 0 -> month 3
  CHECK(o.payback_month == 3);
}

TEST_CASE("discounting at 12% a year over 13 months") {
  Model m(13, "0.12");
  const ir::Index revenue = m.kpi("revenue", "0");
  m.flow_value("extra_revenue", delta(revenue));
  const ir::Index i = m.initiative("now", 0, 0, "1000", "0");
  m.absolute(i, revenue, "1000");
  const Outcome o = m.run({i});
  CHECK(o.periods.at(0).discount == Decimal(1));
  // 1.12^(-12/12) = 1/1.12 = 0.892857142857...
  CHECK(o.periods.at(12).discount.round(12) == d("0.892857142857"));
  // 1.12^(-1/12) = 0.990600397943003347...
  CHECK(o.periods.at(1).discount.round(12) == d("0.990600397943"));
  // value NPV = sum_{t=0..12} 1000 * 1.12^(-t/12) = 12291.515989601052157...
  CHECK(o.value_npv.round(2) == d("12291.52"));
  CHECK(o.net_npv.round(2) == d("11291.52"));   // minus the once cost 1000 at t = 0
  CHECK(o.roi->round(6) == d("11.291516"));     // 11291.5159896 / 1000
  CHECK(o.payback_month == 1);                  // t0: 1000 - 1000 = 0 >= 0
}

TEST_CASE("a relative KPI effect multiplies the baseline") {
  Model m(1, "0");
  const ir::Index cost = m.kpi("cost_to_serve", "1000");
  const ir::Index i = m.initiative("automate", 0, 0, "0", "0");
  ir::Effect e;
  e.kind = ir::EffectKind::kpi_relative;
  e.kpi = cost;
  e.value = num("-0.08");
  e.factor = d("0.92");
  m.f.program.initiatives.at(i).effects.push_back(std::move(e));
  // 1000 * (0.92 - 1) = -80
  CHECK(direct_effects(m.f.program, m.f.program.initiatives.at(i), m.baseline).delta.at(cost) == Decimal(-80));
}

TEST_CASE("a driver carries a KPI change to the KPI a value reads") {
  Model m(3, "0");
  const ir::Index nps = m.kpi("nps", "30");
  const ir::Index churn = m.kpi("churn", "0.05");
  // churn += delta(nps) * -0.001
  m.driver(churn, bin(Op::mul, delta(nps), num("-0.001")));
  // retained revenue per month = -delta(churn) * 1,000,000
  m.flow_value("retained", bin(Op::mul, delta(churn), num("-1000000")));
  const ir::Index i = m.initiative("care", 0, 0, "12000", "0");
  m.absolute(i, nps, "10");
  const Outcome o = m.run({i});
  // delta(nps) = 10 -> delta(churn) = -0.01 -> 10,000 per month
  CHECK(o.kpi_delta_full.at(churn) == d("-0.01"));
  CHECK(o.periods.at(0).value == Decimal(10000));
  CHECK(o.value_npv == Decimal(30000));      // 3 months
  CHECK(o.net_npv == Decimal(18000));        // 30,000 - 12,000
  CHECK(*o.roi == d("1.5"));                 // 18,000 / 12,000
  // t0: 10,000 - 12,000 = -2,000; t1: +8,000 -> month 2
  CHECK(o.payback_month == 2);
}

TEST_CASE("joint evaluation: a saturating driver gives less than the sum of the parts") {
  Model m(1, "0");
  const ir::Index nps = m.kpi("nps", "30");
  const ir::Index churn = m.kpi("churn", "0.05");
  // churn += min(delta(nps), 10) * -0.001: saturates at 10 points
  m.driver(churn, bin(Op::mul, min2(delta(nps), num("10")), num("-0.001")));
  m.flow_value("retained", bin(Op::mul, delta(churn), num("-1000000")));
  const ir::Index a = m.initiative("a", 0, 0, "0", "0");
  const ir::Index b = m.initiative("b", 0, 0, "0", "0");
  m.absolute(a, nps, "10");
  m.absolute(b, nps, "10");
  const Decimal alone_a = m.run({a}).value_npv;   // min(10, 10) * 0.001 * 1e6 = 10,000
  const Decimal alone_b = m.run({b}).value_npv;   // 10,000
  const Outcome joint = m.run({a, b});            // min(20, 10) -> still 10,000
  CHECK(alone_a + alone_b == Decimal(20000));
  CHECK(joint.value_npv == Decimal(10000));
  CHECK(joint.kpi_delta_full.at(nps) == Decimal(20));
}

TEST_CASE("one-time money values are booked once, at full strength, at the start") {
  Model m(6, "0");
  const ir::Index fees = m.kpi("fees", "0");
  m.flow_value("setup_saving", bin(Op::mul, delta(fees), num("10")), ir::ValueKind::one_time);
  const ir::Index i = m.initiative("later", 3, 3, "0", "0");
  m.absolute(i, fees, "50");
  const Outcome o = m.run({i});
  // 50 * 10 = 500, booked at t = 3 only, not scaled by the ramp
  CHECK(o.periods.at(3).value == Decimal(500));
  CHECK(o.periods.at(4).value == Decimal());
  CHECK(o.value_npv == Decimal(500));
  CHECK(!o.roi);                              // no cost: ROI undefined
  CHECK(o.payback_month == 4);                // t = 3 is the first t >= start
}

TEST_CASE("stakeholder impact splits a value equally over its stakeholders") {
  Model m(2, "0");
  m.f.program.stakeholders.resize(2);
  const ir::Index revenue = m.kpi("revenue", "0");
  const ir::Index v = m.flow_value("extra", delta(revenue));
  m.f.program.values.at(v).stakeholders = {0, 1};
  const ir::Index i = m.initiative("x", 0, 0, "0", "0");
  m.absolute(i, revenue, "100");
  const Outcome o = m.run({i});
  CHECK(o.stakeholder_impact.at(0) == Decimal(100));   // 2 * 100 / 2
  CHECK(o.stakeholder_impact.at(1) == Decimal(100));
}

TEST_CASE("effects not evaluated yet are located errors, not numbers") {
  Model m(1, "0");
  const ir::Index k = m.kpi("k", "1");
  const ir::Index i = m.initiative("x", 0, 0, "0", "0");
  ir::Effect e;
  e.kind = ir::EffectKind::kpi_absolute;
  e.kpi = k;
  e.value = make(ir::ExprKind::experiment_field);
  m.f.program.initiatives.at(i).effects.push_back(std::move(e));
  try {
    direct_effects(m.f.program, m.f.program.initiatives.at(i), m.baseline);
    FAIL("expected an error");
  } catch (const EvalError& err) {
    CHECK(err.code == "E159");   // no experiments evaluated here (E158 is retired)
  }
  ir::Effect c;
  c.kind = ir::EffectKind::column;
  m.f.program.initiatives.at(i).effects.at(0) = std::move(c);
  try {
    direct_effects(m.f.program, m.f.program.initiatives.at(i), m.baseline);
    FAIL("expected an error");
  } catch (const EvalError& err) {
    CHECK(err.code == "E159");   // a column effect with no tables to change (E160 is retired)
  }
}

TEST_CASE("the timeline is deterministic") {
  Model m(24, "0.08");
  const ir::Index nps = m.kpi("nps", "30");
  const ir::Index churn = m.kpi("churn", "0.05");
  m.driver(churn, bin(Op::mul, delta(nps), num("-0.001")));
  m.flow_value("retained", bin(Op::mul, delta(churn), num("-1000000")));
  const ir::Index i = m.initiative("care", 2, 4, "12000", "150");
  m.absolute(i, nps, "7");
  const Outcome a = m.run({i});
  const Outcome b = m.run({i});
  CHECK(a.net_npv == b.net_npv);
  CHECK(a.value_npv.to_string() == b.value_npv.to_string());
}
