// `cxv run` in-process: exit codes, formats, colour only on a terminal.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/app.hpp"

using namespace cxv::cli;

namespace {

const std::string kAccounts = std::string(CXV_SOURCE_DIR) + "/tests/golden/run/accounts.cxv";
const std::string kDivision = std::string(CXV_SOURCE_DIR) + "/tests/golden/run/err_division.cxv";

bool has(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("cxv run prints the scorecard, exit 0") {
  Outcome o = run({"run", kAccounts}, {});
  CHECK(o.exit_code == kExitClean);
  CHECK(has(o.out, "Golden accounts"));
  CHECK(has(o.out, "178.68 USD/month"));
  CHECK(o.err.empty());
}

TEST_CASE("cxv run --format json is valid JSON with the contract's keys") {
  Outcome o = run({"run", "--format", "json", kAccounts}, {});
  REQUIRE(o.exit_code == kExitClean);
  auto doc = nlohmann::json::parse(o.out);
  CHECK(doc["framework"]["name"] == "Golden accounts");
  CHECK(doc["scorecard"]["kpis"].size() == 9);
  CHECK(doc["scorecard"]["kpis"][0]["name"] == "active_share");
  CHECK(doc["scorecard"]["kpis"][0]["status"] == "green");
  CHECK(doc["scorecard"]["overall_score"] == 70);
}

TEST_CASE("a runtime error goes to stderr with exit 1 and no report") {
  Outcome o = run({"run", kDivision}, {});
  CHECK(o.exit_code == kExitErrors);
  CHECK(o.out.empty());
  CHECK(has(o.err, "error[E151]"));
}

TEST_CASE("a missing file is exit 1; a bad option is a usage error, exit 2") {
  CHECK(run({"run", "no/such/file.cxv"}, {}).exit_code == kExitErrors);
  CHECK(run({"run", "--format", "html", kAccounts}, {}).exit_code == kExitUsage);
  CHECK(run({"run"}, {}).exit_code == kExitUsage);
}

TEST_CASE("status colours only on a terminal without NO_COLOR, or when forced") {
  Terminal tty;
  tty.stdout_is_tty = true;
  CHECK(has(run({"run", kAccounts}, tty).out, "\x1b[32mgreen"));
  Terminal no_color = tty;
  no_color.no_color = true;
  CHECK_FALSE(has(run({"run", kAccounts}, no_color).out, "\x1b["));
  CHECK_FALSE(has(run({"run", kAccounts}, {}).out, "\x1b["));
  CHECK(has(run({"run", "--color", "always", kAccounts}, {}).out, "\x1b[31mred"));
  CHECK_FALSE(has(run({"run", "--color", "never", kAccounts}, tty).out, "\x1b["));
}
