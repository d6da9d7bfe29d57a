// Property: whatever the bytes, the parser returns (no crash, no hang), and
// every diagnostic it gives points inside the file. Inputs are deterministic
// mutations of the flagship example: bytes deleted, duplicated, replaced by
// the characters that matter to the grammar, and lines cut.

#include <doctest/doctest.h>

#include <cstdint>
#include <random>

#include "parse_helpers.hpp"

using namespace cxv;
using namespace cxv::test;

namespace {

std::string mutate(const std::string& base, std::mt19937& rng) {
  static const std::string kInteresting = "{}()\"\\#;:,.=+-*/^<>!%_ \n\t0123456789kMBpx\xC3\xA9\xFF";
  std::string s = base;
  int edits = 1 + static_cast<int>(rng() % 8);
  for (int i = 0; i < edits && !s.empty(); ++i) {
    std::size_t at = rng() % s.size();
    switch (rng() % 4) {
      case 0: s.erase(at, 1 + rng() % 20); break;
      case 1: s.insert(at, s.substr(rng() % s.size(), 1 + rng() % 40)); break;
      case 2: s[at] = kInteresting[rng() % kInteresting.size()]; break;
      case 3: s.resize(at); break;
    }
  }
  return s;
}

}  // namespace

TEST_CASE("mutated inputs never crash and every error is located in the file") {
  const std::string base = read_file(std::string(CXV_SOURCE_DIR) + "/tests/unit/syntax/flagship.cxv");
  REQUIRE_FALSE(base.empty());
  std::mt19937 rng(20270101);
  int with_errors = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string text = mutate(base, rng);
    auto p = parse_text(text);
    for (const auto& d : p->diags.all()) {
      REQUIRE(d.span.has_value());
      CHECK(d.span->begin <= d.span->end);
      CHECK(d.span->end <= text.size());
      CHECK_FALSE(d.message.empty());
      CHECK(find_code(d.code) != nullptr);
    }
    if (p->diags.has_errors()) ++with_errors;
  }
  // The mutations do break the text; a parser that accepted everything would fail here.
  CHECK(with_errors > 1000);
}

TEST_CASE("a declaration is either kept whole or dropped with an error") {
  // Cutting the file anywhere inside the last declaration drops just that one.
  const std::string base = read_file(std::string(CXV_SOURCE_DIR) + "/tests/unit/syntax/flagship.cxv");
  std::size_t last = base.rfind("expect ");
  REQUIRE(last != std::string::npos);
  for (std::size_t cut = last + 8; cut < base.size() - 2; cut += 3) {
    auto p = parse_text(base.substr(0, cut));
    CHECK(p->diags.has_errors());
    CHECK(p->file.decls.size() == 23);
  }
}
