// docs/units.md stays true: its complete example checks clean, and the
// figures the text gives for it are what the checker computes.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "check_helpers.hpp"

using namespace cxv;

TEST_CASE("docs/units.md: the complete example checks, with the figures the text gives") {
  std::ifstream in(std::string(CXV_SOURCE_DIR) + "/docs/units.md");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  const auto start = doc.find("```cxv\n");
  REQUIRE(start != std::string::npos);
  const auto end = doc.find("```\n", start + 7);
  auto c = test::check_text(doc.substr(start + 7, end - start - 7));
  INFO(c->all());
  REQUIRE(c->program);
  const ir::Program& p = *c->program;
  CHECK(p.framework.horizon_months == 24);
  CHECK(p.values[p.find_value("lifetime")].kind == ir::ValueKind::one_time);
  CHECK(p.values[p.find_value("kept")].kind == ir::ValueKind::flow);
  const ir::Initiative& coaching = p.initiatives[p.find_initiative("coaching")];
  CHECK(coaching.cost_per_month == Decimal(7500));
  CHECK(coaching.cost_once == Decimal(60000));
  CHECK(coaching.start_index == 3);
  CHECK(coaching.ramp_months == 3);
  CHECK(p.kpis[p.find_kpi("handle")].display.text == "minutes");
  CHECK(doc.find("```cxv\n", end) == std::string::npos);  // one complete example only
}
