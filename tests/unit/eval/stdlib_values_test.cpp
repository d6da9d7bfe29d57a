// The standard library's value formulas evaluated: std/scorecard's value
// levers and status score, std/valuechain's chain arithmetic, std/clv, each
// through the real checker (imports, units per call) and the evaluator (a
// KPI whose measure calls the function on literals), against values worked
// out by hand in the comments.

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "check/checker.hpp"
#include "eval/baselines.hpp"

using namespace cxv;

namespace {

struct Evaluated {
  SourceMap sources;
  Diagnostics diags;
  std::shared_ptr<const ir::Program> program;
  eval::Baselines baselines;

  // The baseline of the KPI named `name` (base units), or nullopt.
  std::optional<Decimal> of(const std::string& name) const {
    const ir::Index k = program->find_kpi(name);
    REQUIRE(k != ir::kNone);
    return baselines.values.at(k);
  }
  const ir::Kpi& kpi(const std::string& name) const { return program->kpis.at(program->find_kpi(name)); }
  std::string codes() const {
    std::string out;
    for (const auto& d : diags.all()) out += d.code + " " + d.message + "\n";
    return out;
  }
};

// A framework with no tables whose KPIs are the given `name = formula` pairs.
std::unique_ptr<Evaluated> evaluate(const std::vector<std::pair<std::string, std::string>>& kpis) {
  std::string text =
      "framework \"Stdlib\" {\n  currency USD\n  start 2027-01\n  horizon 12 months\n  discount 0% per year\n}\n"
      "import \"std/clv\"\nimport \"std/scorecard\"\nimport \"std/valuechain\"\n"
      "stakeholder s \"S\" { weight 100% }\n";
  for (const auto& [name, formula] : kpis)
    text += "kpi " + name + " { perspective financial; stakeholders s; better higher; measure " + formula + " }\n";
  auto e = std::make_unique<Evaluated>();
  const FileId id = e->sources.add(std::string(CXV_SOURCE_DIR) + "/tests/unit/eval/stdlib.cxv", std::move(text));
  e->program = check_program(e->sources, id, e->diags, {});
  REQUIRE_MESSAGE(e->program, e->codes());
  e->baselines = eval::compute_baselines(*e->program, eval::TableSet{}, e->diags);
  return e;
}

Decimal d(const char* text) { return *Decimal::parse(text); }

}  // namespace

TEST_CASE("std/scorecard: the four value levers, by hand") {
  auto e = evaluate({
      // 60,000 customers x 0.5pp more retained x 20 USD/month = 6,000 USD/month
      {"retention", "retention_value(60000, 0.5pp, 20 USD/month)"},
      // 1,000 customers x 4 USD/month more spend x 27% margin = 1,080 USD/month
      {"spend", "spend_value(1000, 4 USD/month, 27%)"},
      // 100 new x 30 USD x 0.98 / (1 + 0.01 - 0.98) = 2,940 / 0.03 = 98,000 USD
      {"acquisition", "acquisition_value(100, 30 USD, 98%, 1%)"},
      // 2,000 customers x a cost per customer 1.50 USD/month lower = 3,000 USD/month
      {"cost_to_serve", "cost_to_serve_value(2000, -1.5 USD/month)"},
  });
  INFO(e->codes());
  CHECK(e->of("retention") == d("6000"));
  CHECK(e->of("spend") == d("1080"));
  CHECK(e->of("acquisition") == d("98000"));
  CHECK(e->of("cost_to_serve") == d("3000"));
  // Units follow the arguments: a margin per month gives a flow, a margin alone money.
  CHECK(e->kpi("retention").unit == Unit::money_per_month());
  CHECK(e->kpi("spend").unit == Unit::money_per_month());
  CHECK(e->kpi("acquisition").unit == Unit::money());
  CHECK(e->kpi("cost_to_serve").unit == Unit::money_per_month());
}

TEST_CASE("std/scorecard: acquisition value is new customers times std/clv's lifetime value") {
  auto e = evaluate({
      {"lever", "acquisition_value(250, 42 USD, 97%, 0.5%)"},
      {"by_clv", "250 * clv(42 USD, 97%, 0.5%)"},
  });
  INFO(e->codes());
  REQUIRE(e->of("lever"));
  CHECK(e->of("lever") == e->of("by_clv"));
  // 250 x 42 x 0.97 / 0.035 = 10,185 / 0.035 = 291,000
  CHECK(e->of("lever") == d("291000"));
}

TEST_CASE("std/scorecard: status score, progress and gap") {
  auto e = evaluate({
      {"score_mixed", "status_score(1, 2, 1)"},  // (100 + 100) / 4 = 50
      {"score_green", "status_score(3, 0, 0)"},  // 100
      {"score_red", "status_score(0, 0, 5)"},    // 0
      {"score_third", "status_score(1, 0, 2)"},  // 100 / 3 = 33.33...
      {"progress_quarter", "progress(10 points, 15 points, 30 points)"},  // 5 / 20 = 25%
      {"gap_left", "gap(29.2 points, 35 points)"},                         // 5.8 points
  });
  INFO(e->codes());
  CHECK(e->of("score_mixed") == d("50"));
  CHECK(e->of("score_green") == d("100"));
  CHECK(e->of("score_red") == d("0"));
  CHECK(e->of("score_third") == d("100") / d("3"));
  CHECK(e->of("progress_quarter") == d("0.25"));
  CHECK(e->kpi("progress_quarter").unit.is_ratio());
  CHECK(e->of("gap_left") == d("5.8"));
}

TEST_CASE("std/valuechain: reach, adoption, attribution, ROI and payback") {
  auto e = evaluate({
      {"per_customer", "reach_effect(40%, 50%, 10 points)"},     // 0.4 x 0.5 x 10 = 2 points
      {"total", "chain_value(10000, 40%, 25%, 12 USD)"},         // 10,000 x 0.4 x 0.25 x 12 = 12,000 USD
      {"claimed", "attributed(2pp, 60%)"},                       // 0.02 x 0.6 = 0.012
      {"return_on", "roi(150k USD, 100k USD)"},                  // 50k / 100k = 50%
      {"loss", "roi(80k USD, 100k USD)"},                        // -20%
      {"months", "payback(120k USD, 10k USD/month)"},            // 12 months
  });
  INFO(e->codes());
  CHECK(e->of("per_customer") == d("2"));
  CHECK(e->of("total") == d("12000"));
  CHECK(e->kpi("total").unit == Unit::money());
  CHECK(e->of("claimed") == d("0.012"));
  CHECK(e->of("return_on") == d("0.5"));
  CHECK(e->kpi("return_on").unit.is_ratio());
  CHECK(e->of("loss") == d("-0.2"));
  CHECK(e->of("months") == d("12"));
  CHECK(e->kpi("months").unit == Unit::of(Dim::month));
}

TEST_CASE("std/valuechain: a ROI on no cost is a located division-by-zero error, not a number") {
  auto e = evaluate({{"free", "roi(10k USD, 0 USD)"}, {"fine", "roi(2 USD, 1 USD)"}});
  CHECK_FALSE(e->of("free"));
  CHECK(e->of("fine") == d("1"));
  bool found = false;
  for (const auto& diag : e->diags.all())
    if (diag.code == "E151") found = diag.span.has_value();
  CHECK(found);
}
