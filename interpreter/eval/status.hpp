#pragma once
// A KPI's status against its thresholds or target (see docs/scorecard.md).

#include <optional>

#include "check/ir.hpp"

namespace cxv::eval {

// With thresholds: at or better than green -> green, else at or better than
// amber -> amber, else red ("better" is <= for `better lower`, >= for
// `better higher`). With only a target: at or better -> green, else red.
// With neither: no status.
std::optional<ir::Status> kpi_status(const ir::Kpi& kpi, const Decimal& value);

// The roll-up points of a status: green 100, amber 50, red 0.
Decimal status_points(ir::Status s);

}  // namespace cxv::eval
