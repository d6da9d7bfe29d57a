#include <doctest/doctest.h>

#include "source/source.hpp"

using namespace cxv;

TEST_CASE("positions count lines and code points") {
  SourceFile f(0, "a.cxv", "ab\nc\xC3\xA9x\r\nlast");
  CHECK(f.line_count() == 3);
  CHECK(f.position(0).line == 1);
  CHECK(f.position(3).line == 2);
  CHECK(f.position(3).col == 1);
  // 'x' comes after a two-byte 'é': byte offset 6, column 3
  CHECK(f.position(6).col == 3);
  CHECK(f.line_text(2) == "c\xC3\xA9x");
  CHECK(f.line_text(3) == "last");
  CHECK(f.line_text(4).empty());
}

TEST_CASE("utf16 columns count surrogate pairs twice") {
  SourceFile f(0, "a.cxv", "\xF0\x9F\x98\x80x");  // U+1F600 then x
  CHECK(f.utf16_column(4) == 2);
  CHECK(f.position(4).col == 2);
}

TEST_CASE("lone carriage returns end lines too") {
  SourceFile f(0, "a.cxv", "a\rb");
  CHECK(f.line_count() == 2);
  CHECK(f.line_text(2) == "b");
}

TEST_CASE("source map finds files by path") {
  SourceMap m;
  auto a = m.add("a.cxv", "x");
  auto b = m.add("b.cxv", "y");
  CHECK(a == 0);
  CHECK(b == 1);
  CHECK(m.find("b.cxv") == 1);
  CHECK(m.find("c.cxv") == -1);
}
