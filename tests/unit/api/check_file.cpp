// The public API: files that cannot be read, lint levels, ordering.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "cxv/cxv.hpp"

using namespace cxv;
namespace fs = std::filesystem;

namespace {

// A scratch directory removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("cxv_api_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("the library reports its version") { CHECK(std::string(version()) == "0.1.0"); }

TEST_CASE("a missing file is E190 at the path, with a did-you-mean for a close name beside it") {
  TempDir dir;
  dir.write("telecom.cxv", "");
  std::string wanted = (dir.path / "telcom.cxv").string();
  CheckResult r = check_file(wanted);
  REQUIRE(r.diagnostics.all().size() == 1);
  const Diagnostic& d = r.diagnostics.all()[0];
  CHECK(d.code == "E190");
  CHECK(d.severity == Severity::error);
  CHECK(d.external_file == wanted);
  CHECK(d.message == "file not found: '" + wanted + "'");
  CHECK(d.help == "did you mean '" + (dir.path / "telecom.cxv").string() + "'?");
  CHECK_FALSE(r.ok());
  CHECK(r.program == nullptr);
}

TEST_CASE("a missing file with nothing like it nearby gets general help") {
  TempDir dir;
  CheckResult r = check_file((dir.path / "zzz.cxv").string());
  REQUIRE(r.diagnostics.all().size() == 1);
  CHECK(r.diagnostics.all()[0].help == "paths are relative to the directory cxv runs in");
}

TEST_CASE("a directory is E191, not a crash or an empty framework") {
  TempDir dir;
  CheckResult r = check_file(dir.path.string());
  REQUIRE(r.diagnostics.all().size() == 1);
  CHECK(r.diagnostics.all()[0].code == "E191");
  CHECK(r.diagnostics.all()[0].message.find("is a directory") != std::string::npos);
}

TEST_CASE("check_file and check_source agree on the same text") {
  TempDir dir;
  std::string text = "kpi churn {\n";  // unterminated: some syntax error
  std::string path = dir.write("broken.cxv", text);
  CheckResult from_file = check_file(path);
  CheckResult from_text = check_source(path, text);
  REQUIRE(from_file.diagnostics.all().size() == from_text.diagnostics.all().size());
  CHECK(from_file.diagnostics.has_errors());
  for (std::size_t i = 0; i < from_file.diagnostics.all().size(); ++i) {
    CHECK(from_file.diagnostics.all()[i].code == from_text.diagnostics.all()[i].code);
    CHECK(from_file.diagnostics.all()[i].span == from_text.diagnostics.all()[i].span);
  }
  CHECK(from_file.sources.file(0).path() == path);
  CHECK(from_file.program == nullptr);
}

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The golden suite's clean framework: no errors, no lints.
const std::string kClean = std::string(CXV_SOURCE_DIR) + "/tests/golden/check/clean_framework.cxv";

}  // namespace

TEST_CASE("a clean framework checks ok and comes with its checked program") {
  CheckResult r = check_file(kClean);
  CHECK(r.diagnostics.empty());
  CHECK(r.ok());
  CHECK(r.program != nullptr);
}

TEST_CASE("--strict through the API: a lint becomes an error and the program is withheld") {
  std::string text = read_text(kClean);
  auto at = text.find("  target 40 USD/month\n");
  REQUIRE(at != std::string::npos);
  text.erase(at, std::string("  target 40 USD/month\n").size());  // a KPI without a target is a lint

  CheckResult lenient = check_source("t.cxv", text);
  REQUIRE(lenient.diagnostics.all().size() == 1);
  CHECK(lenient.diagnostics.all()[0].severity == Severity::warning);
  CHECK(lenient.ok());
  CHECK(lenient.program != nullptr);

  CheckOptions strict;
  strict.strict = true;
  CheckResult r = check_source("t.cxv", text, strict);
  REQUIRE(r.diagnostics.all().size() == 1);
  CHECK(r.diagnostics.all()[0].code == lenient.diagnostics.all()[0].code);
  CHECK(r.diagnostics.all()[0].severity == Severity::error);
  CHECK_FALSE(r.ok());
  CHECK(r.program == nullptr);
}

TEST_CASE("diagnostics come back sorted by position") {
  std::string text = read_text(kClean);
  // Two unknown tables; whatever order the stages find them in, they come back in source order.
  for (const char* from : {"share(accounts where churned)", "mean(accounts.monthly_revenue)"}) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.insert(at + std::string(from).find("accounts"), "x");
  }
  CheckResult r = check_source("t.cxv", text);
  const auto& all = r.diagnostics.all();
  REQUIRE(all.size() >= 2);
  for (std::size_t i = 1; i < all.size(); ++i) {
    REQUIRE(all[i - 1].span);
    REQUIRE(all[i].span);
    CHECK(all[i - 1].span->begin <= all[i].span->begin);
  }
}
