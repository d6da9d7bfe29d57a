#pragma once
// Effective evidence grades (docs/evidence.md).
//
// Grades are ordered assumed < benchmark < correlational < experiment. A
// figure is only as strong as the weakest link it rests on: an initiative's
// value reaches money through the drivers that carry its KPI deltas on, so
// its EFFECTIVE grade is the weakest of its own declared grade and the
// declared grades of every driver on that path. A driver's effective grade is
// likewise the weakest of its own and those of the drivers feeding the KPIs it
// reads. A missing grade counts as `assumed` (nothing backs it).

#include <string>
#include <vector>

#include "check/ir.hpp"

namespace cxv::eval {

struct EffectiveGrade {
  ir::Grade declared = ir::Grade::none;   // as written; none when not written
  ir::Grade effective = ir::Grade::assumed;
  // The driver that sets the effective grade when it is below the declared one
  // (the first in driver order among the weakest); kNone otherwise.
  ir::Index limited_by = ir::kNone;
};

struct EvidenceGrades {
  std::vector<EffectiveGrade> initiatives;   // by initiative index
  std::vector<EffectiveGrade> drivers;       // by driver index
};

EvidenceGrades effective_grades(const ir::Program& program);

// A missing grade counts as `assumed`.
ir::Grade counted_grade(ir::Grade g);

}  // namespace cxv::eval
