#include "format/tokens.hpp"

namespace cxv::format {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_first(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_other(char c) { return is_ident_first(c) || is_digit(c); }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : t_(text) {}

  LexResult run() {
    LexResult out;
    if (t_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;
    std::uint32_t newlines = 0;
    bool starts_line = true;
    while (i_ < t_.size()) {
      char c = t_[i_];
      if (c == '\n') {
        ++newlines, ++i_, starts_line = true;
      } else if (c == '\r') {
        ++newlines, ++i_, starts_line = true;
        if (i_ < t_.size() && t_[i_] == '\n') ++i_;  // CRLF is one line break
      } else if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == ';') {
        ++i_;
      } else {
        std::size_t begin = i_;
        std::optional<TokenKind> kind = token();
        if (!kind) {
          out.error_offset = static_cast<std::uint32_t>(begin);
          return out;
        }
        Token tok;
        tok.kind = *kind;
        tok.begin = static_cast<std::uint32_t>(begin);
        tok.end = static_cast<std::uint32_t>(i_);
        tok.text = t_.substr(begin, i_ - begin);
        if (tok.kind == TokenKind::comment) {
          while (!tok.text.empty() && (tok.text.back() == ' ' || tok.text.back() == '\t')) tok.text.remove_suffix(1);
        }
        tok.newlines_before = newlines;
        tok.starts_line = starts_line;
        out.tokens.push_back(tok);
        newlines = 0;
        starts_line = false;
      }
    }
    return out;
  }

 private:
  char at(std::size_t k) const { return k < t_.size() ? t_[k] : '\0'; }

  // One token starting at i_: advances i_ past it, or returns nothing.
  std::optional<TokenKind> token() {
    char c = t_[i_];
    if (c == '#') {
      while (i_ < t_.size() && t_[i_] != '\n' && t_[i_] != '\r') ++i_;
      return TokenKind::comment;
    }
    if (c == '"') return string();
    if (is_digit(c)) return date_or_number();
    if (is_ident_first(c)) {
      while (i_ < t_.size() && is_ident_other(t_[i_])) ++i_;
      return TokenKind::word;
    }
    // Two-character operators first: `+=`, `<=`, `>=`, `==`, `!=`.
    char n = at(i_ + 1);
    if (n == '=' && (c == '+' || c == '<' || c == '>' || c == '=' || c == '!')) {
      i_ += 2;
      return TokenKind::punct;
    }
    switch (c) {
      case '{': case '}': case '(': case ')': case ',': case ':': case '.':
      case '=': case '+': case '-': case '*': case '/': case '^': case '<': case '>':
        ++i_;
        return TokenKind::punct;
      default:
        return std::nullopt;
    }
  }

  // string_lit: "..." on one line, escapes \" and \\ only.
  std::optional<TokenKind> string() {
    std::size_t k = i_ + 1;
    while (k < t_.size()) {
      char c = t_[k];
      if (c == '"') {
        i_ = k + 1;
        return TokenKind::string;
      }
      if (c == '\n' || c == '\r') return std::nullopt;
      if (c == '\\') {
        if (at(k + 1) != '"' && at(k + 1) != '\\') return std::nullopt;
        k += 2;
      } else {
        ++k;
      }
    }
    return std::nullopt;
  }

  // digits: digit (_? digit)*
  std::size_t digits(std::size_t k) const {
    if (!is_digit(at(k))) return k;
    ++k;
    while (true) {
      if (is_digit(at(k))) {
        ++k;
      } else if (at(k) == '_' && is_digit(at(k + 1))) {
        k += 2;
      } else {
        return k;
      }
    }
  }

  std::optional<TokenKind> date_or_number() {
    // date_lit: dddd-dd(-dd)? not followed by a name character; tried first, as in the grammar.
    std::size_t k = i_;
    auto run_of_digits = [&](std::size_t from, std::size_t n) {
      for (std::size_t j = 0; j < n; ++j)
        if (!is_digit(at(from + j))) return false;
      return true;
    };
    if (run_of_digits(k, 4) && at(k + 4) == '-' && run_of_digits(k + 5, 2)) {
      std::size_t e = k + 7;
      if (at(e) == '-' && run_of_digits(e + 1, 2)) e += 3;
      if (!is_ident_other(at(e))) {
        i_ = e;
        return TokenKind::date;
      }
    }
    // number_core (scale)? (mark)? and nothing glued after it.
    k = digits(i_);
    if (at(k) == '.' && is_digit(at(k + 1))) k = digits(k + 1);
    if ((at(k) == 'k' || at(k) == 'M' || at(k) == 'B') && !is_ident_other(at(k + 1))) ++k;
    if (at(k) == '%') {
      ++k;
    } else if (at(k) == 'p' && at(k + 1) == 'p' && !is_ident_other(at(k + 2))) {
      k += 2;
    }
    if (is_ident_other(at(k))) return std::nullopt;
    i_ = k;
    return TokenKind::number;
  }

  std::string_view t_;
  std::size_t i_ = 0;
};

}  // namespace

LexResult lex(std::string_view text) { return Lexer(text).run(); }

bool same_tokens(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].kind != b[i].kind || a[i].text != b[i].text) return false;
    if (a[i].own_line() != b[i].own_line()) return false;
  }
  return true;
}

}  // namespace cxv::format
