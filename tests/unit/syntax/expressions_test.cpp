// Expressions: precedence and associativity, calls with labels and `where`,
// members, unary operators.

#include <doctest/doctest.h>

#include "parse_helpers.hpp"

using namespace cxv;
using namespace cxv::test;

TEST_CASE("arithmetic precedence: * / over + -, left associative") {
  CHECK(expr_tree("a + b * c") == "(+ a (* b c))");
  CHECK(expr_tree("a * b + c") == "(+ (* a b) c)");
  CHECK(expr_tree("a - b - c") == "(- (- a b) c)");
  CHECK(expr_tree("a / b / c") == "(/ (/ a b) c)");
  CHECK(expr_tree("(a + b) * c") == "(* (+ a b) c)");
}

TEST_CASE("^ is right associative and binds tighter than *") {
  CHECK(expr_tree("a ^ b ^ c") == "(^ a (^ b c))");
  CHECK(expr_tree("a * b ^ c") == "(* a (^ b c))");
  CHECK(expr_tree("2 ^ -1") == "(^ 2 (neg 1))");
}

TEST_CASE("unary minus and plus bind tighter than ^ and *") {
  CHECK(expr_tree("-a * b") == "(* (neg a) b)");
  CHECK(expr_tree("-a ^ 2") == "(^ (neg a) 2)");
  CHECK(expr_tree("- - a") == "(neg (neg a))");
  CHECK(expr_tree("+a") == "(pos a)");
  CHECK(expr_tree("a - -b") == "(- a (neg b))");
}

TEST_CASE("comparisons sit between arithmetic and not/and/or") {
  CHECK(expr_tree("a + 1 < b * 2") == "(< (+ a 1) (* b 2))");
  CHECK(expr_tree("a == b") == "(== a b)");
  CHECK(expr_tree("a != b") == "(!= a b)");
  CHECK(expr_tree("a <= b") == "(<= a b)");
  CHECK(expr_tree("a >= b") == "(>= a b)");
  CHECK(expr_tree("a > b") == "(> a b)");
  CHECK(expr_tree("not a < b") == "(not (< a b))");
  CHECK(expr_tree("a < b and c > d") == "(and (< a b) (> c d))");
  CHECK(expr_tree("a or b and c") == "(or a (and b c))");
  CHECK(expr_tree("a and b or c") == "(or (and a b) c)");
  CHECK(expr_tree("not not a") == "(not (not a))");
  CHECK(expr_tree("not a and b") == "(and (not a) b)");
}

TEST_CASE("comparisons do not chain") {
  auto p = parse_text("value v = a < b < c\n");
  REQUIRE(p->diags.all().size() == 1);
  CHECK(p->diags.all()[0].code == "E014");
  CHECK(p->pos(p->diags.all()[0].span->begin).col == 17);
}

TEST_CASE("calls: positional, labelled, empty, nested, where") {
  CHECK(expr_tree("f()") == "(call f)");
  CHECK(expr_tree("f(a, b)") == "(call f a b)");
  CHECK(expr_tree("saturate(x, limit: -0.8pp)") == "(call saturate x limit:(neg 0.8pp))");
  CHECK(expr_tree("share(customers where churned)") == "(call share (where customers churned))");
  CHECK(expr_tree("count(t where a > 1 and b)") == "(call count (where t (and (> a 1) b)))");
  CHECK(expr_tree("percentile(t.x, 90%)") == "(call percentile (. t x) 90%)");
  CHECK(expr_tree("f(g(h(1)))") == "(call f (call g (call h 1)))");
  CHECK(expr_tree("f (a)") == "(call f a)");
}

TEST_CASE("call arguments keep their labels and spans") {
  auto p = parse_text("value v = saturate(x, limit: 2)\n");
  const auto* v = find_decl<ast::Value>(p->file, "v");
  REQUIRE(v);
  const ast::Expr& call = *v->formula;
  REQUIRE(call.kind == ast::ExprKind::call);
  REQUIRE(call.arg_labels.size() == 2);
  CHECK(call.arg_labels[0].text.empty());
  CHECK(call.arg_labels[1].text == "limit");
  CHECK(p->text(call.arg_labels[1].span) == "limit");
  CHECK(p->text(call.text_span) == "saturate");
  CHECK(p->text(call.span) == "saturate(x, limit: 2)");
}

TEST_CASE("members and keywords used as names in expressions") {
  CHECK(expr_tree("customers.churned") == "(. customers churned)");
  CHECK(expr_tree("pilot.effect.low") == "(. (. pilot effect) low)");
  CHECK(expr_tree("effect(nps) < 0 points") == "(< (call effect nps) 0[points])");
  CHECK(expr_tree("status(churn) == green") == "(== (call status churn) green)");
  CHECK(expr_tree("evidence >= experiment") == "(>= evidence experiment)");
}

TEST_CASE("expressions continue across lines after an operator") {
  CHECK(expr_tree("a +\n  b") == "(+ a b)");
  CHECK(expr_tree("(a\n + b)") == "(+ a b)");
}

TEST_CASE("spans cover what was written") {
  auto p = parse_text("value v = -(a + b) * 2 USD\n");
  const auto* v = find_decl<ast::Value>(p->file, "v");
  REQUIRE(v);
  CHECK(p->text(v->formula->span) == "-(a + b) * 2 USD");
  CHECK(p->text(v->formula->operands[0]->span) == "-(a + b)");
  CHECK(p->text(v->formula->operands[0]->operands[0]->span) == "(a + b)");
}

TEST_CASE("strings and dates are expressions too") {
  CHECK(expr_tree("segment == \"SMB\"") == "(== segment \"SMB\")");
  CHECK(expr_tree("signup < 2027-03-15") == "(< signup date:2027-3-15)");
}
