#include <doctest/doctest.h>

#include <string>

#include "lsp/document.hpp"
#include "lsp/text_position.hpp"

using cxv::lsp::Document;
using cxv::lsp::LineIndex;
using cxv::lsp::LspPosition;
using cxv::lsp::LspRange;
using cxv::lsp::TextChange;

TEST_CASE("ASCII text: byte offsets and UTF-16 positions agree column for column") {
  std::string text = "kpi a {\n  target 1%\n}\n";
  LineIndex lines(text);
  CHECK(lines.position(0) == LspPosition{0, 0});
  CHECK(lines.position(4) == LspPosition{0, 4});
  CHECK(lines.position(10) == LspPosition{1, 2});
  CHECK(lines.offset({1, 2}) == 10);
  CHECK(lines.position(static_cast<std::uint32_t>(text.size())) == LspPosition{3, 0});
}

TEST_CASE("non-ASCII text: 2- and 3-byte code points are one UTF-16 unit, 4-byte ones two") {
  // "é" is 2 bytes, "—" 3 bytes, "😀" 4 bytes (a surrogate pair in UTF-16).
  std::string text = "x \"é—😀\" churn";
  LineIndex lines(text);
  std::uint32_t churn = static_cast<std::uint32_t>(text.find("churn"));
  CHECK(churn == 14);                                // bytes: x, space, ", 2 + 3 + 4, "
  CHECK(lines.position(churn) == LspPosition{0, 9});  // units: x, space, ", 1 + 1 + 2, ", space
  CHECK(lines.offset({0, 9}) == churn);
  // A character inside the surrogate pair is the start of that code point.
  std::uint32_t emoji = static_cast<std::uint32_t>(text.find("😀"));
  CHECK(lines.offset({0, 5}) == emoji);
  CHECK(lines.offset({0, 6}) == emoji);
  CHECK(lines.offset({0, 7}) == emoji + 4);
  // An offset inside a multi-byte code point maps to its start.
  CHECK(lines.position(emoji + 2) == LspPosition{0, 5});
}

TEST_CASE("line ends: \\n, \\r\\n and a lone \\r all end a line") {
  std::string text = "a\r\nbb\rccc\nd";
  LineIndex lines(text);
  CHECK(lines.line_count() == 4);
  CHECK(lines.position(3) == LspPosition{1, 0});
  CHECK(lines.position(6) == LspPosition{2, 0});
  CHECK(lines.offset({3, 0}) == 10);
  // A character past the end of a line clamps to the line's end, before its terminator.
  CHECK(lines.offset({0, 99}) == 1);
  CHECK(lines.offset({1, 99}) == 5);
  // A line past the last clamps to the end of the text.
  CHECK(lines.offset({99, 0}) == text.size());
}

TEST_CASE("invalid UTF-8 counts one unit per byte instead of running past the line") {
  std::string text = "a\xff\xfe b\n\xe2\x80";  // a truncated 3-byte sequence at the end
  LineIndex lines(text);
  CHECK(lines.position(4) == LspPosition{0, 4});
  CHECK(lines.offset({0, 4}) == 4);
  CHECK(lines.position(static_cast<std::uint32_t>(text.size())) == LspPosition{1, 2});
}

TEST_CASE("incremental changes apply in order, in UTF-16 positions") {
  Document doc;
  doc.text = "kpi chürn \"Chürn\" {\n}\n";
  // Replace "chürn" (characters 4..9 on line 0) by "churn_rate".
  doc.apply({TextChange{LspRange{{0, 4}, {0, 9}}, "churn_rate"}});
  CHECK(doc.text == "kpi churn_rate \"Chürn\" {\n}\n");
  // Two changes: the second sees the result of the first.
  doc.apply({TextChange{LspRange{{1, 0}, {1, 0}}, "  better lower\n"}, TextChange{LspRange{{1, 2}, {1, 8}}, "better"}});
  CHECK(doc.text == "kpi churn_rate \"Chürn\" {\n  better lower\n}\n");
  // An insertion after an emoji lands after both of its UTF-16 units.
  doc.text = "😀\n";
  doc.apply({TextChange{LspRange{{0, 2}, {0, 2}}, "!"}});
  CHECK(doc.text == "😀!\n");
  // A change without a range replaces everything.
  doc.apply({TextChange{std::nullopt, "new"}});
  CHECK(doc.text == "new");
  // A reversed range is taken as the same range forwards.
  doc.apply({TextChange{LspRange{{0, 3}, {0, 0}}, "old"}});
  CHECK(doc.text == "old");
}
