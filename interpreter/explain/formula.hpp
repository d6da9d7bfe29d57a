#pragma once
// A formula's derivation, node by node: each operand's value, then the
// arithmetic; an aggregate down to its table, its `where` and its row counts.
// Used for KPI measures (on the data) and for the timeline formulas of
// values, drivers and effect sizes (in one state of the scenario).

#include <functional>

#include "check/ir.hpp"
#include "explain/context.hpp"

namespace cxv::explain {

// Evaluates a scalar sub-expression in the state being explained. Throws eval::EvalError.
using Evaluate = std::function<Decimal(const ir::Expr&)>;

// The tree of steps for `e`, evaluating each node with `evaluate`; aggregates
// are evaluated on the data with their trace. A node whose value cannot be
// had on its own (it failed) shows as text only.
Step formula_steps(Context& ctx, const ir::Expr& e, const Evaluate& evaluate, const std::string& label);

// An aggregate's derivation from its trace: the table and its CSV file, rows,
// the `where` split, the values read, and the arithmetic of the result.
Step aggregate_steps(Context& ctx, const ir::Expr& e);

// Evaluation on the data, KPIs at their baselines (a KPI's measure).
Evaluate on_data(Context& ctx);

}  // namespace cxv::explain
