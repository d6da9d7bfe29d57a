#include "syntax/parse_state.hpp"

#include <algorithm>

namespace cxv::syntax {

void State::reset_declaration() {
  current = ast::Decl{};
  has_decl = false;
  decl_keyword.clear();
  decl_label.clear();
  exprs.clear();
  ops.clear();
  frames.clear();
  labels.clear();
  names.clear();
  strings.clear();
  blocks.clear();
  parens.clear();
  nesting = 0;
  next_block_label.clear();
  seen.clear();
  date.reset();
  cost_terms.clear();
  cost_once = false;
  effect_where.reset();
  thresholds.reset();
  column_type = ast::ColumnType{};
  column_optional = false;
  share_at_least = true;
  param_has_default = false;
  params.clear();
}

ExprItem State::pop_item() {
  // The grammar guarantees an operand for every reduction; an empty stack here
  // is a parser bug, reported as a located error rather than a crash.
  if (exprs.empty()) throw SyntaxError{"E012", span(decl_begin, decl_begin), "internal parser error: missing expression", {}, {}};
  ExprItem item = std::move(exprs.back());
  exprs.pop_back();
  return item;
}

ast::ExprPtr State::node(ast::ExprKind kind, Span s, std::vector<ExprItem> children, std::uint32_t& depth) {
  depth = 1;
  for (const auto& c : children) depth = std::max(depth, c.depth + 1);
  if (depth > kMaxExprDepth) {
    throw SyntaxError{"E017", s, "expression nested too deeply",
                      "split it into smaller named values or KPIs (the limit is " + std::to_string(kMaxExprDepth) +
                          " levels)",
                      {}};
  }
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->span = s;
  e->operands.reserve(children.size());
  for (auto& c : children) e->operands.push_back(std::move(c.expr));
  return e;
}

bool State::first_time(std::string_view clause, Span s) {
  for (const auto& [name, first] : seen) {
    if (name == clause) {
      auto& d = diags_.error("E016", s, "'" + std::string(clause) + "' appears twice in " + decl_label);
      d.notes.push_back(Note{first, "the first '" + std::string(clause) + "' is here"});
      d.help = "keep one of them";
      return false;
    }
  }
  seen.emplace_back(std::string(clause), s);
  return true;
}

std::string State::take_string() {
  if (strings.empty()) return {};
  std::string v = std::move(strings.back().value);
  strings.pop_back();
  return v;
}

ast::Name State::take_name() {
  if (names.empty()) return {};
  ast::Name n = std::move(names.back());
  names.pop_back();
  return n;
}

}  // namespace cxv::syntax
