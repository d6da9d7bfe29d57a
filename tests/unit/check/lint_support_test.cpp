// The lint registry helpers and the wording helpers.

#include <doctest/doctest.h>

#include "check/lint_report.hpp"
#include "check/lint_text.hpp"
#include "diag/diagnostic.hpp"

using namespace cxv;

TEST_CASE("every lint code is registered as a warning with a kebab-case name") {
  std::size_t lints = 0;
  for (const CodeInfo& c : all_codes()) {
    if (c.code.front() != 'L') continue;
    ++lints;
    CHECK(lint::is_lint_code(c.code));
    CHECK(c.default_severity == Severity::warning);
    CHECK(c.name.find(' ') == std::string_view::npos);
    CHECK(lint::lint_code_of(c.name) == c.code);
  }
  CHECK(lints >= 13);
}

TEST_CASE("lint_code_of accepts a code or a name, nothing else") {
  CHECK(lint::lint_code_of("L005") == std::optional<std::string_view>("L005"));
  CHECK(lint::lint_code_of("unmoved-kpi") == std::optional<std::string_view>("L005"));
  CHECK_FALSE(lint::lint_code_of("E031").has_value());
  CHECK_FALSE(lint::lint_code_of("unknown-name").has_value());
  CHECK_FALSE(lint::lint_code_of("L999").has_value());
  CHECK_FALSE(lint::is_lint_code("E031"));
}

TEST_CASE("money_text groups thousands and shows cents only when there are some") {
  CHECK(lint::money_text(Decimal(1'200'000), "USD") == "1,200,000 USD");
  CHECK(lint::money_text(Decimal(999), "EUR") == "999 EUR");
  CHECK(lint::money_text(Decimal(1000), "EUR") == "1,000 EUR");
  CHECK(lint::money_text(Decimal::from_scaled(123456785, 3), "USD") == "123,456.78 USD");  // half-even
  CHECK(lint::money_text(Decimal(-2'500'000), "USD") == "-2,500,000 USD");
}

TEST_CASE("joined lists read as prose") {
  CHECK(lint::joined({}) == "");
  CHECK(lint::joined({"a"}) == "a");
  CHECK(lint::joined({"a", "b"}) == "a and b");
  CHECK(lint::joined({"a", "b", "c"}) == "a, b and c");
}
