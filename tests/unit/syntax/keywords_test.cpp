// The keyword list is what the grammar reserves: every listed word is refused
// as a name, and words that merely look like keywords are accepted.

#include <doctest/doctest.h>

#include "grammar/keywords.hpp"
#include "parse_helpers.hpp"

using namespace cxv;
using namespace cxv::test;

TEST_CASE("is_reserved is exactly the keyword list") {
  for (std::string_view w : grammar::kKeywords) CHECK_MESSAGE(grammar::is_reserved(w), w);
  for (std::string_view w : {"kpis", "k", "valu", "values", "to_", "fundi", "Kpi", "", "_", "zeta", "USD"})
    CHECK_FALSE_MESSAGE(grammar::is_reserved(w), w);
}

TEST_CASE("every keyword is refused as a declaration name") {
  for (std::string_view w : grammar::kKeywords) {
    auto p = parse_text(fmt::format("stakeholder {} {{ weight 1% }}\n", w));
    REQUIRE(p->diags.all().size() == 1);
    CHECK_MESSAGE(p->diags.all()[0].code == "E020", w);
  }
}

TEST_CASE("a keyword is not a unit word, a name containing one is") {
  CHECK(expr_tree("3 to_do") == "3[to_do]");
  CHECK(expr_tree("3 kpis") == "3[kpis]");
}
