#pragma once
// Every value's amount in one state of the KPIs (a period, or full strength),
// in Program::value_order so a value reads the values before it.

#include <optional>
#include <vector>

#include "check/ir.hpp"
#include "eval/timeline_expr.hpp"

namespace cxv::eval {

// By value index. `scope.scenario` must be set. Throws EvalError.
std::vector<std::optional<Decimal>> value_amounts(const ir::Program& program, TimelineScope& scope);

}  // namespace cxv::eval
