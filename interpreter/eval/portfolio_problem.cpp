// The optimizer's Problem from the funding block (see portfolio_problem.hpp).

#include "eval/portfolio_problem.hpp"

#include <algorithm>
#include <cctype>

namespace cxv::eval {

std::string written(const SourceMap& sources, Span span) {
  const std::string_view text = sources.file(span.file).slice(span);
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string initiative_perspective(const ir::Program& program, const ir::Initiative& initiative) {
  for (const ir::Effect& e : initiative.effects) {
    if (e.kind != ir::EffectKind::column) {
      const ir::Perspective p = program.kpis.at(e.kpi).perspective;
      return p == ir::Perspective::none ? "" : ir::to_string(p);
    }
    for (ir::Index k : program.kpi_order) {
      const auto& read = program.kpis[k].columns_read;
      if (std::find(read.begin(), read.end(), e.column) != read.end()) {
        const ir::Perspective p = program.kpis[k].perspective;
        return p == ir::Perspective::none ? "" : ir::to_string(p);
      }
    }
  }
  return "";
}

std::string budget_text(const ir::Program& program, const SourceMap& sources) {
  const ir::Funding& f = *program.funding;
  // The budget line inside the funding block, up to a comment.
  const std::string_view block = sources.file(f.span.file).slice(f.span);
  std::size_t at = 0;
  while (at < block.size()) {
    std::size_t end = block.find('\n', at);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(at, end - at);
    at = end + 1;
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    if (line.substr(0, 7) != "budget " && line.substr(0, 7) != "budget\t") continue;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    return std::string(line);
  }
  return "budget " + (f.budget ? f.budget->to_string() : std::string("?")) + " " + program.framework.currency;
}

portfolio::Problem build_problem(const ir::Program& program, const SourceMap& sources, const Appraisal& appraisal,
                                 PortfolioContext& context) {
  const ir::Funding& funding = *program.funding;
  portfolio::Problem problem;
  problem.budget = funding.budget;
  if (funding.budget) problem.budget_text = budget_text(program, sources);

  problem.candidates.reserve(program.initiatives.size());
  for (ir::Index i = 0; i < program.initiatives.size(); ++i) {
    const ir::Initiative& ini = program.initiatives[i];
    const InitiativeAppraisal& a = appraisal.initiatives.at(i);
    portfolio::Candidate c;
    c.name = ini.name;
    c.cost = a.alone.cost_window;
    for (ir::Index j : ini.requires_) c.requires_.push_back(j);
    for (ir::Index j : ini.excludes) c.excludes.push_back(j);
    if (ini.stage != ir::Stage::none) c.attributes["stage"] = ir::to_string(ini.stage);
    if (ini.activity != ir::Activity::none) c.attributes["activity"] = ir::to_string(ini.activity);
    if (std::string p = initiative_perspective(program, ini); !p.empty()) c.attributes["perspective"] = p;

    if (!a.evaluated) {
      // No made-up number: it cannot be funded, and says why.
      c.rejected_by = "it could not be evaluated: " + a.not_evaluated;
      problem.candidates.push_back(std::move(c));
      continue;
    }
    context.set_candidate(i);
    try {
      for (const ir::Rule& r : funding.rejects) {
        if (context.test(*r.condition)) {
          c.rejected_by = written(sources, r.span);
          break;
        }
      }
      if (!c.rejected_by) {
        for (const ir::Rule& r : funding.requires_) {
          if (!context.test(*r.condition)) {
            c.rejected_by = written(sources, r.span);
            break;
          }
        }
      }
      c.objective = funding.objective ? context.number(*funding.objective) : a.alone.net_npv;
    } catch (EvalError& error) {
      context.clear_candidate();
      throw FundingRuleError{std::move(error), i};
    }
    context.clear_candidate();
    problem.candidates.push_back(std::move(c));
  }
  for (ir::Index i : funding.must_fund) {
    problem.candidates.at(i).must_fund = true;
    problem.candidates.at(i).must_fund_text = "must fund " + program.initiatives.at(i).name;
  }
  for (const ir::BudgetShare& s : funding.shares) {
    portfolio::ShareRule rule;
    rule.bound = s.at_least ? portfolio::ShareRule::Bound::at_least : portfolio::ShareRule::Bound::at_most;
    rule.share = s.share;
    rule.dimension = ir::to_string(s.dimension);
    rule.value = s.value;
    rule.text = written(sources, s.span);
    problem.shares.push_back(std::move(rule));
  }
  return problem;
}

}  // namespace cxv::eval
