// Every comment is kept, and attached where it was: an end-of-line comment to
// the token it follows, an own-line comment to what comes after it.
#include <doctest/doctest.h>

#include "format_helpers.hpp"

using cxv::format::test::fmt_checked;

TEST_CASE("a comment before a declaration stays above it") {
  CHECK(fmt_checked("# the customers\nstakeholder a { weight 1 }\n# the staff\n\nstakeholder b { weight 2 }") ==
        "# the customers\n"
        "stakeholder a { weight 1 }\n"
        "\n"
        "# the staff\n"
        "\n"
        "stakeholder b { weight 2 }\n");
}

TEST_CASE("an end-of-line comment stays at the end of its line, two spaces after the code") {
  CHECK(fmt_checked("kpi churn {\n  perspective customer          # financial | customer\n  better lower#lower is better\n}") ==
        "kpi churn {\n  perspective customer  # financial | customer\n  better lower  #lower is better\n}\n");
  CHECK(fmt_checked("import \"std/clv\"   # stdlib") == "import \"std/clv\"  # stdlib\n");
  CHECK(fmt_checked("stakeholder a { weight 1 }   # end") == "stakeholder a { weight 1 }  # end\n");
  CHECK(fmt_checked("stakeholder a {\n weight 1 }   # end") == "stakeholder a {\n  weight 1\n}  # end\n");
}

TEST_CASE("an end-of-line comment after `{` stays there") {
  CHECK(fmt_checked("table t from \"t.csv\" {   # path relative to this file\n key id: text }") ==
        "table t from \"t.csv\" {  # path relative to this file\n  key id: text\n}\n");
}

TEST_CASE("a comment inside a block before `}` stays inside, indented with the clauses") {
  CHECK(fmt_checked("kpi k {\n  target 1\n      # todo: thresholds\n}") == "kpi k {\n  target 1\n  # todo: thresholds\n}\n");
  CHECK(fmt_checked("kpi k {\n# only a comment\n}") == "kpi k {\n  # only a comment\n}\n");
}

TEST_CASE("comments between effects keep their order and their lines") {
  CHECK(fmt_checked("initiative i {\n  effect a -8%   # first\n# about the second\n  effect b +3 points\n\n  # about the third\n  effect c -0.1pp\n}") ==
        "initiative i {\n"
        "  effect a -8%  # first\n"
        "  # about the second\n"
        "  effect b +3 points\n"
        "\n"
        "  # about the third\n"
        "  effect c -0.1pp\n"
        "}\n");
}

TEST_CASE("a comment at the end of the file without a newline") {
  CHECK(fmt_checked("stakeholder a { weight 1 }\n# last words") == "stakeholder a { weight 1 }\n\n# last words\n");
  CHECK(fmt_checked("stakeholder a { weight 1 } # last") == "stakeholder a { weight 1 }  # last\n");
}

TEST_CASE("comments inside an expression spanning lines") {
  CHECK(fmt_checked("value v for s =\n   a   # the first part\n  # and now\n      + b # the second\n\nkpi k { target 1 }") ==
        "value v for s =\n"
        "  a  # the first part\n"
        "  # and now\n"
        "  + b  # the second\n"
        "\n"
        "kpi k { target 1 }\n");
  CHECK(fmt_checked("driver d {\n churn += saturate(  # diminishing returns\n    # the slope\n    delta(nps) * -0.04pp/points,\n    limit: -0.8pp  # the cap\n  )\n}") ==
        "driver d {\n"
        "  churn += saturate(  # diminishing returns\n"
        "    # the slope\n"
        "    delta(nps) * -0.04pp/points,\n"
        "    limit: -0.8pp  # the cap\n"
        "  )\n"
        "}\n");
}

TEST_CASE("a comment between a declaration's header and its `{` keeps the `{` on the next line") {
  std::string out = fmt_checked("kpi k \"t\" # note\n{ target 1 }");
  CHECK(out == "kpi k \"t\"  # note\n{ target 1 }\n");
}

TEST_CASE("a `#` inside a string is not a comment") {
  CHECK(fmt_checked("initiative i { owner \"Team #2\" # real comment\n}") ==
        "initiative i {\n  owner \"Team #2\"  # real comment\n}\n");
}

TEST_CASE("trailing spaces of a comment are removed, its text is not touched") {
  CHECK(fmt_checked("#   spaced   out  \t\nkpi k { target 1 }") == "#   spaced   out\nkpi k { target 1 }\n");
}
