#pragma once
// What the parser's PEGTL actions share: the Action template (no action by
// default) and the helpers that reduce State's stacks into AST nodes. The
// actions themselves are in actions_expressions.hpp and
// actions_declarations.hpp; parser.cpp includes them through actions.hpp.

#include <type_traits>
#include <utility>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "grammar/cxv_grammar.hpp"
#include "syntax/literals.hpp"
#include "syntax/parse_state.hpp"

namespace cxv::syntax {

namespace g = cxv::grammar;

template <typename Rule>
struct Action : tao::pegtl::nothing<Rule> {};

namespace detail {

template <typename Input>
Span span_of(const Input& in, const State& st) {
  return st.span(in.begin(), in.end());
}

template <typename Input>
ast::Name name_of(const Input& in, const State& st) {
  return ast::Name{in.string(), span_of(in, st)};
}

template <typename Node>
Node& decl(State& st) {
  return std::get<Node>(st.current);
}

inline ast::ExprPtr leaf(ast::ExprKind kind, Span span) {
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->span = span;
  return e;
}

// Binary reduction: pops rhs and lhs, pushes `lhs op rhs`.
inline void reduce_binary(State& st, ast::Op op, ast::ExprKind kind = ast::ExprKind::binary) {
  if (st.exprs.size() < 2) throw SyntaxError{"E012", Span{}, "internal parser error: missing operand", {}, {}};
  Span s = Span::cover(st.exprs[st.exprs.size() - 2].expr->span, st.exprs.back().expr->span);
  st.reduce(kind, s, 2).op = op;
}

// Wraps the expression on top of the stack in the unary operators recorded
// since `frame`, innermost (last written) first.
inline void reduce_prefix(State& st, const Frame& frame) {
  while (st.ops.size() > frame.ops) {
    OpItem op = st.ops.back();
    st.ops.pop_back();
    if (st.exprs.empty()) throw SyntaxError{"E012", op.span, "internal parser error: missing operand", {}, {}};
    st.reduce(ast::ExprKind::unary, Span::cover(op.span, st.exprs.back().expr->span), 1).op = op.op;
  }
}

// Sets a once-only field, reporting a repeated clause (E016).
template <typename Field, typename Value>
void set_once(State& st, std::string_view clause, Span span, Field& field, Value&& value) {
  if (st.first_time(clause, span)) field = std::forward<Value>(value);
}

inline std::vector<ast::Name> take_names(State& st) {
  std::vector<ast::Name> out = std::move(st.names);
  st.names.clear();
  return out;
}

inline std::optional<ast::String> take_optional_string(State& st) {
  if (st.strings.empty()) return std::nullopt;
  ast::String s = std::move(st.strings.back());
  st.strings.pop_back();
  return s;
}

}  // namespace detail

}  // namespace cxv::syntax
