#pragma once
// What the PEGTL actions build while one declaration is being parsed.
//
// The grammar commits at every operator (see grammar/cxv_grammar.hpp), so the
// actions can build the AST with plain stacks: leaves push, operators reduce.
// Counted rules (calls, unary prefixes, `^` chains) record the stack heights at
// their start in `frames`, which the control class maintains.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "source/source.hpp"
#include "syntax/ast.hpp"

namespace cxv::syntax {

// Parentheses and call arguments deeper than this are refused (E017): the
// parser recurses on them and must not run out of stack on hostile input.
inline constexpr unsigned kMaxNesting = 200;
// No expression tree deeper than this (long `a + b + ...` chains, `- - - x`,
// `2^2^...`): every later stage walks the tree recursively.
inline constexpr std::uint32_t kMaxExprDepth = 1000;

// A syntax error. Thrown only inside the parser, caught per declaration and
// turned into a Diagnostic; it never leaves parse().
struct SyntaxError {
  std::string code;
  Span span;
  std::string message;
  std::string help;
  std::vector<Note> notes;
};

struct ExprItem {
  ast::ExprPtr expr;
  std::uint32_t depth = 1;
};

struct OpItem {
  ast::Op op = ast::Op::none;
  Span span;
};

struct Frame {
  std::size_t exprs = 0;
  std::size_t ops = 0;
};

// An open `{`, for "expected '}' to close 'kpi churn' (opened at line 20)".
struct OpenBlock {
  std::string_view label;   // empty: the declaration's own body
  std::uint32_t offset = 0;
};

class State {
 public:
  State(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags), base_(file.text().data()) {}

  const SourceFile& file() const { return file_; }
  Diagnostics& diags() { return diags_; }

  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - base_); }
  Span span(const char* b, const char* e) const { return Span{file_.id(), offset(b), offset(e)}; }
  Span span(std::uint32_t b, std::uint32_t e) const { return Span{file_.id(), b, e}; }
  std::uint32_t line_of(std::uint32_t offset) const { return file_.position(offset).line; }

  // Forgets everything about the declaration being built (after it is finished
  // or abandoned on an error).
  void reset_declaration();

  // Expression stack.
  void push(ast::ExprPtr e, std::uint32_t depth = 1) { exprs.push_back(ExprItem{std::move(e), depth}); }
  ExprItem pop_item();
  ast::ExprPtr pop() { return pop_item().expr; }
  // Replaces the top `n` expressions of the stack by one node over them (in
  // stack order) and returns it; refuses trees deeper than kMaxExprDepth.
  ast::Expr& reduce(ast::ExprKind kind, Span span, std::size_t n);

  // Records the first occurrence of a once-only clause; on a repeat reports
  // E016 naming the first one and returns false (the first one is kept).
  bool first_time(std::string_view clause, Span span);

  std::string take_string();
  ast::Name take_name();

  // What to call the declaration in messages: `kpi churn`, `funding "FY2027"`.
  // Built only when a message needs it; the parts are views of the source text.
  std::string decl_label() const;
  std::string block_label(const OpenBlock& b) const { return b.label.empty() ? decl_label() : std::string(b.label); }

  // The declaration being built.
  ast::Decl current;
  std::string_view decl_keyword;
  std::string_view decl_name;
  std::string_view decl_title;   // as written, with its quotes
  std::uint32_t decl_begin = 0;

  std::vector<ExprItem> exprs;
  std::vector<OpItem> ops;
  std::vector<Frame> frames;
  std::vector<ast::Name> labels;           // call argument labels, one per argument
  std::vector<ast::Name> names;            // names of the clause being read
  std::vector<ast::String> strings;        // strings of the clause being read
  std::vector<OpenBlock> blocks;
  std::vector<std::uint32_t> parens;       // offsets of open '(' for E013
  unsigned nesting = 0;
  std::uint32_t string_begin = 0;          // the quote of the string being read, for E003
  std::string_view next_block_label;       // label for the next '{' when not the declaration's
  std::vector<std::pair<std::string_view, Span>> seen;  // once-only clauses met so far

  // Pieces of the clause being read.
  std::optional<ast::Date> date;
  std::vector<ast::CostTerm> cost_terms;
  bool cost_once = false;
  ast::ExprPtr effect_where;
  std::optional<ast::Thresholds> thresholds;
  ast::ColumnType column_type;
  bool column_optional = false;
  bool share_at_least = true;
  bool param_has_default = false;
  std::vector<ast::Param> params;

 private:
  const SourceFile& file_;
  Diagnostics& diags_;
  const char* base_;
};

}  // namespace cxv::syntax
