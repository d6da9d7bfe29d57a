#pragma once
// Reachability over the checked IR, for the lints: which KPIs a change can
// reach, and which data a KPI rests on. A change in a KPI flows
//   - into every KPI whose measure reads it (a formula over KPIs), and
//   - into the target of every driver rule that reads it (`churn += f(delta(nps))`),
// transitively. Initiatives start changes (Initiative::kpis_moved already holds
// their KPI effects and the KPIs reading a column an effect changes).
//
// Everything here is linear in the size of the program (KPIs + reads + rules):
// `cxv check` must stay fast on frameworks of 10,000 KPIs and initiatives.

#include <vector>

#include "check/ir.hpp"

namespace cxv::lint {

// One flag per KPI (indexed like Program::kpis).
using KpiSet = std::vector<bool>;

// The graph along which a change in one KPI moves others.
class KpiFlow {
 public:
  explicit KpiFlow(const ir::Program& p);

  // Every KPI a change in `seeds` reaches, the seeds included.
  KpiSet reach(const std::vector<ir::Index>& seeds) const;
  // For each KPI, whether a change in it reaches some KPI of `targets`
  // (a KPI of `targets` reaches itself).
  KpiSet reaches_any_of(const KpiSet& targets) const;

 private:
  std::vector<std::vector<ir::Index>> flows_to_;    // k -> KPIs a change in k moves
  std::vector<std::vector<ir::Index>> flows_from_;  // the same edges reversed
};

// The KPIs anything moves: every initiative's, plus the targets of driver
// rules that read no KPI at all (a constant induced change), then carried
// along the flow.
KpiSet kpis_moved_by_anything(const ir::Program& p, const KpiFlow& flow);

// For each KPI, whether it rests only on third-party data. The tables behind
// a KPI are those its measure reads and, transitively, those behind every KPI
// it reads; it rests only on third-party data when there is at least one and
// every one is `provenance third_party`.
KpiSet rests_only_on_third_party(const ir::Program& p);

}  // namespace cxv::lint
