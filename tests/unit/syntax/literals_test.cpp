// Numbers (separators, scale suffixes, % and pp, units), dates, strings, comments.

#include <doctest/doctest.h>

#include "parse_helpers.hpp"

using namespace cxv;
using namespace cxv::test;

TEST_CASE("plain numbers, separators and fractions") {
  CHECK(expr_tree("42") == "42");
  CHECK(expr_tree("1_250.50") == "1250.50");
  CHECK(expr_tree("0.000_1") == "0.0001");
}

TEST_CASE("scale suffixes k M B") {
  CHECK(expr_tree("450k") == "450k");
  CHECK(expr_tree("1.2M") == "1.2M");
  CHECK(expr_tree("3B") == "3B");
}

TEST_CASE("percent and percentage points") {
  CHECK(expr_tree("1.5%") == "1.5%");
  CHECK(expr_tree("0.25pp") == "0.25pp");
  CHECK(expr_tree("-0.25pp") == "(neg 0.25pp)");
}

TEST_CASE("units: a word, / known unit, per label") {
  CHECK(expr_tree("450k USD") == "450k[USD]");
  CHECK(expr_tree("6 months") == "6[months]");
  CHECK(expr_tree("4.5 minutes") == "4.5[minutes]");
  CHECK(expr_tree("35 points") == "35[points]");
  CHECK(expr_tree("12 USD/month") == "12[USD/month]");
  CHECK(expr_tree("12 USD / month") == "12[USD/month]");
  CHECK(expr_tree("-0.04pp/points") == "(neg 0.04pp[/points])");
  CHECK(expr_tree("8% per year") == "8%[/year]");
  CHECK(expr_tree("6.50 USD per customer") == "6.50[USD/customer]");
  CHECK(expr_tree("3 count per month") == "3[count/month]");
  CHECK(expr_tree("2 per quarter") == "2[/quarter]");
  CHECK(expr_tree("5 person") == "5[person]");
}

TEST_CASE("a division is not a unit when the word is not a unit word or is called") {
  CHECK(expr_tree("100 / churn") == "(/ 100 churn)");
  CHECK(expr_tree("100 USD / count(customers)") == "(/ 100[USD] (call count customers))");
  CHECK(expr_tree("100 / months.x") == "(/ 100 (. months x))");
}

TEST_CASE("a unit must be on the number's line and is never a keyword") {
  auto p = parse_text("kpi k {\n  target 35\n  amber_x: 1\n}\n");
  // `amber_x` on the next line is not read as the unit of 35.
  CHECK(p->diags.all().size() == 1);
  auto q = parse_text("kpi k { thresholds { green 35 amber 30 } }\n");
  CHECK(q->errors() == "");
  const auto* k = find_decl<ast::Kpi>(q->file, "k");
  REQUIRE(k);
  REQUIRE(k->thresholds);
  CHECK(sexpr(*k->thresholds->green) == "35");
  CHECK(sexpr(*k->thresholds->amber) == "30");
}

TEST_CASE("unit factors keep their spans") {
  auto p = parse_text("value v = 20k USD per month\n");
  const auto* v = find_decl<ast::Value>(p->file, "v");
  REQUIRE(v);
  const auto& u = v->formula->number.unit;
  REQUIRE(u.factors.size() == 2);
  CHECK(u.factors[0].word == "USD");
  CHECK(u.factors[0].exponent == 1);
  CHECK(p->text(u.factors[0].span) == "USD");
  CHECK(u.factors[1].word == "month");
  CHECK(u.factors[1].exponent == -1);
  CHECK(p->text(u.factors[1].span) == "month");
  CHECK(p->text(u.span) == "USD per month");
}

TEST_CASE("letters glued to a number are an error") {
  for (const char* bad : {"450kUSD", "3months", "1e5", "1_"}) {
    auto p = parse_text(fmt::format("value v = {}\n", bad));
    REQUIRE(p->diags.all().size() == 1);
    CHECK(p->diags.all()[0].code == "E005");
  }
  auto p = parse_text("value v = 450kUSD\n");
  CHECK(p->errors() == "1:14 E005 unexpected 'kUSD' right after the number 450\n");
}

TEST_CASE("dates: month or day, validated") {
  auto p = parse_text("initiative i { start 2027-03 }\ninitiative j { start 2028-02-29 }\n");
  CHECK(p->errors() == "");
  const auto* i = find_decl<ast::Initiative>(p->file, "i");
  REQUIRE(i);
  CHECK(i->start->year == 2027);
  CHECK(i->start->month == 3);
  CHECK(i->start->day == 0);
  const auto* j = find_decl<ast::Initiative>(p->file, "j");
  REQUIRE(j);
  CHECK(j->start->day == 29);

  auto bad = parse_text("initiative i { start 2027-13 }\ninitiative j { start 2027-02-29 }\n");
  CHECK(bad->errors() ==
        "1:22 E006 '2027-13' is not a real date\n"
        "2:22 E006 '2027-02-29' is not a real date\n");
  auto missing = parse_text("initiative i { start soon }\n");
  CHECK(missing->errors() == "1:22 E006 expected a date like 2027-03 or 2027-03-15, found 'soon'\n");
}

TEST_CASE("strings: escapes and UTF-8") {
  auto p = parse_text("stakeholder s \"Say \\\"hi\\\" \\\\ café ✓\" { weight 1% }\n");
  CHECK(p->errors() == "");
  const auto* s = find_decl<ast::Stakeholder>(p->file, "s");
  REQUIRE(s);
  CHECK(s->title->value == "Say \"hi\" \\ café ✓");
  CHECK(p->text(s->title->span) == "\"Say \\\"hi\\\" \\\\ café ✓\"");
}

TEST_CASE("strings: unknown escapes and unterminated strings") {
  auto p = parse_text("stakeholder s \"a\\nb\" { weight 1% }\n");
  CHECK(p->errors() == "1:17 E004 unknown escape '\\n' in a string\n");
  auto q = parse_text("stakeholder s \"open { weight 1% }\nkpi k { }\n");
  CHECK(q->errors() == "1:15 E003 unterminated string\n");
  REQUIRE(q->diags.all().size() == 1);
  // The error spans from the opening quote to the end of the line.
  CHECK(q->text(*q->diags.all()[0].span) == "\"open { weight 1% }");
  // Recovery keeps the next declaration.
  CHECK(find_decl<ast::Kpi>(q->file, "k") != nullptr);
}

TEST_CASE("comments: own line or trailing, # inside strings is not one") {
  auto p = parse_text("# heading\nkpi k \"a # b\" { # trailing\n  # inside\n  target 1% }\n");
  CHECK(p->errors() == "");
  REQUIRE(p->file.comments.size() == 3);
  CHECK(p->file.comments[0].text == "# heading");
  CHECK(p->file.comments[0].own_line);
  CHECK(p->file.comments[1].text == "# trailing");
  CHECK_FALSE(p->file.comments[1].own_line);
  CHECK(p->file.comments[2].text == "# inside");
  CHECK(p->file.comments[2].own_line);
  CHECK(find_decl<ast::Kpi>(p->file, "k")->title->value == "a # b");
}

TEST_CASE("semicolons may separate clauses and declarations") {
  auto p = parse_text("stakeholder a { weight 50% }; stakeholder b { weight 50%; }\n");
  CHECK(p->errors() == "");
  CHECK(p->file.decls.size() == 2);
}
