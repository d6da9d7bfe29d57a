#include "syntax/prescan.hpp"

#include <array>

#include <fmt/format.h>

namespace cxv::syntax {
namespace {

// Binary files would otherwise give one error per byte.
constexpr std::size_t kMaxEncodingErrors = 10;

// Bytes the scan must look at; everything else (printable ASCII) is skipped
// in a tight loop, which is most of any file.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = c < 0x20 || c >= 0x7F || c == '"' || c == '#' || c == '\\';
  t[static_cast<unsigned char>(' ')] = false;
  return t;
}();

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

class Scanner {
 public:
  Scanner(const SourceFile& file, Diagnostics& diags) : file_(file), t_(file.text()), diags_(diags) {}

  // Checks the byte at i, which is not printable ASCII: returns its length.
  std::size_t check(std::size_t i) {
    auto c = static_cast<unsigned char>(t_[i]);
    if (c >= 0x80) {
      std::size_t len = utf8_length(t_, i);
      if (len > 0) return len;
      if (errors_++ < kMaxEncodingErrors)
        diags_.error("E001", at(i), fmt::format("invalid UTF-8 at byte {} (0x{:02X})", i, c)).help =
            "save the file as UTF-8";
      return 1;
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      if (errors_++ < kMaxEncodingErrors)
        diags_.error("E002", at(i),
                     c == 0 ? std::string("NUL byte in the text")
                            : fmt::format("control character 0x{:02X} in the text", c))
            .help = "remove it; a .cxv file is plain text";
    }
    return 1;
  }

  std::size_t errors() const { return errors_; }

 private:
  Span at(std::size_t i) const {
    return Span{file_.id(), static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1)};
  }

  const SourceFile& file_;
  const std::string& t_;
  Diagnostics& diags_;
  std::size_t errors_ = 0;
};

// Nothing but spaces and tabs between the start of the line and offset i.
bool starts_line(const std::string& t, std::size_t i) {
  while (i > 0) {
    char c = t[i - 1];
    if (c == '\n' || c == '\r') return true;
    if (c != ' ' && c != '\t') return false;
    --i;
  }
  return true;
}

}  // namespace

bool prescan(const SourceFile& file, std::vector<ast::Comment>& comments, Diagnostics& diags) {
  const std::string& t = file.text();
  const std::size_t n = t.size();
  Scanner scan(file, diags);
  bool in_string = false;
  std::size_t i = 0;
  // A UTF-8 byte order mark is allowed at the very start and ignored.
  if (n >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  while (i < n) {
    while (i < n && !kSpecial[static_cast<unsigned char>(t[i])]) ++i;
    if (i >= n) break;
    char c = t[i];
    if (c == '\n' || c == '\r') {
      in_string = false;  // strings end at the line; the parser reports it
      ++i;
    } else if (c == '"') {
      in_string = !in_string;
      ++i;
    } else if (c == '\\') {
      // In a string, \" and \\ do not end or start anything.
      i += (in_string && i + 1 < n && (t[i + 1] == '"' || t[i + 1] == '\\')) ? 2 : 1;
    } else if (c == '#' && !in_string) {
      std::size_t b = i;
      while (i < n && t[i] != '\n' && t[i] != '\r') {
        auto ck = static_cast<unsigned char>(t[i]);
        i += (ck >= 0x80 || ck < 0x20 || ck == 0x7F) ? scan.check(i) : 1;
      }
      comments.push_back(ast::Comment{Span{file.id(), static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(i)},
                                      t.substr(b, i - b), starts_line(t, b)});
    } else if (c == '#') {
      ++i;
    } else {
      i += scan.check(i);
    }
  }
  return scan.errors() == 0;
}

}  // namespace cxv::syntax
