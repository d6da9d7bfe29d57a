#pragma once
// An initiative's direct effects at full strength: for each KPI, how much the
// initiative moves it before drivers carry the change further. Computed once
// per initiative on the baseline; the timeline scales it by the ramp strength.
//
//   kpi_absolute  delta = the effect size (in the KPI's unit; pp for ratios)
//   kpi_relative  delta = baseline * (factor - 1)   (-8% -> baseline * -0.08)
//   column        delta = each KPI reading the changed column, recomputed on
//                 it, minus its baseline (eval/column_effects.hpp)
//
// Several effects of one initiative on the same KPI add up; several column
// effects compose on the column, in declaration order.

#include <memory>
#include <span>
#include <vector>

#include "check/ir.hpp"
#include "eval/column_effects.hpp"
#include "eval/evaluator.hpp"
#include "eval/timeline_expr.hpp"

namespace cxv::eval {

struct DirectEffects {
  std::vector<Decimal> delta;   // by KPI; zero for KPIs the initiative does not move
  // The part of `delta` the initiative's column effects make alone (empty when
  // it has none), and what evaluates them again together with other
  // initiatives' column effects: run_timeline does so for a set, where effects
  // on the same column compose instead of adding up.
  std::vector<Decimal> column_delta;
  std::shared_ptr<ColumnEffects> columns;
};

// `columns` evaluates column effects (null: an initiative with one is an
// EvalError, E159). Throws EvalError (the span of the effect that failed).
DirectEffects direct_effects(const ir::Program& program, const ir::Initiative& initiative,
                             const std::vector<Decimal>& baseline, DataAggregates* data = nullptr,
                             const std::shared_ptr<ColumnEffects>& columns = nullptr);

// The direct deltas of the members of a set evaluated together, by member in
// the order of `members`: `effects[i].delta` for an initiative without column
// effects; for one with them, its KPI effects plus its marginal column delta
// (ColumnEffects::jointly). They add up to the set's joint direct delta.
// Throws EvalError.
std::vector<std::vector<Decimal>> joint_direct_deltas(std::span<const ir::Index> members,
                                                      const std::vector<DirectEffects>& effects, DataAggregates* data);

}  // namespace cxv::eval
