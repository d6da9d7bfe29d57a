#pragma once
// The portfolio selection problem, in plain terms and independent of the IR.
//
// The evaluator fills a Problem from a checked program: one Candidate per
// initiative (its cost in the budget window and its objective contribution,
// both already computed exactly), which funding rules rejected it, and the
// links and balance rules between candidates. portfolio/solve.hpp chooses the
// optimal set. Every text field is what the author wrote, so that reasons and
// conflicts can quote it back.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "numeric/decimal.hpp"

namespace cxv::portfolio {

struct Candidate {
  // The initiative's name as written (`onboarding`); used in reasons and to
  // order equal ranks.
  std::string name;
  // Money the initiative books in the budget window (periods 0..11,
  // undiscounted). This is what counts against the budget and the share rules.
  Decimal cost;
  // Its contribution to the funding objective (net NPV by default). The
  // portfolio's objective is the sum over the funded candidates.
  Decimal objective;
  // Set by the caller when a `reject when` or `require` rule excluded it: the
  // rule's text as written, e.g. `reject when effect(nps) < 0 points "would
  // degrade the experience"`. A rejected candidate is never funded.
  std::optional<std::string> rejected_by;
  // `must fund <name>`: the candidate has to be in the portfolio.
  bool must_fund = false;
  // The `must fund` rule as written, quoted when it takes part in a conflict.
  std::string must_fund_text;
  // Indices into Problem::candidates. `requires_` j: funding this one needs j
  // funded too. `excludes` j: this one and j are never both funded (the
  // relation is symmetric whichever side declares it).
  std::vector<std::size_t> requires_;
  std::vector<std::size_t> excludes;
  // Classification used by share rules: "stage" -> "strategic",
  // "activity" -> "know_customers", "perspective" -> "customer", ...
  std::map<std::string, std::string> attributes;
};

// `at least 30% of budget to stage strategic`: the cost of the funded
// candidates whose attribute `dimension` equals `value` must be at least
// (or at most) `share` times the declared budget. "Of budget" means of the
// budget as declared, not of the money actually spent.
struct ShareRule {
  enum class Bound { at_least, at_most };
  Bound bound = Bound::at_least;
  Decimal share;          // 30% is 0.3
  std::string dimension;  // "stage"
  std::string value;      // "strategic"
  std::string text;       // the rule as written, for messages
};

struct Problem {
  std::vector<Candidate> candidates;
  // The budget (money in the budget window). No budget: cost is unlimited
  // (share rules then have nothing to be a share of and are refused).
  std::optional<Decimal> budget;
  std::string budget_text = "budget";  // e.g. "budget 2.5M USD"
  std::vector<ShareRule> shares;
};

}  // namespace cxv::portfolio
