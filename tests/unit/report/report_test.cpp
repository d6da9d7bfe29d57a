// The four renderings of a scorecard built by hand: exact JSON digits,
// RFC 4180 quoting, Markdown escaping, aligned text and colour only on request.

#include <doctest/doctest.h>

#include "../eval/ir_builder.hpp"
#include "eval/baselines.hpp"
#include "eval/breakdown.hpp"
#include "eval/scorecard.hpp"
#include "report/display.hpp"
#include "report/report.hpp"

using namespace cxv;
using namespace cxv::eval;
using namespace cxv::eval::testing;
using ir::Builtin;
using ir::Op;

namespace {

Decimal d(const char* text) { return *Decimal::parse(text); }

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// churn: 1 of 3 known rows (the 4th is missing) = 1/3, thresholds 30% / 40%, lower -> amber.
// revenue: sum 1234567.891 USD, target 1M, higher -> green.
struct Sample {
  Fixture f;
  Scorecard card;
  std::optional<Breakdown> breakdown;

  Sample() {
    f.add_table("customers", {{"segment", ir::ColumnKind::text, {"x,y", "x,y", "z", "z"}},
                              {"churned", ir::ColumnKind::boolean, {"1", "no", "false", ""}},
                              {"revenue", ir::ColumnKind::number, {"1000000", "234567.891", "0", "0"}}});
    ir::Program& p = f.program;
    p.framework.title = "Acme | \"CX\"";
    p.framework.currency = "USD";
    p.framework.start_year = 2027;
    p.framework.start_month = 1;
    p.framework.horizon_months = 36;
    p.framework.discount_per_year = d("0.08");
    p.stakeholders.push_back(ir::Stakeholder{"customers", "Customers", Decimal(1), {}});
    const ir::Index churn = f.add_kpi("churn", agg(Builtin::share, 0, nullptr, col(f, 0, "churned")));
    ir::Kpi& c = p.kpis[churn];
    c.title = "Churn, monthly";
    c.perspective = ir::Perspective::customer;
    c.category = ir::Category::retention;
    c.unit = Unit::ratio_unit();
    c.better = ir::Better::lower;
    c.green = d("0.3");
    c.amber = d("0.4");
    c.stakeholders = {0};
    c.tables_read = {0};
    const ir::Index revenue = f.add_kpi("revenue", agg(Builtin::sum, 0, col(f, 0, "revenue")));
    ir::Kpi& r = p.kpis[revenue];
    r.title = "Revenue";
    r.perspective = ir::Perspective::financial;
    r.unit = Unit::money();
    r.display.text = "USD";
    r.target = d("1000000");
    r.tables_read = {0};
    Diagnostics diags;
    card = build_scorecard(p, compute_baselines(p, f.tables, diags));
    REQUIRE(diags.empty());
    breakdown = compute_breakdown(p, f.tables, "segment", diags);
    REQUIRE(breakdown);
  }

  report::RunReport run(bool with_breakdown = false) const {
    return report::RunReport{&f.program, &card, with_breakdown ? &*breakdown : nullptr, "9.9.9"};
  }
};

}  // namespace

TEST_CASE("display: thousands, percentages, money to the cent half-even") {
  CHECK(report::group_thousands("1234567.891") == "1,234,567.891");
  CHECK(report::group_thousands("-1234") == "-1,234");
  CHECK(report::group_thousands("999") == "999");
  CHECK(report::minor_unit_places("JPY") == 0);
  CHECK(report::minor_unit_places("EUR") == 2);
  Sample s;
  const ir::Kpi& churn = s.f.program.kpis[0];
  const ir::Kpi& revenue = s.f.program.kpis[1];
  CHECK(report::show_value(s.f.program, churn, d("0.015")) == "1.50%");
  CHECK(report::show_value(s.f.program, churn, Decimal(1) / Decimal(3)) == "33.33%");
  CHECK(report::show_value(s.f.program, revenue, d("1234567.885")) == "1,234,567.88 USD");   // half-even
  CHECK(report::show_value(s.f.program, revenue, d("1234567.895")) == "1,234,567.90 USD");
  CHECK(report::show_value(s.f.program, revenue, std::optional<Decimal>()) == "—");
  CHECK(report::show_bar(s.f.program, churn, d("0.3")) == "≤ 30.00%");
  CHECK(report::display_width("≤ 30.00%") == 8);
}

TEST_CASE("JSON: the contract's keys, exact digits, ratios as fractions, nulls") {
  Sample s;
  const std::string json = report::render_json(s.run());
  CHECK(contains(json, "\"name\": \"Acme | \\\"CX\\\"\""));
  CHECK(contains(json, "\"currency\": \"USD\""));
  CHECK(contains(json, "\"start\": \"2027-01\""));
  CHECK(contains(json, "\"horizon_months\": 36"));
  CHECK(contains(json, "\"discount_per_year\": 0.08"));
  // 1/3 rounded to 34 significant digits, written with every digit, no exponent.
  CHECK(contains(json, "\"baseline\": 0.3333333333333333333333333333333333"));
  CHECK(contains(json, "\"baseline\": 1234567.891"));
  CHECK(contains(json, "\"target\": 1000000"));
  CHECK(contains(json, "\"thresholds\": {\n          \"green\": 0.3,\n          \"amber\": 0.4\n        }"));
  CHECK(contains(json, "\"status\": \"amber\""));
  CHECK(contains(json, "\"status\": \"green\""));
  CHECK(contains(json, "\"category\": null"));
  CHECK(contains(json, "\"perspectives\": ["));
  CHECK(contains(json, "\"overall_score\": 50"));   // customers: churn amber = 50
  CHECK_FALSE(contains(json, "\"breakdown\""));
  CHECK_FALSE(contains(json, "e+"));
  // Deterministic: the same input renders byte for byte the same.
  CHECK(report::render_json(s.run()) == json);
}

TEST_CASE("JSON breakdown: groups with exact values") {
  Sample s;
  const std::string json = report::render_json(s.run(true));
  CHECK(contains(json, "\"breakdown\": {"));
  CHECK(contains(json, "\"value\": \"x,y\""));
  // group x,y: churn 1/2, revenue 1234567.891; group z: churn 0/1, revenue 0
  CHECK(contains(json, "\"churn\": 0.5"));
  CHECK(contains(json, "\"revenue\": 1234567.891"));
  CHECK(contains(json, "\"churn\": 0,"));
}

TEST_CASE("CSV: RFC 4180 quoting, CRLF, exact values") {
  Sample s;
  const std::string csv = report::render_csv(s.run());
  CHECK(csv.rfind("kpi,title,perspective,category,stakeholders,unit,better,baseline,target,green,amber,status\r\n", 0) == 0);
  CHECK(contains(csv, "churn,\"Churn, monthly\",customer,retention,customers,ratio,lower,0.3333333333333333333333333333333333,,0.3,0.4,amber\r\n"));
  CHECK(contains(csv, "revenue,Revenue,financial,,,USD,higher,1234567.891,1000000,,,green\r\n"));
  const std::string by = report::render_csv(s.run(true));
  CHECK(contains(by, "kpi,segment,rows,value,unit\r\n"));
  CHECK(contains(by, "churn,\"x,y\",2,0.5,ratio\r\n"));
}

TEST_CASE("Markdown: pipe tables with escaped pipes") {
  Sample s;
  const std::string md = report::render_markdown(s.run(true));
  CHECK(md.rfind("# Acme \\| \"CX\"\n", 0) == 0);
  CHECK(contains(md, "| KPI | Perspective | Baseline | Target | Green / amber | Status |\n| --- | --- | ---: | ---: | ---: | --- |\n"));
  CHECK(contains(md, "| Churn, monthly (`churn`) | customer | 33.33% |  | ≤ 30.00% / ≤ 40.00% | amber |"));
  CHECK(contains(md, "| Revenue (`revenue`) | financial | 1,234,567.89 USD | ≥ 1,000,000.00 USD |  | green |"));
  CHECK(contains(md, "## By segment"));
}

TEST_CASE("table: aligned columns, colour only when asked") {
  Sample s;
  const std::string plain = report::render_table(s.run(), {false});
  CHECK_FALSE(contains(plain, "\x1b["));
  CHECK(contains(plain, "Churn, monthly (churn)"));
  CHECK(contains(plain, "1,234,567.89 USD"));
  CHECK(contains(plain, "Overall score: 50.00"));
  // Every line of the KPI table has the Status column at the same display position.
  const std::string colored = report::render_table(s.run(), {true});
  CHECK(contains(colored, "\x1b[33mamber\x1b[0m"));
  CHECK(contains(colored, "\x1b[32mgreen\x1b[0m"));
  const auto header = plain.find("  KPI ");
  const auto line_start = plain.rfind('\n', header) + 1;
  const auto status_col = report::display_width(plain.substr(line_start, plain.find("Status", header) - line_start));
  const auto amber = plain.find("amber\n");
  const auto amber_line = plain.rfind('\n', amber) + 1;
  CHECK(report::display_width(plain.substr(amber_line, amber - amber_line)) == status_col);
}
