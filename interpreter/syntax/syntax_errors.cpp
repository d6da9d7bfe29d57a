#include "syntax/syntax_errors.hpp"

#include <fmt/format.h>

#include "grammar/keywords.hpp"

namespace cxv::syntax {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string quote(std::string_view s) { return fmt::format("'{}'", s); }

// How to name the token in "found ...".
std::string found(const SourceFile& file, Span tok) {
  const std::string& t = file.text();
  if (tok.begin >= t.size()) return "the end of the file";
  char c = t[tok.begin];
  if (c == '\n' || c == '\r') return "the end of the line";
  if (c == '"') return "a string";
  std::string_view text = file.slice(tok);
  if (is_name_char(c) && !is_digit(c) && grammar::is_reserved(text)) return fmt::format("the keyword '{}'", text);
  return quote(text);
}

// A top-level keyword at the start of its line: the author most likely forgot a
// '}' before it, so that is what we say.
bool starts_declaration_line(const SourceFile& file, Span tok) {
  const std::string& t = file.text();
  if (tok.begin >= t.size() || !grammar::is_declaration_keyword(file.slice(tok))) return false;
  // `value: USD/month` is a (wrongly named) column, not a declaration.
  std::uint32_t after = tok.end;
  while (after < t.size() && (t[after] == ' ' || t[after] == '\t')) ++after;
  if (after < t.size() && t[after] == ':') return false;
  for (std::uint32_t i = tok.begin; i > 0; --i) {
    char c = t[i - 1];
    if (c == '\n' || c == '\r') return true;
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

SyntaxError unclosed_block(const State& st, Span tok) {
  const OpenBlock& b = st.blocks.back();
  std::string label = st.block_label(b);
  SyntaxError e{"E010", tok,
                fmt::format("expected '}}' to close '{}' (opened at line {}), found {}", label, st.line_of(b.offset),
                            found(st.file(), tok)),
                fmt::format("add '}}' at the end of '{}'", label),
                {}};
  e.notes.push_back(Note{Span{st.file().id(), b.offset, b.offset + 1}, fmt::format("'{}' opens here", label)});
  return e;
}

}  // namespace

Span token_at(const SourceFile& file, std::uint32_t offset) {
  const std::string& t = file.text();
  auto n = static_cast<std::uint32_t>(t.size());
  if (offset >= n) return Span{file.id(), n, n};
  std::uint32_t e = offset;
  char c = t[offset];
  if (is_name_char(c) || (c == '.' && offset + 1 < n && is_digit(t[offset + 1]))) {
    while (e < n && (is_name_char(t[e]) || (is_digit(c) && (t[e] == '.' || t[e] == '%')))) ++e;
  } else if (c == '"') {
    ++e;
    while (e < n && t[e] != '"' && t[e] != '\n' && t[e] != '\r') e += (t[e] == '\\' && e + 1 < n) ? 2 : 1;
    if (e < n && t[e] == '"') ++e;
  } else {
    ++e;  // one character, all of its UTF-8 bytes
    while (e < n && (static_cast<unsigned char>(t[e]) & 0xC0) == 0x80) ++e;
  }
  return Span{file.id(), offset, std::min(e, n)};
}

SyntaxError describe_error(const grammar::ErrorPoint& point, std::uint32_t offset, const State& st) {
  using grammar::ErrorKind;
  const SourceFile& file = st.file();
  const std::string& t = file.text();
  // Point at the next token, not at the spaces before it (`a < b < c` points
  // at the second '<').
  if (point.kind != ErrorKind::string)
    while (offset < t.size() && (t[offset] == ' ' || t[offset] == '\t')) ++offset;
  Span tok = token_at(file, offset);
  std::string_view word = file.slice(tok);
  bool at_end = offset >= t.size();

  // A missing '}' shows up as whatever comes next: a new declaration or the end.
  if (!st.blocks.empty() && point.kind != ErrorKind::string && (at_end || starts_declaration_line(file, tok)))
    return unclosed_block(st, tok);

  SyntaxError e{std::string(point.code), tok, {}, std::string(point.help), {}};
  // `where` after a complete expression: the author meant a filter.
  if (word == "where" && (point.kind == ErrorKind::clause || point.code == "E007")) {
    e.code = "E021";
    e.message = "'where' can only filter rows inside an aggregate's parentheses or in an effect";
    e.help = "for example share(customers where churned)";
    return e;
  }
  switch (point.kind) {
    case ErrorKind::plain:
      if (point.code == "E004" && offset > 0 && !at_end) {
        // Just the backslash and the one character after it.
        Span one = token_at(file, offset);
        if (one.end > offset + 1 && is_name_char(t[offset])) one.end = offset + 1;
        e.span = Span{file.id(), offset - 1, one.end};
        e.message = fmt::format("unknown escape '\\{}' in a string", file.slice(one));
        return e;
      }
      if (point.code == "E007" && word == "}") {
        e.message = "unexpected '}': there is no open block to close";
        e.help = "remove it, or look for a missing '{' above";
        return e;
      }
      e.message = fmt::format("{}, found {}", point.message, found(file, tok));
      return e;
    case ErrorKind::name:
      if (!word.empty() && !is_digit(word[0]) && grammar::is_reserved(word)) {
        e.code = "E020";
        e.message = fmt::format("'{}' is a keyword and cannot be used as a name", word);
        e.help = fmt::format("choose another name, such as {}_{}", word, st.decl_keyword.empty() ? "x" : st.decl_keyword);
        return e;
      }
      e.message = fmt::format("{}, found {}", point.message, found(file, tok));
      return e;
    case ErrorKind::clause: {
      std::string label = st.blocks.empty() ? st.decl_label() : st.block_label(st.blocks.back());
      // In a table every other word names a column: a keyword there is a bad name.
      if (point.message == "table" && !word.empty() && !is_digit(word[0]) && grammar::is_reserved(word)) {
        e.code = "E020";
        e.message = fmt::format("'{}' is a keyword and cannot be used as a column name", word);
        e.help = fmt::format("choose another name, such as {}_value", word);
        return e;
      }
      if (!word.empty() && is_name_char(word[0]) && !is_digit(word[0]))
        e.message = fmt::format("'{}' is not a clause of '{}'", word, label);
      else
        e.message = fmt::format("expected a clause of '{}', found {}", label, found(file, tok));
      return e;
    }
    case ErrorKind::string: {
      std::uint32_t b = std::min<std::uint32_t>(st.string_begin, offset);
      e.span = Span{file.id(), b, std::max(offset, b + 1)};
      e.message = "unterminated string";
      return e;
    }
    case ErrorKind::number: {
      // The span starts at the glued letters; the number is the digits before them.
      std::uint32_t b = offset;
      while (b > 0 && (is_digit(t[b - 1]) || t[b - 1] == '.' || t[b - 1] == '_')) --b;
      e.message = fmt::format("unexpected '{}' right after the number {}", word, t.substr(b, offset - b));
      return e;
    }
    case ErrorKind::paren: {
      if (!st.parens.empty()) {
        std::uint32_t open = st.parens.back();
        e.message = fmt::format("{} to close the '(' at line {}, found {}", point.message, st.line_of(open),
                                found(file, tok));
        e.notes.push_back(Note{Span{file.id(), open, open + 1}, "'(' opens here"});
      } else {
        e.message = fmt::format("{}, found {}", point.message, found(file, tok));
      }
      return e;
    }
  }
  e.message = std::string(point.message);
  return e;
}

}  // namespace cxv::syntax
