#pragma once
// Source text and positions.
//
// Every later stage refers to text by a Span (file id + byte range), never by
// pointers into the text, so that the AST, the IR and diagnostics stay valid
// however the source map grows (imports add files while checking).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cxv {

using FileId = std::uint32_t;

// A half-open byte range [begin, end) in one source file.
struct Span {
  FileId file = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool operator==(const Span&) const = default;
  std::uint32_t size() const { return end - begin; }
  // The smallest span covering both (same file assumed).
  static Span cover(Span a, Span b);
};

// 1-based line and column. Columns count Unicode code points (what a person
// sees); utf16_col is what the Language Server Protocol wants (0-based there).
struct Position {
  std::uint32_t line = 1;
  std::uint32_t col = 1;
};

class SourceFile {
 public:
  SourceFile(FileId id, std::string path, std::string text);

  FileId id() const { return id_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  Position position(std::uint32_t offset) const;
  // The text of 1-based line `line`, without its line terminator.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  std::uint32_t line_start(std::uint32_t line) const { return line_starts_.at(line - 1); }
  // Column in UTF-16 code units, 0-based, for LSP.
  std::uint32_t utf16_column(std::uint32_t offset) const;
  std::string_view slice(Span s) const;

 private:
  FileId id_;
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

// All the files of one check or run: the main file and everything it imports.
class SourceMap {
 public:
  // Adds a file and returns its id. Ids are dense, starting at 0.
  FileId add(std::string path, std::string text);
  const SourceFile& file(FileId id) const { return *files_.at(id); }
  std::size_t size() const { return files_.size(); }
  // The id of an already-added file with this path, or -1.
  long find(std::string_view path) const;

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace cxv
