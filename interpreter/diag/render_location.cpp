#include "diag/render_location.hpp"

#include <algorithm>

namespace cxv::render_detail {

Location locate(const SourceMap& sources, const std::optional<Span>& span) {
  Location loc;
  if (!span || span->file >= sources.size()) return loc;
  const SourceFile& f = sources.file(span->file);
  auto size = static_cast<std::uint32_t>(f.text().size());
  Span s = *span;
  s.begin = std::min(s.begin, size);
  s.end = std::clamp(s.end, s.begin, size);
  Position b = f.position(s.begin);
  Position e = f.position(s.end);
  loc.file = f.path();
  loc.line = b.line;
  loc.col = b.col;
  loc.end_line = e.line;
  loc.end_col = e.col;
  loc.source = &f;
  loc.span = s;
  return loc;
}

Location locate(const SourceMap& sources, const Diagnostic& d) {
  if (!d.external_file.empty()) {
    Location loc;
    loc.file = d.external_file;
    loc.line = d.external_line;
    loc.col = d.external_line ? d.external_col : 0;
    return loc;
  }
  return locate(sources, d.span);
}

std::string format_location(const Location& loc) {
  std::string s = printable(loc.file);
  if (loc.file.empty() || loc.line == 0) return s;
  s += ':' + std::to_string(loc.line);
  if (loc.col != 0) s += ':' + std::to_string(loc.col);
  return s;
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  unsigned char c1 = byte(i + 1);
  if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
  if (c == 0xED && c1 >= 0xA0) return 0;  // UTF-16 surrogate
  if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
  if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
  return n;
}

std::string printable(std::string_view text) {
  static constexpr std::string_view replacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_sequence_length(text, i);
    auto c = static_cast<unsigned char>(text[i]);
    if (n == 0) {
      out += replacement;
      ++i;
    } else if (n == 1 && ((c < 0x20 && c != '\t') || c == 0x7F)) {
      out += replacement;
      ++i;
    } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += replacement;  // C1 controls (U+0080-U+009F) are terminal escapes too
      i += 2;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace cxv::render_detail
