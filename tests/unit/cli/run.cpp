// The command line in-process: exit codes, usage errors, formats, colour.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/app.hpp"

using namespace cxv::cli;

namespace {

Outcome cxv_run(std::vector<std::string> args, Terminal t = {}) { return run(args, t); }

const std::string kMissing = "no/such/dir/missing.cxv";

}  // namespace

TEST_CASE("--version prints the version and the build line, exit 0") {
  Outcome o = cxv_run({"--version"});
  CHECK(o.exit_code == 0);
  CHECK(o.out.rfind("cxv 0.1.0\nbuilt with ", 0) == 0);
  CHECK(o.err.empty());
}

TEST_CASE("--help describes the tool, lists check, examples and exit codes") {
  Outcome o = cxv_run({"--help"});
  CHECK(o.exit_code == 0);
  CHECK(o.out.find("customer-experience value frameworks") != std::string::npos);
  CHECK(o.out.find("check") != std::string::npos);
  CHECK(o.out.find("Examples:") != std::string::npos);
  CHECK(o.out.find("Exit codes:") != std::string::npos);
}

TEST_CASE("check --help shows the check options") {
  Outcome o = cxv_run({"check", "--help"});
  CHECK(o.exit_code == 0);
  for (const char* flag : {"--format", "--strict", "--deny", "--warn", "--allow", "--data", "--color", "--quiet"})
    CHECK_MESSAGE(o.out.find(flag) != std::string::npos, flag);
}

TEST_CASE("usage problems exit with 2 and say so on stderr") {
  SUBCASE("no command") { CHECK(cxv_run({}).exit_code == 2); }
  SUBCASE("unknown command") { CHECK(cxv_run({"frobnicate"}).exit_code == 2); }
  SUBCASE("no file") { CHECK(cxv_run({"check"}).exit_code == 2); }
  SUBCASE("unknown flag") {
    Outcome o = cxv_run({"check", "--frobnicate", kMissing});
    CHECK(o.exit_code == 2);
    CHECK(o.err.find("--frobnicate") != std::string::npos);
    CHECK(o.out.empty());
  }
  SUBCASE("bad format") { CHECK(cxv_run({"check", "--format", "xml", kMissing}).exit_code == 2); }
  SUBCASE("bad colour") { CHECK(cxv_run({"check", "--color", "sometimes", kMissing}).exit_code == 2); }
  SUBCASE("--data that is not a directory") { CHECK(cxv_run({"check", "--data", "no/such/dir", kMissing}).exit_code == 2); }
  SUBCASE("unknown code") {
    Outcome o = cxv_run({"check", "--deny", "L999", kMissing});
    CHECK(o.exit_code == 2);
    CHECK(o.err.find("unknown code 'L999'") != std::string::npos);
  }
  SUBCASE("an error code cannot be allowed") {
    Outcome o = cxv_run({"check", "--allow", "E190", kMissing});
    CHECK(o.exit_code == 2);
    CHECK(o.err.find("not a lint") != std::string::npos);
  }
}

TEST_CASE("a missing file is an error: exit 1, reported in the file:line:col shape") {
  Outcome o = cxv_run({"check", kMissing});
  CHECK(o.exit_code == 1);
  CHECK(o.out.rfind(kMissing + ": error[E190]: file not found", 0) == 0);
  CHECK(o.out.find("error: 1 error in " + kMissing + "\n") != std::string::npos);
}

TEST_CASE("several files are each checked and reported together") {
  Outcome o = cxv_run({"check", "a_missing.cxv", "b_missing.cxv"});
  CHECK(o.exit_code == 1);
  auto a = o.out.find("a_missing.cxv: error[E190]");
  auto b = o.out.find("b_missing.cxv: error[E190]");
  CHECK(a != std::string::npos);
  CHECK(b != std::string::npos);
  CHECK(a < b);
  CHECK(o.out.find("error: 2 errors in a_missing.cxv, b_missing.cxv\n") != std::string::npos);
}

TEST_CASE("--format json and sarif print one parseable document") {
  Outcome j = cxv_run({"check", "--format", "json", kMissing});
  CHECK(j.exit_code == 1);
  auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["diagnostics"][0]["code"] == "E190");
  CHECK(doc["files"][0] == kMissing);

  Outcome s = cxv_run({"check", "--format", "sarif", kMissing});
  CHECK(s.exit_code == 1);
  auto log = nlohmann::json::parse(s.out);
  CHECK(log["version"] == "2.1.0");
  CHECK(log["runs"][0]["results"][0]["ruleId"] == "E190");
}

TEST_CASE("colour: auto follows the terminal and NO_COLOR; always and never force it") {
  Terminal tty;
  tty.stdout_is_tty = true;
  CHECK(cxv_run({"check", kMissing}, tty).out.find('\x1b') != std::string::npos);
  Terminal no_color = tty;
  no_color.no_color = true;
  CHECK(cxv_run({"check", kMissing}, no_color).out.find('\x1b') == std::string::npos);
  CHECK(cxv_run({"check", kMissing}).out.find('\x1b') == std::string::npos);
  CHECK(cxv_run({"check", "--color", "always", kMissing}).out.find('\x1b') != std::string::npos);
  CHECK(cxv_run({"check", "--color", "never", kMissing}, tty).out.find('\x1b') == std::string::npos);
}

TEST_CASE("--quiet drops the summary line but keeps errors and the exit code") {
  Outcome o = cxv_run({"check", "-q", kMissing});
  CHECK(o.exit_code == 1);
  CHECK(o.out.find("error[E190]") != std::string::npos);
  CHECK(o.out.find("error: 1 error") == std::string::npos);
}

TEST_CASE("a lint flag does not swallow the file after it") {
  // `--deny L001 x.cxv`: x.cxv must still be taken as the file to check.
  Outcome o = cxv_run({"check", "--deny", "L001", kMissing});
  CHECK(o.exit_code == 1);
  CHECK(o.out.find(kMissing + ": error[E190]") != std::string::npos);
}
