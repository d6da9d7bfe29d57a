// Effective evidence grades (see evidence.hpp).

#include "eval/evidence.hpp"

#include <algorithm>

namespace cxv::eval {
namespace {

// The weaker of a running grade and a new one, remembering who set it.
void weaken(EffectiveGrade& g, ir::Grade candidate, ir::Index driver) {
  if (candidate < g.effective) {
    g.effective = candidate;
    g.limited_by = driver;
  }
}

}  // namespace

ir::Grade counted_grade(ir::Grade g) { return g == ir::Grade::none ? ir::Grade::assumed : g; }

EvidenceGrades effective_grades(const ir::Program& program) {
  EvidenceGrades out;

  // Drivers: in driver_order every rule targeting a KPI comes before any rule
  // reading it, so one pass carries the weakest grade feeding each KPI.
  out.drivers.resize(program.drivers.size());
  for (ir::Index d = 0; d < program.drivers.size(); ++d) {
    out.drivers[d].declared = program.drivers[d].evidence.grade;
    out.drivers[d].effective = counted_grade(program.drivers[d].evidence.grade);
  }
  std::vector<EffectiveGrade> feeding(program.kpis.size(), EffectiveGrade{ir::Grade::none, ir::Grade::experiment, ir::kNone});
  for (const ir::Program::RuleRef& ref : program.driver_order) {
    const ir::DriverRule& rule = program.drivers.at(ref.driver).rules.at(ref.rule);
    EffectiveGrade through{ir::Grade::none, counted_grade(program.drivers[ref.driver].evidence.grade), ir::kNone};
    for (ir::Index k : rule.kpis_read) weaken(through, feeding.at(k).effective, feeding.at(k).limited_by);
    weaken(out.drivers[ref.driver], through.effective, through.limited_by);
    // What this rule adds to its target is as strong as `through`, set by this
    // driver unless an upstream one was weaker.
    weaken(feeding.at(rule.kpi), through.effective, through.limited_by == ir::kNone ? ref.driver : through.limited_by);
  }

  // Initiatives: follow their KPI deltas through the driver rules.
  out.initiatives.resize(program.initiatives.size());
  for (ir::Index i = 0; i < program.initiatives.size(); ++i) {
    const ir::Initiative& ini = program.initiatives[i];
    EffectiveGrade& g = out.initiatives[i];
    g.declared = ini.evidence.grade;
    g.effective = counted_grade(ini.evidence.grade);
    std::vector<bool> reached(program.kpis.size(), false);
    for (ir::Index k : ini.kpis_moved) reached.at(k) = true;
    for (const ir::Program::RuleRef& ref : program.driver_order) {
      const ir::DriverRule& rule = program.drivers.at(ref.driver).rules.at(ref.rule);
      const bool on_path = std::any_of(rule.kpis_read.begin(), rule.kpis_read.end(), [&](ir::Index k) { return reached.at(k); });
      if (!on_path) continue;
      reached.at(rule.kpi) = true;
      weaken(g, counted_grade(program.drivers[ref.driver].evidence.grade), ref.driver);
    }
  }
  return out;
}

}  // namespace cxv::eval
