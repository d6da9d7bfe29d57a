#pragma once
// The scorecard: every KPI's baseline and status, rolled up into a score per
// perspective, per stakeholder and overall (see docs/scorecard.md).

#include <optional>
#include <string>
#include <vector>

#include "check/ir.hpp"
#include "eval/baselines.hpp"

namespace cxv::eval {

struct KpiCard {
  ir::Index kpi = ir::kNone;
  std::optional<Decimal> baseline;     // base units; nullopt when it failed
  std::optional<ir::Status> status;    // nullopt: no target and no thresholds
};

// A perspective's or a stakeholder's roll-up.
struct RollUp {
  std::string name;                    // "customer", or the stakeholder's name
  std::string title;                   // the stakeholder's title; empty for perspectives
  std::optional<Decimal> weight;       // stakeholders only
  std::vector<ir::Index> kpis;         // the KPIs it groups, in declaration order
  int green = 0, amber = 0, red = 0;   // KPIs per status; KPIs without status are not counted
  // Mean of the KPIs' status points (green 100, amber 50, red 0), rounded
  // half-even to 2 decimal places; nullopt when no KPI of it has a status.
  std::optional<Decimal> score;
};

struct Scorecard {
  std::vector<KpiCard> kpis;           // declaration order
  std::vector<RollUp> perspectives;    // financial, customer, process, learning: those with KPIs
  std::vector<RollUp> stakeholders;    // declaration order
  // Stakeholder scores weighted by the stakeholders' weights, over the
  // stakeholders that have a score (their weights renormalized); 2 places.
  std::optional<Decimal> overall;
};

Scorecard build_scorecard(const ir::Program& program, const Baselines& baselines);

// The number of decimal places scores are rounded to.
inline constexpr int kScorePlaces = 2;

}  // namespace cxv::eval
