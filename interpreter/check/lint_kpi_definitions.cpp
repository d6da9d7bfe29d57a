// L011, L013: what each KPI needs to take part in the scorecard.
// L011: a KPI with neither a target nor thresholds has no status (green /
//   amber / red), so the scorecard cannot say whether it is on track.
// L013: a KPI that names no stakeholder cannot roll up by stakeholder, and a
//   balanced scorecard says whom each measure matters to.

#include <fmt/core.h>

#include "check/lint_passes.hpp"
#include "check/lint_text.hpp"

namespace cxv::lint {

void lint_kpi_definitions(const ir::Program& p, LintReporter& out) {
  for (const ir::Kpi& k : p.kpis) {
    if (!k.target && !k.green && !k.amber)
      out.report("L011", k.span,
                 fmt::format("KPI {} has no target, so its status cannot be green, amber or red", quoted(k.name)),
                 "add `target <value>` (and `thresholds { green <value> amber <value> }` for an amber band) "
                 "in the KPI's unit");
    if (k.stakeholders.empty())
      out.report("L013", k.span, fmt::format("KPI {} names no stakeholder it matters to", quoted(k.name)),
                 "add `stakeholders <name>, ...` so the KPI's score rolls up to the stakeholders it serves");
  }
}

}  // namespace cxv::lint
