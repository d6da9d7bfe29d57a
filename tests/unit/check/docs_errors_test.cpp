// docs/errors.md stays true: every entry's ```cxv-error example gives its
// code, every check code has an entry, and the shared header shown there is
// the one these tests use.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "check_helpers.hpp"

using namespace cxv;

namespace {

std::string read_doc(const std::string& rel) {
  std::ifstream in(std::string(CXV_SOURCE_DIR) + "/" + rel);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Code -> the first fenced block of `fence` after its "## Exxx" heading.
std::map<std::string, std::string> examples(const std::string& doc, const std::string& fence) {
  std::map<std::string, std::string> out;
  std::istringstream lines(doc);
  std::string line, code, block;
  bool in_block = false;
  while (std::getline(lines, line)) {
    if (in_block) {
      if (line == "```") {
        in_block = false;
        if (!code.empty() && !out.count(code)) out[code] = block;
        continue;
      }
      block += line + "\n";
    } else if (line.rfind("## E", 0) == 0) {
      code = line.substr(3, 4);
    } else if (line == "```" + fence) {
      in_block = true;
      block.clear();
    }
  }
  return out;
}

}  // namespace

TEST_CASE("docs/errors.md: every example gives the error of its entry") {
  const std::string doc = read_doc("docs/errors.md");
  auto blocks = examples(doc, "cxv-error");
  REQUIRE(blocks.size() > 30);
  for (const auto& [code, text] : blocks) {
    INFO(code);
    const bool standalone = text.rfind("# standalone", 0) == 0;
    auto c = test::check_text(standalone ? text : std::string(test::kHeader) + text);
    INFO(c->all());
    CHECK(c->find(code) != nullptr);
  }
}

TEST_CASE("docs/errors.md: every check code has an entry") {
  const std::string doc = read_doc("docs/errors.md");
  auto blocks = examples(doc, "cxv-error");
  for (const auto& info : all_codes()) {
    const std::string code(info.code);
    if (code < "E030" || code > "E099") continue;
    INFO(code);
    CHECK(doc.find("## " + code + "\n") != std::string::npos);
    CHECK(blocks.count(code) == 1);
  }
}

TEST_CASE("docs/errors.md: the shared header is the tests' header, and it checks clean") {
  const std::string doc = read_doc("docs/errors.md");
  const auto start = doc.find("```cxv\n");
  REQUIRE(start != std::string::npos);
  const auto end = doc.find("```\n", start + 7);
  CHECK(doc.substr(start + 7, end - start - 7) == test::kHeader);
}
