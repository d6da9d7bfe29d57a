// Imports and the embedded stdlib: std/ modules, the std/curves prelude,
// relative imports (each file once, cycles harmless), functions checked per
// call with their arguments' units.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "check/stdlib.hpp"
#include "check_helpers.hpp"

using namespace cxv;

namespace {

std::unique_ptr<test::Checked> with_header(const std::string& snippet) {
  return test::check_text(std::string(test::kHeader) + snippet);
}

}  // namespace

TEST_CASE("the stdlib is embedded: curves, clv, scorecard") {
  CHECK(stdlib_module("std/curves"));
  CHECK(stdlib_module("std/clv"));
  CHECK(stdlib_module("std/clv.cxv"));
  CHECK(stdlib_module("std/scorecard"));
  CHECK_FALSE(stdlib_module("std/nothing"));
  CHECK(stdlib_module("std/curves")->find("function saturate(x, limit)") != std::string_view::npos);
}

TEST_CASE("std/curves is a prelude: saturate, linear, hill and logistic need no import") {
  auto c = with_header(
      "driver d {\n"
      "  churn += saturate(delta(nps) * -0.04pp/points, limit: -0.8pp)\n"
      "  churn += linear(delta(nps), slope: -0.01pp/points)\n"
      "  churn += hill(delta(nps), 5 points, -0.5pp)\n"
      "  churn += logistic(delta(nps), 0 points, 5 points, -0.5pp)\n"
      "}\n");
  INFO(c->all());
  REQUIRE(c->program);
  const auto& rules = c->program->drivers[0].rules;
  REQUIRE(rules.size() == 4);
  for (const auto& r : rules) CHECK(r.formula->unit.is_ratio());
  // hill's default n: 2 is filled in.
  CHECK(ir::to_string(*rules[2].formula, *c->program) ==
        "hill(x: delta(nps), half: 5 [points], top: -0.005 [ratio], n: 2)");
  // The body is checked for these arguments: `param` nodes read them.
  REQUIRE(rules[0].formula->body);
  CHECK(rules[0].formula->body->unit.is_ratio());
}

TEST_CASE("std/clv must be imported, then clv works with money and ratios") {
  const std::string use =
      "value lifetime for shareholders = clv(mean(customers.monthly_revenue) * 1 month, 98%, 1%) * count(customers)\n";
  auto without = with_header(use);
  CHECK(without->describe_code("E031") == "32:35 E031 unknown function 'clv'");
  auto with = with_header("import \"std/clv\"\n" + use);
  INFO(with->all());
  REQUIRE(with->program);
  CHECK(with->program->values[0].unit == Unit::money());
  CHECK(with->program->values[0].kind == ir::ValueKind::one_time);
}

TEST_CASE("a unit mistake inside a stdlib function is reported there, with a note at the call") {
  auto c = with_header("driver d {\n  churn += saturate(delta(nps), limit: -0.8pp)\n}\n");
  const Diagnostic* d = c->find("E064");
  REQUIRE(d);
  CHECK(c->sources.file(d->span->file).path() == "<stdlib>/std/curves.cxv");
  REQUIRE_FALSE(d->notes.empty());
  CHECK(d->notes.back().message == "in this call of 'saturate'");
  CHECK(c->sources.file(d->notes.back().span->file).position(d->notes.back().span->begin).line == 33);
}

TEST_CASE("the author's own function shadows the prelude's") {
  auto c = with_header("function linear(x) = x * 2\nvalue v for customers = linear(count(customers))\n");
  INFO(c->all());
  CHECK(c->program);
}

TEST_CASE("relative imports: each file once, import cycles are harmless, names are shared") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "cxv_check_imports_test";
  fs::create_directories(dir / "shared");
  {
    std::ofstream common(dir / "shared" / "common.cxv");
    common << "import \"../main.cxv\"\n"
              "kpi tenure_months {\n  measure mean(customers.tenure)\n  better higher\n}\n";
  }
  const std::string main_text = std::string(test::kHeader) +
                                "import \"shared/common\"\n"
                                "value v for customers = delta(tenure_months) * count(customers) / 1 month\n";
  {
    std::ofstream m(dir / "main.cxv");
    m << main_text;
  }
  auto c = test::check_text(main_text, {}, (dir / "main.cxv").string());
  INFO(c->all());
  REQUIRE(c->program);
  CHECK(c->program->find_kpi("tenure_months") != ir::kNone);
  // main, shared/common.cxv and the prelude: main is not loaded twice.
  CHECK(c->sources.size() == 3);
  fs::remove_all(dir);
}

TEST_CASE("a function never called still has its names resolved") {
  auto c = with_header("function margin(x) = x * pric\n");
  CHECK(c->describe_code("E031") == "32:26 E031 unknown name 'pric' in function 'margin'");
  auto ok = with_header("function margin(x, price) = x * price + churn\n");
  INFO(ok->all());
  CHECK(ok->program);
}

TEST_CASE("std/valuechain and the value levers of std/scorecard: imported, checked per call") {
  CHECK(stdlib_module("std/valuechain"));
  CHECK(stdlib_module("std/scorecard")->find("function retention_value(customers, retention_change, margin)") !=
        std::string_view::npos);
  const std::string use =
      "value kept for shareholders = retention_value(count(customers), -delta(churn), 20 USD/month)\n"
      "value reached for shareholders = chain_value(count(customers), 40%, 25%, 12 USD)\n";
  auto without = with_header(use);
  CHECK(without->describe_code("E031") == "32:31 E031 unknown function 'retention_value'");
  auto with = with_header("import \"std/scorecard\"\nimport \"std/valuechain\"\n" + use);
  INFO(with->all());
  REQUIRE(with->program);
  CHECK(with->program->values[0].kind == ir::ValueKind::flow);
  CHECK(with->program->values[1].kind == ir::ValueKind::one_time);
  // A margin that is not money makes the lever's result not money: caught at the call.
  auto wrong = with_header("import \"std/scorecard\"\n"
                           "value v for shareholders = cost_to_serve_value(count(customers), 2 points) + 1 USD\n");
  CHECK(wrong->find("E036"));
}
