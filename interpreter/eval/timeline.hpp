#pragma once
// Value and cost over the timeline, for one initiative alone or a set jointly
// (docs/timeline.md). Conventions, exactly as LANGUAGE.md states them:
//   periods t = 0 .. H-1 (H = the framework's horizon in months);
//   strength s_i(t) = 0 for t < start, 1 when ramp = 0, else min(1, (t - start + 1) / ramp);
//   `once` costs at the start, `per month` costs at every t >= start;
//   value flows (money per month) booked every period, one-time money values
//   booked once, at full strength, at the (earliest) start;
//   an amount booked at t is discounted by (1 + r)^(-t/12);
//   cost in the budget window = what is booked in periods 0..11, undiscounted;
//   payback month = first t + 1, t >= start, with cumulative undiscounted
//   value - cost >= 0 (none if never).

#include <optional>
#include <span>
#include <vector>

#include "check/ir.hpp"
#include "eval/effects.hpp"

namespace cxv::eval {

Decimal ramp_strength(int t, int start, int ramp);
Decimal discount_factor(const Decimal& rate_per_year, int t);

struct PeriodRow {
  int period = 0;
  std::vector<Decimal> strength;   // per member of the set, in the set's order
  Decimal value;                   // money booked this period (flows + one-time)
  Decimal cost;                    // cost booked this period
  Decimal discount;                // (1 + r)^(-t/12)
  Decimal value_pv, cost_pv;       // value * discount, cost * discount
  Decimal cumulative_net;          // sum over 0..t of value - cost, undiscounted
};

struct Outcome {
  std::vector<ir::Index> members;
  std::vector<PeriodRow> periods;
  std::vector<std::vector<Decimal>> kpi;              // [t][kpi] scenario values
  std::vector<std::vector<Decimal>> value;            // [t][value] amounts
  std::vector<Decimal> kpi_delta_full;                // by KPI: full strength, drivers included
  std::vector<Decimal> value_full;                    // by value: at full strength
  std::vector<Decimal> value_npv_by_value;            // money values: PV of what they booked
  std::vector<Decimal> stakeholder_impact;            // by stakeholder: money NPV split equally over `for`
  Decimal cost_window, cost_pv, value_npv, net_npv;
  std::optional<Decimal> roi;                         // net_npv / cost_pv; none when cost_pv = 0
  std::optional<int> payback_month;
};

// `effects` is indexed by initiative (direct_effects of each). Throws EvalError.
Outcome run_timeline(const ir::Program& program, const std::vector<Decimal>& baseline,
                     std::span<const ir::Index> members, const std::vector<DirectEffects>& effects,
                     DataAggregates* data = nullptr);

// Cost an initiative books in period t.
Decimal cost_at(const ir::Initiative& initiative, int t);

}  // namespace cxv::eval
