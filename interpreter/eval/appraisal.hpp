#pragma once
// Every initiative evaluated ALONE over the timeline (docs/timeline.md): its
// direct effects at full strength, then run_timeline with only it in effect.
// Column effects are evaluated through a ColumnEffects kept in each
// initiative's DirectEffects (eval/column_effects.hpp), so that a set can be
// evaluated jointly later; it refers to `program` and `tables`, which must
// outlive the Appraisal. Effect sizes read experiments' estimates from `experiments`.

#include <optional>
#include <string>
#include <vector>

#include "check/ir.hpp"
#include "diag/diagnostic.hpp"
#include "eval/baselines.hpp"
#include "eval/timeline.hpp"

namespace cxv::eval {

struct InitiativeAppraisal {
  ir::Index initiative = ir::kNone;
  bool evaluated = false;
  std::string not_evaluated;   // why, when not evaluated
  Outcome alone;
};

struct Appraisal {
  std::vector<InitiativeAppraisal> initiatives;   // by initiative index
  std::vector<DirectEffects> effects;             // by initiative index (zero when not evaluated)
};

struct Experiments;

// Needs complete baselines; `experiments` (eval/experiments.hpp) when the
// program declares any. Returns nullopt when an error was reported.
std::optional<Appraisal> appraise_initiatives(const ir::Program& program, const TableSet& tables,
                                              const Baselines& baselines, Diagnostics& diags,
                                              const Experiments* experiments = nullptr);

}  // namespace cxv::eval
