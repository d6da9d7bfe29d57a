#pragma once
// From a checked program's funding block to the optimizer's Problem
// (portfolio/problem.hpp), one candidate per initiative, same order:
//   cost       its cost in the budget window (periods 0..11, undiscounted);
//   objective  net NPV alone, or the `objective` formula evaluated with the
//              initiative as the candidate (portfolio_context.hpp);
//   rejected   the first `reject when` whose condition holds, or the first
//              `require` whose condition does not, quoted as written; an
//              initiative that could not be evaluated is out with that reason;
//   links      `requires`, `excludes`, `must fund`;
//   shares     `at least / at most X% of budget to stage|activity|perspective`.
// Rule texts are the source text as written, on one line, so that reasons and
// conflicts quote the author (docs/funding.md).

#include <string>

#include "check/ir.hpp"
#include "eval/appraisal.hpp"
#include "eval/portfolio_context.hpp"
#include "portfolio/problem.hpp"
#include "source/source.hpp"

namespace cxv::eval {

// The source text of `span` with every run of whitespace (line breaks too)
// turned into one space.
std::string written(const SourceMap& sources, Span span);

// What an initiative counts toward in a share rule: its stage, its activity,
// and its perspective — that of the first KPI it moves directly (its first
// effect's KPI, or for a column effect the first KPI reading the column).
std::string initiative_perspective(const ir::Program& program, const ir::Initiative& initiative);

// The funding block's `budget` line as written ("budget 2.5M USD"), or a
// rendering of the amount when the line cannot be found.
std::string budget_text(const ir::Program& program, const SourceMap& sources);

// A rule or the objective could not be evaluated for this initiative.
struct FundingRuleError {
  EvalError error;
  ir::Index initiative = ir::kNone;
};

// Needs program.funding. Throws FundingRuleError when a rule or the objective
// cannot be evaluated for some initiative (a division by zero, no such figure).
portfolio::Problem build_problem(const ir::Program& program, const SourceMap& sources, const Appraisal& appraisal,
                                 PortfolioContext& context);

}  // namespace cxv::eval
