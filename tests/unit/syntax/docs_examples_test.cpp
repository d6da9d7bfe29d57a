// The examples in the language reference parse, and each example of a syntax
// error produces the error it documents: the docs cannot drift from the parser.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse_helpers.hpp"

using namespace cxv;
using namespace cxv::test;

namespace {

struct Block {
  std::string fence;    // "cxv" or "cxv-error"
  std::string code;     // the nearest "## E0xx" heading above, for cxv-error
  std::string text;
  int line = 0;
};

std::vector<Block> blocks(const std::string& md) {
  std::vector<Block> out;
  std::string heading;
  std::size_t pos = 0;
  int line = 0;
  Block* open = nullptr;
  while (pos < md.size()) {
    std::size_t end = md.find('\n', pos);
    if (end == std::string::npos) end = md.size();
    std::string l = md.substr(pos, end - pos);
    ++line;
    pos = end + 1;
    if (open) {
      if (l.rfind("```", 0) == 0) {
        open = nullptr;
      } else {
        open->text += l + "\n";
      }
      continue;
    }
    if (l.rfind("## ", 0) == 0) heading = l.substr(3);
    if (l == "```cxv" || l == "```cxv-error") {
      out.push_back(Block{l.substr(3), heading, "", line});
      open = &out.back();
    }
  }
  return out;
}

void check_doc(const std::string& name, std::size_t at_least) {
  std::string md = read_file(std::string(CXV_SOURCE_DIR) + "/docs/" + name);
  auto bs = blocks(md);
  CHECK(bs.size() >= at_least);
  for (const auto& b : bs) {
    auto p = parse_text(b.text, name);
    INFO(name, " block at line ", b.line, ":\n", b.text, p->errors());
    if (b.fence == "cxv") {
      CHECK(p->diags.empty());
    } else {
      REQUIRE_FALSE(p->diags.empty());
      if (b.code.rfind("E0", 0) == 0) CHECK(p->diags.all()[0].code == b.code);
    }
  }
}

}  // namespace

TEST_CASE("docs/language.md: every cxv example parses") { check_doc("language.md", 15); }

TEST_CASE("docs/errors-syntax.md: every error example gives its code") { check_doc("errors-syntax.md", 12); }
