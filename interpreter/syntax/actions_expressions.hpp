#pragma once
// PEGTL actions for literals, names and expressions: leaves push onto State's
// expression stack, operators reduce it, and every node gets the span of the
// text its rule matched.

#include <fmt/format.h>

#include "grammar/cxv_grammar.hpp"
#include "syntax/action_support.hpp"
#include "syntax/literals.hpp"
#include "syntax/parse_state.hpp"

namespace cxv::syntax {

// ------------------------------------------------------------------ leaves

template <>
struct Action<g::number_lit> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    auto e = detail::leaf(ast::ExprKind::number, detail::span_of(in, st));
    e->number = read_number(in.string_view(), st.file().id(), st.offset(in.begin()));
    st.push(std::move(e));
  }
};

template <>
struct Action<g::string_lit> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    auto e = detail::leaf(ast::ExprKind::string, detail::span_of(in, st));
    e->text = read_string(in.string_view());
    st.push(std::move(e));
  }
};

inline ast::Date checked_date(std::string_view text, Span span) {
  ast::Date d;
  d.span = span;
  if (!read_date(text, d)) {
    throw SyntaxError{"E006", span, fmt::format("'{}' is not a real date", text),
                      "months run from 01 to 12, and the day must exist in that month", {}};
  }
  return d;
}

template <>
struct Action<g::date_lit> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    auto e = detail::leaf(ast::ExprKind::date, detail::span_of(in, st));
    e->date = checked_date(in.string_view(), e->span);
    st.push(std::move(e));
  }
};

template <>
struct Action<g::date_value> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    st.date = checked_date(in.string_view(), detail::span_of(in, st));
  }
};

struct PushName {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    auto e = detail::leaf(ast::ExprKind::name, detail::span_of(in, st));
    e->text = in.string();
    e->text_span = e->span;
    st.push(std::move(e));
  }
};
template <> struct Action<g::name_ref> : PushName {};
template <> struct Action<g::keyword_name> : PushName {};

// Names that belong to the clause being read.
struct CollectName {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    st.names.push_back(detail::name_of(in, st));
  }
};
template <> struct Action<g::name_value> : CollectName {};
template <> struct Action<g::currency_code_value> : CollectName {};
template <> struct Action<g::evidence_grade> : CollectName {};
template <> struct Action<g::evidence_source> : CollectName {};
template <> struct Action<g::driver_target> : CollectName {};
template <> struct Action<g::column_name> : CollectName {};
template <> struct Action<g::arm_column> : CollectName {};
template <> struct Action<g::param_name> : CollectName {};
template <> struct Action<g::share_dimension> : CollectName {};

// Strings that belong to the clause being read.
struct CollectString {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    st.strings.push_back(ast::String{read_string(in.string_view()), detail::span_of(in, st)});
  }
};
template <> struct Action<g::path_string> : CollectString {};
template <> struct Action<g::text_string> : CollectString {};

// ------------------------------------------------------------------ expressions

template <>
struct Action<g::paren_expr> {
  // The parentheses belong to the expression's span, so `(a + b) * c` starts at '('.
  template <typename Input>
  static void apply(const Input& in, State& st) {
    if (!st.exprs.empty()) st.exprs.back().expr->span = detail::span_of(in, st);
  }
};

template <>
struct Action<g::member_suffix> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    Span name_span = st.span(in.begin() + 1, in.end());
    if (st.exprs.empty()) throw SyntaxError{"E012", name_span, "internal parser error: missing operand", {}, {}};
    ast::Expr& e = st.reduce(ast::ExprKind::member, Span::cover(st.exprs.back().expr->span, name_span), 1);
    e.text = std::string(in.string_view().substr(1));
    e.text_span = name_span;
  }
};
template <> struct Action<g::effect_member> : Action<g::member_suffix> {};

template <>
struct Action<g::arg_label> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    std::string_view t = in.string_view();
    std::size_t n = 0;
    while (n < t.size() && t[n] != ' ' && t[n] != '\t' && t[n] != ':') ++n;
    st.labels.push_back(ast::Name{std::string(t.substr(0, n)), st.span(in.begin(), in.begin() + n)});
  }
};

template <>
struct Action<g::positional_arg> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    st.labels.push_back(ast::Name{});
  }
};

template <>
struct Action<g::where_filter> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    detail::reduce_binary(st, ast::Op::none, ast::ExprKind::where);
  }
};

template <>
struct Action<g::call_suffix> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    const std::size_t callee_at = st.frames.back().exprs - 1;  // the callee, then the arguments
    const std::size_t n = st.exprs.size() - callee_at - 1;
    const ast::Expr& callee = *st.exprs[callee_at].expr;
    // A parenthesized name has a span wider than the name: `(f)(x)` is not a call of f.
    bool bare_name = callee.kind == ast::ExprKind::name && callee.span.size() == callee.text.size();
    if (!bare_name) {
      throw SyntaxError{"E022", callee.span,
                        fmt::format("only a function name can be called, not '{}'", st.file().slice(callee.span)),
                        "call a function by its name, as in mean(customers.monthly_revenue)", {}};
    }
    Span callee_span = callee.span;
    std::string name = std::move(st.exprs[callee_at].expr->text);
    ast::Expr& e = st.reduce(ast::ExprKind::call, Span::cover(callee_span, detail::span_of(in, st)), n);
    e.text = std::move(name);
    e.text_span = callee_span;
    e.arg_labels.assign(std::make_move_iterator(st.labels.end() - static_cast<std::ptrdiff_t>(n)),
                        std::make_move_iterator(st.labels.end()));
    st.labels.resize(st.labels.size() - n);
    // The call takes the callee's place on the stack.
    std::swap(st.exprs[callee_at], st.exprs.back());
    st.exprs.pop_back();
  }
};

template <>
struct Action<g::unary_op> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    st.ops.push_back(OpItem{in.peek_char() == '-' ? ast::Op::neg : ast::Op::plus, detail::span_of(in, st)});
  }
};

template <>
struct Action<g::not_op> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    st.ops.push_back(OpItem{ast::Op::not_, detail::span_of(in, st)});
  }
};

template <>
struct Action<g::unary> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    detail::reduce_prefix(st, st.frames.back());
  }
};
template <> struct Action<g::not_expr> : Action<g::unary> {};

template <>
struct Action<g::pow_expr> {
  // `a ^ b ^ c` is `a ^ (b ^ c)`: fold the operands from the right.
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    const std::size_t first = st.frames.back().exprs;
    while (st.exprs.size() > first + 1) detail::reduce_binary(st, ast::Op::pow);
  }
};

struct PushBinaryOp {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    std::string_view t = in.string_view();
    ast::Op op = ast::Op::none;
    if (t == "*") op = ast::Op::mul;
    else if (t == "/") op = ast::Op::div;
    else if (t == "+") op = ast::Op::add;
    else if (t == "-") op = ast::Op::sub;
    else if (t == "==") op = ast::Op::eq;
    else if (t == "!=") op = ast::Op::ne;
    else if (t == "<") op = ast::Op::lt;
    else if (t == "<=") op = ast::Op::le;
    else if (t == ">") op = ast::Op::gt;
    else if (t == ">=") op = ast::Op::ge;
    st.ops.push_back(OpItem{op, detail::span_of(in, st)});
  }
};
template <> struct Action<g::mul_op> : PushBinaryOp {};
template <> struct Action<g::add_op> : PushBinaryOp {};
template <> struct Action<g::cmp_op> : PushBinaryOp {};

struct ReduceWithOp {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    ast::Op op = st.ops.back().op;
    st.ops.pop_back();
    detail::reduce_binary(st, op);
  }
};
template <> struct Action<g::mul_tail> : ReduceWithOp {};
template <> struct Action<g::add_tail> : ReduceWithOp {};
template <> struct Action<g::cmp_tail> : ReduceWithOp {};

template <>
struct Action<g::and_tail> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    detail::reduce_binary(st, ast::Op::and_);
  }
};

template <>
struct Action<g::or_tail> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    detail::reduce_binary(st, ast::Op::or_);
  }
};

}  // namespace cxv::syntax
