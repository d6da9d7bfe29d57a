#include "expect/show.hpp"

#include "report/display.hpp"

namespace cxv::expect {

namespace {

// Places for figures that are not money: enough to tell a near miss
// (a KPI at 1.999% against a 2% bar) without drowning the reader.
constexpr int kPercentPlaces = 3;
constexpr int kPlainPlaces = 4;

// "12.3400" -> "12.34", "5.0000" -> "5"
std::string trim_zeros(std::string fixed) {
  if (fixed.find('.') == std::string::npos) return fixed;
  while (!fixed.empty() && fixed.back() == '0') fixed.pop_back();
  if (!fixed.empty() && fixed.back() == '.') fixed.pop_back();
  return fixed;
}

}  // namespace

std::string show_number(const ir::Program& program, const Unit& unit, const Decimal& value) {
  if (unit.is_ratio()) return report::group_thousands(trim_zeros((value * Decimal(100)).to_fixed(kPercentPlaces))) + "%";
  const std::string& currency = program.framework.currency;
  if (unit.has_money()) {
    const std::string digits = report::group_thousands(value.to_fixed(report::minor_unit_places(currency)));
    return digits + " " + program.unit_text(unit);
  }
  const std::string digits = report::group_thousands(trim_zeros(value.to_fixed(kPlainPlaces)));
  if (unit.is_plain()) return digits;
  return digits + " " + program.unit_text(unit);
}

}  // namespace cxv::expect
