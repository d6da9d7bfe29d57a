// The funding step of `cxv run` (see portfolio_run.hpp).

#include "eval/portfolio_run.hpp"
#include "portfolio/milp.hpp"

#include <chrono>

#include <algorithm>

#include <fmt/core.h>

#include "eval/portfolio_context.hpp"
#include "eval/portfolio_problem.hpp"
#include "portfolio/frontier.hpp"
#include "portfolio/solve.hpp"

namespace cxv::eval {
namespace {

// Where a conflicting rule was written: share rules and reject/require rules
// have their own span; the budget and `must fund` point at the funding block.
Span rule_span(const ir::Program& program, const SourceMap& sources, const std::string& text) {
  const ir::Funding& f = *program.funding;
  for (const ir::BudgetShare& s : f.shares)
    if (written(sources, s.span) == text) return s.span;
  for (const auto* rules : {&f.rejects, &f.requires_})
    for (const ir::Rule& r : *rules)
      if (text.rfind(written(sources, r.span), 0) == 0) return r.span;
  return f.span;
}

void report_infeasible(const ir::Program& program, const SourceMap& sources, const portfolio::Solution& s,
                       Diagnostics& diags) {
  const ir::Funding& f = *program.funding;
  std::string names;
  for (const std::string& c : s.conflicts) names += (names.empty() ? "'" : "; '") + c + "'";
  Diagnostic& d = diags.error("E161", f.span, "no portfolio satisfies every funding rule; these cannot all hold: " + names);
  d.help = "drop or loosen one of these rules (a larger budget, a smaller share, one `must fund` less)";
  for (const std::string& c : s.conflicts) d.notes.push_back(Note{rule_span(program, sources, c), "conflicting: " + c});
}

void report_rule_error(const EvalError& error, const ir::Program& program, std::optional<ir::Index> initiative,
                       Diagnostics& diags) {
  if (error.code.empty()) return;
  Diagnostic& d = diags.error(error.code, error.span, error.message);
  d.help = error.help;
  if (initiative) {
    const ir::Initiative& ini = program.initiatives.at(*initiative);
    d.notes.push_back(Note{ini.span, "while applying the funding rules to initiative '" + ini.name + "'"});
  }
}

bool share_rules_need_budget(const ir::Program& program, Diagnostics& diags) {
  const ir::Funding& f = *program.funding;
  if (f.budget || f.shares.empty()) return true;
  for (const ir::BudgetShare& s : f.shares) {
    Diagnostic& d = diags.error("E163", s.span, "this is a share of the budget, but the funding block declares no budget");
    d.help = "declare `budget <amount>` in the funding block, or drop the share rule";
  }
  return false;
}

void fill_decisions(const ir::Program& program, const Appraisal& appraisal, const portfolio::Problem& problem,
                    const portfolio::Solution& s, PortfolioResult& out) {
  out.initiatives.resize(program.initiatives.size());
  for (ir::Index i = 0; i < program.initiatives.size(); ++i) {
    InitiativeDecision& d = out.initiatives[i];
    const portfolio::Outcome& o = s.outcomes.at(i);
    d.initiative = i;
    d.evaluated = appraisal.initiatives.at(i).evaluated;
    d.funded = o.funded;
    d.rank = o.rank;
    d.kind = o.kind;
    d.reason = o.reason;
    if (!d.evaluated) d.reason = "not evaluated: " + appraisal.initiatives.at(i).not_evaluated;
    d.cost = problem.candidates[i].cost;
    d.objective = problem.candidates[i].objective;
    d.extra_budget = o.extra_budget;
    d.extra_objective = o.extra_objective;
    d.note = o.note;
    d.conflicts = o.conflicts;
    if (o.funded) out.funded.push_back(i);
  }
  std::sort(out.funded.begin(), out.funded.end(),
            [&](ir::Index a, ir::Index b) { return *out.initiatives[a].rank < *out.initiatives[b].rank; });
}

void fill_frontier(const portfolio::Problem& problem, const portfolio::Solution& s, std::size_t steps,
                   PortfolioResult& out) {
  if (!problem.budget || steps == 0) return;
  std::vector<Decimal> budgets = frontier_budgets(*problem.budget, steps);
  // The declared budget's point is the solution already found.
  std::vector<Decimal> others;
  for (const Decimal& b : budgets)
    if (b != *problem.budget) others.push_back(b);
  const std::vector<portfolio::FrontierPoint> points = portfolio::frontier(problem, others);
  std::size_t next = 0;
  for (const Decimal& b : budgets) {
    FrontierStep step;
    step.budget = b;
    if (b == *problem.budget) {
      step.status = s.status;
      step.objective = s.objective;
      step.cost = s.cost;
      for (std::size_t i : s.funded) step.funded.push_back(static_cast<ir::Index>(i));
    } else {
      const portfolio::FrontierPoint& p = points.at(next++);
      step.status = p.status;
      step.objective = p.objective;
      step.cost = p.cost;
      for (std::size_t i : p.funded) step.funded.push_back(static_cast<ir::Index>(i));
    }
    out.frontier.push_back(std::move(step));
  }
}

}  // namespace

std::vector<Decimal> frontier_budgets(const Decimal& budget, std::size_t steps) {
  std::vector<Decimal> out;
  if (budget.sign() <= 0 || steps == 0) return out;
  const auto n = static_cast<std::int64_t>(steps);
  for (std::int64_t k = 1; k <= n; ++k) out.push_back(budget * Decimal(2 * k) / Decimal(n));
  return out;
}

void evaluate_jointly(const ir::Program& program, const std::vector<Decimal>& baseline, const Appraisal& appraisal,
                      DataAggregates* data, PortfolioResult& result) {
  std::vector<ir::Index> members = result.funded;
  std::sort(members.begin(), members.end());
  result.joint = run_timeline(program, baseline, members, appraisal.effects, data);
  result.differences.clear();
  for (ir::Index v = 0; v < program.values.size(); ++v) {
    const bool money = program.values[v].kind != ir::ValueKind::non_money;
    Decimal parts;
    for (ir::Index i : members) {
      const Outcome& alone = appraisal.initiatives.at(i).alone;
      parts += money ? alone.value_npv_by_value.at(v) : alone.value_full.at(v);
    }
    const Decimal joint = money ? result.joint.value_npv_by_value.at(v) : result.joint.value_full.at(v);
    if (joint != parts) result.differences.push_back({JointDifference::Of::value, v, joint, parts});
  }
  for (ir::Index k = 0; k < program.kpis.size(); ++k) {
    Decimal parts;
    for (ir::Index i : members) parts += appraisal.initiatives.at(i).alone.kpi_delta_full.at(k);
    const Decimal joint = result.joint.kpi_delta_full.at(k);
    if (joint != parts) result.differences.push_back({JointDifference::Of::kpi, k, joint, parts});
  }
}

std::optional<PortfolioResult> choose_portfolio(const ir::Program& program, const SourceMap& sources,
                                                const TableSet& tables, const Baselines& baselines,
                                                const Appraisal& appraisal, Diagnostics& diags,
                                                const PortfolioOptions& options) {
  const ir::Funding& funding = *program.funding;
  if (!share_rules_need_budget(program, diags)) return std::nullopt;

  std::vector<Decimal> baseline;
  baseline.reserve(baselines.values.size());
  for (const auto& v : baselines.values) baseline.push_back(v.value_or(Decimal()));
  Evaluator evaluator(program, tables, [&baselines](ir::Index k) { return baselines.values.at(k); });
  DataAggregates data{&evaluator, {}};
  PortfolioContext context(program, baseline, appraisal, &data);

  portfolio::Problem problem;
  try {
    problem = build_problem(program, sources, appraisal, context);
  } catch (const FundingRuleError& e) {
    report_rule_error(e.error, program, e.initiative, diags);
    return std::nullopt;
  }

  // First the optimum alone; the per-initiative analysis only when it is
  // affordable (a second solve, since the analysis needs the solver's grid).
  using Clock = std::chrono::steady_clock;
  const Clock::time_point selection_start = Clock::now();
  const double cbc_before = portfolio::cbc_seconds_on_this_thread();
  portfolio::SolveOptions solve_options;
  solve_options.analyse_unfunded = false;
  portfolio::Solution s = portfolio::solve(problem, solve_options);
  std::size_t to_analyse = 0;
  for (const portfolio::Outcome& o : s.outcomes)
    if (!o.funded && o.kind != portfolio::ReasonKind::rejected) ++to_analyse;
  const bool analyse = options.analyse_unfunded && to_analyse > 0 && to_analyse <= options.analysis_limit &&
                       (s.status == portfolio::Status::optimal || s.status == portfolio::Status::not_proven);
  if (analyse) {
    const std::size_t calls = s.solver_calls;
    solve_options.analyse_unfunded = true;
    s = portfolio::solve(problem, solve_options);
    s.solver_calls += calls;
  }
  if (s.status == portfolio::Status::infeasible) {
    report_infeasible(program, sources, s, diags);
    return std::nullopt;
  }
  if (s.status == portfolio::Status::invalid) {
    Diagnostic& d = diags.error("E152", funding.span, "the portfolio cannot be chosen: " + s.note);
    d.help = "the amounts involved are beyond what cxv compares exactly";
    return std::nullopt;
  }

  PortfolioResult out;
  out.budget = funding.budget;
  out.objective_is_net_npv = funding.objective == nullptr;
  out.objective_text = funding.objective ? written(sources, funding.objective->span) : "net_npv";
  out.status = s.status;
  out.note = s.note;
  out.analysed = analyse || to_analyse == 0;
  if (!out.analysed) {
    out.analysis_note = options.analyse_unfunded
                            ? fmt::format("{} initiatives are out without a rule rejecting them, more than the {} "
                                          "analysed one by one (each needs two or more solver runs)",
                                          to_analyse, options.analysis_limit)
                            : "the analysis of unfunded initiatives was switched off";
  }
  out.cost = s.cost;
  out.objective = s.objective;
  fill_decisions(program, appraisal, problem, s, out);
  for (ir::Index i : out.funded) out.net_npv += appraisal.initiatives.at(i).alone.net_npv;
  const Clock::time_point joint_start = Clock::now();
  try {
    evaluate_jointly(program, baseline, appraisal, &data, out);
  } catch (const EvalError& error) {
    report_rule_error(error, program, std::nullopt, diags);
    return std::nullopt;
  }
  const double joint_seconds = std::chrono::duration<double>(Clock::now() - joint_start).count();
  fill_frontier(problem, s, options.frontier_steps, out);
  out.solver_calls = s.solver_calls;
  // Selection = solving, analysing, the frontier (the joint evaluation is not
  // selection); CBC = the time inside its own solves over the same calls.
  out.selection_seconds = std::chrono::duration<double>(Clock::now() - selection_start).count() - joint_seconds;
  out.cbc_seconds = portfolio::cbc_seconds_on_this_thread() - cbc_before;
  return out;
}

}  // namespace cxv::eval
