#pragma once
// Scalar evaluation of the formulas that run over the timeline: effect sizes,
// driver rules and values. Unlike a KPI's measure they read the SCENARIO
// (the KPIs with initiatives in effect): `delta(k)` is scenario minus
// baseline, `cumulative(x)` the running sum of x over periods 0..t, and a
// value reference reads that value's amount in the current period.
// Errors are thrown as EvalError (eval/evaluator.hpp).

#include <map>
#include <optional>
#include <span>
#include <vector>

#include "check/ir.hpp"
#include "eval/evaluator.hpp"

namespace cxv::eval {

struct Experiments;

// Aggregates over the tables (`count(customers)` in a value). No effect changes
// the data yet (column effects are not evaluated), so each aggregate has one
// value for the whole run: computed once by the data evaluator, then cached.
struct DataAggregates {
  Evaluator* evaluator = nullptr;
  std::map<const ir::Expr*, Decimal> cache;
  // The experiments' estimates, for effect sizes reading `NAME.effect/.low/.high/.n`
  // (eval/experiments.hpp); null: reading one is an error (E159).
  const Experiments* experiments = nullptr;
};

struct TimelineScope {
  const ir::Program* program = nullptr;
  const std::vector<Decimal>* baseline = nullptr;  // by KPI
  const std::vector<Decimal>* scenario = nullptr;  // by KPI, this period
  const std::vector<std::optional<Decimal>>* values = nullptr;  // by value, this period (nullopt: not yet computed)
  // Running sums of `cumulative(x)`, keyed by the node; null: cumulative(x) = x
  // (a single state, e.g. full strength).
  struct Running { int period = -1; Decimal sum; };
  std::map<const ir::Expr*, Running>* running = nullptr;
  int period = 0;
  DataAggregates* data = nullptr;   // null: an aggregate is an error (E159)
};

Decimal timeline_number(const ir::Expr& e, const TimelineScope& scope, std::span<const Decimal> params = {});
bool timeline_bool(const ir::Expr& e, const TimelineScope& scope, std::span<const Decimal> params = {});

}  // namespace cxv::eval
