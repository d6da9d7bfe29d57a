// L009: a stakeholder that no KPI lists and no value is declared `for`.
// Practice: a balanced scorecard weighs value across stakeholders; one that
// nothing measures still takes its weight in the roll-up while counting for
// nothing in the portfolio, which hides that its interests are not tracked.

#include <algorithm>

#include <fmt/core.h>

#include "check/lint_passes.hpp"
#include "check/lint_text.hpp"

namespace cxv::lint {

void lint_stakeholders(const ir::Program& p, LintReporter& out) {
  std::vector<bool> served(p.stakeholders.size(), false);
  auto serve = [&](const std::vector<ir::Index>& list) {
    for (ir::Index s : list)
      if (s < served.size()) served[s] = true;
  };
  for (const ir::Kpi& k : p.kpis) serve(k.stakeholders);
  for (const ir::Value& v : p.values) serve(v.stakeholders);
  for (ir::Index s = 0; s < p.stakeholders.size(); ++s) {
    if (served[s]) continue;
    const ir::Stakeholder& st = p.stakeholders[s];
    out.report("L009", st.span, fmt::format("no KPI and no value serves stakeholder {}", quoted(st.name)),
               fmt::format("list {0} in the `stakeholders` of a KPI that matters to it, or declare a value "
                           "`for {0}`; if it has no stake in this program, remove it and share its weight out",
                           st.name));
  }
}

}  // namespace cxv::lint
