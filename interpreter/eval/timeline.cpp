// Value and cost over the timeline (see timeline.hpp).

#include "eval/timeline.hpp"

#include <algorithm>
#include <map>

#include "eval/drivers.hpp"
#include "eval/values.hpp"

namespace cxv::eval {

Decimal ramp_strength(int t, int start, int ramp) {
  if (t < start) return Decimal();
  if (ramp <= 0) return Decimal(1);
  const int reached = t - start + 1;
  if (reached >= ramp) return Decimal(1);
  return Decimal(reached) / Decimal(ramp);
}

Decimal discount_factor(const Decimal& rate_per_year, int t) {
  if (t == 0 || rate_per_year.is_zero()) return Decimal(1);
  return (Decimal(1) + rate_per_year).pow(Decimal(-t) / Decimal(12));
}

Decimal cost_at(const ir::Initiative& initiative, int t) {
  if (t < initiative.start_index) return Decimal();
  Decimal c = initiative.cost_per_month;
  if (t == initiative.start_index) c += initiative.cost_once;
  return c;
}

namespace {

// delta * strength, multiplying before dividing so that 300 over a 3-month
// ramp gives exactly 100, 200, 300 (1/3 has no exact decimal).
Decimal scaled(const Decimal& delta, int t, int start, int ramp) {
  if (t < start) return Decimal();
  if (ramp <= 0 || t - start + 1 >= ramp) return delta;
  return delta * Decimal(t - start + 1) / Decimal(ramp);
}

void book_stakeholders(const ir::Value& value, const Decimal& amount, Outcome& out) {
  if (value.stakeholders.empty()) return;
  const Decimal part = amount / Decimal(static_cast<std::int64_t>(value.stakeholders.size()));
  for (ir::Index s : value.stakeholders) out.stakeholder_impact.at(s) += part;
}

}  // namespace

Outcome run_timeline(const ir::Program& program, const std::vector<Decimal>& baseline,
                     std::span<const ir::Index> members, const std::vector<DirectEffects>& effects,
                     DataAggregates* data) {
  Outcome out;
  out.members.assign(members.begin(), members.end());
  const std::size_t nk = program.kpis.size();
  const std::size_t nv = program.values.size();
  const int horizon = program.framework.horizon_months;
  const Decimal& rate = program.framework.discount_per_year;
  out.value_npv_by_value.assign(nv, Decimal());
  out.stakeholder_impact.assign(program.stakeholders.size(), Decimal());

  int first_start = horizon;
  for (ir::Index i : members) first_start = std::min(first_start, program.initiatives.at(i).start_index);
  // Each member's direct delta; in a set, column effects on the same column
  // compose (each member's is its marginal contribution: effects.hpp).
  const std::vector<std::vector<Decimal>> member_delta = joint_direct_deltas(members, effects, data);

  // Full strength: every member at strength 1, drivers and values in one state.
  {
    std::vector<Decimal> direct(nk);
    for (const std::vector<Decimal>& delta : member_delta)
      for (std::size_t k = 0; k < nk; ++k) direct[k] += delta.at(k);
    TimelineScope scope;
    scope.program = &program;
    scope.data = data;
    const std::vector<Decimal> kpis = scenario_kpis(program, baseline, direct, scope);
    out.kpi_delta_full.resize(nk);
    for (std::size_t k = 0; k < nk; ++k) out.kpi_delta_full[k] = kpis[k] - baseline[k];
    const auto amounts = value_amounts(program, scope);
    out.value_full.resize(nv);
    for (std::size_t v = 0; v < nv; ++v) out.value_full[v] = amounts[v].value_or(Decimal());
  }

  std::map<const ir::Expr*, TimelineScope::Running> running;
  Decimal cumulative;
  for (int t = 0; t < horizon; ++t) {
    PeriodRow row;
    row.period = t;
    std::vector<Decimal> direct(nk);
    for (std::size_t m = 0; m < members.size(); ++m) {
      const ir::Initiative& ini = program.initiatives.at(members[m]);
      const Decimal s = ramp_strength(t, ini.start_index, ini.ramp_months);
      row.strength.push_back(s);
      if (!s.is_zero())
        for (std::size_t k = 0; k < nk; ++k) direct[k] += scaled(member_delta[m].at(k), t, ini.start_index, ini.ramp_months);
      row.cost += cost_at(ini, t);
    }
    TimelineScope scope;
    scope.program = &program;
    scope.data = data;
    scope.running = &running;
    scope.period = t;
    std::vector<Decimal> kpis = scenario_kpis(program, baseline, direct, scope);
    const auto amounts = value_amounts(program, scope);
    row.discount = discount_factor(rate, t);

    std::vector<Decimal> period_values(nv);
    for (std::size_t v = 0; v < nv; ++v) {
      const ir::Value& value = program.values[v];
      period_values[v] = amounts[v].value_or(Decimal());
      Decimal booked;
      if (value.kind == ir::ValueKind::flow) booked = period_values[v];
      else if (value.kind == ir::ValueKind::one_time && t == first_start) booked = out.value_full[v];
      else continue;
      row.value += booked;
      const Decimal pv = booked * row.discount;
      out.value_npv_by_value[v] += pv;
      book_stakeholders(value, pv, out);
    }
    row.value_pv = row.value * row.discount;
    row.cost_pv = row.cost * row.discount;
    cumulative += row.value - row.cost;
    row.cumulative_net = cumulative;
    out.value_npv += row.value_pv;
    out.cost_pv += row.cost_pv;
    if (!out.payback_month && !members.empty() && t >= first_start && cumulative.sign() >= 0) out.payback_month = t + 1;
    out.kpi.push_back(std::move(kpis));
    out.value.push_back(std::move(period_values));
    out.periods.push_back(std::move(row));
  }
  for (ir::Index i : members)
    for (int t = 0; t < 12; ++t) out.cost_window += cost_at(program.initiatives.at(i), t);
  out.net_npv = out.value_npv - out.cost_pv;
  if (!out.cost_pv.is_zero()) out.roi = out.net_npv / out.cost_pv;
  return out;
}

}  // namespace cxv::eval
