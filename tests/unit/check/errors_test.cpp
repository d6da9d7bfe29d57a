// Every check error code (E030-E066) triggered by a minimal framework, with
// the exact line:column, message and help. Snippets are appended to
// test::kHeader, so their first line is line 32.
#include <doctest/doctest.h>

#include "check_helpers.hpp"

using namespace cxv;

namespace {

std::unique_ptr<test::Checked> with_header(const std::string& snippet) {
  return test::check_text(std::string(test::kHeader) + snippet);
}

// The first diagnostic of `code` as "line:col code message", and its help.
void expect(const test::Checked& c, const std::string& code, const std::string& located, const std::string& help = "") {
  INFO(c.all());
  CHECK(c.describe_code(code) == located);
  if (!help.empty()) {
    const Diagnostic* d = c.find(code);
    REQUIRE(d);
    CHECK(d->help == help);
  }
  CHECK_FALSE(c.program);
}

}  // namespace

TEST_CASE("the header used by these tests checks clean") {
  auto c = test::check_text(test::kHeader);
  INFO(c->all());
  CHECK(c->diags.error_count() == 0);
  CHECK(c->program);
}

TEST_CASE("E030 import-not-found") {
  expect(*with_header("import \"shared/missing.cxv\"\n"), "E030",
         "32:8 E030 cannot find the imported file 'shared/missing.cxv'");
  expect(*with_header("import \"std/cvl\"\n"), "E030", "32:8 E030 there is no stdlib module 'std/cvl'",
         "did you mean 'std/clv'?");
}

TEST_CASE("E031 unknown-name, with did-you-mean of the right kind") {
  expect(*with_header("value v for customers = delta(chrun) * count(customers)\n"), "E031",
         "32:31 E031 unknown KPI 'chrun'", "did you mean 'churn'?");
  expect(*with_header("kpi k {\n  measure chrun + churn\n}\n"), "E031", "33:11 E031 unknown name 'chrun'",
         "did you mean 'churn'?");
  expect(*with_header("value v for custmers = delta(churn) * count(customers)\n"), "E031",
         "32:13 E031 unknown stakeholder 'custmers'", "did you mean 'customers'?");
  expect(*with_header("kpi k {\n  measure mean(customers.tenur)\n}\n"), "E031",
         "33:26 E031 table 'customers' has no column 'tenur'", "did you mean 'tenure'?");
  expect(*with_header("driver d {\n  churn += saturat(delta(nps) * -0.04pp/points, limit: -0.8pp)\n}\n"), "E031",
         "33:12 E031 unknown function 'saturat'", "did you mean 'saturate'?");
}

TEST_CASE("inside a where, bare names are the table's columns first") {
  // `nps` is both a KPI and a column: in the where it is the column (points),
  // so comparing it with 9 is fine and the KPI is not read.
  auto c = with_header("kpi promoters {\n  measure share(customers where nps >= 9)\n}\n");
  INFO(c->all());
  REQUIRE(c->program);
  const auto& k = c->program->kpis[c->program->find_kpi("promoters")];
  CHECK(k.kpis_read.empty());
  CHECK(ir::to_string(*k.measure, *c->program) == "share(customers where (customers.nps >= 9 [points]))");
  // A misspelt column suggests the column.
  expect(*with_header("kpi k {\n  measure share(customers where chruned)\n}\n"), "E031",
         "33:33 E031 unknown name 'chruned': not a column of 'customers' nor a KPI", "did you mean 'churned'?");
}

TEST_CASE("E032 duplicate-name, with a note at the first") {
  auto c = with_header("kpi churn {\n  measure share(customers where churned)\n}\n");
  expect(*c, "E032", "32:5 E032 'churn' is already declared (as a KPI)");
  const Diagnostic* d = c->find("E032");
  REQUIRE(d);
  REQUIRE(d->notes.size() == 1);
  CHECK(c->sources.file(d->notes[0].span->file).position(d->notes[0].span->begin).line == 20);
}

TEST_CASE("E033 wrong-kind") {
  expect(*with_header("initiative a {\n  requires churn\n}\n"), "E033", "33:12 E033 'churn' is a KPI, not an initiative");
}

TEST_CASE("E034 unknown-unit") {
  expect(*with_header("initiative a {\n  cost 10k USD once\n  ramp 6 monhts\n}\n"), "E034",
         "34:10 E034 unknown unit 'monhts'", "did you mean 'months'?");
}

TEST_CASE("E035 wrong-currency") {
  expect(*with_header("initiative a {\n  cost 10k EUR once\n}\n"), "E035",
         "33:12 E035 'EUR' is not this framework's currency",
         "this framework's currency is USD: convert the amount to USD");
}

TEST_CASE("E036 unit-mismatch") {
  expect(*with_header("kpi k {\n  measure mean(customers.monthly_revenue) + mean(customers.tenure)\n}\n"), "E036",
         "33:11 E036 cannot add or subtract mean(customers.monthly_revenue) (USD/month) and mean(customers.tenure) (months)");
}

TEST_CASE("E037 plain-vs-ratio") {
  expect(*with_header("kpi k {\n  measure share(customers where churned) - 0.5\n}\n"), "E037",
         "33:44 E037 0.5 is a plain number but share(customers where churned) is a ratio", "write 50%");
}

TEST_CASE("E038 target-unit") {
  expect(*with_header("kpi k {\n  measure share(customers where churned)\n  better lower\n  target 1.5pp\n}\n"), "E038",
         "35:10 E038 1.5pp is a change (pp), but a target is a level", "write 1.5%");
  expect(*with_header("kpi k {\n  measure mean(customers.monthly_revenue)\n  better higher\n  target 50 points\n}\n"),
         "E038", "35:10 E038 the target 50 points is points, but 'k' is measured in USD/month");
}

TEST_CASE("E039 threshold-order") {
  expect(*with_header("kpi k {\n  measure share(customers where churned)\n  better lower\n"
                      "  thresholds { green 2%  amber 1.5% }\n}\n"),
         "E039", "35:3 E039 for 'k', better is lower, so green must be at most amber");
}

TEST_CASE("E040 effect-unit: the percent-vs-pp rule") {
  expect(*with_header("initiative a {\n  cost 1k USD once\n  effect churn -0.25\n}\n"), "E040",
         "34:16 E040 'churn' is a ratio: -0.25 is a plain number",
         "write -0.25pp for an absolute change or -25% for a relative one");
  expect(*with_header("initiative a {\n  cost 1k USD once\n  effect nps -2pp\n}\n"), "E040",
         "34:14 E040 pp is a change of a ratio, but 'nps' is in points");
  expect(*with_header("initiative a {\n  cost 1k USD once\n  effect nps -2 USD\n}\n"), "E040",
         "34:14 E040 an effect on 'nps' is in points, but -2 USD is USD");
}

TEST_CASE("effects: % is relative, pp and the KPI's unit are absolute, ranges keep both ends") {
  auto c = with_header(
      "initiative a {\n  cost 1k USD once\n  effect churn -25%\n  effect churn -0.3pp to -0.1pp\n"
      "  effect nps 2 points\n  effect customers.monthly_revenue 5 USD/month where segment == \"smb\"\n}\n");
  INFO(c->all());
  REQUIRE(c->program);
  const auto& fx = c->program->initiatives[0].effects;
  REQUIRE(fx.size() == 4);
  CHECK(fx[0].kind == ir::EffectKind::kpi_relative);
  CHECK(fx[0].factor == Decimal::from_scaled(75, 2));
  CHECK(fx[1].kind == ir::EffectKind::kpi_absolute);
  CHECK(fx[1].low->number == Decimal::from_scaled(-3, 3));
  CHECK(fx[1].high->number == Decimal::from_scaled(-1, 3));
  CHECK(fx[1].value->number == Decimal::from_scaled(-2, 3));
  CHECK(fx[2].kind == ir::EffectKind::kpi_absolute);
  CHECK(fx[2].value->unit == Unit::of(Dim::points));
  CHECK(fx[3].kind == ir::EffectKind::column);
  CHECK_FALSE(fx[3].relative);
  CHECK(ir::to_string(*fx[3].where, *c->program) == "(customers.segment == \"smb\")");
}

TEST_CASE("E041 driver-unit") {
  expect(*with_header("driver d {\n  churn += delta(nps) * 0.01\n}\n"), "E041",
         "33:12 E041 'churn' is in ratio, but this formula gives points");
}

TEST_CASE("E042 cost-unit") {
  expect(*with_header("initiative a {\n  cost 10k USD\n}\n"), "E042", "33:8 E042 10k USD is not a one-time or a monthly cost",
         "say when it is paid: `10k USD once` or `10k USD per month`");
}

TEST_CASE("costs: per year and per quarter convert to per month, the written amount is kept") {
  auto c = with_header("initiative a {\n  cost 120k USD per year + 30k USD per quarter + 5k USD once\n}\n");
  INFO(c->all());
  REQUIRE(c->program);
  const auto& i = c->program->initiatives[0];
  CHECK(i.cost_once == Decimal(5000));
  CHECK(i.cost_per_month == Decimal(20000));
  REQUIRE(i.cost.size() == 3);
  CHECK(i.cost[0].amount == Decimal(120000));
  CHECK(i.cost[0].period_months == 12);
  CHECK(i.cost[1].period_months == 3);
  CHECK(i.cost[2].once);
}

TEST_CASE("E043 budget-unit") {
  expect(*with_header("funding {\n  budget 2.5M points\n}\n"), "E043", "33:10 E043 the budget 2.5M points is not an amount of USD");
}

TEST_CASE("E044 weights-sum and E045 weight-unit") {
  const char* fw = "framework \"T\" {\n  currency USD\n  start 2027-01\n  horizon 12 months\n}\n";
  auto c = test::check_text(std::string(fw) +
                            "stakeholder a \"A\" { weight 30% }\nstakeholder b \"B\" { weight 65% }\n");
  expect(*c, "E044", "6:13 E044 the stakeholder weights add up to 95%, not 100%");
  CHECK(c->find("E044")->notes.size() == 2);
  expect(*test::check_text(std::string(fw) + "stakeholder a \"A\" { weight 0.3 }\n"), "E045",
         "6:28 E045 the weight 0.3 is not a percentage", "write 30%");
}

TEST_CASE("E047 start-outside-horizon") {
  expect(*with_header("initiative a {\n  cost 1k USD once\n  start 2026-11\n}\n"), "E047",
         "34:9 E047 'a' starts in 2026-11, before the framework's start 2027-01");
  expect(*with_header("initiative a {\n  cost 1k USD once\n  start 2030-01\n}\n"), "E047",
         "34:9 E047 'a' starts in 2030-01, after the horizon ends (2029-12)");
}

TEST_CASE("E048 duration-unit") {
  expect(*with_header("initiative a {\n  cost 1k USD once\n  ramp 6 weeks\n}\n"), "E048",
         "34:8 E048 the ramp 6 weeks is not a whole number of months");
  const char* fw = "framework \"T\" {\n  currency USD\n  start 2027-01\n  horizon 2.5 years\n}\n";
  auto c = test::check_text(fw);
  CHECK(c->program);  // 2.5 years = 30 months: whole
  CHECK(c->program->framework.horizon_months == 30);
  expect(*test::check_text("framework \"T\" {\n  currency USD\n  start 2027-01\n  horizon 100 days\n}\n"), "E048",
         "4:11 E048 the horizon 100 days is not a whole number of months");
}

TEST_CASE("E049 self-reference") {
  expect(*with_header("initiative a {\n  cost 1k USD once\n  requires a\n}\n"), "E049", "34:12 E049 'a' requires itself");
}

TEST_CASE("E050 cycle: named in order, through measures and drivers") {
  expect(*with_header("kpi a {\n  measure b * 2\n}\nkpi b {\n  measure a + c\n}\nkpi c {\n  measure count(customers)\n}\n"),
         "E050", "32:5 E050 these KPIs depend on each other in a circle: a → b → a");
  // churn is driven by nps, and nps by churn.
  auto c = with_header("driver d {\n  nps += delta(churn) * -100 points\n  churn += delta(nps) * -0.01pp/points\n}\n");
  expect(*c, "E050", "20:5 E050 these KPIs depend on each other in a circle: churn → nps → churn");
  CHECK(c->find("E050")->notes.size() == 2);
  expect(*with_header("value a for customers = b\nvalue b for customers = a\n"), "E050",
         "32:7 E050 these values depend on each other in a circle: a → b → a");
}

TEST_CASE("E051 recursive-function") {
  expect(*with_header("function f(x) = g(x)\nfunction g(x) = f(x) + 1\nvalue v for customers = f(count(customers))\n"),
         "E051", "33:17 E051 function 'f' calls itself: f → g → f");
}

TEST_CASE("E052 missing-csv-column, only when the CSV file exists") {
  const std::string text = std::string(
                               "framework \"T\" {\n  currency USD\n  start 2027-01\n  horizon 12 months\n}\n"
                               "table t from \"data/header_only.csv\" {\n  key customer_id: text\n  segment: text\n"
                               "  tenure: months\n}\n");
  auto c = test::check_text(text);
  expect(*c, "E052", "9:3 E052 column 'tenure' is not in the header of data/header_only.csv",
         "the header has: customer_id, segment, monthly_revenue");
  CheckOptions off;
  off.validate_data_headers = false;
  CHECK(test::check_text(text, off)->find("E052") == nullptr);
}

TEST_CASE("E053 missing-clause") {
  expect(*with_header("kpi k {\n  better higher\n}\n"), "E053", "32:5 E053 kpi 'k' has no measure");
  expect(*test::check_text("stakeholder a \"A\" { weight 100% }\n"), "E053", "1:1 E053 there is no framework block");
}

TEST_CASE("E054 duplicate-declaration") {
  expect(*with_header("framework \"Again\" {\n  currency USD\n  start 2027-01\n  horizon 12 months\n}\n"), "E054",
         "32:1 E054 a second framework block");
}

TEST_CASE("E055 wrong-type") {
  expect(*with_header("kpi k {\n  measure share(customers where tenure)\n}\n"), "E055",
         "33:33 E055 tenure is a number, not a condition");
}

TEST_CASE("E056 bad-aggregate") {
  expect(*with_header("kpi k {\n  measure count(customers.tenure)\n}\n"), "E056",
         "33:17 E056 count() counts rows of a table, not values");
  expect(*with_header("kpi k {\n  measure share(customers)\n}\n"), "E056",
         "33:11 E056 share(customers) is always 100%: say which rows");
}

TEST_CASE("E057 wrong-arguments") {
  expect(*with_header("driver d {\n  churn += saturate(delta(nps) * -0.04pp/points)\n}\n"), "E057",
         "33:12 E057 this call of 'saturate' does not give 'limit'");
  expect(*with_header("driver d {\n  churn += saturate(delta(nps) * -0.04pp/points, limt: -0.8pp)\n}\n"), "E057",
         "33:50 E057 'saturate' has no parameter 'limt'", "did you mean 'limit'?");
}

TEST_CASE("E058 unknown-word") {
  expect(*with_header("kpi k {\n  perspective customers\n  measure count(customers)\n}\n"), "E058",
         "33:15 E058 'customers' is not a perspective", "did you mean 'customer'?");
}

TEST_CASE("E059 value-unit") {
  expect(*with_header("value v for shareholders = mean(customers.monthly_revenue) * 2 USD\n"), "E059",
         "32:28 E059 'v' comes out in USD^2/month: money must be an amount or an amount per month");
}

TEST_CASE("E060 discount-unit") {
  expect(*test::check_text("framework \"T\" {\n  currency USD\n  start 2027-01\n  horizon 12 months\n  discount 8%\n}\n"),
         "E060", "5:12 E060 the discount rate 8% is not a percentage per period", "write e.g. `discount 8% per year`");
}

TEST_CASE("discount: kept per year as written") {
  auto c = test::check_text("framework \"T\" {\n  currency USD\n  start 2027-01\n  horizon 12 months\n  discount 2% per quarter\n}\n");
  REQUIRE(c->program);
  CHECK(c->program->framework.discount_per_year == Decimal::from_scaled(8, 2));
}

TEST_CASE("E061 not-a-constant") {
  expect(*with_header("kpi k {\n  measure mean(customers.tenure)\n  better higher\n  target mean(customers.tenure)\n}\n"),
         "E061", "35:10 E061 this number must be written out; it cannot aggregate data with mean()");
}

TEST_CASE("E062 wrong-context") {
  expect(*with_header("kpi k {\n  measure delta(nps)\n}\n"), "E062", "33:11 E062 delta() has no meaning here");
  expect(*with_header("kpi k {\n  measure mean(customers.tenure)\n}\nexpect \"x\" { effect(k) > 0 months }\n"), "E062",
         "35:14 E062 effect() has no meaning here");
}

TEST_CASE("E063 out-of-range") {
  expect(*with_header("experiment x from \"data/pilot.csv\" {\n  arm group: treatment \"a\", control \"b\"\n"
                      "  outcome churned\n  confidence 120%\n}\n"),
         "E063", "35:14 E063 the confidence 120% is not a percentage between 0% and 100%");
}

TEST_CASE("E064 math-domain") {
  expect(*with_header("kpi k {\n  measure exp(mean(customers.tenure))\n}\n"), "E064",
         "33:15 E064 exp() needs a plain number, but mean(customers.tenure) is months");
}

TEST_CASE("E065 objective-unit") {
  expect(*with_header("value p for customers = delta(nps) / 100 points * count(customers)\n"
                      "funding {\n  budget 1M USD\n  objective p\n}\n"),
         "E065", "35:13 E065 the objective must be money, but p is a plain number");
}

TEST_CASE("E066 column-outside-rows") {
  expect(*with_header("kpi k {\n  measure customers.tenure\n}\n"), "E066",
         "33:11 E066 customers.tenure has one value per row of 'customers'");
}

TEST_CASE("all problems are reported in one run") {
  auto c = with_header(
      "kpi k {\n  measure chrun\n}\ninitiative a {\n  cost 10k EUR once\n  effect churn -0.25\n}\n"
      "value v for nobody = count(customers)\n");
  CHECK(c->find("E031"));
  CHECK(c->find("E035"));
  CHECK(c->find("E040"));
  CHECK(c->diags.error_count() >= 4);
}

TEST_CASE("E052 also checks an experiment's arm and outcome columns") {
  auto c = with_header("experiment pilot from \"data/pilot.csv\" {\n  arm grp: treatment \"outreach\", control \"none\"\n"
                       "  outcome churned\n}\n");
  expect(*c, "E052", "33:7 E052 column 'grp' is not in the header of data/pilot.csv", "the header has: group, churned");
}
