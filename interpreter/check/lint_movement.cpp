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

// At most this many KPI names in a message; the rest are counted.
constexpr std::size_t kNamesShown = 5;

void lint_unmoved_kpis(const ir::Program& p, const KpiFlow& flow, LintReporter& out) {
  const KpiSet moved = kpis_moved_by_anything(p, flow);
  for (ir::Index k = 0; k < p.kpis.size(); ++k) {
    if (moved[k]) continue;
    const ir::Kpi& kpi = p.kpis[k];
    out.report("L005", kpi.span, fmt::format("no initiative or driver moves KPI {}", quoted(kpi.name)),
               fmt::format("give the initiative meant to improve it an effect on it (`effect {} ...`) or on a "
                           "column its measure reads, or add a driver that carries another KPI's change to it",
                           kpi.name));
  }
}

// "its effects are on 'arpu'", "it has no effect on any KPI"
std::string what_it_moves(const ir::Program& p, const ir::Initiative& init) {
  if (init.kpis_moved.empty()) return "it has no effect on any KPI";
  std::vector<std::string> names;
  for (ir::Index k : init.kpis_moved) {
    if (k >= p.kpis.size()) continue;
    if (names.size() == kNamesShown) {
      names.push_back(fmt::format("{} more", init.kpis_moved.size() - kNamesShown));
      break;
    }
    names.push_back(quoted(p.kpis[k].name));
  }
  return "its effects are on " + joined(names);
}

void lint_initiatives_without_customer_effect(const ir::Program& p, const KpiFlow& flow, LintReporter& out) {
  KpiSet customer(p.kpis.size(), false);
  for (ir::Index k = 0; k < p.kpis.size(); ++k) customer[k] = p.kpis[k].perspective == ir::Perspective::customer;
  if (std::none_of(customer.begin(), customer.end(), [](bool b) { return b; })) return;
  // Computed once for all initiatives: which KPIs lead to a customer KPI.
  const KpiSet leads_to_customer = flow.reaches_any_of(customer);
  for (const ir::Initiative& init : p.initiatives) {
    const bool reaches = std::any_of(init.kpis_moved.begin(), init.kpis_moved.end(), [&](ir::Index k) {
      return k < leads_to_customer.size() && leads_to_customer[k];
    });
    if (reaches) continue;
    out.report("L007", init.span,
               fmt::format("initiative {} moves no customer KPI: {}", quoted(init.name), what_it_moves(p, init)),
               "add the effect it has on customers (e.g. `effect nps +2 points`), or a driver that carries "
               "its effect to a customer KPI, so the portfolio can weigh what customers gain or lose");
  }
}

}  // namespace

void lint_movement(const ir::Program& p, LintReporter& out) {
  const KpiFlow flow(p);
  lint_unmoved_kpis(p, flow, out);
  lint_initiatives_without_customer_effect(p, flow, out);
}

}  // namespace cxv::lint
