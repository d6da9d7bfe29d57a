#include "syntax/prescan.hpp"

#include <fmt/format.h>

namespace cxv::syntax {
namespace {

// Binary files would otherwise give one error per byte.
constexpr std::size_t kMaxEncodingErrors = 10;

// Length of the valid UTF-8 sequence at s[i], or 0 (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF).
std::size_t utf8_length(const std::string& s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  std::size_t n = s.size();
  auto cont = [&](std::size_t k) { return k < n && (byte(k) & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

bool prescan(const SourceFile& file, std::vector<ast::Comment>& comments, Diagnostics& diags) {
  const std::string& t = file.text();
  const std::size_t n = t.size();
  std::size_t errors = 0;
  bool in_string = false;
  bool line_blank = true;  // nothing but whitespace so far on this line
  std::size_t i = 0;
  // A UTF-8 byte order mark is allowed at the very start and ignored.
  if (n >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < n) {
    auto c = static_cast<unsigned char>(t[i]);
    auto at = [&](std::size_t len) {
      return Span{file.id(), static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len)};
    };
    if (c >= 0x80) {
      std::size_t len = utf8_length(t, i);
      if (len == 0) {
        if (errors++ < kMaxEncodingErrors) {
          auto& d = diags.error("E001", at(1), fmt::format("invalid UTF-8 at byte {} (0x{:02X})", i, c));
          d.help = "save the file as UTF-8";
        }
        len = 1;
      }
      line_blank = false;
      i += len;
      continue;
    }
    if (c == '\n' || c == '\r') {
      in_string = false;  // strings end at the line; the parser reports it
      line_blank = true;
      ++i;
      continue;
    }
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      if (errors++ < kMaxEncodingErrors) {
        auto& d = diags.error("E002", at(1),
                              c == 0 ? std::string("NUL byte in the text")
                                     : fmt::format("control character 0x{:02X} in the text", c));
        d.help = "remove it; a .cxv file is plain text";
      }
      ++i;
      continue;
    }
    if (in_string) {
      if (c == '\\' && i + 1 < n && (t[i + 1] == '"' || t[i + 1] == '\\')) {
        i += 2;
        continue;
      }
      if (c == '"') in_string = false;
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = true;
      line_blank = false;
      ++i;
      continue;
    }
    if (c == '#') {
      std::size_t b = i;
      while (i < n && t[i] != '\n' && t[i] != '\r') ++i;
      // Control characters and bad UTF-8 inside a comment are still errors.
      for (std::size_t k = b; k < i;) {
        auto ck = static_cast<unsigned char>(t[k]);
        std::size_t len = ck >= 0x80 ? utf8_length(t, k) : 1;
        if ((ck >= 0x80 && len == 0) || (ck < 0x20 && ck != '\t') || ck == 0x7F) {
          if (errors++ < kMaxEncodingErrors) {
            Span s{file.id(), static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k + 1)};
            if (ck >= 0x80)
              diags.error("E001", s, fmt::format("invalid UTF-8 at byte {} (0x{:02X})", k, ck)).help =
                  "save the file as UTF-8";
            else
              diags.error("E002", s, ck == 0 ? std::string("NUL byte in the text")
                                             : fmt::format("control character 0x{:02X} in the text", ck));
          }
          len = 1;
        }
        k += len;
      }
      comments.push_back(ast::Comment{Span{file.id(), static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(i)},
                                      t.substr(b, i - b), line_blank});
      continue;
    }
    if (c != ' ' && c != '\t') line_blank = false;
    ++i;
  }
  return errors == 0;
}

}  // namespace cxv::syntax
