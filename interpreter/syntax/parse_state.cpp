#include "syntax/parse_state.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace cxv::syntax {

void State::reset_declaration() {
  current = ast::Decl{};
  decl_keyword = {};
  decl_name = {};
  decl_title = {};
  exprs.clear();
  ops.clear();
  frames.clear();
  labels.clear();
  names.clear();
  strings.clear();
  blocks.clear();
  parens.clear();
  nesting = 0;
  next_block_label = {};
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

ast::Expr& State::reduce(ast::ExprKind kind, Span s, std::size_t n) {
  if (exprs.size() < n) throw SyntaxError{"E012", s, "internal parser error: missing expression", {}, {}};
  const std::size_t first = exprs.size() - n;
  std::uint32_t depth = 1;
  for (std::size_t i = first; i < exprs.size(); ++i) depth = std::max(depth, exprs[i].depth + 1);
  if (depth > kMaxExprDepth) {
    throw SyntaxError{"E017", s, "expression nested too deeply",
                      fmt::format("split it into smaller named values or KPIs (the limit is {} levels)", kMaxExprDepth),
                      {}};
  }
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->span = s;
  e->operands.reserve(n);
  for (std::size_t i = first; i < exprs.size(); ++i) e->operands.push_back(std::move(exprs[i].expr));
  exprs.resize(first);
  exprs.push_back(ExprItem{std::move(e), depth});
  return *exprs.back().expr;
}

bool State::first_time(std::string_view clause, Span s) {
  for (const auto& [name, first] : seen) {
    if (name == clause) {
      auto& d = diags_.error("E016", s, fmt::format("'{}' appears twice in {}", clause, decl_label()));
      d.notes.push_back(Note{first, fmt::format("the first '{}' is here", clause)});
      d.help = "keep one of them";
      return false;
    }
  }
  seen.emplace_back(clause, s);
  return true;
}

std::string State::decl_label() const {
  if (!decl_name.empty()) return fmt::format("{} {}", decl_keyword, decl_name);
  if (!decl_title.empty()) return fmt::format("{} {}", decl_keyword, decl_title);
  return std::string(decl_keyword);
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
