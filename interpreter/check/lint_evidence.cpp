// L008, L012: the evidence behind initiatives.
// Practice: causal evidence (an experiment) beats correlation, which beats a
// vendor's benchmark or an assumption. Small initiatives can start on weaker
// evidence and be measured as they go; a large one should not.
//
// L008, precisely: an initiative's cost in the budget window is what it books
// in periods 0..11 (capped by the horizon), undiscounted: its `once` costs if
// it starts inside the window, plus its monthly costs times the months from
// its start to the window's end. It is a big bet when that cost is above 20%
// of the funding budget, or above 500,000 in the framework's currency when
// there is no budget. A big bet is flagged when its evidence is weaker than
// `correlational` (assumed, benchmark, or none) -- unless a `reject when`
// rule of the funding block certainly rejects it on its cost and evidence
// alone (lint_rule_screen.hpp): the author has then ruled the bet out, and
// the portfolio reports the rejection with the rule's own words.
// L012: an initiative with effects and no `evidence` clause at all.

#include <algorithm>

#include <fmt/core.h>

#include "check/lint_passes.hpp"
#include "check/lint_rule_screen.hpp"
#include "check/lint_text.hpp"

namespace cxv::lint {

namespace {

constexpr int kBudgetWindowMonths = 12;

const char* grade_word(ir::Grade g) {
  switch (g) {
    case ir::Grade::assumed: return "assumed";
    case ir::Grade::benchmark: return "benchmark";
    case ir::Grade::correlational: return "correlational";
    case ir::Grade::experiment: return "experiment";
    case ir::Grade::none: break;
  }
  return "no";
}

// Periods 0..11, or fewer when the horizon is shorter.
int budget_window_months(const ir::Program& p) {
  if (p.framework.horizon_months > 0) return std::min(kBudgetWindowMonths, p.framework.horizon_months);
  return kBudgetWindowMonths;
}

Decimal cost_in_budget_window(const ir::Program& p, const ir::Initiative& init) {
  const int window = budget_window_months(p);
  const int start = std::max(0, init.start_index);
  if (start >= window) return Decimal(0);
  return init.cost_once + init.cost_per_month * Decimal(window - start);
}

struct BigBetLine {
  Decimal amount;
  std::string why;   // how the line was drawn, for the message
};

BigBetLine big_bet_line(const ir::Program& p) {
  const std::string& currency = p.framework.currency;
  if (p.funding && p.funding->budget) {
    const Decimal line = *p.funding->budget * Decimal::from_scaled(20, 2);
    return {line, fmt::format("{}, 20% of the {} budget", money_text(line, currency),
                              money_text(*p.funding->budget, currency))};
  }
  const Decimal line(500'000);
  return {line, fmt::format("{} when there is no budget", money_text(line, currency))};
}

bool rejected_by_a_rule(const ir::Program& p, const Decimal& cost, ir::Grade evidence) {
  if (!p.funding) return false;
  for (const ir::Rule& rule : p.funding->rejects) {
    if (rule.condition && rule_certainly_rejects(*rule.condition, cost, evidence)) return true;
  }
  return false;
}

void lint_big_bets(const ir::Program& p, LintReporter& out) {
  const BigBetLine line = big_bet_line(p);
  for (const ir::Initiative& init : p.initiatives) {
    if (init.evidence.grade >= ir::Grade::correlational) continue;
    const Decimal cost = cost_in_budget_window(p, init);
    if (cost <= line.amount) continue;
    if (rejected_by_a_rule(p, cost, init.evidence.grade)) continue;
    const bool stated = init.evidence.grade != ir::Grade::none;
    const std::string evidence =
        stated ? fmt::format("{} evidence", grade_word(init.evidence.grade)) : "no stated evidence";
    Diagnostic* d = out.report(
        "L008", stated ? init.evidence.span : init.span,
        fmt::format("initiative {} bets {} in the first {} months on {}", quoted(init.name),
                    money_text(cost, p.framework.currency), budget_window_months(p), evidence),
        "test it before betting on it: run a pilot with a control group and cite it (`evidence experiment "
        "<name>`), or fund a smaller first phase; at the least back it with correlational evidence");
    if (d) d->notes.push_back(Note{std::nullopt, fmt::format("a big bet costs more than {}", line.why)});
  }
}

void lint_missing_evidence(const ir::Program& p, LintReporter& out) {
  for (const ir::Initiative& init : p.initiatives) {
    if (init.evidence.grade != ir::Grade::none || init.effects.empty()) continue;
    out.report("L012", init.span, fmt::format("initiative {} states no evidence for its effects", quoted(init.name)),
               "add `evidence experiment <name>`, `evidence correlational \"<study>\"`, `evidence benchmark "
               "\"<source>\"` or at least `evidence assumed \"<why>\"`, so the portfolio shows what its effects "
               "rest on");
  }
}

}  // namespace

void lint_evidence(const ir::Program& p, LintReporter& out) {
  lint_big_bets(p, out);
  lint_missing_evidence(p, out);
}

}  // namespace cxv::lint
