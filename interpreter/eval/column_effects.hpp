#pragma once
// Column effects (`effect customers.churned -5pp where tenure < 3 months`):
// which rows each effect selects, the changed columns, and the KPIs
// recomputed on them (docs/values.md).
//
// Meaning, exactly:
//   - an effect's `where` is evaluated on the data as loaded: a row is
//     selected when the condition is true (unknown does not select) and the
//     cell is known (a missing cell stays missing);
//   - a bool cell becomes a probability: p -> clamp(p + change, 0, 1) (or
//     clamp(p * factor, 0, 1) for a `%` change), starting from 1 or 0;
//     a number cell x -> x + change (or x * factor);
//   - several column effects compose in declaration order: an initiative's
//     effects in the order written; in a set evaluated jointly, initiatives
//     in declaration order, each applied on top of the ones before it;
//   - every KPI whose measure reads a changed column is recomputed on the
//     changed column, then every KPI that reads those; the difference from
//     the baseline is the effect's full-strength direct delta, which the
//     timeline scales by the initiative's ramp like any other effect.
//     (Formula KPIs, which read only other KPIs, get no direct delta: the
//     timeline recomputes them from the KPIs they read.)
//   - jointly, a member's delta is its marginal contribution: the KPIs with
//     it and every earlier member applied, minus the KPIs with the earlier
//     members only. The members' deltas add up to the set's joint delta.
//
// Cost: each effect's selection is computed once and cached; an evaluation
// applies bitmap operations to the few classes of changed rows and
// recomputes only the KPIs that read a changed column. Nothing copies a table.

#include <map>
#include <memory>
#include <span>
#include <vector>

#include "check/ir.hpp"
#include "eval/bitmap.hpp"
#include "eval/column_effect_state.hpp"
#include "eval/evaluator.hpp"
#include "eval/tables.hpp"
#include "eval/timeline_expr.hpp"

namespace cxv::eval {

class ColumnEffects {
 public:
  // `baseline` by KPI. `program` and `tables` must outlive this object.
  ColumnEffects(const ir::Program& program, const TableSet& tables, std::vector<Decimal> baseline);

  static bool has_column_effects(const ir::Initiative& initiative);

  // The full-strength direct delta of the initiative's column effects alone,
  // by KPI. `data` evaluates aggregates in effect sizes (may be null).
  // Throws EvalError.
  std::vector<Decimal> alone(const ir::Initiative& initiative, DataAggregates* data);

  // For a set: each member's marginal delta (see above), by KPI, in the order
  // of `members` (which need not be sorted). Throws EvalError.
  std::vector<std::vector<Decimal>> jointly(std::span<const ir::Index> members, DataAggregates* data);

  // Effects whose `where` selects no row (warning E180), each reported once.
  std::vector<EvalError> take_warnings();

  // The rows an effect selects (see above). Cached by effect.
  const Words& selection(const ir::Effect& effect);

 private:
  void apply(const ir::Initiative& initiative, DataAggregates* data, ColumnChanges& changes,
             std::vector<ir::ColumnRef>& touched);
  // Recomputes, in `current` (by KPI), every KPI that reads a column in
  // `touched`, then every KPI that reads those.
  void recompute(const ColumnChanges& changes, const std::vector<ir::ColumnRef>& touched, std::vector<Decimal>& current);
  const Mask& loaded_bool(ir::ColumnRef column);
  std::size_t rows_of(ir::Index table) const;

  const ir::Program& program_;
  const TableSet& tables_;
  std::vector<Decimal> baseline_;
  std::vector<bool> formula_;                                  // by KPI: reads only other KPIs
  std::map<std::pair<ir::Index, ir::Index>, std::vector<ir::Index>> readers_of_column_;
  std::vector<std::vector<ir::Index>> readers_of_kpi_;
  std::vector<std::size_t> order_of_;                         // position of each KPI in kpi_order
  std::map<const ir::Effect*, Words> selections_;
  std::map<const ir::Effect*, Decimal> sizes_;
  std::map<std::pair<ir::Index, ir::Index>, std::shared_ptr<const Mask>> loaded_bools_;
  std::vector<EvalError> warnings_;
};

}  // namespace cxv::eval
