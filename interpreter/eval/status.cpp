#include "eval/status.hpp"

namespace cxv::eval {

namespace {

bool at_or_better(const ir::Kpi& kpi, const Decimal& value, const Decimal& bar) {
  return kpi.better == ir::Better::lower ? value <= bar : value >= bar;
}

}  // namespace

std::optional<ir::Status> kpi_status(const ir::Kpi& kpi, const Decimal& value) {
  if (kpi.green || kpi.amber) {
    if (kpi.green && at_or_better(kpi, value, *kpi.green)) return ir::Status::green;
    if (kpi.amber && at_or_better(kpi, value, *kpi.amber)) return ir::Status::amber;
    return ir::Status::red;
  }
  if (kpi.target) return at_or_better(kpi, value, *kpi.target) ? ir::Status::green : ir::Status::red;
  return std::nullopt;
}

Decimal status_points(ir::Status s) {
  switch (s) {
    case ir::Status::green: return Decimal(100);
    case ir::Status::amber: return Decimal(50);
    case ir::Status::red: return Decimal(0);
  }
  return Decimal(0);
}

}  // namespace cxv::eval
