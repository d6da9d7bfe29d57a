#pragma once
// Positions in a document as LSP counts them and as cxv counts them.
//
// LSP 3.17 addresses text by (line, character), both 0-based, where a
// character is a UTF-16 code unit (the default `positionEncoding`). cxv's
// spans are byte offsets into UTF-8. A code point of 1-3 UTF-8 bytes is one
// UTF-16 unit; a 4-byte code point (an emoji) is two. Lines end at "\n",
// "\r\n" or a lone "\r", as the specification says.

#include <cstdint>
#include <string_view>
#include <vector>

namespace cxv::lsp {

struct LspPosition {
  std::uint32_t line = 0;
  std::uint32_t character = 0;  // UTF-16 code units from the start of the line
  bool operator==(const LspPosition&) const = default;
};

struct LspRange {
  LspPosition start;
  LspPosition end;
  bool operator==(const LspRange&) const = default;
};

// An index of the line starts of one text, for converting both ways. It keeps
// a view of the text: the text must outlive it.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // The LSP position of a byte offset. An offset inside a multi-byte code
  // point counts as the start of that code point; past the end is the end.
  LspPosition position(std::uint32_t offset) const;
  LspRange range(std::uint32_t begin, std::uint32_t end) const;
  // The byte offset of an LSP position. A line past the last is the end of
  // the text; a character past the end of its line is the line's end (the
  // specification asks servers to clamp, not to fail); a character in the
  // middle of a surrogate pair is the start of that code point.
  std::uint32_t offset(LspPosition position) const;

  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }

 private:
  // The byte where line `line` ends, before its terminator.
  std::uint32_t line_end(std::uint32_t line) const;

  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

// The number of bytes of the UTF-8 sequence that starts with `lead`; 1 for a
// byte that cannot start one (invalid UTF-8 counts one unit per byte).
int utf8_sequence_length(unsigned char lead);

}  // namespace cxv::lsp
