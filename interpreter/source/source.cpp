#include "source/source.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace cxv {

Span Span::cover(Span a, Span b) {
  return Span{a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  if (text_.size() > 0xFFFFFFF0u) throw std::length_error("source file larger than 4 GiB");
  line_starts_.push_back(0);
  // Without any '\r' (the common case) every line ends at a '\n': memchr
  // finds them many times faster than a byte-by-byte loop, which matters
  // for the 10 MB files `cxv check` is benchmarked on.
  if (std::memchr(text_.data(), '\r', text_.size()) == nullptr) {
    const char* const begin = text_.data();
    const char* const end = begin + text_.size();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;) {
      ++p;
      line_starts_.push_back(static_cast<std::uint32_t>(p - begin));
    }
    return;
  }
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    // "\r\n" and "\n" end a line; a lone "\r" too (old Mac files).
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text_[i] == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n')) {
      line_starts_.push_back(i + 1);
    }
  }
}

static bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

Position SourceFile::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::uint32_t col = 1;
  for (std::uint32_t i = line_starts_[line - 1]; i < offset; ++i) {
    if (!is_continuation(static_cast<unsigned char>(text_[i]))) ++col;
  }
  return Position{line, col};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::uint32_t b = line_starts_[line - 1];
  std::uint32_t e = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
  while (e > b && (text_[e - 1] == '\n' || text_[e - 1] == '\r')) --e;
  return std::string_view(text_).substr(b, e - b);
}

std::uint32_t SourceFile::utf16_column(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto line = position(offset).line;
  std::uint32_t units = 0;
  for (std::uint32_t i = line_starts_[line - 1]; i < offset; ++i) {
    auto c = static_cast<unsigned char>(text_[i]);
    if (is_continuation(c)) continue;
    units += (c >= 0xF0) ? 2 : 1;  // 4-byte sequences are surrogate pairs in UTF-16
  }
  return units;
}

std::string_view SourceFile::slice(Span s) const {
  if (s.begin > text_.size()) return {};
  return std::string_view(text_).substr(s.begin, s.end - s.begin);
}

FileId SourceMap::add(std::string path, std::string text) {
  auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, std::move(path), std::move(text)));
  return id;
}

long SourceMap::find(std::string_view path) const {
  for (const auto& f : files_)
    if (f->path() == path) return static_cast<long>(f->id());
  return -1;
}

}  // namespace cxv
