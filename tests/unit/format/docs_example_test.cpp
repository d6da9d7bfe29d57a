// docs/formatting.md's before/after example is what cxv fmt really does.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "format_helpers.hpp"

namespace {

// The fenced block that follows the line `label` (e.g. "Before:").
std::string block_after(const std::string& md, const std::string& label) {
  std::size_t at = md.find("\n" + label + "\n");
  REQUIRE(at != std::string::npos);
  std::size_t open = md.find("```", at);
  std::size_t body = md.find('\n', open) + 1;
  std::size_t close = md.find("\n```", body);
  REQUIRE(close != std::string::npos);
  return md.substr(body, close + 1 - body);
}

}  // namespace

TEST_CASE("the before/after example of docs/formatting.md") {
  std::ifstream in(std::string(CXV_SOURCE_DIR) + "/docs/formatting.md", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  std::string before = block_after(s.str(), "Before:");
  std::string after = block_after(s.str(), "After:");
  CHECK(cxv::format::test::fmt_checked(before) == after);
}

TEST_CASE("the cxv examples of docs/formatting.md are in the canonical layout") {
  std::ifstream in(std::string(CXV_SOURCE_DIR) + "/docs/formatting.md", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string md = s.str();
  int blocks = 0;
  for (std::size_t at = md.find("\n```cxv\n"); at != std::string::npos; at = md.find("\n```cxv\n", at + 1)) {
    std::size_t body = at + 8;
    std::string text = md.substr(body, md.find("\n```", body) + 1 - body);
    CHECK(cxv::format::test::fmt_checked(text) == text);
    ++blocks;
  }
  CHECK(blocks >= 1);
}
