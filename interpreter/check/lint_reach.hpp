#pragma once
// Reachability over the checked IR, for the lints: which KPIs a change can
// reach, and which tables a KPI rests on. A KPI's change travels
//   - into every KPI whose measure reads it (a formula over KPIs), and
//   - into the target of every driver rule that reads it (`churn += f(delta(nps))`),
// transitively. Initiatives start changes (Initiative::kpis_moved already holds
// their KPI effects and the KPIs reading a column an effect changes).

#include <vector>

#include "check/ir.hpp"

namespace cxv::lint {

// One flag per KPI (indexed like Program::kpis).
using KpiSet = std::vector<bool>;

// `moved` grown to every KPI a change in it reaches (a fixed point).
KpiSet close_over_formulas_and_drivers(const ir::Program& p, KpiSet moved);

// The KPIs one initiative moves: its own, then through formulas and drivers.
KpiSet kpis_moved_by(const ir::Program& p, const ir::Initiative& initiative);

// The KPIs anything moves: every initiative's, plus the targets of driver
// rules that read no KPI at all (a constant induced change), then closed over.
KpiSet kpis_moved_by_anything(const ir::Program& p);

// The tables a KPI's value comes from: those its measure reads, and those of
// every KPI it reads, transitively. Sorted, unique.
std::vector<ir::Index> tables_behind(const ir::Program& p, ir::Index kpi);

}  // namespace cxv::lint
