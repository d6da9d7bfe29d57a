// `cxv fmt`: stdout, --check with a diff, -w written atomically, stdin, exit codes.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/app.hpp"
#include "cli/fmt_command.hpp"

namespace fs = std::filesystem;
using namespace cxv::cli;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "cxv-fmt-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text, mode_t mode = 0644) const {
    fs::path p = path / name;
    std::ofstream(p, std::ios::binary) << text;
    ::chmod(p.c_str(), mode);
    return p.string();
  }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), {})); }
};

std::string read(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string no_stdin() { return ""; }
std::string stdin_text() { return "kpi k {target 1}"; }

Outcome fmt(const FmtArgs& args, std::string (*in)() = no_stdin) { return run_fmt(args, in); }

const char* kUnformatted = "kpi k { target 1\n better lower }\n";
const char* kFormatted = "kpi k {\n  target 1\n  better lower\n}\n";

}  // namespace

TEST_CASE("cxv fmt FILE prints the formatted text and changes nothing") {
  TempDir dir;
  std::string f = dir.write("a.cxv", kUnformatted);
  Outcome o = fmt({{f}, false, false});
  CHECK(o.exit_code == kExitClean);
  CHECK(o.out == kFormatted);
  CHECK(read(f) == kUnformatted);
}

TEST_CASE("--check prints a unified diff and exits 1 for an unformatted file, nothing for a formatted one") {
  TempDir dir;
  std::string bad = dir.write("bad.cxv", kUnformatted);
  std::string good = dir.write("good.cxv", kFormatted);
  Outcome o = fmt({{good, bad}, false, true});
  CHECK(o.exit_code == kExitErrors);
  CHECK(o.out.rfind("--- " + bad + ".orig\n+++ " + bad + "\n@@ -1,2 +1,4 @@\n", 0) == 0);
  CHECK(o.out.find(good) == std::string::npos);
  CHECK(read(bad) == kUnformatted);
  CHECK(fmt({{good}, false, true}).exit_code == kExitClean);
  CHECK(fmt({{good}, false, true}).out.empty());
}

TEST_CASE("-w rewrites in place, keeps the permission bits and leaves no temporary file") {
  TempDir dir;
  std::string f = dir.write("a.cxv", kUnformatted, 0640);
  Outcome o = fmt({{f}, true, false});
  CHECK(o.exit_code == kExitClean);
  CHECK(o.out.empty());
  CHECK(read(f) == kFormatted);
  struct stat st {};
  REQUIRE(::stat(f.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(dir.entries() == 1);
}

TEST_CASE("-w does not touch a file already formatted: its modification time stays") {
  TempDir dir;
  std::string f = dir.write("a.cxv", kFormatted);
  auto before = fs::last_write_time(f);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(fmt({{f}, true, false}).exit_code == kExitClean);
  CHECK(fs::last_write_time(f) == before);
}

TEST_CASE("a file with a syntax error is reported on stderr and never rewritten") {
  TempDir dir;
  std::string text = "kpi k { target 1 +\n";
  std::string f = dir.write("bad.cxv", text);
  Outcome o = fmt({{f}, true, false});
  CHECK(o.exit_code == kExitErrors);
  CHECK(o.err.find("error[E0") != std::string::npos);  // the parser's own diagnostic
  CHECK(read(f) == text);
  CHECK(dir.entries() == 1);
}

TEST_CASE("no file or '-' reads standard input; -w on standard input is a usage error") {
  CHECK(fmt({{}, false, false}, stdin_text).out == "kpi k { target 1 }\n");
  CHECK(fmt({{"-"}, false, false}, stdin_text).out == "kpi k { target 1 }\n");
  CHECK(fmt({{}, true, false}, stdin_text).exit_code == kExitUsage);
  CHECK(fmt({{"-", "-"}, false, false}, stdin_text).exit_code == kExitUsage);
}

TEST_CASE("a missing file is E190 and exit 1; the other files are still formatted") {
  TempDir dir;
  std::string good = dir.write("good.cxv", kUnformatted);
  Outcome o = fmt({{(dir.path / "missing.cxv").string(), good}, false, false});
  CHECK(o.exit_code == kExitErrors);
  CHECK(o.err.find("E190") != std::string::npos);
  CHECK(o.out == kFormatted);
}

TEST_CASE("through the command line: -w and --check exclude each other") {
  Outcome o = run({"fmt", "-w", "--check", "x.cxv"}, Terminal{});
  CHECK(o.exit_code == kExitUsage);
  CHECK(o.err.find("cxv fmt --help") != std::string::npos);
}

TEST_CASE("write_atomically follows a symbolic link and keeps it") {
  TempDir dir;
  std::string target = dir.write("real.cxv", "old");
  fs::create_symlink(target, dir.path / "link.cxv");
  CHECK(write_atomically((dir.path / "link.cxv").string(), "new") == "");
  CHECK(fs::is_symlink(dir.path / "link.cxv"));
  CHECK(read(target) == "new");
}
