// The line table has a fast path for files without '\r' (memchr over '\n');
// these pin it to the same lines as the byte-by-byte path.
#include <doctest/doctest.h>

#include <string>

#include "source/source.hpp"

using namespace cxv;

TEST_CASE("a file without carriage returns: every newline starts a line") {
  SourceFile f(0, "a.cxv", "kpi a\n\n  b\nlast\n");
  CHECK(f.line_count() == 5);  // the empty line after the final newline counts
  CHECK(f.line_text(1) == "kpi a");
  CHECK(f.line_text(2).empty());
  CHECK(f.line_text(3) == "  b");
  CHECK(f.line_text(4) == "last");
  CHECK(f.line_text(5).empty());
  CHECK(f.position(8).line == 3);
  CHECK(f.position(8).col == 2);
}

TEST_CASE("the fast path and the carriage-return path agree on the same lines") {
  std::string lf;
  for (int i = 0; i < 1000; ++i) lf += "line " + std::to_string(i) + "\n";
  // The same text with a lone '\r' line added at the end takes the other path.
  SourceFile fast(0, "lf.cxv", lf);
  SourceFile slow(1, "cr.cxv", lf + "x\ry");
  CHECK(fast.line_count() == 1001);
  CHECK(slow.line_count() == 1002);
  for (std::uint32_t line = 1; line <= 1000; ++line) CHECK(fast.line_text(line) == slow.line_text(line));
  CHECK(fast.position(static_cast<std::uint32_t>(lf.size()) - 1).line == 1000);
}

TEST_CASE("an empty file has one empty line") {
  SourceFile f(0, "a.cxv", "");
  CHECK(f.line_count() == 1);
  CHECK(f.line_text(1).empty());
}
