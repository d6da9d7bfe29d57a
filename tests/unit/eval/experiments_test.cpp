// Experiments read from CSV and compared (eval/experiments.hpp), effect sizes
// reading them on the timeline, and effective evidence grades (eval/evidence.hpp).

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "eval/evidence.hpp"
#include "eval/experiments.hpp"
#include "eval/timeline_expr.hpp"
#include "stats/intervals.hpp"

using namespace cxv;
using namespace cxv::eval;

namespace {

// A CSV file in a fresh temporary directory, removed afterwards.
class CsvFile {
 public:
  explicit CsvFile(const std::string& text) {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("cxv-experiments-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "pilot.csv").string();
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~CsvFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

ir::Program program_with(const std::string& path, const std::string& outcome = "outcome") {
  ir::Program p;
  ir::Experiment x;
  x.name = "pilot";
  x.path = path;
  x.written_path = path;
  x.arm_column = "arm";
  x.treatment = "t";
  x.control = "c";
  x.outcome = outcome;
  p.experiments.push_back(x);
  return p;
}

std::string rows(const char* arm, int count, const std::string& outcome) {
  std::string out;
  for (int i = 0; i < count; ++i) out += std::string(arm) + "," + outcome + "\n";
  return out;
}

std::optional<Experiments> run(const ir::Program& p, Diagnostics& diags) {
  SourceMap sources;
  return evaluate_experiments(p, sources, std::nullopt, diags);
}

}  // namespace

TEST_CASE("a yes/no outcome: exact difference in shares, Newcombe's interval, n per arm, ignored rows") {
  // Newcombe (1998) Table II example (a): 56/70 against 48/80.
  CsvFile f("arm,outcome\n" + rows("t", 56, "yes") + rows("t", 14, "no") + rows("c", 48, "true") + rows("c", 32, "false") +
            rows("holdout", 4, "1"));
  Diagnostics diags;
  auto r = run(program_with(f.path()), diags);
  INFO(diags.all().size());
  REQUIRE(r);
  const ExperimentResult& x = r->at(0);
  CHECK(x.binary);
  CHECK(x.n_treatment == 70);
  CHECK(x.n_control == 80);
  CHECK(x.ignored_rows == 4);
  CHECK(x.treatment_mean == Decimal::from_scaled(8, 1));
  CHECK(x.control_mean == Decimal::from_scaled(6, 1));
  CHECK(x.effect == Decimal::from_scaled(2, 1));   // exact, not 0.19999...
  // 0.0524 to 0.3339 in the paper; kept to 6 significant digits.
  const stats::Interval ref = stats::newcombe_difference(56, 70, 48, 80, 0.95);
  CHECK(x.low == round_statistic(ref.low));
  CHECK(x.high == round_statistic(ref.high));
  CHECK(x.low.round(4) == Decimal::from_scaled(524, 4));
  CHECK(x.high.round(4) == Decimal::from_scaled(3339, 4));
  CHECK(!x.welch_df);
  CHECK(!x.sample_ratio_mismatch);
  CHECK(diags.all().empty());
}

TEST_CASE("a numeric outcome: exact difference in means and Welch's interval") {
  // The golden case's data (tests/golden/run/experiments_means.cxv); SciPy
  // gives df 15.784, interval -4.510088 to -1.664912.
  CsvFile f("arm,outcome\nt,9.5\nt,11.0\nt,8.5\nt,10.0\nt,12.5\nt,9.0\nt,10.5\nt,11.5\n"
            "c,12.0\nc,14.5\nc,11.0\nc,13.5\nc,16.0\nc,12.5\nc,15.0\nc,13.0\nc,14.0\nc,12.5\n");
  Diagnostics diags;
  auto r = run(program_with(f.path()), diags);
  REQUIRE(r);
  const ExperimentResult& x = r->at(0);
  CHECK(!x.binary);
  CHECK(x.effect == Decimal::parse("-3.0875").value());
  CHECK(x.low == Decimal::parse("-4.51009").value());
  CHECK(x.high == Decimal::parse("-1.66491").value());
  REQUIRE(x.welch_df);
  CHECK(*x.welch_df == Decimal::parse("15.7840").value());
}

TEST_CASE("an arm without rows, or a numeric arm with one row, is a located error (E170)") {
  {
    CsvFile f("arm,outcome\n" + rows("t", 5, "yes") + rows("C", 5, "no"));
    Diagnostics diags;
    CHECK(!run(program_with(f.path()), diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == "E170");
    CHECK(diags.all()[0].message.find("control arm \"c\"") != std::string::npos);
    CHECK(diags.all()[0].help.find("\"C\"") != std::string::npos);
  }
  {
    CsvFile f("arm,outcome\nt,1.5\nt,2.5\nc,3.5\n");
    Diagnostics diags;
    CHECK(!run(program_with(f.path()), diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == "E170");
    CHECK(diags.all()[0].message.find("only one row") != std::string::npos);
  }
}

TEST_CASE("a missing outcome or a missing file is a data error located in the CSV") {
  {
    CsvFile f("arm,outcome\nt,1.5\nt,\nc,3.5\nc,2\n");
    Diagnostics diags;
    CHECK(!run(program_with(f.path()), diags));
    REQUIRE(!diags.all().empty());
    CHECK(diags.all()[0].code == "E114");
  }
  {
    Diagnostics diags;
    CHECK(!run(program_with("/nonexistent/cxv/pilot.csv"), diags));
    REQUIRE(!diags.all().empty());
    CHECK(diags.all()[0].code == "E100");
  }
}

TEST_CASE("sample-ratio mismatch: a warning below p = 0.001, against the declared split") {
  {
    CsvFile f("arm,outcome\n" + rows("t", 700, "no") + rows("c", 500, "no"));
    Diagnostics diags;
    auto r = run(program_with(f.path()), diags);
    REQUIRE(r);   // a warning: the run goes on
    CHECK(r->at(0).sample_ratio_mismatch);
    CHECK(r->at(0).srm_p_value.to_double() == doctest::Approx(7.764e-9).epsilon(1e-3));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == "E171");
    CHECK(diags.all()[0].message ==
          "experiment 'pilot' planned 50% of its rows in treatment but has 700 of 1200 (58.3%); "
          "a split this far off happens by chance with p = 0.00000000776");
    CHECK(!diags.has_errors());
  }
  {
    // The same sizes are exactly what a 7:5 plan expects.
    CsvFile f("arm,outcome\n" + rows("t", 700, "no") + rows("c", 500, "no"));
    ir::Program p = program_with(f.path());
    p.experiments[0].split = Decimal(7) / Decimal(12);
    Diagnostics diags;
    auto r = run(p, diags);
    REQUIRE(r);
    CHECK(!r->at(0).sample_ratio_mismatch);
    CHECK(diags.all().empty());
  }
}

TEST_CASE("the rounded interval ends: 6 significant digits, never past the exact estimate") {
  CHECK(round_statistic(0.0523820172) == Decimal::parse("0.0523820").value());
  CHECK(round_statistic(-1234567.89) == Decimal(-1234570));
  CHECK(round_statistic(0) == Decimal());
  CHECK_THROWS_AS(round_statistic(std::nan("")), ArithmeticError);
}

TEST_CASE("effect sizes read the experiment on the timeline; a yes/no estimate only moves a share (E172)") {
  Experiments xs;
  ExperimentResult r;
  r.binary = true;
  r.n_treatment = 70;
  r.n_control = 80;
  r.effect = Decimal::from_scaled(2, 1);
  r.low = Decimal::parse("0.0523820").value();
  r.high = Decimal::parse("0.333893").value();
  xs.results.push_back(r);
  ir::Program p;
  p.experiments.push_back(ir::Experiment{});
  p.experiments[0].name = "pilot";
  p.experiments[0].outcome = "churned";
  std::vector<Decimal> none;
  DataAggregates data;
  data.experiments = &xs;
  TimelineScope s;
  s.program = &p;
  s.baseline = &none;
  s.scenario = &none;
  s.data = &data;
  ir::Expr e;
  e.kind = ir::ExprKind::experiment_field;
  e.ref = 0;
  e.unit = Unit::ratio_unit();
  e.field = ir::ExperimentField::effect;
  CHECK(timeline_number(e, s) == r.effect);
  e.field = ir::ExperimentField::low;
  CHECK(timeline_number(e, s) == r.low);
  e.field = ir::ExperimentField::high;
  CHECK(timeline_number(e, s) == r.high);
  e.field = ir::ExperimentField::n;
  e.unit = Unit::plain();
  CHECK(timeline_number(e, s) == Decimal(150));
  e.field = ir::ExperimentField::effect;
  e.unit = Unit::of(Dim::minute);
  try {
    timeline_number(e, s);
    FAIL("expected E172");
  } catch (const EvalError& err) {
    CHECK(err.code == "E172");
    CHECK(err.message.find("'pilot'") != std::string::npos);
  }
  // Without experiments evaluated (a scope with no data), it is not a number.
  s.data = nullptr;
  e.unit = Unit::ratio_unit();
  CHECK_THROWS_AS(timeline_number(e, s), EvalError);
}

TEST_CASE("effective grade: the weakest on the path, through drivers in order") {
  // nps --(d1: correlational)--> churn --(d2: benchmark)--> calls; revenue unconnected.
  ir::Program p;
  p.kpis.resize(4);   // 0 nps, 1 churn, 2 calls, 3 revenue
  ir::Driver d1;
  d1.name = "nps_to_churn";
  d1.evidence.grade = ir::Grade::correlational;
  ir::DriverRule r1;
  r1.kpi = 1;
  r1.kpis_read = {0};
  d1.rules.push_back(std::move(r1));
  ir::Driver d2;
  d2.name = "churn_to_calls";
  d2.evidence.grade = ir::Grade::benchmark;
  ir::DriverRule r2;
  r2.kpi = 2;
  r2.kpis_read = {1};
  d2.rules.push_back(std::move(r2));
  ir::Driver d3;   // no grade: counts as assumed
  d3.name = "revenue_to_revenue";
  ir::DriverRule r3;
  r3.kpi = 3;
  r3.kpis_read = {};
  d3.rules.push_back(std::move(r3));
  p.drivers.push_back(std::move(d1));
  p.drivers.push_back(std::move(d2));
  p.drivers.push_back(std::move(d3));
  p.driver_order = {{0, 0}, {1, 0}, {2, 0}};
  auto initiative = [&](ir::Grade g, std::vector<ir::Index> moves) {
    ir::Initiative i;
    i.evidence.grade = g;
    i.kpis_moved = std::move(moves);
    p.initiatives.push_back(std::move(i));
  };
  initiative(ir::Grade::experiment, {0});      // through d1 and d2: benchmark, limited by d2
  initiative(ir::Grade::experiment, {1});      // through d2 only: benchmark
  initiative(ir::Grade::experiment, {2});      // no driver reads calls: experiment
  initiative(ir::Grade::none, {2});            // no grade: assumed
  initiative(ir::Grade::assumed, {0});         // already the weakest: assumed, no limiter
  const EvidenceGrades g = effective_grades(p);
  CHECK(g.initiatives[0].declared == ir::Grade::experiment);
  CHECK(g.initiatives[0].effective == ir::Grade::benchmark);
  CHECK(g.initiatives[0].limited_by == 1);
  CHECK(g.initiatives[1].effective == ir::Grade::benchmark);
  CHECK(g.initiatives[2].effective == ir::Grade::experiment);
  CHECK(g.initiatives[2].limited_by == ir::kNone);
  CHECK(g.initiatives[3].declared == ir::Grade::none);
  CHECK(g.initiatives[3].effective == ir::Grade::assumed);
  CHECK(g.initiatives[4].effective == ir::Grade::assumed);
  CHECK(g.initiatives[4].limited_by == ir::kNone);
  // Drivers: d1 correlational alone; d2 benchmark (its own, weaker than d1); d3 assumed.
  CHECK(g.drivers[0].effective == ir::Grade::correlational);
  CHECK(g.drivers[1].effective == ir::Grade::benchmark);
  CHECK(g.drivers[1].limited_by == ir::kNone);
  CHECK(g.drivers[2].effective == ir::Grade::assumed);
  // A strong driver fed by a weak one inherits the weakness.
  p.drivers[1].evidence.grade = ir::Grade::experiment;
  const EvidenceGrades h = effective_grades(p);
  CHECK(h.drivers[1].effective == ir::Grade::correlational);
  CHECK(h.drivers[1].limited_by == 0);
  CHECK(h.initiatives[1].effective == ir::Grade::experiment);   // moves churn directly: only d2 on its path
}
