// Each declaration and clause on its own, including the forms the flagship
// example does not use.

#include <doctest/doctest.h>

#include "parse_helpers.hpp"

using namespace cxv;
using namespace cxv::test;

TEST_CASE("import") {
  auto p = parse_text("import \"std/clv\"\nimport \"shared/common.cxv\"\n");
  CHECK(p->errors() == "");
  REQUIRE(p->file.decls.size() == 2);
  const auto& i = std::get<ast::Import>(p->file.decls[1]);
  CHECK(i.path.value == "shared/common.cxv");
  CHECK(p->text(i.span) == "import \"shared/common.cxv\"");
}

TEST_CASE("framework without a title, clauses in any order") {
  auto p = parse_text("framework {\n  discount 8% per year\n  currency EUR\n  horizon 3 years\n  start 2027-01\n}\n");
  CHECK(p->errors() == "");
  const auto* fw = find_decl<ast::Framework>(p->file);
  REQUIRE(fw);
  CHECK_FALSE(fw->title);
  CHECK(fw->currency->text == "EUR");
  CHECK(sexpr(*fw->horizon) == "3[years]");
}

TEST_CASE("stakeholder") {
  auto p = parse_text("stakeholder community { weight 10% }\n");
  CHECK(p->errors() == "");
  const auto* s = find_decl<ast::Stakeholder>(p->file, "community");
  REQUIRE(s);
  CHECK_FALSE(s->title);
  CHECK(sexpr(*s->weight) == "10%");
  CHECK(p->text(s->name.span) == "community");
}

TEST_CASE("table: title, key, optional, compound types, aggregate table") {
  auto p = parse_text(
      "table regions \"Regional totals\" from \"data/regions.csv\" {\n"
      "  region: text\n"
      "  signed_up: date\n"
      "  revenue: USD per quarter optional\n"
      "  calls: count\n"
      "  provenance third_party\n"
      "}\n");
  CHECK(p->errors() == "");
  const auto* t = find_decl<ast::Table>(p->file, "regions");
  REQUIRE(t);
  CHECK(t->title->value == "Regional totals");
  REQUIRE(t->columns.size() == 4);
  CHECK_FALSE(t->columns[0].key);
  CHECK(t->columns[1].type.kind == ast::ColumnType::date);
  CHECK(unit_text(t->columns[2].type.unit) == "USD/quarter");
  CHECK(t->columns[2].optional);
  CHECK(p->text(t->columns[2].type.span) == "USD per quarter");
  CHECK(unit_text(t->columns[3].type.unit) == "count");
  CHECK(t->provenance->text == "third_party");
}

TEST_CASE("kpi: a formula over other kpis, no thresholds") {
  auto p = parse_text("kpi margin { perspective financial\n measure arpu - cost_per_user\n better higher }\n");
  CHECK(p->errors() == "");
  const auto* k = find_decl<ast::Kpi>(p->file, "margin");
  REQUIRE(k);
  CHECK(sexpr(*k->measure) == "(- arpu cost_per_user)");
  CHECK_FALSE(k->thresholds);
  CHECK_FALSE(k->target);
}

TEST_CASE("driver: several rules, evidence") {
  auto p = parse_text(
      "driver d \"t\" {\n"
      "  churn += delta(nps) * -0.04pp/points\n"
      "  calls_per_customer += delta(nps) * -0.01 / points\n"
      "  evidence assumed\n"
      "}\n");
  CHECK(p->errors() == "");
  const auto* d = find_decl<ast::Driver>(p->file, "d");
  REQUIRE(d);
  REQUIRE(d->rules.size() == 2);
  CHECK(d->rules[1].target.text == "calls_per_customer");
  CHECK(sexpr(*d->rules[1].formula) == "(* (call delta nps) (neg 0.01[/points]))");
  CHECK(d->evidence->grade.text == "assumed");
  CHECK_FALSE(d->evidence->note);
  CHECK_FALSE(d->evidence->source);
}

TEST_CASE("an evidence source name must be on the evidence line") {
  // Otherwise the next driver rule's target would be read as the source.
  auto p = parse_text("driver d {\n  evidence correlational\n  churn += 1pp\n}\n");
  CHECK(p->errors() == "");
  const auto* d = find_decl<ast::Driver>(p->file, "d");
  REQUIRE(d);
  CHECK_FALSE(d->evidence->source);
  CHECK(d->rules.size() == 1);
}

TEST_CASE("value: with and without stakeholders, several stakeholders") {
  auto p = parse_text("value a = 1 USD\nvalue b \"B\" for customers, employees = 2 USD\n");
  CHECK(p->errors() == "");
  CHECK(find_decl<ast::Value>(p->file, "a")->stakeholders.empty());
  const auto* b = find_decl<ast::Value>(p->file, "b");
  REQUIRE(b);
  REQUIRE(b->stakeholders.size() == 2);
  CHECK(b->stakeholders[1].text == "employees");
  CHECK(b->title->value == "B");
}

TEST_CASE("initiative: ranges, excludes, per-month cost only") {
  auto p = parse_text(
      "initiative chat \"Chat\" {\n"
      "  cost 5k USD per month\n"
      "  effect churn -0.3pp to -0.1pp\n"
      "  effect customers.support_calls -10% where segment == \"SMB\"\n"
      "  excludes ivr, callbacks\n"
      "  requires crm\n"
      "  requires data_lake\n"
      "}\n");
  CHECK(p->errors() == "");
  const auto* i = find_decl<ast::Initiative>(p->file, "chat");
  REQUIRE(i);
  REQUIRE(i->cost.size() == 1);
  CHECK_FALSE(i->cost[0].once);
  REQUIRE(i->effects.size() == 2);
  CHECK(sexpr(*i->effects[0].value) == "(to (neg 0.3pp) (neg 0.1pp))");
  CHECK(sexpr(*i->effects[1].where) == "(== segment \"SMB\")");
  REQUIRE(i->excludes.size() == 2);
  CHECK(i->excludes[1].text == "callbacks");
  REQUIRE(i->requires_.size() == 2);
  CHECK(i->requires_[1].text == "data_lake");
  CHECK(p->text(i->effects[0].span) == "effect churn -0.3pp to -0.1pp");
}

TEST_CASE("cost terms are multiplicative expressions, each maybe once") {
  auto p = parse_text("initiative i { cost 3 * 150k USD once + 12 * 1k USD per month + 5k USD once }\n");
  CHECK(p->errors() == "");
  const auto* i = find_decl<ast::Initiative>(p->file, "i");
  REQUIRE(i);
  REQUIRE(i->cost.size() == 3);
  CHECK(sexpr(*i->cost[0].amount) == "(* 3 150k[USD])");
  CHECK(i->cost[0].once);
  CHECK(sexpr(*i->cost[1].amount) == "(* 12 1k[USD/month])");
  CHECK_FALSE(i->cost[1].once);
  CHECK(i->cost[2].once);
  CHECK(p->text(i->cost[0].span) == "3 * 150k USD once");
}

TEST_CASE("experiment: arms in any order, split") {
  auto p = parse_text(
      "experiment pilot from \"p.csv\" {\n"
      "  arm variant: control \"A\", treatment \"B\"\n"
      "  outcome converted\n"
      "  confidence 90%\n"
      "  split 20%\n"
      "}\n");
  CHECK(p->errors() == "");
  const auto* e = find_decl<ast::Experiment>(p->file, "pilot");
  REQUIRE(e);
  CHECK_FALSE(e->title);
  CHECK(e->arm_column->text == "variant");
  CHECK(e->control->value == "A");
  CHECK(e->treatment->value == "B");
  CHECK(sexpr(*e->split) == "20%");
}

TEST_CASE("funding: at most, objective formula, several must fund") {
  auto p = parse_text(
      "funding {\n"
      "  objective net_npv + 40 USD * promoters_gained\n"
      "  at most 50% of budget to activity know_customers\n"
      "  must fund a, b\n"
      "  require evidence >= correlational \"no guesses\"\n"
      "}\n");
  CHECK(p->errors() == "");
  const auto* f = find_decl<ast::Funding>(p->file);
  REQUIRE(f);
  CHECK_FALSE(f->title);
  CHECK(sexpr(*f->objective) == "(+ net_npv (* 40[USD] promoters_gained))");
  REQUIRE(f->shares.size() == 1);
  CHECK_FALSE(f->shares[0].at_least);
  CHECK(f->shares[0].dimension.text == "activity");
  CHECK(f->shares[0].value.text == "know_customers");
  CHECK(f->must_fund.size() == 2);
  CHECK(f->requires_[0].reason->value == "no guesses");
}

TEST_CASE("expect: several conditions on lines or separated by ;") {
  auto p = parse_text("expect \"all\" {\n  funded(a)\n  not funded(b); status(churn) == green\n}\n");
  CHECK(p->errors() == "");
  const auto* e = find_decl<ast::Expect>(p->file);
  REQUIRE(e);
  REQUIRE(e->conditions.size() == 3);
  CHECK(sexpr(*e->conditions[1]) == "(not (call funded b))");
  CHECK(e->title.value == "all");
}

TEST_CASE("function: title, parameters with defaults, no parameters") {
  auto p = parse_text(
      "function saturate \"Diminishing returns\" (x, limit) = limit * (1 - exp(-x / limit))\n"
      "function hill(x, half, n: 2) = x ^ n / (half ^ n + x ^ n)\n"
      "function one() = 1\n");
  CHECK(p->errors() == "");
  const auto* s = find_decl<ast::Function>(p->file, "saturate");
  REQUIRE(s);
  CHECK(s->title->value == "Diminishing returns");
  REQUIRE(s->params.size() == 2);
  CHECK(s->params[1].name.text == "limit");
  CHECK(sexpr(*s->body) == "(* limit (- 1 (call exp (/ (neg x) limit))))");
  const auto* h = find_decl<ast::Function>(p->file, "hill");
  REQUIRE(h);
  REQUIRE(h->params.size() == 3);
  CHECK_FALSE(h->params[0].default_value);
  REQUIRE(h->params[2].default_value);
  CHECK(sexpr(*h->params[2].default_value) == "2");
  CHECK(find_decl<ast::Function>(p->file, "one")->params.empty());
}

TEST_CASE("declarations keep source order and whole-declaration spans") {
  auto p = parse_text("kpi a { }\n\n# c\nvalue b = 1\n");
  REQUIRE(p->file.decls.size() == 2);
  CHECK(std::holds_alternative<ast::Kpi>(p->file.decls[0]));
  CHECK(p->text(std::get<ast::Kpi>(p->file.decls[0]).span) == "kpi a { }");
  CHECK(p->text(std::get<ast::Value>(p->file.decls[1]).span) == "value b = 1");
}

TEST_CASE("an empty file or one with only comments parses to nothing") {
  CHECK(parse_text("")->file.decls.empty());
  auto p = parse_text("# nothing here\n\n");
  CHECK(p->errors() == "");
  CHECK(p->file.comments.size() == 1);
}

TEST_CASE("function parameters may use the keywords that are names in expressions") {
  auto p = parse_text("function gap(current, target) = target - current\n");
  CHECK(p->errors() == "");
  const auto* f = find_decl<ast::Function>(p->file, "gap");
  REQUIRE(f);
  REQUIRE(f->params.size() == 2);
  CHECK(f->params[1].name.text == "target");
  CHECK(sexpr(*f->body) == "(- target current)");
  // Other keywords stay reserved.
  CHECK(parse_text("function f(value) = value\n")->diags.all().at(0).code == "E020");
}

TEST_CASE("the standard library parses") {
  for (const char* m : {"clv", "scorecard", "curves"}) {
    auto p = parse_text(read_file(std::string(CXV_SOURCE_DIR) + "/stdlib/std/" + m + ".cxv"));
    CHECK_MESSAGE(p->errors() == "", m);
    CHECK_MESSAGE(!p->file.decls.empty(), m);
  }
}
