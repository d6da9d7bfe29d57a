// cxv::parse: one file of text to an AST, reporting every syntax error.
//
// The file is read one declaration at a time. A syntax error abandons only the
// declaration it is in: the parser reports it, skips to the next line that
// starts with a declaration keyword, and goes on, so one run reports the
// problems of every declaration and keeps all the good ones.

#include "syntax/parser.hpp"

#include <tao/pegtl.hpp>

#include "grammar/cxv_grammar.hpp"
#include "grammar/keywords.hpp"
#include "syntax/actions.hpp"
#include "syntax/control.hpp"
#include "syntax/node_arena.hpp"
#include "syntax/parse_state.hpp"
#include "syntax/prescan.hpp"

namespace cxv {
namespace {

namespace pg = tao::pegtl;
using syntax::State;
using syntax::SyntaxError;

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Whitespace, comments and `;` between declarations.
std::size_t skip_trivia(const std::string& t, std::size_t i) {
  while (i < t.size()) {
    char c = t[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '\f' || c == '\v') {
      ++i;
    } else if (c == '#') {
      while (i < t.size() && t[i] != '\n' && t[i] != '\r') ++i;
    } else {
      break;
    }
  }
  return i;
}

// The offset of the declaration keyword that starts the line at `line_start`
// (after spaces and tabs), or npos.
std::size_t declaration_at(const std::string& t, std::size_t line_start) {
  std::size_t i = line_start;
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  std::size_t e = i;
  while (e < t.size() && is_name_char(t[e])) ++e;
  if (e == i || !grammar::is_declaration_keyword(std::string_view(t).substr(i, e - i))) return std::string::npos;
  // `value: USD/month` is a (wrongly named) column, not a declaration.
  while (e < t.size() && (t[e] == ' ' || t[e] == '\t')) ++e;
  if (e < t.size() && t[e] == ':') return std::string::npos;
  return i;
}

// Where to resume after an error at `error` in a declaration that began at
// `decl_begin`: the error's own line if a declaration keyword starts it right
// there (a missing '}' is found at the next declaration), else the next line
// that starts with one, else the end.
std::size_t recover(const std::string& t, std::size_t error, std::size_t decl_begin) {
  error = std::min(error, t.size());
  std::size_t line = error;
  while (line > 0 && t[line - 1] != '\n' && t[line - 1] != '\r') --line;
  std::size_t here = declaration_at(t, line);
  if (here == error && here > decl_begin) return here;
  std::size_t i = error;
  while (i < t.size()) {
    while (i < t.size() && t[i] != '\n' && t[i] != '\r') ++i;
    while (i < t.size() && (t[i] == '\n' || t[i] == '\r')) ++i;
    if (i >= t.size()) break;
    std::size_t at = declaration_at(t, i);
    if (at != std::string::npos) return at;
  }
  return t.size();
}

void report(const SyntaxError& e, Diagnostics& diags) {
  Diagnostic d;
  d.code = e.code;
  d.severity = Severity::error;
  d.span = e.span;
  d.message = e.message;
  d.help = e.help;
  d.notes = e.notes;
  diags.add(std::move(d));
}

}  // namespace

ast::File parse(const SourceFile& file, Diagnostics& diags) {
  // The file's expression nodes share one arena (freed with the last of them).
  syntax::NodeArena<ast::Expr>::Scope arena;
  ast::File out;
  out.file = file.id();
  if (!syntax::prescan(file, out.comments, diags)) {
    out.unreadable = true;
    return out;
  }

  const std::string& text = file.text();
  State st(file, diags);
  std::size_t pos = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (true) {
    pos = skip_trivia(text, pos);
    if (pos >= text.size()) break;
    // Lazy tracking: positions come from byte offsets (SourceFile::position), so
    // PEGTL need not count lines; the path is only borrowed, not copied.
    pg::memory_input<pg::tracking_mode::lazy, pg::eol::lf_crlf, const char*> in(
        text.data() + pos, text.data() + text.size(), file.path().c_str());
    st.reset_declaration();
    try {
      pg::parse<pg::must<grammar::declaration>, syntax::Action, syntax::Control>(in, st);
      out.decls.push_back(std::move(st.current));
      pos = static_cast<std::size_t>(in.current() - text.data());
    } catch (const SyntaxError& e) {
      report(e, diags);
      out.abandoned.push_back(ast::AbandonedDecl{std::string(st.decl_keyword), std::string(st.decl_name), e.span});
      pos = recover(text, e.span.begin, pos);
    }
  }
  st.reset_declaration();
  return out;
}

}  // namespace cxv
