#pragma once
// Wording helpers shared by the lint passes: names as the author wrote them
// and amounts of money as an analyst reads them.

#include <string>
#include <vector>

#include "numeric/decimal.hpp"

namespace cxv::lint {

// 'name'
std::string quoted(const std::string& name);

// "a", "a and b", "a, b and c" (each item as given).
std::string joined(const std::vector<std::string>& items);

// 1200000 -> "1,200,000 USD"; 1234.5 -> "1,234.50 USD" (whole amounts show
// no cents; others are rounded half-even to cents, for a message only).
std::string money_text(const Decimal& amount, const std::string& currency);

}  // namespace cxv::lint
