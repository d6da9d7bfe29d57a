// Lint levels: per-code settings win over --strict, which wins over the default.
#include <doctest/doctest.h>

#include "api/lint_levels.hpp"

using namespace cxv;
using api_detail::apply_lint_levels;

namespace {

Diagnostics three_lints() {
  Diagnostics ds;
  ds.warning("L001", std::nullopt, "a");
  ds.warning("L002", std::nullopt, "b");
  ds.error("E031", std::nullopt, "not a lint");
  return ds;
}

}  // namespace

TEST_CASE("without options lints keep their default level and errors are untouched") {
  Diagnostics ds = three_lints();
  apply_lint_levels(ds, {});
  REQUIRE(ds.all().size() == 3);
  CHECK(ds.all()[0].severity == Severity::warning);
  CHECK(ds.all()[2].severity == Severity::error);
}

TEST_CASE("strict makes every lint an error") {
  Diagnostics ds = three_lints();
  CheckOptions o;
  o.strict = true;
  apply_lint_levels(ds, o);
  CHECK(ds.error_count() == 3);
}

TEST_CASE("a per-code level overrides strict: warn keeps it a warning, allow removes it") {
  Diagnostics ds = three_lints();
  CheckOptions o;
  o.strict = true;
  o.lint_levels["L001"] = LintLevel::warn;
  o.lint_levels["L002"] = LintLevel::allow;
  apply_lint_levels(ds, o);
  REQUIRE(ds.all().size() == 2);
  CHECK(ds.all()[0].code == "L001");
  CHECK(ds.all()[0].severity == Severity::warning);
  CHECK(ds.all()[1].code == "E031");
}

TEST_CASE("deny makes one lint an error and leaves the others") {
  Diagnostics ds = three_lints();
  CheckOptions o;
  o.lint_levels["L002"] = LintLevel::deny;
  apply_lint_levels(ds, o);
  CHECK(ds.all()[0].severity == Severity::warning);
  CHECK(ds.all()[1].severity == Severity::error);
}

TEST_CASE("applying the levels twice gives the same list") {
  Diagnostics once = three_lints();
  CheckOptions o;
  o.strict = true;
  o.lint_levels["L001"] = LintLevel::allow;
  apply_lint_levels(once, o);
  Diagnostics twice = once;
  apply_lint_levels(twice, o);
  REQUIRE(once.all().size() == twice.all().size());
  for (std::size_t i = 0; i < once.all().size(); ++i) CHECK(once.all()[i].severity == twice.all()[i].severity);
}
