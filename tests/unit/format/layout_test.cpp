// The canonical layout, construct by construct (docs/formatting.md).
#include <doctest/doctest.h>

#include "format_helpers.hpp"

using cxv::format::test::fmt_checked;

TEST_CASE("a block gets one clause per line, two-space indentation and `{` on the declaration's line") {
  CHECK(fmt_checked("stakeholder customers \"Customers\"\n{ weight   30%\n}") ==
        "stakeholder customers \"Customers\" {\n  weight 30%\n}\n");
  CHECK(fmt_checked("framework \"Acme\"\n{\n\tcurrency USD start 2027-01\n horizon 36 months discount 8% per year }\n") ==
        "framework \"Acme\" {\n  currency USD\n  start 2027-01\n  horizon 36 months\n  discount 8% per year\n}\n");
}

TEST_CASE("a one-clause block written on one line stays on one line; any other block is spread out") {
  CHECK(fmt_checked("stakeholder customers \"Customers\"   {weight   30%}") == "stakeholder customers \"Customers\" { weight 30% }\n");
  CHECK(fmt_checked("expect \"funded\" {   funded(onboarding)   }") == "expect \"funded\" { funded(onboarding) }\n");
  // Two clauses on one line, a comment inside, or a line break: spread out.
  CHECK(fmt_checked("kpi k { target 1 better lower }") == "kpi k {\n  target 1\n  better lower\n}\n");
  CHECK(fmt_checked("kpi k { target 1 # why\n}") == "kpi k {\n  target 1  # why\n}\n");
  CHECK(fmt_checked("kpi k {\n target 1 }") == "kpi k {\n  target 1\n}\n");
  // A one-line nested block inside a spread-out one keeps its line too.
  CHECK(fmt_checked("kpi k {\n thresholds { green 1% }\n target 1 }") ==
        "kpi k {\n  thresholds { green 1% }\n  target 1\n}\n");
}

TEST_CASE("nested blocks are indented one more level") {
  CHECK(fmt_checked("kpi churn { target 1.5% thresholds { green 1.5%  amber 2.0% } better lower }") ==
        "kpi churn {\n"
        "  target 1.5%\n"
        "  thresholds {\n"
        "    green 1.5%\n"
        "    amber 2.0%\n"
        "  }\n"
        "  better lower\n"
        "}\n");
}

TEST_CASE("an empty block stays `{}`") {
  CHECK(fmt_checked("stakeholder a {   }") == "stakeholder a {}\n");
}

TEST_CASE("operators get one space on each side; signs, calls, members and labels none") {
  CHECK(fmt_checked("value v for a=1+2*3-x^2") == "value v for a = 1 + 2 * 3 - x ^ 2\n");
  CHECK(fmt_checked("driver d { churn+=saturate ( delta ( nps )*-0.04pp/points ,limit :-0.8pp ) }") ==
        "driver d { churn += saturate(delta(nps) * -0.04pp/points, limit: -0.8pp) }\n");
  CHECK(fmt_checked("kpi k { measure share( customers where nps>=9 )-share(customers where nps<=6) }") ==
        "kpi k { measure share(customers where nps >= 9) - share(customers where nps <= 6) }\n");
  CHECK(fmt_checked("value v = -( a - -b ) * customers.revenue") == "value v = -(a - -b) * customers.revenue\n");
  CHECK(fmt_checked("expect \"e\" { not(a==b) and c!=d or e<f }") ==
        "expect \"e\" { not (a == b) and c != d or e < f }\n");
}

TEST_CASE("a sign after a name is told from a minus by the grammar") {
  // `effect nps -4 points`: the target, then a signed value, not `nps - 4`.
  CHECK(fmt_checked("initiative i { effect nps -4 points effect calls_per_customer   +8% }") ==
        "initiative i {\n  effect nps -4 points\n  effect calls_per_customer +8%\n}\n");
}

TEST_CASE("a slash inside a unit is written without spaces, a division with them") {
  CHECK(fmt_checked("table t from \"t.csv\" { revenue : USD / month calls: count per month }") ==
        "table t from \"t.csv\" {\n  revenue: USD/month\n  calls: count per month\n}\n");
  CHECK(fmt_checked("value v = 6.50 USD / month * n / count(c)") == "value v = 6.50 USD/month * n / count(c)\n");
}

TEST_CASE("numbers, units, dates and strings are kept exactly as written") {
  CHECK(fmt_checked("initiative i { cost 450k USD once+1_250.50 USD per month start 2027-03 owner \"A \\\"q\\\" \\\\ b\" }") ==
        "initiative i {\n"
        "  cost 450k USD once + 1_250.50 USD per month\n"
        "  start 2027-03\n"
        "  owner \"A \\\"q\\\" \\\\ b\"\n"
        "}\n");
}

TEST_CASE("exactly one blank line between top-level declarations, at most one between clauses") {
  CHECK(fmt_checked("import \"std/clv\"\nimport \"std/curves\"\n\n\n\nstakeholder a { weight 1 }") ==
        "import \"std/clv\"\n\nimport \"std/curves\"\n\nstakeholder a { weight 1 }\n");
  CHECK(fmt_checked("kpi k {\n\n  target 1\n\n\n\n  better lower\n\n}\n") == "kpi k {\n  target 1\n\n  better lower\n}\n");
}

TEST_CASE("`;` separators are dropped: every clause is on its own line anyway") {
  CHECK(fmt_checked("stakeholder a { weight 1; }; stakeholder b { weight 2 }") ==
        "stakeholder a { weight 1 }\n\nstakeholder b { weight 2 }\n");
}

TEST_CASE("the author's line breaks inside an expression are kept, re-indented") {
  CHECK(fmt_checked("value retained for shareholders =\n        cumulative(-delta(churn) * count(customers)) * arpu") ==
        "value retained for shareholders =\n  cumulative(-delta(churn) * count(customers)) * arpu\n");
  CHECK(fmt_checked("driver d {\nchurn += saturate(\ndelta(nps) * -0.04pp/points,\n      limit: -0.8pp\n     )\n}") ==
        "driver d {\n  churn += saturate(\n    delta(nps) * -0.04pp/points,\n    limit: -0.8pp\n  )\n}\n");
  CHECK(fmt_checked("kpi k { measure (a\n - b)\n * 100 points }") ==
        "kpi k {\n  measure (a\n    - b)\n    * 100 points\n}\n");
}

TEST_CASE("functions, experiments, funding and expectations") {
  CHECK(fmt_checked("function hill \"t\" ( x , half , n : 2 ) = x ^ n / ( half ^ n + x ^ n )") ==
        "function hill \"t\" (x, half, n: 2) = x ^ n / (half ^ n + x ^ n)\n");
  CHECK(fmt_checked("experiment p from \"p.csv\" { arm group : treatment \"a\" , control \"b\" outcome churned confidence 95% }") ==
        "experiment p from \"p.csv\" {\n  arm group: treatment \"a\", control \"b\"\n  outcome churned\n  confidence 95%\n}\n");
  CHECK(fmt_checked("funding \"F\" { budget 2.5M USD reject when effect(nps)<0 points \"why\" at least 30% of budget to stage strategic must fund a , b }") ==
        "funding \"F\" {\n"
        "  budget 2.5M USD\n"
        "  reject when effect(nps) < 0 points \"why\"\n"
        "  at least 30% of budget to stage strategic\n"
        "  must fund a, b\n"
        "}\n");
  CHECK(fmt_checked("expect \"two\" { funded(a) status(churn) != red }") ==
        "expect \"two\" {\n  funded(a)\n  status(churn) != red\n}\n");
}

TEST_CASE("an empty file stays empty; a file of comments keeps them") {
  CHECK(fmt_checked("") == "");
  CHECK(fmt_checked("\n\n   \n") == "");
  CHECK(fmt_checked("# only\n\n\n# comments") == "# only\n\n# comments\n");
}
