#pragma once
// Shared by the renderers: where a diagnostic (or one of its notes) points, as
// a file name and 1-based line/column range, whatever kind of location it has
// (a span in a .cxv source, a line in a CSV file, or nothing at all).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace cxv::render_detail {

struct Location {
  std::string file;                 // empty: the diagnostic is about the whole run
  std::uint32_t line = 0;           // 0: unknown
  std::uint32_t col = 0;            // 0: unknown; columns count code points
  std::uint32_t end_line = 0;       // the end is exclusive: the character after the span
  std::uint32_t end_col = 0;
  const SourceFile* source = nullptr;  // set when the location is a span in a source file
  Span span;                           // valid when `source` is set, clamped to the text
};

// A span in `sources`; a span naming a file the map does not hold gives no location
// (a renderer must never crash on a malformed diagnostic).
Location locate(const SourceMap& sources, const std::optional<Span>& span);

// The primary location of a diagnostic: the external (CSV) file when there is
// one, else its span.
Location locate(const SourceMap& sources, const Diagnostic& d);

// "path:line:col", "path:line", "path" or "" for what is known.
std::string format_location(const Location& loc);

const char* severity_name(Severity s);

// Length in bytes of the UTF-8 sequence that starts at text[i], or 0 when the
// bytes there are not valid UTF-8 (overlong forms and surrogates included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// Text safe to print on a terminal: invalid UTF-8 and control characters (an
// ESC could repaint the user's terminal) become U+FFFD; tabs are kept.
std::string printable(std::string_view text);

}  // namespace cxv::render_detail
