#include "check/lint_text.hpp"

namespace cxv::lint {

std::string quoted(const std::string& name) { return "'" + name + "'"; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::string money_text(const Decimal& amount, const std::string& currency) {
  std::string digits = amount.is_integer() ? amount.to_string() : amount.to_fixed(2);
  std::string sign;
  if (!digits.empty() && digits.front() == '-') {
    sign = "-";
    digits.erase(0, 1);
  }
  const std::size_t point = digits.find('.');
  std::string whole = digits.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : digits.substr(point);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return sign + grouped + fraction + " " + currency;
}

}  // namespace cxv::lint
