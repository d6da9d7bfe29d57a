#pragma once
// A computed figure for people, in the unit it carries: money rounded
// half-even to the currency's minor unit, ratios as percentages, other units
// by name. For failure messages, where the reader compares a value with the
// bar it missed.

#include <string>

#include "check/ir.hpp"
#include "numeric/decimal.hpp"

namespace cxv::expect {

std::string show_number(const ir::Program& program, const Unit& unit, const Decimal& value);

}  // namespace cxv::expect
