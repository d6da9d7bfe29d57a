// Column effects (`effect customers.churned -5pp where tenure < 3 months`):
// bool cells become probabilities, numbers change absolutely or relatively,
// missing values stay missing, an unknown `where` selects nothing, effects
// compose in declaration order, and every KPI reading the column (and every
// KPI, driver and value over those) moves. Every expected figure is computed
// by hand in the comment next to it, from the table below.
//
//   row  tenure  churned  revenue
//    0     1      true      10
//    1     2      false     20
//    2     5      false     30
//    3     1      true      40
//    4     -      true      50      tenure missing: `tenure < 3` is unknown
//    5     2      true      60
//    6    10      false     70
//    7     2      -         80      churned missing: stays missing
//    8    12      true      90
//    9     1      false      -      revenue missing
//
// `where tenure < 3` is true on rows 0, 1, 3, 5, 7, 9. With a known churned
// cell: 0 (T), 1 (F), 3 (T), 5 (T), 9 (F). With a known revenue: 0, 1, 3, 5, 7.
// Baselines: churned is known on 9 rows, true on 5 (0, 3, 4, 5, 8):
// share 5/9, count 5; sum(revenue where churned) = 10+40+50+60+90 = 250;
// sum(revenue) = 450 over 9 values, mean 50.

#include <doctest/doctest.h>

#include <memory>

#include "eval/appraisal.hpp"
#include "eval/column_effects.hpp"
#include "eval/effects.hpp"
#include "eval/timeline.hpp"
#include "ir_builder.hpp"

using namespace cxv;
using namespace cxv::eval;
using namespace cxv::eval::testing;
using ir::Builtin;
using ir::Op;

namespace {

Decimal d(const char* text) { return *Decimal::parse(text); }

ir::ExprPtr delta_of(ir::Index k) {
  auto e = make(ir::ExprKind::builtin);
  e->builtin = ir::Builtin::delta;
  e->operands.push_back(kpi(k));
  return e;
}

struct Customers {
  Fixture f;
  ir::Index table = 0;
  std::vector<Decimal> baseline;

  Customers() {
    table = f.add_table("customers", {
        {"tenure", ir::ColumnKind::number, {"1", "2", "5", "1", "", "2", "10", "2", "12", "1"}},
        {"churned", ir::ColumnKind::boolean, {"true", "false", "false", "true", "true", "true", "false", "", "true", "false"}},
        {"revenue", ir::ColumnKind::number, {"10", "20", "30", "40", "50", "60", "70", "80", "90", ""}},
    });
    f.program.framework.horizon_months = 12;
  }
  ir::ColumnRef column(const char* name) const { return {table, f.program.tables.at(table).find_column(name)}; }
  ir::ExprPtr c(const char* name) const { return col(f, table, name); }

  // A KPI over the table: `reads` are the columns its measure reads.
  ir::Index measure(const char* name, ir::ExprPtr m, std::vector<const char*> reads) {
    const ir::Index k = f.add_kpi(name, std::move(m));
    f.program.kpis[k].tables_read = {table};
    for (const char* r : reads) f.program.kpis[k].columns_read.push_back(column(r));
    return k;
  }
  // A KPI over other KPIs only.
  ir::Index formula(const char* name, ir::ExprPtr m, std::vector<ir::Index> reads) {
    return f.add_kpi(name, std::move(m), std::move(reads));
  }
  void compute_baselines() {
    baseline.clear();
    Evaluator ev(f.program, f.tables, [this](ir::Index k) -> std::optional<Decimal> { return baseline.at(k); });
    for (ir::Index k : f.program.kpi_order) {
      baseline.resize(std::max<std::size_t>(baseline.size(), k + 1));
      baseline[k] = ev.number(*f.program.kpis[k].measure);
    }
  }
  ir::Index initiative(const char* name, int start = 0, int ramp = 0) {
    ir::Initiative in;
    in.name = name;
    in.start_index = start;
    in.ramp_months = ramp;
    f.program.initiatives.push_back(std::move(in));
    return static_cast<ir::Index>(f.program.initiatives.size() - 1);
  }
  // `effect customers.<column> <size> where tenure < <below>` (no where when below is null).
  void effect(ir::Index i, const char* column_name, const char* size, bool relative, const char* below) {
    ir::Effect e;
    e.kind = ir::EffectKind::column;
    e.column = column(column_name);
    e.value = num(size);
    e.relative = relative;
    if (relative) e.factor = Decimal(1) + d(size);
    if (below) e.where = bin(Op::lt, c("tenure"), num(below));
    f.program.initiatives.at(i).effects.push_back(std::move(e));
  }
  std::shared_ptr<ColumnEffects> engine() const { return std::make_shared<ColumnEffects>(f.program, f.tables, baseline); }
  std::vector<DirectEffects> effects(const std::shared_ptr<ColumnEffects>& columns) const {
    std::vector<DirectEffects> out;
    for (const ir::Initiative& in : f.program.initiatives) out.push_back(direct_effects(f.program, in, baseline, nullptr, columns));
    return out;
  }
};

}  // namespace

TEST_CASE("a bool column becomes a probability: share is the mean probability, count the expected count") {
  Customers m;
  const ir::Index churn = m.measure("churn", agg(Builtin::share, m.table, nullptr, m.c("churned")), {"churned"});
  const ir::Index churners = m.measure("churners", agg(Builtin::count, m.table, nullptr, m.c("churned")), {"churned"});
  const ir::Index stayers = m.measure("stayers", agg(Builtin::count, m.table, nullptr, not_(m.c("churned"))), {"churned"});
  // churned and tenure >= 2: rows 1 (F), 2 (F), 5 (T), 6 (F), 8 (T); row 7 is unknown (churned missing).
  const ir::Index long_churners = m.measure(
      "long_churners", agg(Builtin::count, m.table, nullptr, bin(Op::and_, m.c("churned"), bin(Op::ge, m.c("tenure"), num("2")))),
      {"churned", "tenure"});
  // churned or tenure >= 10: true on 0, 3, 4, 5, 6, 8 (rows 6 and 8 by tenure).
  const ir::Index churned_or_old = m.measure(
      "churned_or_old", agg(Builtin::count, m.table, nullptr, bin(Op::or_, m.c("churned"), bin(Op::ge, m.c("tenure"), num("10")))),
      {"churned", "tenure"});
  m.compute_baselines();
  CHECK(m.baseline[churn] == Decimal(5) / Decimal(9));
  CHECK(m.baseline[churners] == Decimal(5));
  CHECK(m.baseline[stayers] == Decimal(4));
  CHECK(m.baseline[long_churners] == Decimal(2));
  CHECK(m.baseline[churned_or_old] == Decimal(6));

  const ir::Index i = m.initiative("onboarding");
  m.effect(i, "churned", "-0.05", false, "3");   // -5pp where tenure < 3 months
  auto columns = m.engine();
  const std::vector<Decimal> delta = columns->alone(m.f.program.initiatives[i], nullptr);
  // Rows 0, 3, 5 (true) -> 0.95; rows 1, 9 (false) -> 0 - 0.05, clamped to 0.
  // Row 4 (tenure unknown) and row 7 (churned missing) are untouched.
  // Expected churners: 3 x 0.95 + rows 4 and 8 = 4.85, so -0.15.
  CHECK(delta[churners] == d("-0.15"));
  // share = 4.85 / 9 (still 9 known rows) minus 5/9.
  CHECK(delta[churn] == d("4.85") / Decimal(9) - Decimal(5) / Decimal(9));
  // not churned: rows 0, 3, 5 at 0.05 each, plus the 4 certain false rows: 4.15.
  CHECK(delta[stayers] == d("0.15"));
  // churned and tenure >= 2: row 5 -> 0.95, row 8 stays 1: 1.95.
  CHECK(delta[long_churners] == d("-0.05"));
  // churned or tenure >= 10: rows 6, 8 certain; 4 certain; 0, 3, 5 at 0.95: 5.85.
  CHECK(delta[churned_or_old] == d("-0.15"));
  CHECK(columns->take_warnings().empty());
}

TEST_CASE("a probability is clamped to [0, 1], and a relative change multiplies it") {
  Customers m;
  const ir::Index churners = m.measure("churners", agg(Builtin::count, m.table, nullptr, m.c("churned")), {"churned"});
  m.compute_baselines();
  const ir::Index up = m.initiative("up");
  m.effect(up, "churned", "0.1", false, "3");        // +10pp: rows 0, 3, 5 -> 1.1, clamped to 1; rows 1, 9 -> 0.1
  const ir::Index half = m.initiative("half");
  m.effect(half, "churned", "-0.5", true, "3");      // -50%: rows 0, 3, 5 -> 0.5; rows 1, 9 stay 0
  auto columns = m.engine();
  CHECK(columns->alone(m.f.program.initiatives[up], nullptr)[churners] == d("0.2"));     // 5 + 2 x 0.1
  CHECK(columns->alone(m.f.program.initiatives[half], nullptr)[churners] == d("-1.5"));  // 3 x 0.5 + 2 = 3.5
}

TEST_CASE("sum and mean over an uncertain where are expected values; order statistics are refused") {
  Customers m;
  const ir::Index lost = m.measure("lost", agg(Builtin::sum, m.table, m.c("revenue"), m.c("churned")), {"revenue", "churned"});
  const ir::Index lost_mean = m.measure("lost_mean", agg(Builtin::mean, m.table, m.c("revenue"), m.c("churned")), {"revenue", "churned"});
  m.compute_baselines();
  CHECK(m.baseline[lost] == Decimal(250));
  CHECK(m.baseline[lost_mean] == Decimal(50));
  const ir::Index i = m.initiative("onboarding");
  m.effect(i, "churned", "-0.05", false, "3");
  auto columns = m.engine();
  const std::vector<Decimal> delta = columns->alone(m.f.program.initiatives[i], nullptr);
  // 0.95 x (10 + 40 + 60) + 50 + 90 = 244.5
  CHECK(delta[lost] == d("-5.5"));
  // 244.5 over 4.85 expected rows (all of them have a revenue)
  CHECK(delta[lost_mean] == d("244.5") / d("4.85") - Decimal(50));

  Customers bad;
  bad.measure("median_lost", agg(Builtin::median, bad.table, bad.c("revenue"), bad.c("churned")), {"revenue", "churned"});
  bad.compute_baselines();
  const ir::Index j = bad.initiative("onboarding");
  bad.effect(j, "churned", "-0.05", false, "3");
  try {
    bad.engine()->alone(bad.f.program.initiatives[j], nullptr);
    FAIL("a median over uncertain rows has no value");
  } catch (const EvalError& e) {
    CHECK(e.code == "E181");
  }
}

TEST_CASE("a number column changes absolutely or relatively; missing stays missing; effects compose in order") {
  Customers m;
  const ir::Index total = m.measure("total", agg(Builtin::sum, m.table, m.c("revenue")), {"revenue"});
  const ir::Index arpu = m.measure("arpu", agg(Builtin::mean, m.table, m.c("revenue")), {"revenue"});
  const ir::Index top = m.measure("top", agg(Builtin::max, m.table, m.c("revenue")), {"revenue"});
  // The same sum through a row expression: the changed column is rewritten
  // (the direct sum above reads the loaded column and the changed classes).
  const ir::Index total_rewritten =
      m.measure("total_rewritten", agg(Builtin::sum, m.table, bin(Op::mul, m.c("revenue"), num("1"))), {"revenue"});
  m.compute_baselines();
  CHECK(m.baseline[total] == Decimal(450));
  // Selected with a known revenue: rows 0, 1, 3, 5, 7 (10 + 20 + 40 + 60 + 80 = 210); row 9 is missing.
  const ir::Index plus = m.initiative("plus");
  m.effect(plus, "revenue", "5", false, "3");
  const ir::Index cut = m.initiative("cut");
  m.effect(cut, "revenue", "-0.1", true, "3");
  const ir::Index plus_then_cut = m.initiative("plus_then_cut");
  m.effect(plus_then_cut, "revenue", "5", false, "3");
  m.effect(plus_then_cut, "revenue", "-0.1", true, "3");
  const ir::Index cut_then_plus = m.initiative("cut_then_plus");
  m.effect(cut_then_plus, "revenue", "-0.1", true, "3");
  m.effect(cut_then_plus, "revenue", "5", false, "3");
  auto columns = m.engine();
  auto alone = [&](ir::Index i) { return columns->alone(m.f.program.initiatives[i], nullptr); };
  CHECK(alone(plus)[total] == Decimal(25));                         // 5 rows x 5
  CHECK(alone(plus)[arpu] == Decimal(475) / Decimal(9) - Decimal(50));   // still 9 values
  CHECK(alone(plus)[top] == Decimal());                             // row 8 (90) is not selected
  CHECK(alone(cut)[total] == d("-21"));                             // 210 x -10%
  CHECK(alone(plus_then_cut)[total] == d("1.5"));                   // (210 + 25) x 0.9 = 211.5
  CHECK(alone(cut_then_plus)[total] == Decimal(4));                 // 210 x 0.9 + 25 = 214
  for (ir::Index i : {plus, cut, plus_then_cut, cut_then_plus}) CHECK(alone(i)[total_rewritten] == alone(i)[total]);
}

TEST_CASE("two initiatives on one column compose in declaration order when evaluated together") {
  Customers m;
  const ir::Index churners = m.measure("churners", agg(Builtin::count, m.table, nullptr, m.c("churned")), {"churned"});
  m.compute_baselines();
  const ir::Index a = m.initiative("a");
  m.effect(a, "churned", "-0.05", false, "3");   // rows 0, 3, 5 -> 0.95
  const ir::Index b = m.initiative("b");
  m.effect(b, "churned", "-0.5", true, "2");     // tenure < 2: rows 0, 3 (true), 9 (false)
  auto columns = m.engine();
  const std::vector<DirectEffects> effects = m.effects(columns);
  CHECK(effects[a].delta[churners] == d("-0.15"));   // 4.85
  CHECK(effects[b].delta[churners] == Decimal(-1));  // rows 0, 3 -> 0.5: 1 + rows 4, 5, 8: 4
  // Together, a then b: rows 0, 3 -> 0.95 x 0.5 = 0.475; row 5 0.95; rows 4, 8: 3.9, so -1.1
  // (not -1.15, the sum of the parts). a's marginal share is -0.15, b's 3.9 - 4.85 = -0.95.
  const ir::Index both[] = {b, a};   // the order of the list does not matter
  const auto marginal = columns->jointly(both, nullptr);
  CHECK(marginal[0][churners] == d("-0.95"));
  CHECK(marginal[1][churners] == d("-0.15"));
  const Outcome joint = run_timeline(m.f.program, m.baseline, both, effects);
  CHECK(joint.kpi_delta_full[churners] == d("-1.1"));
  const ir::Index only_a[] = {a};
  CHECK(run_timeline(m.f.program, m.baseline, only_a, effects).kpi_delta_full[churners] == d("-0.15"));
}

TEST_CASE("KPIs over a changed KPI, a driver and a value follow the column, scaled by the ramp") {
  Customers m;
  const ir::Index churners = m.measure("churners", agg(Builtin::count, m.table, nullptr, m.c("churned")), {"churned"});
  // A formula KPI over it (recomputed by the timeline) and a KPI over a table and it (recomputed here).
  const ir::Index percent = m.formula("churners_x100", bin(Op::mul, kpi(churners), num("100")), {churners});
  const ir::Index per_row = m.measure("per_row", bin(Op::div, kpi(churners), agg(Builtin::count, m.table, nullptr)), {});
  m.f.program.kpis[per_row].kpis_read = {churners};
  // A KPI no effect reaches, moved by a driver: nps += delta(churners) * -2.
  const ir::Index nps = m.measure("nps", num("30"), {});
  m.f.program.kpis[nps].tables_read.clear();
  ir::Driver dr;
  dr.name = "churn_hurts_nps";
  ir::DriverRule rule;
  rule.kpi = nps;
  rule.formula = bin(Op::mul, delta_of(churners), num("-2"));
  dr.rules.push_back(std::move(rule));
  m.f.program.drivers.push_back(std::move(dr));
  m.f.program.driver_order.push_back({0, 0});
  // value kept = -delta(churners) * 100 (money per month): a flow.
  ir::Value v;
  v.name = "kept";
  v.kind = ir::ValueKind::flow;
  v.formula = bin(Op::mul, delta_of(churners), num("-100"));
  m.f.program.values.push_back(std::move(v));
  m.f.program.value_order.push_back(0);
  m.f.program.framework.horizon_months = 4;
  m.compute_baselines();

  const ir::Index i = m.initiative("onboarding", 1, 2);   // starts at t = 1, 2-month ramp
  m.f.program.initiatives[i].cost_once = Decimal(10);
  m.effect(i, "churned", "-0.05", false, "3");
  const std::vector<DirectEffects> effects = m.effects(m.engine());
  CHECK(effects[i].delta[churners] == d("-0.15"));
  CHECK(effects[i].delta[percent] == Decimal());          // left to the timeline
  CHECK(effects[i].delta[per_row] == d("-0.015"));        // -0.15 / 10 rows
  const ir::Index members[] = {i};
  const Outcome o = run_timeline(m.f.program, m.baseline, members, effects);
  CHECK(o.kpi_delta_full[percent] == d("-15"));
  CHECK(o.kpi_delta_full[nps] == d("0.3"));               // -0.15 x -2
  // strength t0 0, t1 1/2, t2 1, t3 1: delta(churners) 0, -0.075, -0.15, -0.15
  // value = 0, 7.5, 15, 15 = 37.5; cost 10 at t1; net 27.5; cumulative t1 7.5 - 10 < 0, t2 12.5: payback month 3
  CHECK(o.kpi.at(1)[churners] == m.baseline[churners] + d("-0.075"));
  CHECK(o.value_npv == d("37.5"));
  CHECK(o.net_npv == d("27.5"));
  REQUIRE(o.payback_month.has_value());
  CHECK(*o.payback_month == 3);
}

TEST_CASE("a where that selects no row is a warning, and the effect changes nothing") {
  Customers m;
  const ir::Index churners = m.measure("churners", agg(Builtin::count, m.table, nullptr, m.c("churned")), {"churned"});
  m.compute_baselines();
  const ir::Index i = m.initiative("nobody");
  m.effect(i, "churned", "-0.05", false, "0");   // tenure < 0: no row
  auto columns = m.engine();
  CHECK(columns->alone(m.f.program.initiatives[i], nullptr)[churners] == Decimal());
  const auto warnings = columns->take_warnings();
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == "E180");
  // Reported once: the selection is cached.
  columns->alone(m.f.program.initiatives[i], nullptr);
  CHECK(columns->take_warnings().empty());
}

TEST_CASE("the appraisal reports E180 as a warning and still evaluates the initiative") {
  Customers m;
  m.measure("churners", agg(Builtin::count, m.table, nullptr, m.c("churned")), {"churned"});
  m.compute_baselines();
  const ir::Index i = m.initiative("nobody");
  m.effect(i, "churned", "-0.05", false, "0");
  Baselines baselines;
  for (const Decimal& b : m.baseline) baselines.values.emplace_back(b);
  Diagnostics diags;
  const auto appraisal = appraise_initiatives(m.f.program, m.f.tables, baselines, diags);
  REQUIRE(appraisal.has_value());
  CHECK(appraisal->initiatives[i].evaluated);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == "E180");
  CHECK(diags.all()[0].severity == Severity::warning);
}

TEST_CASE("a column effect without the data is a located error, not a number") {
  Customers m;
  m.measure("churners", agg(Builtin::count, m.table, nullptr, m.c("churned")), {"churned"});
  m.compute_baselines();
  const ir::Index i = m.initiative("x");
  m.effect(i, "churned", "-0.05", false, "3");
  CHECK_THROWS_AS(direct_effects(m.f.program, m.f.program.initiatives[i], m.baseline), EvalError);
}
