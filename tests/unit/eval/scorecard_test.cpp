// Baselines in kpi_order, statuses, the roll-up score and breakdowns.

#include <doctest/doctest.h>

#include "eval/baselines.hpp"
#include "eval/breakdown.hpp"
#include "eval/scorecard.hpp"
#include "eval/status.hpp"
#include "ir_builder.hpp"

using namespace cxv;
using namespace cxv::eval;
using namespace cxv::eval::testing;
using ir::Builtin;
using ir::Op;

namespace {

Decimal d(const char* text) { return *Decimal::parse(text); }

ir::Kpi kpi_with(ir::Better better, std::optional<Decimal> target, std::optional<Decimal> green = {},
                 std::optional<Decimal> amber = {}) {
  ir::Kpi k;
  k.better = better;
  k.target = target;
  k.green = green;
  k.amber = amber;
  return k;
}

// Ten customers in two segments.
//   segment  churned  revenue
//   a        true     10      (x3 rows: true, false, false)
//   b        ...
Fixture ten_customers() {
  Fixture f;
  f.add_table("customers", {
                               {"segment", ir::ColumnKind::text, {"a", "a", "a", "b", "b", "b", "b", "b", "", ""}},
                               {"churned", ir::ColumnKind::boolean, {"true", "false", "false", "true", "true", "false", "false", "false", "false", "true"}},
                               {"revenue", ir::ColumnKind::number, {"10", "20", "30", "40", "50", "60", "70", "80", "90", "100"}},
                           });
  return f;
}

}  // namespace

TEST_CASE("status with thresholds, better lower and higher") {
  auto churn = kpi_with(ir::Better::lower, d("0.015"), d("0.015"), d("0.02"));
  CHECK(kpi_status(churn, d("0.015")) == ir::Status::green);   // at green is green
  CHECK(kpi_status(churn, d("0.0151")) == ir::Status::amber);
  CHECK(kpi_status(churn, d("0.02")) == ir::Status::amber);
  CHECK(kpi_status(churn, d("0.0201")) == ir::Status::red);
  auto nps = kpi_with(ir::Better::higher, std::nullopt, d("40"), d("30"));
  CHECK(kpi_status(nps, d("41")) == ir::Status::green);
  CHECK(kpi_status(nps, d("30")) == ir::Status::amber);
  CHECK(kpi_status(nps, d("29.9")) == ir::Status::red);
}

TEST_CASE("status against a target alone, and no status without either") {
  auto nps = kpi_with(ir::Better::higher, d("35"));
  CHECK(kpi_status(nps, d("35")) == ir::Status::green);
  CHECK(kpi_status(nps, d("34.99")) == ir::Status::red);
  auto calls = kpi_with(ir::Better::lower, d("0.5"));
  CHECK(kpi_status(calls, d("0.5")) == ir::Status::green);
  CHECK(kpi_status(calls, d("0.51")) == ir::Status::red);
  CHECK_FALSE(kpi_status(kpi_with(ir::Better::higher, std::nullopt), d("1")).has_value());
}

TEST_CASE("baselines follow kpi_order; formulas read other KPIs' baselines") {
  Fixture f = ten_customers();
  // churn = 4 / 10 = 0.4; revenue = 550; per_churner = revenue / (churn * 10) = 550 / 4 = 137.5
  const ir::Index churn = f.add_kpi("churn", agg(Builtin::share, 0, nullptr, col(f, 0, "churned")));
  const ir::Index revenue = f.add_kpi("revenue", agg(Builtin::sum, 0, col(f, 0, "revenue")));
  f.add_kpi("per_churner", bin(Op::div, kpi(revenue), bin(Op::mul, kpi(churn), num("10"))), {churn, revenue});
  Diagnostics diags;
  Baselines b = compute_baselines(f.program, f.tables, diags);
  CHECK(diags.empty());
  CHECK(b.complete());
  CHECK(b.values[0] == d("0.4"));
  CHECK(b.values[1] == Decimal(550));
  CHECK(b.values[2] == d("137.5"));
}

TEST_CASE("a failing KPI gets one located error with a note; KPIs reading it are left out silently") {
  Fixture f = ten_customers();
  const ir::Index bad = f.add_kpi("bad", agg(Builtin::mean, 0, col(f, 0, "revenue"), bin(Op::gt, col(f, 0, "revenue"), num("1000"))));
  f.program.kpis[bad].span = Span{0, 5, 10};
  f.add_kpi("reads_bad", bin(Op::mul, kpi(bad), num("2")), {bad});
  Diagnostics diags;
  Baselines b = compute_baselines(f.program, f.tables, diags);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == "E150");
  REQUIRE(diags.all()[0].notes.size() == 1);
  CHECK(diags.all()[0].notes[0].message == "while computing the baseline of KPI 'bad'");
  CHECK_FALSE(b.values[0]);
  CHECK_FALSE(b.values[1]);
  CHECK_FALSE(b.complete());
}

TEST_CASE("scorecard roll-up: perspectives, stakeholders, the weighted overall score") {
  Fixture f = ten_customers();
  ir::Program& p = f.program;
  p.stakeholders.push_back(ir::Stakeholder{"customers", "Customers", d("0.3"), {}});
  p.stakeholders.push_back(ir::Stakeholder{"shareholders", "Shareholders", d("0.7"), {}});
  p.stakeholders.push_back(ir::Stakeholder{"community", "Community", Decimal(0), {}});
  // churn 0.4, better lower, thresholds 0.3 / 0.5 -> amber (50)
  const ir::Index churn = f.add_kpi("churn", agg(Builtin::share, 0, nullptr, col(f, 0, "churned")));
  p.kpis[churn].perspective = ir::Perspective::customer;
  p.kpis[churn].better = ir::Better::lower;
  p.kpis[churn].green = d("0.3");
  p.kpis[churn].amber = d("0.5");
  p.kpis[churn].stakeholders = {0, 1};
  // revenue 550, target 500 higher -> green (100)
  const ir::Index revenue = f.add_kpi("revenue", agg(Builtin::sum, 0, col(f, 0, "revenue")));
  p.kpis[revenue].perspective = ir::Perspective::financial;
  p.kpis[revenue].target = Decimal(500);
  p.kpis[revenue].stakeholders = {1};
  // count 10, target 20 higher -> red (0)
  const ir::Index size = f.add_kpi("size", agg(Builtin::count, 0, nullptr));
  p.kpis[size].perspective = ir::Perspective::customer;
  p.kpis[size].target = Decimal(20);
  p.kpis[size].stakeholders = {0};
  // no target: no status, not counted
  const ir::Index plain = f.add_kpi("plain", agg(Builtin::count, 0, nullptr));
  p.kpis[plain].perspective = ir::Perspective::process;
  p.kpis[plain].stakeholders = {1};

  Diagnostics diags;
  Scorecard card = build_scorecard(p, compute_baselines(p, f.tables, diags));
  REQUIRE(diags.empty());
  CHECK(card.kpis[churn].status == ir::Status::amber);
  CHECK(card.kpis[revenue].status == ir::Status::green);
  CHECK(card.kpis[size].status == ir::Status::red);
  CHECK_FALSE(card.kpis[plain].status);

  // Perspectives in the fixed order, only those with KPIs.
  REQUIRE(card.perspectives.size() == 3);
  CHECK(card.perspectives[0].name == "financial");
  CHECK(card.perspectives[0].score == Decimal(100));
  CHECK(card.perspectives[1].name == "customer");
  CHECK(card.perspectives[1].score == Decimal(25));          // (50 + 0) / 2
  CHECK(card.perspectives[1].amber == 1);
  CHECK(card.perspectives[1].red == 1);
  CHECK(card.perspectives[2].name == "process");
  CHECK_FALSE(card.perspectives[2].score);                   // its one KPI has no status

  // customers: churn 50, size 0 -> 25. shareholders: churn 50, revenue 100 -> 75.
  // community: no KPI -> no score, left out of the overall.
  CHECK(card.stakeholders[0].score == Decimal(25));
  CHECK(card.stakeholders[1].score == Decimal(75));
  CHECK_FALSE(card.stakeholders[2].score);
  // overall = (0.3 * 25 + 0.7 * 75) / (0.3 + 0.7) = 7.5 + 52.5 = 60
  CHECK(card.overall == Decimal(60));
}

TEST_CASE("scores are rounded half-even to 2 places") {
  Fixture f = ten_customers();
  ir::Program& p = f.program;
  p.stakeholders.push_back(ir::Stakeholder{"s", "S", Decimal(1), {}});
  for (const char* target : {"5", "5", "50"}) {   // count 10: green, green, red
    const ir::Index k = f.add_kpi(std::string("k") + target, agg(Builtin::count, 0, nullptr));
    p.kpis[k].target = d(target);
    p.kpis[k].stakeholders = {0};
  }
  Diagnostics diags;
  Scorecard card = build_scorecard(p, compute_baselines(p, f.tables, diags));
  CHECK(card.stakeholders[0].score == d("66.67"));   // 200 / 3
  CHECK(card.overall == d("66.67"));
}

TEST_CASE("breakdown by a text column: one value per group, missing values last") {
  Fixture f = ten_customers();
  const ir::Index churn = f.add_kpi("churn", agg(Builtin::share, 0, nullptr, col(f, 0, "churned")));
  f.program.kpis[churn].tables_read = {0};
  const ir::Index mean_rev = f.add_kpi("mean_revenue", agg(Builtin::mean, 0, col(f, 0, "revenue")));
  f.program.kpis[mean_rev].tables_read = {0};
  const ir::Index twice = f.add_kpi("twice", bin(Op::mul, kpi(churn), num("2")), {churn});
  const ir::Index constant = f.add_kpi("constant", num("7"));
  Diagnostics diags;
  auto b = compute_breakdown(f.program, f.tables, "segment", diags);
  REQUIRE(b);
  CHECK(diags.empty());
  CHECK(b->kpis == std::vector<ir::Index>{churn, mean_rev, twice});
  CHECK(b->not_broken_down == std::vector<ir::Index>{constant});
  REQUIRE(b->groups.size() == 3);
  // a: rows 1-3, churn 1/3, mean (10 + 20 + 30) / 3 = 20
  CHECK(b->groups[0].value == "a");
  CHECK(b->groups[0].rows == 3);
  CHECK(b->groups[0].values[0] == Decimal(1) / Decimal(3));
  CHECK(b->groups[0].values[1] == Decimal(20));
  CHECK(b->groups[0].values[2] == Decimal(1) / Decimal(3) * Decimal(2));
  // b: rows 4-8, churn 2/5, mean (40 + ... + 80) / 5 = 60
  CHECK(b->groups[1].value == "b");
  CHECK(b->groups[1].values[0] == d("0.4"));
  CHECK(b->groups[1].values[1] == Decimal(60));
  // missing segment: rows 9-10, churn 1/2, mean 95
  CHECK(b->groups[2].missing);
  CHECK(b->groups[2].rows == 2);
  CHECK(b->groups[2].values[0] == d("0.5"));
  CHECK(b->groups[2].values[1] == Decimal(95));
}

TEST_CASE("breakdown by an unknown column names the text columns") {
  Fixture f = ten_customers();
  Diagnostics diags;
  CHECK_FALSE(compute_breakdown(f.program, f.tables, "region", diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == "E154");
  CHECK(diags.all()[0].help == "text columns: customers.segment");
}
