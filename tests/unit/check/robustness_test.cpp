// Bad input never crashes the checker: every prefix of the flagship example
// (cut at arbitrary points, so declarations and expressions are broken in
// every way the parser recovers from) and some hostile texts.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "check_helpers.hpp"

using namespace cxv;

TEST_CASE("every prefix of the flagship example checks without crashing") {
  std::ifstream in(std::string(CXV_SOURCE_DIR) + "/tests/unit/check/flagship.cxv");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  std::size_t with_errors = 0, runs = 0;
  for (std::size_t cut = 0; cut < text.size(); cut += 13) {
    auto c = test::check_text(text.substr(0, cut));
    ++runs;
    if (!c->program) {
      ++with_errors;
      CHECK(c->diags.has_errors());  // no program without a reason
    }
  }
  CHECK(with_errors > 0);
  CHECK(runs > 100);
}

TEST_CASE("hostile inputs give diagnostics, not crashes") {
  const std::string cases[] = {
      std::string("\0\0\0", 3),
      "\xff\xfe kpi",
      std::string(test::kHeader) + "kpi k {\n  measure share(customers where customers where churned)\n}\n",
      std::string(test::kHeader) + "kpi k {\n  measure count(count(customers))\n}\n",
      std::string(test::kHeader) + "kpi k {\n  measure mean(customers.monthly_revenue where churned) ^ 0.5\n}\n",
      std::string(test::kHeader) + "value v for customers = 1 / 0 * count(customers)\n",
      std::string(test::kHeader) + "initiative a {\n  cost 0 USD once\n  effect churn onboarding.effect\n}\n",
      std::string(test::kHeader) + "expect \"x\" { portfolio.nothing > 0 USD }\n",
  };
  for (const auto& t : cases) {
    auto c = test::check_text(t);
    CHECK((c->program != nullptr || c->diags.has_errors()));
  }
}

TEST_CASE("a long chain of KPIs, each reading the next, checks without deep recursion") {
  std::string text = test::kHeader;
  const int n = 2000;  // deep enough to overflow the stack if checking recursed per KPI
  for (int i = 0; i < n; ++i) text += "kpi k" + std::to_string(i) + " {\n  measure k" + std::to_string(i + 1) + " + 1\n}\n";
  text += "kpi k" + std::to_string(n) + " {\n  measure count(customers)\n}\n";
  auto c = test::check_text(text);
  INFO(c->diags.error_count());
  REQUIRE(c->program);
  CHECK(c->program->kpi_order.back() == c->program->find_kpi("k0"));  // it reads all the others
}

TEST_CASE("a number too large for the decimal type is an error, not an exception") {
  const std::string digits(3998, '9');
  auto c = test::check_text(std::string(test::kHeader) + "initiative a {\n  cost " + digits + "B USD once\n}\n");
  CHECK(c->describe_code("E061") == "33:8 E061 this number is too large to work with");
}
