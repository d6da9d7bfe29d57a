// Number display for people.

#include "report/display.hpp"

#include <fmt/format.h>

namespace cxv::report {

namespace {

constexpr int kPlainPlaces = 2;    // points, counts, time: two places
constexpr int kPercentPlaces = 2;  // ratios: 3.20%

std::string unit_label(const ir::Program& program, const ir::Kpi& kpi) {
  if (!kpi.display.text.empty()) return kpi.display.text;
  if (kpi.unit.has_money() || !kpi.unit.dimensionless()) return program.unit_text(kpi.unit);
  return "";   // a plain count shows no unit
}

}  // namespace

int minor_unit_places(std::string_view currency) {
  for (std::string_view zero : {"JPY", "KRW", "VND", "CLP", "ISK", "PYG", "UGX", "XAF", "XOF"})
    if (currency == zero) return 0;
  return 2;
}

std::string group_thousands(const std::string& fixed) {
  const std::size_t sign = !fixed.empty() && fixed[0] == '-' ? 1 : 0;
  std::size_t end = fixed.find('.');
  if (end == std::string::npos) end = fixed.size();
  std::string out = fixed.substr(0, sign);
  const std::size_t digits = end - sign;
  for (std::size_t i = 0; i < digits; ++i) {
    if (i != 0 && (digits - i) % 3 == 0) out += ',';
    out += fixed[sign + i];
  }
  return out + fixed.substr(end);
}

std::string show_value(const ir::Program& program, const ir::Kpi& kpi, const Decimal& value) {
  if (kpi.unit.is_ratio()) return group_thousands((value * Decimal(100)).to_fixed(kPercentPlaces)) + "%";
  const Decimal shown = kpi.display.factor == Decimal(1) || kpi.display.factor.is_zero() ? value : value / kpi.display.factor;
  // A KPI that counts rows (customers, calls) reads best without decimals.
  const bool whole_count = kpi.measure && kpi.measure->kind == ir::ExprKind::builtin &&
                           kpi.measure->builtin == ir::Builtin::count && shown.is_integer();
  const int places = kpi.unit.has_money() ? minor_unit_places(program.framework.currency) : whole_count ? 0 : kPlainPlaces;
  std::string text = group_thousands(shown.to_fixed(places));
  const std::string unit = unit_label(program, kpi);
  return unit.empty() ? text : text + " " + unit;
}

std::string show_value(const ir::Program& program, const ir::Kpi& kpi, const std::optional<Decimal>& value) {
  return value ? show_value(program, kpi, *value) : "—";
}

std::string show_score(const std::optional<Decimal>& score) { return score ? score->to_fixed(2) : "—"; }

std::string show_bar(const ir::Program& program, const ir::Kpi& kpi, const Decimal& bar) {
  return (kpi.better == ir::Better::lower ? "≤ " : "≥ ") + show_value(program, kpi, bar);
}

std::size_t display_width(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string unit_name(const ir::Program& program, const Unit& unit) {
  return unit.is_plain() ? "count" : program.unit_text(unit);
}

std::string show_month(int year, int month) { return fmt::format("{:04}-{:02}", year, month); }

}  // namespace cxv::report
