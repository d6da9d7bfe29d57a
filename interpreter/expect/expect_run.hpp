#pragma once
// The framework's own tests: every `expect` block evaluated against a
// finished run (docs/testing.md).
//
// An expect holds when each of its conditions is true. A condition that is
// false is reported with the expression as written and the value of each of
// its parts (`status(churn) != red`: status(churn) = red, baseline 2.31% vs
// amber ≤ 2.00%), so a failure reads without opening the framework. A
// condition that cannot be evaluated (a figure the run does not have) is an
// error: it never passes silently.

#include <string>
#include <vector>

#include "check/ir.hpp"
#include "eval/appraisal.hpp"
#include "eval/portfolio_result.hpp"
#include "eval/scorecard.hpp"
#include "eval/tables.hpp"
#include "source/source.hpp"

namespace cxv::expect {

// One part of a condition and its value, both for people:
// {"status(churn)", "red"}, {"portfolio.net_npv", "-12,345.67 USD"}.
struct Part {
  std::string text;
  std::string value;
};

struct ConditionResult {
  Span span;
  std::string text;             // the condition as written, on one line
  bool passed = false;
  std::vector<Part> parts;      // failed conditions only
  std::string error_code;       // set when it could not be evaluated (E162, E152, ...)
  std::string error;            // the evaluator's message
};

struct ExpectResult {
  ir::Index index = ir::kNone;  // into Program::expects
  std::string title;
  Span span;
  bool passed = false;          // every condition true
  std::vector<ConditionResult> conditions;
};

// What a finished run provides. `portfolio` is null when the framework has
// no funding block: then funded() and portfolio.* cannot be evaluated.
struct RunView {
  const ir::Program* program = nullptr;
  const SourceMap* sources = nullptr;
  const eval::TableSet* tables = nullptr;
  const eval::Scorecard* scorecard = nullptr;
  const eval::Appraisal* appraisal = nullptr;
  const eval::PortfolioResult* portfolio = nullptr;
};

// Evaluates the expects whose title contains `filter` (all when empty), in
// declaration order.
std::vector<ExpectResult> run_expects(const RunView& run, const std::string& filter = {});

}  // namespace cxv::expect
