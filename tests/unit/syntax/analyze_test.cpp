// PEGTL's grammar analysis: no rule can loop without consuming input, and no
// repetition can match empty (which would hang the parser).

#include <doctest/doctest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/cxv_grammar.hpp"

TEST_CASE("the grammar has no infinite loops") {
  CHECK(tao::pegtl::analyze<cxv::grammar::file>(1) == 0);
}
