// L005, L007: value needs a lever, and a lever needs a customer effect.
// L005: practice says every KPI of a value framework is moved by some action.
//   A KPI that no initiative moves (by a KPI effect, by an effect on a column
//   its measure reads, or through driver rules and KPI formulas) and that no
//   constant driver rule changes can never show the program's value.
// L007: "every initiative moving a customer KPI": an initiative whose effects
//   reach no customer-perspective KPI, directly or through drivers and KPI
//   formulas, is where a cost saving quietly degrades the experience unseen.
//   Skipped when the scorecard has no customer KPI at all (L004 says that).

#include <algorithm>

#include <fmt/core.h>

#include "check/lint_passes.hpp"
#include "check/lint_reach.hpp"
#include "check/lint_text.hpp"

namespace cxv::lint {

namespace {

void lint_unmoved_kpis(const ir::Program& p, LintReporter& out) {
  const KpiSet moved = kpis_moved_by_anything(p);
  for (ir::Index k = 0; k < p.kpis.size(); ++k) {
    if (moved[k]) continue;
    const ir::Kpi& kpi = p.kpis[k];
    out.report("L005", kpi.span, fmt::format("no initiative or driver moves KPI {}", quoted(kpi.name)),
               fmt::format("give the initiative meant to improve it an effect on it (`effect {} ...`) or on a "
                           "column its measure reads, or add a driver that carries another KPI's change to it",
                           kpi.name));
  }
}

void lint_initiatives_without_customer_effect(const ir::Program& p, LintReporter& out) {
  const bool has_customer_kpi = std::any_of(p.kpis.begin(), p.kpis.end(), [](const ir::Kpi& k) {
    return k.perspective == ir::Perspective::customer;
  });
  if (!has_customer_kpi) return;
  for (const ir::Initiative& init : p.initiatives) {
    const KpiSet moved = kpis_moved_by(p, init);
    std::vector<std::string> names;
    bool customer = false;
    for (ir::Index k = 0; k < p.kpis.size(); ++k) {
      if (!moved[k]) continue;
      names.push_back(quoted(p.kpis[k].name));
      customer = customer || p.kpis[k].perspective == ir::Perspective::customer;
    }
    if (customer) continue;
    const std::string what = names.empty() ? "it moves no KPI at all" : "it moves only " + joined(names);
    out.report("L007", init.span,
               fmt::format("initiative {} moves no customer KPI: {}", quoted(init.name), what),
               "add the effect it has on customers (e.g. `effect nps +2 points`), or a driver that carries "
               "its effect to a customer KPI, so the portfolio can weigh what customers gain or lose");
  }
}

}  // namespace

void lint_movement(const ir::Program& p, LintReporter& out) {
  lint_unmoved_kpis(p, out);
  lint_initiatives_without_customer_effect(p, out);
}

}  // namespace cxv::lint
