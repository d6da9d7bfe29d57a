#pragma once
// The formatter's own lexer: a lossless token stream of a .cxv text.
//
// The parser skips comments and whitespace; the formatter needs every comment
// with its place, and how many line breaks stood before each token, so that it
// can keep comments where the author put them and keep the author's line
// breaks inside an expression. The token rules are those of
// grammar/cxv_grammar.hpp (words, numbers with scale, mark and `_`, dates,
// strings with their two escapes, `#` comments), so for any text the parser
// accepts, this lexer agrees with it on where each token begins and ends.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cxv::format {

enum class TokenKind { word, number, date, string, comment, punct };

struct Token {
  TokenKind kind = TokenKind::punct;
  std::uint32_t begin = 0;  // byte offsets in the text given to lex()
  std::uint32_t end = 0;
  // The token as written; a comment without its trailing spaces and tabs
  // (the formatter removes trailing whitespace, so that is not a change).
  std::string_view text;
  // Line breaks (LF, CRLF or a lone CR) between the previous token and this one.
  std::uint32_t newlines_before = 0;
  // Nothing but whitespace before it on its line (the first token, or after a line break).
  bool starts_line = false;
  // A comment on a line of its own, as opposed to one at the end of a line of code.
  bool own_line() const { return kind == TokenKind::comment && starts_line; }
};

struct LexResult {
  std::vector<Token> tokens;
  // Where lexing stopped on a byte no token can start with; the parser reports
  // such text as a syntax error, so the formatter never sees it in a file that parsed.
  std::optional<std::uint32_t> error_offset;
};

// Lexes `text` whole. A UTF-8 byte-order mark at the start is skipped. `;`
// (an optional separator between clauses and declarations) is whitespace here:
// the formatter drops it, since each clause gets its own line.
LexResult lex(std::string_view text);

// True when two token streams are the same for the formatter's safety check:
// the same kinds and texts in the same order, and every comment still on its
// own line or still at the end of a line.
bool same_tokens(const std::vector<Token>& a, const std::vector<Token>& b);

}  // namespace cxv::format
