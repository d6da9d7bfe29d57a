// Property tests over every .cxv file of the repository (examples, stdlib,
// golden cases, editor tests, unit-test fixtures: the fuzzer's seeds too):
// a file that parses is formatted, formatting is idempotent, and the token
// stream (comments included) is kept.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "format/formatter.hpp"
#include "format/tokens.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> repository_cxv_files() {
  const fs::path root = CXV_SOURCE_DIR;
  std::vector<fs::path> out;
  for (const char* dir : {"examples", "stdlib", "tests", "editors/vscode/test", "fuzz"}) {
    if (!fs::is_directory(root / dir)) continue;
    for (auto it = fs::recursive_directory_iterator(root / dir); it != fs::recursive_directory_iterator(); ++it) {
      if (it->is_directory() && it->path().filename() == "node_modules") {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && it->path().extension() == ".cxv") out.push_back(it->path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every .cxv in the repository: idempotent, tokens and comments kept") {
  std::vector<fs::path> files = repository_cxv_files();
  REQUIRE(files.size() > 50);  // the examples, stdlib, golden and editor cases are all there
  std::size_t formatted = 0;
  for (const fs::path& file : files) {
    INFO(file.string());
    std::string text = read_file(file);
    cxv::format::FormatResult once = cxv::format::format_source(file.string(), text);
    bool refused = false;
    for (const cxv::Diagnostic& d : once.diagnostics.all()) refused |= d.code == "E023";
    CHECK_FALSE(refused);
    if (!once.formatted) continue;  // a golden case with a deliberate syntax error
    ++formatted;
    CHECK(cxv::format::same_tokens(cxv::format::lex(text).tokens, cxv::format::lex(*once.formatted).tokens));
    cxv::format::FormatResult twice = cxv::format::format_source(file.string(), *once.formatted);
    REQUIRE(twice.formatted.has_value());
    CHECK(*twice.formatted == *once.formatted);
  }
  MESSAGE(formatted << " of " << files.size() << " files formatted and checked");
  CHECK(formatted > files.size() / 2);
}
