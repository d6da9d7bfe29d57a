#pragma once
// How a KPI's value is shown to a person: in its display unit, ratios as
// percentages, money rounded half-even to the currency's minor unit with
// thousands separators (see docs/output-formats.md).

#include <optional>
#include <string>
#include <string_view>

#include "check/ir.hpp"
#include "numeric/decimal.hpp"

namespace cxv::report {

// Decimal places of the currency's minor unit: 0 for JPY, KRW and a few
// others, else 2.
int minor_unit_places(std::string_view currency);

// "1234567.891" -> "1,234,567.891" (the integer part only is grouped).
std::string group_thousands(const std::string& fixed);

// A KPI value (base units) for people: "3.20%", "1,234.57 USD/month", "32.10 points".
std::string show_value(const ir::Program& program, const ir::Kpi& kpi, const Decimal& value);
// The same with an absent value shown as "—".
std::string show_value(const ir::Program& program, const ir::Kpi& kpi, const std::optional<Decimal>& value);

// A score (0-100) with its two places: "66.67"; "—" when absent.
std::string show_score(const std::optional<Decimal>& score);

// "≤ 1.50%" for a `better lower` bar, "≥ 35.00 points" for `better higher`.
std::string show_bar(const ir::Program& program, const ir::Kpi& kpi, const Decimal& bar);

// The number of code points in UTF-8 text: its width in a terminal for the
// scripts KPI titles are written in.
std::size_t display_width(std::string_view text);

// A unit's name for machine-readable output: the checker's rendering
// ("USD/month", "ratio", "points"), and "count" for a plain number.
std::string unit_name(const ir::Program& program, const Unit& unit);

// "2027-01"
std::string show_month(int year, int month);

}  // namespace cxv::report
