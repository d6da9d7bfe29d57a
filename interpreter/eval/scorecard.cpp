// Scorecard roll-up.

#include "eval/scorecard.hpp"

#include <algorithm>

#include "eval/status.hpp"

namespace cxv::eval {

namespace {

// Fills counts and the unrounded mean of status points; returns that mean.
std::optional<Decimal> roll_up(RollUp& r, const Scorecard& card) {
  Decimal points;
  int n = 0;
  for (ir::Index k : r.kpis) {
    const auto& status = card.kpis.at(k).status;
    if (!status) continue;
    (*status == ir::Status::green ? r.green : *status == ir::Status::amber ? r.amber : r.red) += 1;
    points += status_points(*status);
    ++n;
  }
  if (n == 0) return std::nullopt;
  const Decimal mean = points / Decimal(n);
  r.score = mean.round(kScorePlaces);
  return mean;
}

}  // namespace

Scorecard build_scorecard(const ir::Program& program, const Baselines& baselines) {
  Scorecard card;
  for (ir::Index k = 0; k < program.kpis.size(); ++k) {
    KpiCard c{k, baselines.values.at(k), std::nullopt};
    if (c.baseline) c.status = kpi_status(program.kpis[k], *c.baseline);
    card.kpis.push_back(c);
  }

  const ir::Perspective order[] = {ir::Perspective::financial, ir::Perspective::customer, ir::Perspective::process,
                                   ir::Perspective::learning};
  for (ir::Perspective p : order) {
    RollUp r;
    r.name = ir::to_string(p);
    for (ir::Index k = 0; k < program.kpis.size(); ++k)
      if (program.kpis[k].perspective == p) r.kpis.push_back(k);
    if (r.kpis.empty()) continue;
    roll_up(r, card);
    card.perspectives.push_back(std::move(r));
  }

  Decimal weighted, weights;
  for (ir::Index s = 0; s < program.stakeholders.size(); ++s) {
    const ir::Stakeholder& st = program.stakeholders[s];
    RollUp r;
    r.name = st.name;
    r.title = st.title;
    r.weight = st.weight;
    for (ir::Index k = 0; k < program.kpis.size(); ++k) {
      const auto& sh = program.kpis[k].stakeholders;
      if (std::find(sh.begin(), sh.end(), s) != sh.end()) r.kpis.push_back(k);
    }
    if (auto mean = roll_up(r, card)) {
      weighted += st.weight * *mean;
      weights += st.weight;
    }
    card.stakeholders.push_back(std::move(r));
  }
  if (!weights.is_zero()) card.overall = (weighted / weights).round(kScorePlaces);
  return card;
}

}  // namespace cxv::eval
