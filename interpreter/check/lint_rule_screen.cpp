// Three-valued evaluation of a funding rule on an initiative's cost and
// evidence alone (see lint_rule_screen.hpp).

#include "check/lint_rule_screen.hpp"

#include <optional>
#include <variant>

namespace cxv::lint {

namespace {

enum class Truth { no, yes, unknown };

// What a sub-expression is known to be: nothing, a number, a grade or a truth.
using Known = std::variant<std::monostate, Decimal, ir::Grade, Truth>;

struct Screen {
  const Decimal& cost;
  ir::Grade evidence;

  Known eval(const ir::Expr& e) const {
    switch (e.kind) {
      case ir::ExprKind::number: return e.number;
      case ir::ExprKind::grade_word: return e.grade;
      case ir::ExprKind::boolean: return e.boolean ? Truth::yes : Truth::no;
      case ir::ExprKind::builtin:
        if (e.builtin == ir::Builtin::cost) return cost;
        if (e.builtin == ir::Builtin::evidence) return evidence;
        return std::monostate{};
      case ir::ExprKind::unary:
        if (e.op == ir::Op::not_) return negate(truth(*e.operands[0]));
        if (e.op == ir::Op::neg) {
          Known v = eval(*e.operands[0]);
          if (const Decimal* d = std::get_if<Decimal>(&v)) return -*d;
        }
        return std::monostate{};
      case ir::ExprKind::binary: return binary(e);
      default: return std::monostate{};
    }
  }

  Truth truth(const ir::Expr& e) const {
    Known v = eval(e);
    if (const Truth* t = std::get_if<Truth>(&v)) return *t;
    return Truth::unknown;
  }

  static Truth negate(Truth t) {
    if (t == Truth::unknown) return t;
    return t == Truth::yes ? Truth::no : Truth::yes;
  }

  Known binary(const ir::Expr& e) const {
    if (e.op == ir::Op::and_) {
      const Truth a = truth(*e.operands[0]), b = truth(*e.operands[1]);
      if (a == Truth::no || b == Truth::no) return Truth::no;
      if (a == Truth::yes && b == Truth::yes) return Truth::yes;
      return Truth::unknown;
    }
    if (e.op == ir::Op::or_) {
      const Truth a = truth(*e.operands[0]), b = truth(*e.operands[1]);
      if (a == Truth::yes || b == Truth::yes) return Truth::yes;
      if (a == Truth::no && b == Truth::no) return Truth::no;
      return Truth::unknown;
    }
    const Known a = eval(*e.operands[0]), b = eval(*e.operands[1]);
    std::optional<int> order;  // <0, 0, >0 when both sides are known and comparable
    if (const Decimal* x = std::get_if<Decimal>(&a)) {
      if (const Decimal* y = std::get_if<Decimal>(&b)) order = *x < *y ? -1 : (*y < *x ? 1 : 0);
    }
    if (const ir::Grade* x = std::get_if<ir::Grade>(&a)) {
      if (const ir::Grade* y = std::get_if<ir::Grade>(&b)) order = *x < *y ? -1 : (*y < *x ? 1 : 0);
    }
    if (!order) return std::monostate{};  // arithmetic and anything unknown: not screened
    auto is = [](bool holds) { return holds ? Truth::yes : Truth::no; };
    switch (e.op) {
      case ir::Op::lt: return is(*order < 0);
      case ir::Op::le: return is(*order <= 0);
      case ir::Op::gt: return is(*order > 0);
      case ir::Op::ge: return is(*order >= 0);
      case ir::Op::eq: return is(*order == 0);
      case ir::Op::ne: return is(*order != 0);
      default: return std::monostate{};
    }
  }
};

}  // namespace

bool rule_certainly_rejects(const ir::Expr& condition, const Decimal& cost_in_window, ir::Grade evidence) {
  return Screen{cost_in_window, evidence}.truth(condition) == Truth::yes;
}

}  // namespace cxv::lint
