// Funding rules, the optimizer's problem, joint evaluation and the frontier
// (eval/portfolio_*.hpp, docs/funding.md), on small frameworks checked from
// text. KPIs are constants (no tables), so every figure is worked out by hand
// in the comment next to it: no discounting, horizon 12 months, start at once,
// no ramp, so a flow of X USD/month is worth 12 X.

#include <doctest/doctest.h>

#include <string>

#include "check/checker.hpp"
#include "check/ir.hpp"
#include "eval/appraisal.hpp"
#include "eval/baselines.hpp"
#include "eval/portfolio_context.hpp"
#include "eval/portfolio_problem.hpp"
#include "eval/portfolio_run.hpp"
#include "eval/tables.hpp"

using namespace cxv;
using namespace cxv::eval;

namespace {

Decimal d(const char* text) { return *Decimal::parse(text); }

const char* kHeader = R"(
framework "Funding test" {
  currency USD
  start 2027-01
  horizon 12 months
  discount 0% per year
}
stakeholder customers "Customers" { weight 50% }
stakeholder shareholders "Shareholders" { weight 50% }
kpi arpu "Revenue per account" {
  perspective financial
  stakeholders shareholders
  measure 100 USD/month
  better higher
}
kpi sat "Satisfaction" {
  perspective customer
  stakeholders customers
  measure 7 points
  better higher
  target 8 points
}
value revenue "Extra revenue" for shareholders = delta(arpu) * 10
)";

// A checked, appraised framework.
struct Run {
  SourceMap sources;
  Diagnostics diags;
  std::shared_ptr<const ir::Program> program;
  std::optional<TableSet> tables;
  Baselines baselines;
  std::optional<Appraisal> appraisal;
  std::vector<Decimal> baseline;

  explicit Run(const std::string& body) {
    const FileId f = sources.add("funding_test.cxv", std::string(kHeader) + body);
    program = check_program(sources, f, diags, CheckOptions{});
    REQUIRE_MESSAGE(program, render());
    tables = load_tables(*program, sources, LoadRequest{}, diags);
    REQUIRE(tables);
    baselines = compute_baselines(*program, *tables, diags);
    REQUIRE(baselines.complete());
    appraisal = appraise_initiatives(*program, *tables, baselines, diags);
    REQUIRE(appraisal);
    for (const auto& v : baselines.values) baseline.push_back(v.value_or(Decimal()));
  }

  std::string render() const {
    std::string out;
    for (const auto& x : diags.all()) out += x.code + ": " + x.message + "\n";
    return out;
  }

  ir::Index initiative(const std::string& name) const { return program->find_initiative(name); }

  std::optional<PortfolioResult> choose(const PortfolioOptions& options = {}) {
    return choose_portfolio(*program, sources, *tables, baselines, *appraisal, diags, options);
  }

  bool has(const std::string& code) const {
    for (const auto& x : diags.all())
      if (x.code == code) return true;
    return false;
  }
};

portfolio::Problem problem_of(Run& r) {
  PortfolioContext context(*r.program, r.baseline, *r.appraisal);
  return build_problem(*r.program, r.sources, *r.appraisal, context);
}

}  // namespace

TEST_CASE("reject when and require decide per initiative, quoting the first rule that excludes it") {
  // a: sat -1 point (degrades), b: cost 600 with benchmark evidence, c: moves
  // only arpu (no experience impact), ok: sat +1 point, experiment evidence.
  Run r(R"(
initiative a { cost 100 USD once  effect sat -1 points  evidence correlational "x" }
initiative b { cost 600 USD once  effect sat +1 points  evidence benchmark "vendor" }
initiative c { cost 100 USD once  effect arpu +1 USD/month  evidence correlational "x" }
initiative ok { cost 100 USD once  effect sat +1 points  evidence correlational "x" }
funding {
  reject when effect(sat) < 0 points   "would degrade the experience"
  reject when cost > 500 USD and evidence < correlational "big bet on weak evidence"
  require experience_impact
}
)");
  const portfolio::Problem p = problem_of(r);
  REQUIRE(p.candidates.size() == 4);
  CHECK(p.candidates[0].rejected_by == std::optional<std::string>(
                                           "reject when effect(sat) < 0 points \"would degrade the experience\""));
  CHECK(p.candidates[1].rejected_by == std::optional<std::string>(
                                           "reject when cost > 500 USD and evidence < correlational \"big bet on weak evidence\""));
  CHECK(p.candidates[2].rejected_by == std::optional<std::string>("require experience_impact"));
  CHECK_FALSE(p.candidates[3].rejected_by);
  // ok: sat +1 point moves no money value: value NPV 0, cost 100 -> net NPV -100.
  CHECK(p.candidates[3].objective == d("-100"));
  CHECK(p.candidates[3].cost == d("100"));
}

TEST_CASE("the problem carries requires, excludes, must fund, share rules and the attributes they count") {
  Run r(R"(
initiative a { cost 100 USD once  effect arpu +1 USD/month  stage strategic  activity know_customers }
initiative b { requires a  excludes c  cost 200 USD once  effect sat +1 points  stage cost_takeout }
initiative c { cost 300 USD once  effect arpu +2 USD/month }
funding {
  budget 1000 USD   # the first year
  at least 30% of budget to stage strategic
  at most 40% of budget to perspective customer
  must fund c
}
)");
  const portfolio::Problem p = problem_of(r);
  REQUIRE(p.budget);
  CHECK(*p.budget == d("1000"));
  CHECK(p.budget_text == "budget 1000 USD");
  CHECK(p.candidates[1].requires_ == std::vector<std::size_t>{0});
  CHECK(p.candidates[1].excludes == std::vector<std::size_t>{2});
  CHECK(p.candidates[2].must_fund);
  CHECK(p.candidates[2].must_fund_text == "must fund c");
  CHECK(p.candidates[0].attributes.at("stage") == "strategic");
  CHECK(p.candidates[0].attributes.at("activity") == "know_customers");
  CHECK(p.candidates[0].attributes.at("perspective") == "financial");
  CHECK(p.candidates[1].attributes.at("perspective") == "customer");
  CHECK(p.candidates[2].attributes.count("stage") == 0);
  REQUIRE(p.shares.size() == 2);
  CHECK(p.shares[0].text == "at least 30% of budget to stage strategic");
  CHECK(p.shares[0].share == d("0.3"));
  CHECK(p.shares[1].bound == portfolio::ShareRule::Bound::at_most);
  CHECK(p.shares[1].dimension == "perspective");
  CHECK(p.shares[1].value == "customer");
  // a: +1 USD/month x 10 accounts x 12 months = 120 - 100 = 20.
  CHECK(p.candidates[0].objective == d("20"));
  // c: 2 x 10 x 12 = 240 - 300 = -60.
  CHECK(p.candidates[2].objective == d("-60"));
}

TEST_CASE("an objective formula is evaluated per initiative through an explicit rate") {
  // happy = delta(sat) / 1 points * 10: a +2 points -> 20 happier accounts.
  // objective: net NPV + 5 USD per happier account = (0 - 100) + 100 = 0 for a;
  // b: arpu +1 -> net NPV 120 - 100 = 20, happy 0 -> 20.
  Run r(R"(
value happy "Happier accounts" for customers = delta(sat) / 1 points * 10
initiative a { cost 100 USD once  effect sat +2 points }
initiative b { cost 100 USD once  effect arpu +1 USD/month }
funding { objective net_npv + 5 USD * happy }
)");
  const portfolio::Problem p = problem_of(r);
  CHECK(p.candidates[0].objective == d("0"));
  CHECK(p.candidates[1].objective == d("20"));
  auto chosen = r.choose();
  REQUIRE(chosen);
  // No budget: b (20) is funded; a ties at 0 and the tie-break (lower cost,
  // then declaration order... a portfolio without a costs less) leaves it out.
  CHECK(chosen->initiatives[1].funded);
  CHECK_FALSE(chosen->initiatives[0].funded);
  CHECK(chosen->initiatives[0].kind == portfolio::ReasonKind::tie);
  CHECK(chosen->objective == d("20"));
  CHECK(chosen->objective_text == "net_npv + 5 USD * happy");
  CHECK_FALSE(chosen->objective_is_net_npv);
}

TEST_CASE("a binding budget: the best set, ranks, reasons and what it would take") {
  // net NPVs: a 12*10*10 - 500 = 700, b 960 - 400 = 560, c 720 - 300 = 420.
  // Budget 800: a + c = 800 -> 1,120 (a + b = 900 does not fit; b + c 980).
  Run r(R"(
initiative a { cost 500 USD once  effect arpu +10 USD/month }
initiative b { cost 400 USD once  effect arpu +8 USD/month }
initiative c { cost 300 USD once  effect arpu +6 USD/month }
funding { budget 800 USD }
)");
  auto chosen = r.choose();
  REQUIRE(chosen);
  CHECK(chosen->status == portfolio::Status::optimal);
  CHECK(chosen->funded == std::vector<ir::Index>{0, 2});
  CHECK(chosen->initiatives[0].rank == std::optional<std::size_t>(1));
  CHECK(chosen->initiatives[2].rank == std::optional<std::size_t>(2));
  CHECK(chosen->objective == d("1120"));
  CHECK(chosen->cost == d("800"));
  CHECK(chosen->net_npv == d("1120"));
  // Linear values: joint equals the sum of the parts, nothing to report.
  CHECK(chosen->joint.net_npv == d("1120"));
  CHECK(chosen->differences.empty());
  const InitiativeDecision& b = chosen->initiatives[1];
  CHECK(b.kind == portfolio::ReasonKind::budget);
  // With b: b + a = 900 -> 1,260 >= 1,120, so 100 more budget funds it without loss.
  CHECK(b.extra_budget == std::optional<Decimal>(d("100")));
  // Within 800, the best set with b is b + c = 980: 140 short.
  CHECK(b.extra_objective == std::optional<Decimal>(d("140")));
  // Frontier: 160, 320, ..., 1,600 (budget x 2k / 10).
  REQUIRE(chosen->frontier.size() == 10);
  CHECK(chosen->frontier[0].budget == d("160"));
  CHECK(chosen->frontier[0].funded.empty());
  CHECK(chosen->frontier[1].budget == d("320"));   // c alone: 420
  CHECK(chosen->frontier[1].objective == d("420"));
  CHECK(chosen->frontier[4].budget == d("800"));
  CHECK(chosen->frontier[4].objective == d("1120"));
  CHECK(chosen->frontier[9].budget == d("1600"));  // all three, 1,200: 1,680
  CHECK(chosen->frontier[9].objective == d("1680"));
}

TEST_CASE("the funded set is evaluated jointly: a saturating driver makes the joint value less than the sum") {
  // Driver: arpu += min(delta(sat) * 2 USD/month/points, 10 USD/month).
  // p, q: sat +4 each -> alone arpu +8 -> value 8 * 10 * 12 = 960, net 860.
  // Jointly: sat +8 -> arpu min(16, 10) = 10 -> value 1,200, net 1,000.
  Run r(R"(
driver lift "Satisfaction lifts revenue, up to a point" {
  arpu += min(delta(sat) * 2 USD/month/points, 10 USD/month)
  evidence assumed
}
initiative p { cost 100 USD once  effect sat +4 points }
initiative q { cost 100 USD once  effect sat +4 points }
funding { require experience_impact }
)");
  auto chosen = r.choose();
  REQUIRE(chosen);
  CHECK(chosen->funded.size() == 2);
  CHECK(chosen->net_npv == d("1720"));
  CHECK(chosen->joint.net_npv == d("1000"));
  REQUIRE(chosen->differences.size() == 2);
  CHECK(chosen->differences[0].of == JointDifference::Of::value);
  CHECK(chosen->differences[0].joint == d("1200"));
  CHECK(chosen->differences[0].sum_of_parts == d("1920"));
  CHECK(chosen->differences[1].of == JointDifference::Of::kpi);
  CHECK(chosen->differences[1].index == r.program->find_kpi("arpu"));
  CHECK(chosen->differences[1].joint == d("10"));
  CHECK(chosen->differences[1].sum_of_parts == d("16"));
  // No budget: no frontier.
  CHECK(chosen->frontier.empty());
}

TEST_CASE("rules that cannot all hold are E161, naming each rule") {
  Run r(R"(
initiative big { cost 800 USD once  effect arpu +10 USD/month  stage strategic }
initiative small { cost 100 USD once  effect arpu +1 USD/month }
funding {
  budget 500 USD
  must fund big
}
)");
  CHECK_FALSE(r.choose());
  REQUIRE(r.has("E161"));
  const Diagnostic& e = r.diags.all().back();
  CHECK(e.message.find("'budget 500 USD'") != std::string::npos);
  CHECK(e.message.find("'must fund big'") != std::string::npos);
  CHECK(e.notes.size() == 2);
}

TEST_CASE("contradictory share rules are E161 located at the share rules") {
  Run r(R"(
initiative a { cost 100 USD once  effect arpu +10 USD/month  stage strategic }
funding {
  budget 1000 USD
  at least 50% of budget to stage strategic
}
)");
  CHECK_FALSE(r.choose());
  REQUIRE(r.has("E161"));
  const Diagnostic& e = r.diags.all().back();
  CHECK(e.message.find("'at least 50% of budget to stage strategic'") != std::string::npos);
  bool located = false;
  for (const Note& n : e.notes)
    if (n.span && n.span->begin != r.program->funding->span.begin) located = true;
  CHECK(located);
}

TEST_CASE("a must fund of a rejected initiative conflicts with the rule that rejects it") {
  Run r(R"(
initiative a { cost 700 USD once  effect arpu +10 USD/month }
funding {
  reject when cost > 500 USD "too big"
  must fund a
}
)");
  CHECK_FALSE(r.choose());
  REQUIRE(r.has("E161"));
  CHECK(r.diags.all().back().message.find("reject when cost > 500 USD \"too big\"") != std::string::npos);
}

TEST_CASE("a share rule without a budget is E163; a missing figure is E162 naming the initiative") {
  {
    Run r(R"(
initiative a { cost 100 USD once  effect arpu +1 USD/month  stage strategic }
funding { at least 10% of budget to stage strategic }
)");
    CHECK_FALSE(r.choose());
    CHECK(r.has("E163"));
  }
  {
    Run r(R"(
initiative free { cost 0 USD once  effect arpu +1 USD/month }
funding { reject when roi < 1 }
)");
    CHECK_FALSE(r.choose());
    REQUIRE(r.has("E162"));
    const Diagnostic& e = r.diags.all().back();
    REQUIRE(e.notes.size() == 1);
    CHECK(e.notes[0].message.find("'free'") != std::string::npos);
  }
  {
    // `and` stops early: a guard keeps roi from being read.
    Run r(R"(
initiative free { cost 0 USD once  effect arpu +1 USD/month }
funding { reject when cost > 0 USD and roi < 1 }
)");
    auto chosen = r.choose();
    REQUIRE(chosen);
    CHECK(chosen->initiatives[0].funded);
  }
}

TEST_CASE("the portfolio context answers expect-style questions once the portfolio is known") {
  Run r(R"(
initiative a { cost 100 USD once  effect sat +1 points }
initiative b { cost 100 USD once  effect arpu +1 USD/month }
funding { budget 150 USD }
expect "b is funded" { funded(b) }
expect "a is not" { not funded(a) }
expect "pays" { portfolio.net_npv > 0 USD }
expect "satisfaction is red today" { status(sat) == red }
expect "satisfaction below target" { baseline(sat) < 8 points }
)");
  auto chosen = r.choose();
  REQUIRE(chosen);
  PortfolioFigures figures;
  figures.funded.assign(2, false);
  for (ir::Index i : chosen->funded) figures.funded[i] = true;
  figures.net_npv = chosen->net_npv;
  figures.joint_net_npv = chosen->joint.net_npv;
  figures.joint = &chosen->joint;
  PortfolioContext context(*r.program, r.baseline, *r.appraisal);
  // Before the portfolio is known, funded() has no answer.
  CHECK_THROWS_AS(context.test(*r.program->expects[0].conditions[0]), EvalError);
  context.set_portfolio(&figures);
  for (const ir::Expect& e : r.program->expects) {
    INFO(e.title);
    for (const auto& c : e.conditions) CHECK(context.test(*c));
  }
  // b: 1 x 10 x 12 - 100 = 20.
  CHECK(figures.net_npv == d("20"));
}

TEST_CASE("an initiative without a status KPI target: status() is E162") {
  Run r(R"(
initiative a { cost 100 USD once  effect arpu +1 USD/month }
funding { reject when status(arpu) == red }
)");
  CHECK_FALSE(r.choose());
  CHECK(r.has("E162"));
}

TEST_CASE("frontier budgets are k/5 of the budget, k = 1..10, exact") {
  const auto b = frontier_budgets(d("2.5"), 10);
  REQUIRE(b.size() == 10);
  CHECK(b[0] == d("0.5"));
  CHECK(b[4] == d("2.5"));
  CHECK(b[9] == d("5"));
  CHECK(frontier_budgets(d("0"), 10).empty());
  CHECK(frontier_budgets(d("100"), 0).empty());
}

TEST_CASE("rule texts are quoted on one line; the budget line is found without its comment") {
  SourceMap sources;
  const FileId f = sources.add("x.cxv", "reject when cost >\n    5 USD   \"why\"");
  CHECK(written(sources, Span{f, 0, static_cast<std::uint32_t>(sources.file(f).text().size())}) ==
        "reject when cost > 5 USD \"why\"");
}
