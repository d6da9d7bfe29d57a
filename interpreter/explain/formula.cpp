// Formula derivations (see formula.hpp).

#include "explain/formula.hpp"

#include "eval/tables.hpp"
#include "explain/context.hpp"

namespace cxv::explain {
namespace {

// Deeper nodes are summarized by their value only, so a 10,000-deep
// expression cannot exhaust the stack.
constexpr int kMaxDepth = 40;

const char* op_text(ir::Op op) {
  switch (op) {
    case ir::Op::add: return "+";
    case ir::Op::sub: return "−";
    case ir::Op::mul: return "×";
    case ir::Op::div: return "÷";
    case ir::Op::pow: return "^";
    default: return ir::to_string(op);
  }
}

bool is_aggregate(const ir::Expr& e) { return e.kind == ir::ExprKind::builtin && e.table != ir::kNone; }

class Walker {
 public:
  Walker(Context& ctx, const Evaluate& evaluate) : ctx_(ctx), evaluate_(evaluate) {}

  Step walk(const ir::Expr& e, std::string label, int depth) {
    if (is_aggregate(e)) {
      Step agg = aggregate_steps(ctx_, e);
      if (label.empty()) return agg;
      // A named root (`measure`): the name and value above the derivation.
      Step s;
      s.label = std::move(label);
      s.value = agg.value;
      s.unit = agg.unit;
      s.shown = agg.shown;
      s.steps.push_back(std::move(agg));
      return s;
    }
    Step s = valued(e);
    s.label = label.empty() ? describe(e) : std::move(label);
    if (depth >= kMaxDepth) return s;
    switch (e.kind) {
      case ir::ExprKind::binary:
        if (e.type == ir::Type::number) {
          Step a = walk(*e.operands.at(0), "", depth + 1);
          Step b = walk(*e.operands.at(1), "", depth + 1);
          if (a.value && b.value && s.value)
            s.expression = a.shown + " " + op_text(e.op) + " " + b.shown + " = " + s.shown;
          if (has_inside(*e.operands.at(0))) s.steps.push_back(std::move(a));
          if (has_inside(*e.operands.at(1))) s.steps.push_back(std::move(b));
        }
        break;
      case ir::ExprKind::unary:
        if (e.op == ir::Op::neg && has_inside(*e.operands.at(0))) s.steps.push_back(walk(*e.operands.at(0), "", depth + 1));
        break;
      case ir::ExprKind::call:
        for (std::size_t i = 0; i < e.operands.size(); ++i) {
          const auto& fn = ctx_.program.functions.at(e.ref);
          const std::string param = i < fn.params.size() ? fn.params[i] : "argument " + std::to_string(i + 1);
          s.steps.push_back(walk(*e.operands[i], "argument " + param, depth + 1));
        }
        break;
      case ir::ExprKind::builtin:
        if (e.builtin == ir::Builtin::delta) break;
        for (const auto& op : e.operands)
          if (op->kind != ir::ExprKind::kpi_ref) s.steps.push_back(walk(*op, "", depth + 1));
        break;
      default: break;
    }
    return s;
  }

 private:
  // A leaf (a number, a KPI) is shown within its parent's arithmetic; only
  // nodes with something inside get their own step.
  static bool has_inside(const ir::Expr& e) {
    return e.kind != ir::ExprKind::number && !(e.kind == ir::ExprKind::unary && e.operands.at(0)->kind == ir::ExprKind::number);
  }

  Step valued(const ir::Expr& e) {
    Step s;
    s.expression = ctx_.written(e.span);
    s.span = e.span;
    if (e.type != ir::Type::number) return s;
    try {
      const Decimal v = evaluate_(e);
      s.value = v;
      s.unit = unit_name(ctx_.program, e.unit);
      // A literal reads best as the author wrote it: `-0.04pp/points`, `6.50 USD`.
      const bool literal = e.kind == ir::ExprKind::number ||
                           (e.kind == ir::ExprKind::unary && e.operands.at(0)->kind == ir::ExprKind::number);
      s.shown = literal ? ctx_.written(e.span) : show(ctx_.program, e.unit, v);
    } catch (const eval::EvalError&) {
      s.shown = "(no value on its own here)";
    }
    return s;
  }

  std::string describe(const ir::Expr& e) const {
    const ir::Program& p = ctx_.program;
    switch (e.kind) {
      case ir::ExprKind::number: return "constant";
      case ir::ExprKind::kpi_ref: return "KPI " + p.kpis.at(e.ref).name;
      case ir::ExprKind::value_ref: return "value " + p.values.at(e.ref).name;
      case ir::ExprKind::experiment_field: return "experiment " + p.experiments.at(e.ref).name;
      case ir::ExprKind::call: return "function " + p.functions.at(e.ref).name;
      case ir::ExprKind::unary: return e.op == ir::Op::neg ? "negation" : "not";
      case ir::ExprKind::binary: return ctx_.written(e.span);
      case ir::ExprKind::builtin:
        if (e.builtin == ir::Builtin::delta) return "change in KPI " + p.kpis.at(e.operands.at(0)->ref).name;
        if (e.builtin == ir::Builtin::cumulative) return "running sum over the periods so far";
        return std::string(ir::to_string(e.builtin));
      default: return ctx_.written(e.span);
    }
  }

  Context& ctx_;
  const Evaluate& evaluate_;
};

std::string table_label(const Context& ctx, ir::Index t) {
  const ir::Table& table = ctx.program.tables.at(t);
  return "table " + table.name + " (" + table.written_path + ")";
}

}  // namespace

Evaluate on_data(Context& ctx) {
  return [&ctx](const ir::Expr& e) { return ctx.data->number(e); };
}

Step aggregate_steps(Context& ctx, const ir::Expr& e) {
  const ir::Program& p = ctx.program;
  Step s;
  s.label = ctx.written(e.span);
  s.span = e.span;
  const eval::AggregateTrace* tr = nullptr;
  try {
    const Decimal v = ctx.data->number(e);
    tr = ctx.traces.find(&e);
    s.value = v;
    s.unit = unit_name(p, e.unit);
    s.shown = show(p, e.unit, v);
  } catch (const eval::EvalError& err) {
    s.shown = "(failed: " + err.message + ")";
    return s;
  }
  if (!tr) return s;
  const std::string where_text = e.where ? ctx.written(e.where->span) : "";
  s.steps.push_back(count_figure("rows in " + table_label(ctx, e.table), tr->table_rows));
  if (tr->scope_rows != tr->table_rows) s.steps.push_back(count_figure("rows in scope", tr->scope_rows));
  if (e.where) {
    Step w = count_figure("rows where `" + where_text + "` is true", tr->where_true);
    w.span = e.where->span;
    s.steps.push_back(std::move(w));
    Step k = count_figure("rows where `" + where_text + "` is known (not missing)", tr->where_known);
    s.steps.push_back(std::move(k));
  }
  const std::string n = show_count(tr->values);
  switch (e.builtin) {
    case ir::Builtin::count:
      s.expression = "count of those rows = " + show_count(e.where ? tr->where_true : tr->scope_rows);
      break;
    case ir::Builtin::share:
      if (e.where) {
        s.expression = show_count(tr->where_true) + " ÷ " + show_count(tr->where_known) + " = " +
                       show_precise(p, e.unit, *s.value);
      } else {
        s.expression = "every row counts: 1";
      }
      break;
    case ir::Builtin::sum:
      s.expression = "sum of " + n + " values = " + show_precise(p, e.unit, *s.value);
      [[fallthrough]];
    case ir::Builtin::mean: {
      const ir::Expr& x = *e.operands.at(0);
      s.steps.push_back(count_figure("rows with a value of `" + ctx.written(x.span) + "`" + (e.where ? " among them" : ""), tr->values));
      Step sum = figure("sum of those values", tr->values_sum, x.unit, p);
      s.steps.push_back(std::move(sum));
      if (e.builtin == ir::Builtin::mean)
        s.expression = show_precise(p, x.unit, tr->values_sum) + " ÷ " + n + " = " + show_precise(p, e.unit, *s.value);
      break;
    }
    case ir::Builtin::median:
    case ir::Builtin::percentile:
    case ir::Builtin::min:
    case ir::Builtin::max: {
      const ir::Expr& x = *e.operands.at(0);
      s.steps.push_back(count_figure("rows with a value of `" + ctx.written(x.span) + "`" + (e.where ? " among them" : ""), tr->values));
      s.expression = std::string(ir::to_string(e.builtin)) + " of " + n + " values = " + show_precise(p, e.unit, *s.value);
      break;
    }
    default: break;
  }
  return s;
}

Step formula_steps(Context& ctx, const ir::Expr& e, const Evaluate& evaluate, const std::string& label) {
  Walker w(ctx, evaluate);
  return w.walk(e, label, 0);
}

}  // namespace cxv::explain
