#include "lsp/text_position.hpp"

#include <algorithm>

namespace cxv::lsp {

int utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

namespace {

// Length of the code point at `i`, never running past `end` (a truncated
// sequence at the end of a line counts byte by byte).
std::uint32_t code_point_length(std::string_view text, std::uint32_t i, std::uint32_t end) {
  auto n = static_cast<std::uint32_t>(utf8_sequence_length(static_cast<unsigned char>(text[i])));
  if (i + n > end) return 1;
  for (std::uint32_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  return n;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

std::uint32_t LineIndex::line_end(std::uint32_t line) const {
  std::uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] : static_cast<std::uint32_t>(text_.size());
  std::uint32_t begin = starts_[line];
  if (end > begin && line + 1 < starts_.size()) {
    --end;  // the '\n' or the lone '\r'
    if (text_[end] == '\n' && end > begin && text_[end - 1] == '\r') --end;
  }
  return end;
}

LspPosition LineIndex::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - starts_.begin() - 1);
  std::uint32_t end = std::min(offset, line_end(line));
  std::uint32_t units = 0;
  for (std::uint32_t i = starts_[line]; i < end;) {
    std::uint32_t n = code_point_length(text_, i, line_end(line));
    if (i + n > end) break;  // offset inside a code point: its start
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return {line, units};
}

LspRange LineIndex::range(std::uint32_t begin, std::uint32_t end) const {
  return {position(begin), position(end)};
}

std::uint32_t LineIndex::offset(LspPosition position) const {
  if (position.line >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
  std::uint32_t i = starts_[position.line];
  std::uint32_t end = line_end(position.line);
  std::uint32_t units = 0;
  while (i < end) {
    std::uint32_t n = code_point_length(text_, i, end);
    std::uint32_t width = n == 4 ? 2 : 1;
    if (units + width > position.character) break;
    units += width;
    i += n;
  }
  return i;
}

}  // namespace cxv::lsp
