// Value amounts in one KPI state (see values.hpp).

#include "eval/values.hpp"

namespace cxv::eval {

std::vector<std::optional<Decimal>> value_amounts(const ir::Program& program, TimelineScope& scope) {
  std::vector<std::optional<Decimal>> amounts(program.values.size());
  scope.values = &amounts;
  for (ir::Index v : program.value_order) amounts.at(v) = timeline_number(*program.values.at(v).formula, scope);
  scope.values = nullptr;
  return amounts;
}

}  // namespace cxv::eval
