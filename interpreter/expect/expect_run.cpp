// Running `expect` blocks: each condition evaluated in the portfolio scope
// (eval/portfolio_context.hpp), and a failed one taken apart for the reader.

#include "expect/expect_run.hpp"

#include <fmt/format.h>

#include "eval/evaluator.hpp"
#include "eval/portfolio_context.hpp"
#include "eval/portfolio_problem.hpp"
#include "eval/timeline_expr.hpp"
#include "expect/show.hpp"
#include "report/display.hpp"

namespace cxv::expect {

namespace {

bool is_literal(const ir::Expr& e) {
  switch (e.kind) {
    case ir::ExprKind::number:
    case ir::ExprKind::text:
    case ir::ExprKind::date:
    case ir::ExprKind::boolean:
    case ir::ExprKind::status_word:
    case ir::ExprKind::grade_word: return true;
    case ir::ExprKind::unary: return e.op == ir::Op::neg && is_literal(*e.operands[0]);
    default: return false;
  }
}

bool is_comparison(ir::Op op) {
  return op == ir::Op::eq || op == ir::Op::ne || op == ir::Op::lt || op == ir::Op::le || op == ir::Op::gt ||
         op == ir::Op::ge;
}

// Does the condition ask about the portfolio (funded(), portfolio.*)?
bool reads_portfolio(const ir::Expr& e) {
  if (e.kind == ir::ExprKind::portfolio_field) return true;
  if (e.kind == ir::ExprKind::builtin && e.builtin == ir::Builtin::funded) return true;
  for (const auto& operand : e.operands)
    if (reads_portfolio(*operand)) return true;
  return false;
}

eval::PortfolioFigures figures_of(const ir::Program& program, const eval::PortfolioResult& p) {
  eval::PortfolioFigures f;
  f.funded.assign(program.initiatives.size(), false);
  for (ir::Index i : p.funded) f.funded.at(i) = true;
  f.net_npv = p.net_npv;
  f.value_npv = p.joint.value_npv;
  f.cost_pv = p.joint.cost_pv;
  f.cost = p.cost;
  f.joint_net_npv = p.joint.net_npv;
  f.budget = p.budget;
  f.roi = p.joint.roi;
  f.joint = &p.joint;
  return f;
}

class Runner {
 public:
  Runner(const RunView& run, eval::PortfolioContext& context) : run_(run), context_(context) {}

  ConditionResult condition(const ir::Expr& e) {
    ConditionResult out;
    out.span = e.span;
    out.text = eval::written(*run_.sources, e.span);
    try {
      out.passed = context_.test(e);
    } catch (const eval::EvalError& error) {
      out.error_code = error.code.empty() ? "E162" : error.code;
      out.error = error.message;
      if (!run_.portfolio && reads_portfolio(e)) out.error += " (the framework has no funding block)";
      return out;
    }
    if (!out.passed) collect_parts(e, out.parts);
    return out;
  }

 private:
  // The parts worth showing: every operand of a comparison that is not a
  // literal, the conditions under and/or/not, and a bare funded(...) or
  // other condition that stands alone.
  void collect_parts(const ir::Expr& e, std::vector<Part>& parts) {
    if (e.kind == ir::ExprKind::unary && e.op == ir::Op::not_) return collect_parts(*e.operands[0], parts);
    if (e.kind == ir::ExprKind::binary && (e.op == ir::Op::and_ || e.op == ir::Op::or_)) {
      collect_parts(*e.operands[0], parts);
      collect_parts(*e.operands[1], parts);
      return;
    }
    if (e.kind == ir::ExprKind::binary && is_comparison(e.op)) {
      for (const auto& operand : e.operands) {
        if (!is_literal(*operand)) parts.push_back(part(*operand));
      }
      return;
    }
    if (!is_literal(e)) parts.push_back(part(e));
  }

  Part part(const ir::Expr& e) {
    Part p{eval::written(*run_.sources, e.span), {}};
    if (e.kind == ir::ExprKind::builtin && e.builtin == ir::Builtin::funded) {
      p.value = funded_text(e.operands.at(0)->ref);
      return p;
    }
    try {
      p.value = show(e, context_.value(e));
    } catch (const eval::EvalError& error) {
      p.value = "(no value: " + error.message + ")";
    }
    if (e.kind == ir::ExprKind::builtin && e.builtin == ir::Builtin::status) p.value += status_context(e.operands.at(0)->ref);
    return p;
  }

  std::string show(const ir::Expr& e, const eval::PortfolioContext::Result& value) const {
    const ir::Program& program = *run_.program;
    if (const Decimal* d = std::get_if<Decimal>(&value)) return show_number(program, e.unit, *d);
    if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    if (const ir::Status* s = std::get_if<ir::Status>(&value)) return ir::to_string(*s);
    if (const ir::Grade* g = std::get_if<ir::Grade>(&value)) return ir::to_string(*g);
    return "\"" + std::get<std::string>(value) + "\"";
  }

  // " (baseline 2.31%; green ≤ 1.50%, amber ≤ 2.00%)"
  std::string status_context(ir::Index k) const {
    const ir::Program& program = *run_.program;
    const ir::Kpi& kpi = program.kpis.at(k);
    std::string out = " (baseline " + report::show_value(program, kpi, run_.scorecard->kpis.at(k).baseline);
    if (kpi.green || kpi.amber) {
      std::string bars;
      if (kpi.green) bars += "green " + report::show_bar(program, kpi, *kpi.green);
      if (kpi.amber) bars += std::string(bars.empty() ? "" : ", ") + "amber " + report::show_bar(program, kpi, *kpi.amber);
      out += "; " + bars;
    } else if (kpi.target) {
      out += "; target " + report::show_bar(program, kpi, *kpi.target);
    }
    return out + ")";
  }

  std::string funded_text(ir::Index i) const {
    const std::string& name = run_.program->initiatives.at(i).name;
    if (!run_.portfolio) return name + " cannot be funded: the framework has no funding block";
    const eval::InitiativeDecision& d = run_.portfolio->initiatives.at(i);
    if (d.funded) return fmt::format("{} is funded (rank {})", name, d.rank.value_or(0));
    if (d.reason.empty()) return name + " is not funded";
    return name + " is not funded: " + d.reason;
  }

  const RunView& run_;
  eval::PortfolioContext& context_;
};

}  // namespace

std::vector<ExpectResult> run_expects(const RunView& run, const std::string& filter) {
  const ir::Program& program = *run.program;
  std::vector<Decimal> baseline;
  baseline.reserve(run.scorecard->kpis.size());
  for (const eval::KpiCard& card : run.scorecard->kpis) baseline.push_back(card.baseline.value_or(Decimal()));
  eval::Evaluator evaluator(program, *run.tables, [&run](ir::Index k) { return run.scorecard->kpis.at(k).baseline; });
  eval::DataAggregates data{&evaluator, {}};
  eval::PortfolioContext context(program, baseline, *run.appraisal, &data);
  eval::PortfolioFigures figures;
  if (run.portfolio) {
    figures = figures_of(program, *run.portfolio);
    context.set_portfolio(&figures);
  }
  Runner runner(run, context);

  std::vector<ExpectResult> out;
  for (ir::Index x = 0; x < program.expects.size(); ++x) {
    const ir::Expect& expect = program.expects[x];
    if (!filter.empty() && expect.title.find(filter) == std::string::npos) continue;
    ExpectResult r;
    r.index = x;
    r.title = expect.title;
    r.span = expect.span;
    r.passed = true;
    for (const auto& condition : expect.conditions) {
      r.conditions.push_back(runner.condition(*condition));
      r.passed = r.passed && r.conditions.back().passed;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace cxv::expect
