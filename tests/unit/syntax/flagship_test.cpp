// The flagship example of the language sketch parses cleanly, into the shapes
// the checker expects.

#include <doctest/doctest.h>

#include "parse_helpers.hpp"

using namespace cxv;
using namespace cxv::test;

namespace {
std::unique_ptr<Parsed> flagship() {
  return parse_text(read_file(std::string(CXV_SOURCE_DIR) + "/tests/unit/syntax/flagship.cxv"), "flagship.cxv");
}
}  // namespace

TEST_CASE("the flagship example parses with no diagnostics") {
  auto p = flagship();
  CHECK(p->errors() == "");
  CHECK(p->file.decls.size() == 24);
}

TEST_CASE("flagship: framework clauses") {
  auto p = flagship();
  const auto* fw = find_decl<ast::Framework>(p->file);
  REQUIRE(fw);
  REQUIRE(fw->title);
  CHECK(fw->title->value == "Acme Telecom — CX value framework");
  REQUIRE(fw->currency);
  CHECK(fw->currency->text == "USD");
  REQUIRE(fw->start);
  CHECK(fw->start->year == 2027);
  CHECK(fw->start->month == 1);
  CHECK(fw->start->day == 0);
  REQUIRE(fw->horizon);
  CHECK(sexpr(*fw->horizon) == "36[months]");
  REQUIRE(fw->discount);
  CHECK(sexpr(*fw->discount) == "8%[/year]");
  CHECK(p->pos(fw->span.begin).line == 1);
  CHECK(p->text(fw->keyword) == "framework");
}

TEST_CASE("flagship: table columns") {
  auto p = flagship();
  const auto* t = find_decl<ast::Table>(p->file, "customers");
  REQUIRE(t);
  CHECK(t->path.value == "data/customers.csv");
  REQUIRE(t->columns.size() == 7);
  CHECK(t->columns[0].name.text == "customer_id");
  CHECK(t->columns[0].key);
  CHECK(t->columns[0].type.kind == ast::ColumnType::text);
  CHECK(t->columns[2].name.text == "monthly_revenue");
  CHECK(t->columns[2].type.kind == ast::ColumnType::quantity);
  CHECK(unit_text(t->columns[2].type.unit) == "USD/month");
  CHECK(t->columns[4].name.text == "nps");
  CHECK(t->columns[4].optional);
  CHECK_FALSE(t->columns[3].optional);
  CHECK(t->columns[5].type.kind == ast::ColumnType::boolean);
  CHECK(unit_text(t->columns[6].type.unit) == "count/month");
  REQUIRE(t->provenance);
  CHECK(t->provenance->text == "first_party");
  // `  nps: points optional` is line 20 of the file, the name at column 3.
  Position pos = p->pos(t->columns[4].name.span.begin);
  CHECK(pos.line == 20);
  CHECK(pos.col == 3);
}

TEST_CASE("flagship: kpis") {
  auto p = flagship();
  const auto* churn = find_decl<ast::Kpi>(p->file, "churn");
  REQUIRE(churn);
  REQUIRE(churn->title);
  CHECK(churn->title->value == "Monthly churn rate");
  CHECK(churn->perspective->text == "customer");
  CHECK(churn->category->text == "retention");
  REQUIRE(churn->stakeholders.size() == 2);
  CHECK(churn->stakeholders[1].text == "shareholders");
  REQUIRE(churn->measure);
  CHECK(sexpr(*churn->measure) == "(call share (where customers churned))");
  CHECK(churn->better->text == "lower");
  CHECK(sexpr(*churn->target) == "1.5%");
  REQUIRE(churn->thresholds);
  CHECK(sexpr(*churn->thresholds->green) == "1.5%");
  CHECK(sexpr(*churn->thresholds->amber) == "2.0%");
  Position pos = p->pos(churn->name.span.begin);
  CHECK(pos.line == 26);
  CHECK(pos.col == 5);

  const auto* nps = find_decl<ast::Kpi>(p->file, "nps");
  REQUIRE(nps);
  CHECK(sexpr(*nps->measure) ==
        "(* (- (call share (where customers (>= nps 9))) (call share (where customers (<= nps 6)))) 100[points])");
  CHECK(sexpr(*nps->target) == "35[points]");
  CHECK(p->text(nps->measure->span) ==
        "(share(customers where nps >= 9) - share(customers where nps <= 6)) * 100 points");
}

TEST_CASE("flagship: driver, values") {
  auto p = flagship();
  const auto* d = find_decl<ast::Driver>(p->file, "nps_lowers_churn");
  REQUIRE(d);
  REQUIRE(d->rules.size() == 1);
  CHECK(d->rules[0].target.text == "churn");
  CHECK(sexpr(*d->rules[0].formula) == "(call saturate (* (call delta nps) (neg 0.04pp[/points])) limit:(neg 0.8pp))");
  REQUIRE(d->evidence);
  CHECK(d->evidence->grade.text == "correlational");
  CHECK(d->evidence->note->value == "2026 churn study, n=48,210");

  const auto* v = find_decl<ast::Value>(p->file, "retained_revenue");
  REQUIRE(v);
  REQUIRE(v->stakeholders.size() == 1);
  CHECK(v->stakeholders[0].text == "shareholders");
  CHECK(sexpr(*v->formula) == "(* (call cumulative (* (neg (call delta churn)) (call count customers))) arpu)");
  const auto* s = find_decl<ast::Value>(p->file, "service_savings");
  REQUIRE(s);
  CHECK(sexpr(*s->formula) ==
        "(* (* (neg (call delta calls_per_customer)) (call count customers)) 6.50[USD])");
}

TEST_CASE("flagship: initiatives") {
  auto p = flagship();
  const auto* on = find_decl<ast::Initiative>(p->file, "onboarding");
  REQUIRE(on);
  CHECK(on->owner->value == "Customer Success");
  REQUIRE(on->cost.size() == 2);
  CHECK(on->cost[0].once);
  CHECK(sexpr(*on->cost[0].amount) == "450k[USD]");
  CHECK_FALSE(on->cost[1].once);
  CHECK(sexpr(*on->cost[1].amount) == "20k[USD/month]");
  CHECK(p->text(on->cost_span) == "cost 450k USD once + 20k USD per month");
  CHECK(on->start->month == 3);
  CHECK(sexpr(*on->ramp) == "6[months]");
  REQUIRE(on->effects.size() == 2);
  CHECK(sexpr(*on->effects[0].target) == "(. customers churned)");
  CHECK(sexpr(*on->effects[0].value) == "(. onboarding_pilot effect)");
  REQUIRE(on->effects[0].where);
  CHECK(sexpr(*on->effects[0].where) == "(< tenure 3[months])");
  CHECK(sexpr(*on->effects[1].target) == "calls_per_customer");
  CHECK(sexpr(*on->effects[1].value) == "(neg 8%)");
  CHECK(on->effects[1].where == nullptr);
  CHECK(on->evidence->grade.text == "experiment");
  CHECK(on->evidence->source->text == "onboarding_pilot");
  CHECK(on->activity->text == "bring_to_life");
  CHECK(on->stage->text == "continuous_improvement");

  const auto* alerts = find_decl<ast::Initiative>(p->file, "proactive_alerts");
  REQUIRE(alerts);
  REQUIRE(alerts->requires_.size() == 1);
  CHECK(alerts->requires_[0].text == "crm_upgrade");
  CHECK(sexpr(*alerts->effects[0].value) == "(pos 5[points])");
}

TEST_CASE("flagship: experiment, funding, expectations") {
  auto p = flagship();
  const auto* ex = find_decl<ast::Experiment>(p->file, "onboarding_pilot");
  REQUIRE(ex);
  CHECK(ex->path.value == "data/onboarding_pilot.csv");
  CHECK(ex->arm_column->text == "group");
  CHECK(ex->treatment->value == "outreach");
  CHECK(ex->control->value == "none");
  CHECK(ex->outcome->text == "churned");
  CHECK(sexpr(*ex->confidence) == "95%");

  const auto* f = find_decl<ast::Funding>(p->file);
  REQUIRE(f);
  CHECK(f->title->value == "FY2027 CX portfolio");
  CHECK(sexpr(*f->budget) == "2.5M[USD]");
  CHECK(sexpr(*f->objective) == "net_npv");
  REQUIRE(f->rejects.size() == 2);
  CHECK(sexpr(*f->rejects[0].condition) == "(< (call effect nps) 0[points])");
  CHECK(f->rejects[0].reason->value == "would degrade the experience");
  CHECK(sexpr(*f->rejects[1].condition) == "(and (> cost 500k[USD]) (< evidence correlational))");
  REQUIRE(f->requires_.size() == 1);
  CHECK(sexpr(*f->requires_[0].condition) == "experience_impact");
  CHECK_FALSE(f->requires_[0].reason);
  REQUIRE(f->shares.size() == 1);
  CHECK(f->shares[0].at_least);
  CHECK(sexpr(*f->shares[0].share) == "30%");
  CHECK(f->shares[0].dimension.text == "stage");
  CHECK(f->shares[0].value.text == "strategic");
  REQUIRE(f->must_fund.size() == 1);
  CHECK(f->must_fund[0].text == "onboarding");

  int expects = 0;
  for (const auto& d : p->file.decls) {
    if (const auto* e = std::get_if<ast::Expect>(&d)) {
      ++expects;
      REQUIRE(e->conditions.size() == 1);
      if (e->title.value == "churn is not red today") CHECK(sexpr(*e->conditions[0]) == "(!= (call status churn) red)");
      if (e->title.value == "portfolio pays back")
        CHECK(sexpr(*e->conditions[0]) == "(> (. portfolio net_npv) 0[USD])");
    }
  }
  CHECK(expects == 3);
}

TEST_CASE("flagship: comments are kept, own-line or trailing") {
  auto p = flagship();
  REQUIRE(p->file.comments.size() > 10);
  const ast::Comment* weights = nullptr;
  const ast::Comment* retained = nullptr;
  for (const auto& c : p->file.comments) {
    if (c.text == "# weights must sum to 100%") weights = &c;
    if (c.text.rfind("# retained customers", 0) == 0) retained = &c;
  }
  REQUIRE(weights);
  CHECK_FALSE(weights->own_line);
  REQUIRE(retained);
  CHECK(retained->own_line);
  CHECK(p->text(retained->span) == retained->text);
}
