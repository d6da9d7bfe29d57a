// The embedding API carries the experiments (RunResult::experiments) and an
// effect size that reads one moves its KPI by the experiment's estimate.

#include <doctest/doctest.h>

#include <string>

#include "check/ir.hpp"
#include "cxv/cxv.hpp"
#include "eval/appraisal.hpp"
#include "eval/experiments.hpp"
#include "numeric/decimal.hpp"

using namespace cxv;

TEST_CASE("run_file: experiments computed, and an initiative's effect reads the estimate and the interval's end") {
  // tests/golden/run/experiments_proportions.cxv: 48/80 churned against 56/70.
  const RunResult r = run_file(std::string(CXV_SOURCE_DIR) + "/tests/golden/run/experiments_proportions.cxv");
  REQUIRE(r.ok());
  REQUIRE(r.experiments);
  const eval::ExperimentResult& x = r.experiments->at(0);
  CHECK(x.effect == Decimal::from_scaled(-2, 1));
  CHECK(x.n_treatment == 80);
  CHECK(x.n_control == 70);
  CHECK(x.ignored_rows == 3);
  const ir::Index churn = r.program->find_kpi("churn");
  const ir::Index outreach = r.program->find_initiative("outreach");
  const ir::Index cautious = r.program->find_initiative("outreach_cautious");
  REQUIRE(r.appraisal);
  CHECK(r.appraisal->initiatives.at(outreach).evaluated);
  CHECK(r.appraisal->initiatives.at(outreach).alone.kpi_delta_full.at(churn) == x.effect);
  CHECK(r.appraisal->initiatives.at(cautious).alone.kpi_delta_full.at(churn) == x.high);
  // The same input gives the same digits.
  const RunResult again = run_file(std::string(CXV_SOURCE_DIR) + "/tests/golden/run/experiments_proportions.cxv");
  CHECK(render_run(again, {RunFormat::json}) == render_run(r, {RunFormat::json}));
}

TEST_CASE("run_source: a broken experiment fails the run with a located error and no results") {
  const std::string text = R"(framework "F" {
  currency USD
  start 2027-01
  horizon 12 months
}
experiment pilot from ")" + std::string(CXV_SOURCE_DIR) + R"(/tests/golden/run/data/experiment_pilot.csv" {
  arm group: treatment "outreach", control "nobody"
  outcome churned
}
)";
  const RunResult r = run_source("inline.cxv", text);
  CHECK(!r.ok());
  CHECK(!r.experiments);
  bool found = false;
  for (const Diagnostic& d : r.diagnostics.all()) found = found || d.code == "E170";
  CHECK(found);
}

TEST_CASE("the flagship: the onboarding pilot is evaluated and drives the onboarding initiative") {
  const RunResult r = run_file(std::string(CXV_SOURCE_DIR) + "/examples/telecom/telecom.cxv");
  REQUIRE(r.ok());
  REQUIRE(r.experiments);
  const ir::Index pilot = r.program->find_experiment("onboarding_pilot");
  REQUIRE(pilot != ir::kNone);
  const eval::ExperimentResult& x = r.experiments->at(pilot);
  CHECK(x.binary);
  CHECK(x.n() > 0);
  CHECK(x.effect == x.treatment_mean - x.control_mean);
  CHECK(x.low < x.effect);
  CHECK(x.effect < x.high);
  const ir::Index onboarding = r.program->find_initiative("onboarding");
  REQUIRE(onboarding != ir::kNone);
  CHECK(r.appraisal->initiatives.at(onboarding).evaluated);
  const std::string json = render_run(r, {RunFormat::json});
  CHECK(json.find("\"name\": \"onboarding_pilot\"") != std::string::npos);
  CHECK(json.find("\"interval_method\": \"newcombe_hybrid_score\"") != std::string::npos);
}
