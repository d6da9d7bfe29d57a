// The public API: files that cannot be read, lint levels, ordering.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
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

TEST_CASE("diagnostics come back sorted by position") {
  CheckResult r = check_source("t.cxv", "kpi a {\n  perspective nowhere\n}\nkpi b {\n  perspective elsewhere\n}\n");
  const auto& all = r.diagnostics.all();
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (all[i - 1].span && all[i].span && all[i - 1].span->file == all[i].span->file)
      CHECK(all[i - 1].span->begin <= all[i].span->begin);
  }
}
