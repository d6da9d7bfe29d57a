// Portfolio-context expressions (see portfolio_context.hpp).

#include "eval/portfolio_context.hpp"

#include <fmt/core.h>

#include "eval/status.hpp"

namespace cxv::eval {
namespace {

[[noreturn]] void fail(const char* code, const ir::Expr& e, std::string message, std::string help = {}) {
  throw EvalError{code, e.span, std::move(message), std::move(help)};
}

const Decimal& as_number(const PortfolioContext::Result& r, const ir::Expr& e) {
  if (const auto* d = std::get_if<Decimal>(&r)) return *d;
  fail("E159", e, "this is not a number");
}

bool as_bool(const PortfolioContext::Result& r, const ir::Expr& e) {
  if (const auto* b = std::get_if<bool>(&r)) return *b;
  fail("E159", e, "this is not a condition");
}

// Orders two results of the same type: numbers by value, grades by strength
// (assumed < benchmark < correlational < experiment), the rest by equality only.
int compare(const PortfolioContext::Result& a, const PortfolioContext::Result& b) {
  if (const auto* x = std::get_if<Decimal>(&a)) {
    const Decimal& y = std::get<Decimal>(b);
    return *x < y ? -1 : (y < *x ? 1 : 0);
  }
  if (const auto* g = std::get_if<ir::Grade>(&a)) {
    const int x = static_cast<int>(*g), y = static_cast<int>(std::get<ir::Grade>(b));
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  return a == b ? 0 : 1;
}

}  // namespace

PortfolioContext::PortfolioContext(const ir::Program& program, const std::vector<Decimal>& baseline,
                                   const Appraisal& appraisal, DataAggregates* data)
    : program_(program), baseline_(baseline), appraisal_(appraisal), data_(data) {}

bool PortfolioContext::test(const ir::Expr& e) {
  try {
    return as_bool(eval(e, {}), e);
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
}

PortfolioContext::Result PortfolioContext::value(const ir::Expr& e) {
  try {
    return eval(e, {});
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
}

Decimal PortfolioContext::number(const ir::Expr& e) {
  try {
    return as_number(eval(e, {}), e);
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
}

const Outcome* PortfolioContext::scenario() const {
  if (candidate_) return &appraisal_.initiatives.at(*candidate_).alone;
  if (portfolio_) return portfolio_->joint;
  return nullptr;
}

void PortfolioContext::missing(const ir::Expr& e, std::string what, std::string help) const {
  fail("E162", e, std::move(what), std::move(help));
}

PortfolioContext::Result PortfolioContext::eval(const ir::Expr& e, std::span<const Result> params) {
  switch (e.kind) {
    case ir::ExprKind::number: return e.number;
    case ir::ExprKind::text: return e.text;
    case ir::ExprKind::boolean: return e.boolean;
    case ir::ExprKind::status_word: return e.status;
    case ir::ExprKind::grade_word: return e.grade;
    case ir::ExprKind::param: return params[e.ref];
    case ir::ExprKind::kpi_ref: {
      // The KPI at full strength in the scope, or its baseline.
      Decimal v = baseline_.at(e.ref);
      if (const Outcome* o = scenario()) v += o->kpi_delta_full.at(e.ref);
      return v;
    }
    case ir::ExprKind::value_ref: {
      const Outcome* o = scenario();
      if (!o) {
        missing(e, fmt::format("the value '{}' has no figure before an initiative or the portfolio is chosen",
                               program_.values.at(e.ref).name),
                "read values in the funding objective or in expect blocks");
      }
      return o->value_full.at(e.ref);
    }
    case ir::ExprKind::portfolio_field: return field(e);
    case ir::ExprKind::unary: {
      const Result x = eval(*e.operands.at(0), params);
      if (e.op == ir::Op::not_) return !as_bool(x, e);
      return -as_number(x, e);
    }
    case ir::ExprKind::binary: return eval_binary(e, params);
    case ir::ExprKind::builtin: return eval_builtin(e, params);
    case ir::ExprKind::call: {
      std::vector<Result> args;
      args.reserve(e.operands.size());
      for (const auto& op : e.operands) args.push_back(eval(*op, params));
      return eval(*e.body, args);
    }
    default: break;
  }
  fail("E159", e, "this has no value in a funding rule, the objective or an expect block");
}

PortfolioContext::Result PortfolioContext::eval_binary(const ir::Expr& e, std::span<const Result> params) {
  const ir::Expr& a = *e.operands.at(0);
  const ir::Expr& b = *e.operands.at(1);
  // Short-circuit, so that `cost > 0 USD and roi < 1` never reads a missing roi.
  if (e.op == ir::Op::and_) return as_bool(eval(a, params), a) && as_bool(eval(b, params), b);
  if (e.op == ir::Op::or_) return as_bool(eval(a, params), a) || as_bool(eval(b, params), b);
  const Result x = eval(a, params);
  const Result y = eval(b, params);
  switch (e.op) {
    case ir::Op::eq: return compare(x, y) == 0;
    case ir::Op::ne: return compare(x, y) != 0;
    case ir::Op::lt: return compare(x, y) < 0;
    case ir::Op::le: return compare(x, y) <= 0;
    case ir::Op::gt: return compare(x, y) > 0;
    case ir::Op::ge: return compare(x, y) >= 0;
    default: break;
  }
  const Decimal& p = as_number(x, a);
  const Decimal& q = as_number(y, b);
  switch (e.op) {
    case ir::Op::add: return p + q;
    case ir::Op::sub: return p - q;
    case ir::Op::mul: return p * q;
    case ir::Op::div:
      if (q.is_zero()) fail("E151", e, "division by zero", "the divisor is 0 here; guard it with max(...)");
      return p / q;
    case ir::Op::pow: return p.pow(q);
    default: break;
  }
  fail("E159", e, "this operation has no value here");
}

PortfolioContext::Result PortfolioContext::eval_builtin(const ir::Expr& e, std::span<const Result> params) {
  if (e.table != ir::kNone) {
    if (!data_ || !data_->evaluator) fail("E159", e, "an aggregate over a table has no value here");
    auto [it, fresh] = data_->cache.try_emplace(&e);
    if (fresh) it->second = data_->evaluator->number(e);
    return it->second;
  }
  auto arg = [&](std::size_t i) { return as_number(eval(*e.operands.at(i), params), *e.operands.at(i)); };
  auto need_candidate = [&](const char* name) -> const InitiativeAppraisal& {
    if (!candidate_) {
      missing(e, fmt::format("{} describes one initiative, and none is being considered here", name),
              "use it in a `reject when` or `require` rule of the funding block");
    }
    return appraisal_.initiatives.at(*candidate_);
  };
  switch (e.builtin) {
    case ir::Builtin::cost: return need_candidate("cost").alone.cost_window;
    case ir::Builtin::evidence:
      need_candidate("evidence");
      return program_.initiatives.at(*candidate_).evidence.grade;
    case ir::Builtin::effect: {
      const InitiativeAppraisal& a = need_candidate("effect()");
      return a.alone.kpi_delta_full.at(e.operands.at(0)->ref);
    }
    case ir::Builtin::experience_impact: {
      const InitiativeAppraisal& a = need_candidate("experience_impact");
      for (ir::Index k = 0; k < program_.kpis.size(); ++k)
        if (program_.kpis[k].perspective == ir::Perspective::customer && !a.alone.kpi_delta_full.at(k).is_zero()) return true;
      return false;
    }
    case ir::Builtin::delta: {
      const Outcome* o = scenario();
      return o ? o->kpi_delta_full.at(e.operands.at(0)->ref) : Decimal();
    }
    case ir::Builtin::baseline: return baseline_.at(e.operands.at(0)->ref);
    case ir::Builtin::status: {
      const ir::Index k = e.operands.at(0)->ref;
      const ir::Kpi& kpi = program_.kpis.at(k);
      const auto s = kpi_status(kpi, baseline_.at(k));
      if (!s) missing(e, fmt::format("the KPI '{}' has no status: it has no target and no thresholds", kpi.name),
                      fmt::format("give '{}' a `target` or `thresholds`", kpi.name));
      return *s;
    }
    case ir::Builtin::funded: {
      if (!portfolio_) missing(e, "funded() has no answer before the portfolio is chosen",
                               "use funded() in expect blocks, which run after the selection");
      return static_cast<bool>(portfolio_->funded.at(e.operands.at(0)->ref));
    }
    case ir::Builtin::cumulative: return arg(0);   // one state: full strength
    case ir::Builtin::exp: return arg(0).exp();
    case ir::Builtin::ln: return arg(0).ln();
    case ir::Builtin::sqrt: return arg(0).sqrt();
    case ir::Builtin::abs: return arg(0).abs();
    case ir::Builtin::min2:
    case ir::Builtin::max2: {
      const Decimal x = arg(0), y = arg(1);
      return (e.builtin == ir::Builtin::min2 ? (y < x) : (y > x)) ? y : x;
    }
    default: break;
  }
  fail("E159", e, "this has no value in a funding rule, the objective or an expect block");
}

PortfolioContext::Result PortfolioContext::field(const ir::Expr& e) {
  const std::string& f = e.text;
  if (candidate_) {
    // Bare figures in a rule or the objective are the candidate's, alone.
    const InitiativeAppraisal& a = appraisal_.initiatives.at(*candidate_);
    if (f == "net_npv" || f == "joint_net_npv") return a.alone.net_npv;
    if (f == "value_npv") return a.alone.value_npv;
    if (f == "cost_pv") return a.alone.cost_pv;
    if (f == "cost") return a.alone.cost_window;
    if (f == "roi") {
      if (!a.alone.roi) missing(e, fmt::format("'{}' has no ROI: its cost PV is 0", program_.initiatives.at(*candidate_).name),
                                "guard the rule with `cost > 0 USD and ...`");
      return *a.alone.roi;
    }
    if (f == "budget" && program_.funding && program_.funding->budget) return *program_.funding->budget;
  } else if (portfolio_) {
    if (f == "net_npv") return portfolio_->net_npv;
    if (f == "joint_net_npv") return portfolio_->joint_net_npv;
    if (f == "value_npv") return portfolio_->value_npv;
    if (f == "cost_pv") return portfolio_->cost_pv;
    if (f == "cost") return portfolio_->cost;
    if (f == "roi" && portfolio_->roi) return *portfolio_->roi;
    if (f == "budget" && portfolio_->budget) return *portfolio_->budget;
  }
  if (f == "budget") missing(e, "there is no budget", "declare `budget` in the funding block");
  missing(e, fmt::format("the portfolio's {} has no figure here", f),
          f == "roi" ? "the portfolio's cost PV is 0, so it has no ROI" : "read portfolio figures in expect blocks, once the portfolio is chosen");
}

}  // namespace cxv::eval
