#include "format/printer.hpp"

#include <algorithm>
#include <unordered_map>

namespace cxv::format {
namespace {

constexpr int kIndent = 2;

// The marks that fall on each token, by the token's offset.
struct TokenRoles {
  bool declaration_begin = false;
  bool declaration_end = false;  // the declaration's last token
  bool clause_begin = false;
  bool unary_sign = false;
  bool unit_slash = false;
  bool paren_open = false;
};

std::vector<TokenRoles> roles_of(const std::vector<Token>& tokens, const Structure& structure) {
  std::unordered_map<std::uint32_t, std::size_t> by_begin, by_end;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    by_begin.emplace(tokens[i].begin, i);
    by_end[tokens[i].end] = i;
  }
  std::vector<TokenRoles> roles(tokens.size());
  for (const MarkAt& m : structure.marks) {
    if (m.mark == Mark::declaration_end) {
      if (auto it = by_end.find(m.offset); it != by_end.end()) roles[it->second].declaration_end = true;
      continue;
    }
    auto it = by_begin.find(m.offset);
    if (it == by_begin.end()) continue;
    TokenRoles& r = roles[it->second];
    switch (m.mark) {
      case Mark::declaration_begin: r.declaration_begin = true; break;
      case Mark::clause_begin: r.clause_begin = true; break;
      case Mark::unary_sign: r.unary_sign = true; break;
      case Mark::unit_slash: r.unit_slash = true; break;
      case Mark::paren_open: r.paren_open = true; break;
      case Mark::declaration_end: break;
    }
  }
  return roles;
}

bool is(const Token& t, std::string_view punct) { return t.kind == TokenKind::punct && t.text == punct; }

class Printer {
 public:
  Printer(const std::vector<Token>& tokens, const Structure& structure)
      : toks_(tokens), roles_(roles_of(tokens, structure)) {}

  std::string run() {
    for (i_ = 0; i_ < toks_.size(); ++i_) {
      const Token& t = toks_[i_];
      if (t.kind == TokenKind::comment) {
        comment(t);
      } else if (is(t, "{")) {
        open_brace();
      } else if (is(t, "}")) {
        close_brace();
      } else if (roles_[i_].declaration_begin) {
        start_line(0, top_level_blank(t));
        emit(t);
      } else if (roles_[i_].clause_begin && inline_block_) {
        emit(t);  // the one clause of a one-line block, after `{ `
      } else if (roles_[i_].clause_begin) {
        paren_indents_.clear();
        start_line(depth_ * kIndent, block_blank(t));
        emit(t);
      } else if (lines_.empty() || line_ended_ || t.newlines_before > 0) {
        // The author's line break inside a clause or an expression is kept.
        start_line(continuation_indent(is(t, ")")), false);
        emit(t);
      } else {
        current() += space_between(i_ - 1, i_) ? " " : "";
        emit(t);
      }
      if (roles_[i_].declaration_end) after_declaration_ = true;
    }
    std::string out;
    for (const std::string& line : lines_) {
      out += line;
      out += '\n';
    }
    return out;
  }

 private:
  std::string& current() { return lines_.back(); }

  void start_line(int indent, bool blank) {
    if (blank && !lines_.empty()) lines_.emplace_back();
    lines_.emplace_back(static_cast<std::size_t>(indent), ' ');
    line_indent_ = indent;
    line_ended_ = false;
    after_open_ = false;
  }

  void emit(const Token& t) {
    current() += t.text;
    if (is(t, "(")) paren_indents_.push_back(line_indent_ + kIndent);
    if (is(t, ")") && !paren_indents_.empty()) paren_indents_.pop_back();
  }

  // One blank line at most where the author left one; none at the start of the
  // file or of a block; always one after a declaration (comments that follow
  // a declaration on their own line belong to what comes next).
  bool author_blank(const Token& t) const { return t.newlines_before > 1; }
  bool top_level_blank(const Token& t) {
    if (lines_.empty()) return false;
    if (after_declaration_) {
      after_declaration_ = false;
      return true;
    }
    return author_blank(t);
  }
  bool block_blank(const Token& t) const { return !after_open_ && author_blank(t); }

  int continuation_indent(bool closing) const {
    if (paren_indents_.empty()) return depth_ * kIndent + kIndent;
    return closing ? paren_indents_.back() - kIndent : paren_indents_.back();
  }

  void comment(const Token& t) {
    if (!t.own_line() && !lines_.empty()) {
      current() += "  ";
      current() += t.text;
      line_ended_ = true;
      return;
    }
    // An own-line comment goes with what follows it: indented like the next
    // declaration, clause or `}`, or like the continuation line it stands in.
    std::size_t next = i_ + 1;
    while (next < toks_.size() && toks_[next].kind == TokenKind::comment) ++next;
    bool leading = next == toks_.size() || roles_[next].declaration_begin || roles_[next].clause_begin ||
                   is(toks_[next], "}");
    if (!leading) {
      start_line(continuation_indent(false), false);
    } else if (depth_ == 0) {
      start_line(0, top_level_blank(t));
    } else {
      bool blank = block_blank(t);
      start_line(depth_ * kIndent, blank);
    }
    current() += t.text;
    line_ended_ = true;
  }

  void open_brace() {
    if (lines_.empty() || line_ended_) {
      start_line(depth_ * kIndent, false);
    } else {
      current() += ' ';
    }
    // An empty block stays `{}`.
    if (i_ + 1 < toks_.size() && is(toks_[i_ + 1], "}")) {
      current() += "{}";
      ++i_;
      if (roles_[i_].declaration_end) after_declaration_ = true;
      return;
    }
    ++depth_;
    paren_indents_.clear();
    if (one_line_block()) {
      current() += "{ ";
      inline_block_ = true;
      return;
    }
    current() += '{';
    line_ended_ = true;  // the block's content starts on the next line
    after_open_ = true;
  }

  // A block of exactly one clause that the author wrote on one line, with no
  // comment in it, stays on that line: `stakeholder customers { weight 30% }`.
  // Two clauses never share a line, so such a block is still one clause per line.
  bool one_line_block() const {
    int clauses = 0;
    for (std::size_t j = i_ + 1; j < toks_.size(); ++j) {
      const Token& t = toks_[j];
      if (t.newlines_before > 0 || t.kind == TokenKind::comment || is(t, "{")) return false;
      if (is(t, "}")) return clauses == 1;
      if (roles_[j].clause_begin) ++clauses;
    }
    return false;
  }

  void close_brace() {
    if (inline_block_) {
      --depth_;
      current() += " }";
      inline_block_ = false;
      return;
    }
    if (depth_ > 0) --depth_;
    start_line(depth_ * kIndent, false);
    current() += '}';
  }

  // Whether one space separates two tokens written on the same line.
  bool space_between(std::size_t a, std::size_t b) const {
    const Token& prev = toks_[a];
    const Token& cur = toks_[b];
    if (is(cur, ",") || is(cur, ")") || is(cur, ".") || is(cur, ":")) return false;
    if (is(prev, "(") || is(prev, ".")) return false;
    if (roles_[a].unary_sign || roles_[a].unit_slash || roles_[b].unit_slash) return false;
    // A call's or a parameter list's `(` follows its name (`share(`, `function hill(`);
    // after a declaration's title it keeps its space (`function hill "Hill curve" (`).
    if (is(cur, "(") && !roles_[b].paren_open && prev.kind != TokenKind::string) return false;
    return true;
  }

  const std::vector<Token>& toks_;
  std::vector<TokenRoles> roles_;
  std::vector<std::string> lines_;
  std::vector<int> paren_indents_;  // for each open `(`: the indent of lines inside it
  std::size_t i_ = 0;
  int depth_ = 0;
  int line_indent_ = 0;
  bool line_ended_ = false;        // the current line is closed (a comment, or right after `{`)
  bool after_open_ = false;        // nothing yet in the block just opened
  bool after_declaration_ = false; // the last token printed ended a declaration
  bool inline_block_ = false;      // inside a one-line block (one_line_block())
};

}  // namespace

std::string print(const std::vector<Token>& tokens, const Structure& structure) {
  return Printer(tokens, structure).run();
}

}  // namespace cxv::format
