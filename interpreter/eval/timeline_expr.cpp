// Scalar evaluation over the timeline (see timeline_expr.hpp).

#include "eval/timeline_expr.hpp"

#include "eval/experiments.hpp"

#include <string>

namespace cxv::eval {
namespace {

[[noreturn]] void fail(const char* code, const ir::Expr& e, std::string message, std::string help = {}) {
  throw EvalError{code, e.span, std::move(message), std::move(help)};
}

[[noreturn]] void unavailable(const ir::Expr& e) {
  fail("E159", e, "this has no value on the timeline",
       "drivers, values and effect sizes may read numbers, KPIs, delta(), cumulative(), values and functions");
}

// `NAME.effect`, `.low`, `.high` (in the unit of what the effect moves) or `.n`.
Decimal experiment_number(const ir::Expr& e, const TimelineScope& s) {
  if (!s.data || !s.data->experiments) unavailable(e);
  const ExperimentResult& r = s.data->experiments->at(e.ref);
  if (e.field == ir::ExperimentField::n) return Decimal(static_cast<std::int64_t>(r.n()));
  // A yes/no outcome gives a change in a share: it can only move a share.
  if (r.binary && !e.unit.is_ratio()) {
    const ir::Experiment& x = s.program->experiments.at(e.ref);
    fail("E172", e,
         "experiment '" + x.name + "' has a yes/no outcome (" + x.outcome + "), so its estimate is a change in a share (pp), "
         "but this effect moves something measured in " + s.program->unit_text(e.unit),
         "use a yes/no experiment on a share (a ratio KPI or a bool column), or an experiment whose outcome is measured in " +
             s.program->unit_text(e.unit));
  }
  switch (e.field) {
    case ir::ExperimentField::effect: return r.effect;
    case ir::ExperimentField::low: return r.low;
    case ir::ExperimentField::high: return r.high;
    case ir::ExperimentField::n: break;
  }
  return r.effect;
}

}  // namespace

bool timeline_bool(const ir::Expr& e, const TimelineScope& s, std::span<const Decimal> params) {
  if (e.kind == ir::ExprKind::boolean) return e.boolean;
  if (e.kind == ir::ExprKind::unary && e.op == ir::Op::not_) return !timeline_bool(*e.operands.at(0), s, params);
  if (e.kind == ir::ExprKind::binary) {
    const ir::Expr& a = *e.operands.at(0);
    const ir::Expr& b = *e.operands.at(1);
    switch (e.op) {
      case ir::Op::and_: return timeline_bool(a, s, params) && timeline_bool(b, s, params);
      case ir::Op::or_: return timeline_bool(a, s, params) || timeline_bool(b, s, params);
      case ir::Op::eq:
      case ir::Op::ne:
        if (a.type == ir::Type::boolean) return (timeline_bool(a, s, params) == timeline_bool(b, s, params)) == (e.op == ir::Op::eq);
        [[fallthrough]];
      case ir::Op::lt:
      case ir::Op::le:
      case ir::Op::gt:
      case ir::Op::ge: {
        const Decimal x = timeline_number(a, s, params);
        const Decimal y = timeline_number(b, s, params);
        switch (e.op) {
          case ir::Op::eq: return x == y;
          case ir::Op::ne: return !(x == y);
          case ir::Op::lt: return x < y;
          case ir::Op::le: return x <= y;
          case ir::Op::gt: return x > y;
          default: return x >= y;
        }
      }
      default: break;
    }
  }
  unavailable(e);
}

Decimal timeline_number(const ir::Expr& e, const TimelineScope& s, std::span<const Decimal> params) {
  try {
    switch (e.kind) {
      case ir::ExprKind::number: return e.number;
      case ir::ExprKind::kpi_ref: return s.scenario->at(e.ref);
      case ir::ExprKind::value_ref: {
        const auto& v = s.values ? s.values->at(e.ref) : std::optional<Decimal>{};
        if (!v) unavailable(e);
        return *v;
      }
      case ir::ExprKind::param: return params[e.ref];
      case ir::ExprKind::experiment_field: return experiment_number(e, s);
      case ir::ExprKind::unary:
        if (e.op == ir::Op::neg) return -timeline_number(*e.operands.at(0), s, params);
        break;
      case ir::ExprKind::binary: {
        const Decimal x = timeline_number(*e.operands.at(0), s, params);
        const Decimal y = timeline_number(*e.operands.at(1), s, params);
        switch (e.op) {
          case ir::Op::add: return x + y;
          case ir::Op::sub: return x - y;
          case ir::Op::mul: return x * y;
          case ir::Op::div:
            if (y.is_zero()) fail("E151", e, "division by zero on the timeline", "the divisor is 0 in this period; guard it with max(...)");
            return x / y;
          case ir::Op::pow: return x.pow(y);
          default: break;
        }
        break;
      }
      case ir::ExprKind::call: {
        std::vector<Decimal> args;
        args.reserve(e.operands.size());
        for (const auto& op : e.operands) args.push_back(timeline_number(*op, s, params));
        return timeline_number(*e.body, s, args);
      }
      case ir::ExprKind::builtin:
        if (e.table != ir::kNone && s.data && s.data->evaluator) {
          auto [it, fresh] = s.data->cache.try_emplace(&e);
          if (fresh) it->second = s.data->evaluator->number(e);
          return it->second;
        }
        switch (e.builtin) {
          case ir::Builtin::delta: {
            const ir::Index k = e.operands.at(0)->ref;
            return s.scenario->at(k) - s.baseline->at(k);
          }
          case ir::Builtin::baseline: return s.baseline->at(e.operands.at(0)->ref);
          case ir::Builtin::cumulative: {
            const Decimal x = timeline_number(*e.operands.at(0), s, params);
            if (!s.running) return x;
            TimelineScope::Running& r = (*s.running)[&e];
            // Evaluated once per period; a second read in the same period sees the same sum.
            if (r.period != s.period) {
              r.sum += x;
              r.period = s.period;
            }
            return r.sum;
          }
          case ir::Builtin::exp: return timeline_number(*e.operands.at(0), s, params).exp();
          case ir::Builtin::ln: return timeline_number(*e.operands.at(0), s, params).ln();
          case ir::Builtin::sqrt: return timeline_number(*e.operands.at(0), s, params).sqrt();
          case ir::Builtin::abs: return timeline_number(*e.operands.at(0), s, params).abs();
          case ir::Builtin::min2:
          case ir::Builtin::max2: {
            const Decimal x = timeline_number(*e.operands.at(0), s, params);
            const Decimal y = timeline_number(*e.operands.at(1), s, params);
            const bool take_min = e.builtin == ir::Builtin::min2;
            return (take_min ? (y < x) : (y > x)) ? y : x;
          }
          default: break;
        }
        break;
      default: break;
    }
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
  unavailable(e);
}

}  // namespace cxv::eval
