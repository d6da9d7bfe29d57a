#pragma once
// What solve() answers: the funded set, and an account of every candidate.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "numeric/decimal.hpp"

namespace cxv::portfolio {

enum class Status {
  optimal,      // CBC proved the optimum; cxv verified it exactly (docs/optimizer.md)
  not_proven,   // a feasible portfolio, verified exactly, but not proven optimal
  infeasible,   // no portfolio satisfies every rule; `conflicts` names them
  invalid,      // the Problem itself is malformed (a caller bug); see `note`
};

// Why an unfunded candidate is out. Checked in this order: the first that
// applies is reported.
enum class ReasonKind {
  none,          // funded
  rejected,      // a `reject when` / `require` rule excluded it
  requires_,     // it requires a candidate that is not funded
  excludes,      // it excludes a candidate that is funded
  rules,         // funding it breaks a rule whatever else is chosen (see `conflicts`)
  budget,        // a portfolio with it, within the budget, is worth less
  value,         // a portfolio with it is worth less, whatever the budget
  tie,           // a portfolio with it is worth exactly as much; the tie-break chose another
  not_analysed,  // out of the optimal set; the per-candidate analysis was switched off
};

struct Outcome {
  bool funded = false;
  // 1-based rank among the funded: objective descending, ties by name.
  std::optional<std::size_t> rank;
  ReasonKind kind = ReasonKind::none;
  std::string reason;  // e.g. "rejected: reject when cost > 500k USD ..."
  // Texts of the rules that make funding it impossible (kind == rules).
  std::vector<std::string> conflicts;
  // What it would take (unfunded, not rejected, analysis on):
  // the budget increase at which a portfolio funding it is worth at least
  // as much as today's optimum (nullopt: no budget, or no amount suffices);
  std::optional<Decimal> extra_budget;
  // the objective increase it needs to tie with today's optimum; any more
  // and it is funded at the current budget (nullopt: it cannot be funded).
  std::optional<Decimal> extra_objective;
  // Set when a figure above is a bound rather than exact (docs/optimizer.md).
  std::string note;
};

struct Solution {
  Status status = Status::invalid;
  std::string note;                 // why not optimal / invalid, in plain words
  std::vector<std::size_t> funded;  // indices, ascending
  Decimal objective;                // exact sum of the funded objectives
  Decimal cost;                     // exact sum of the funded costs
  std::vector<Outcome> outcomes;    // one per candidate, same order
  // When infeasible: a minimal set of rules that cannot all hold, as written.
  std::vector<std::string> conflicts;
  std::size_t solver_calls = 0;     // CBC solves made, for the curious and the bench
  double solver_seconds = 0;        // wall time inside CBC's own solves (not part of any report)
};

struct SolveOptions {
  // Explain every unfunded candidate by re-solving with it forced in (two or
  // more CBC solves each). Off: reasons that need no solve are still given.
  bool analyse_unfunded = true;
  // Near-tie portfolios enumerated before the exact fallback (docs/optimizer.md).
  std::size_t tie_pool_limit = 32;
};

}  // namespace cxv::portfolio
