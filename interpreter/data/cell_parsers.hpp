#pragma once
// The CSV spellings of bool and date cells (numbers are parsed by
// ScaledColumn). Each returns nullopt for text that is not a value of the type;
// the caller reports it with the cell's location.

#include <cstdint>
#include <optional>
#include <string_view>

namespace cxv::data {

// true/false, yes/no, 1/0, in any letter case ("TRUE", "Yes"). Nothing else:
// "t", "y", "on" and surrounding spaces are rejected rather than guessed.
std::optional<bool> parse_bool(std::string_view cell);

// A calendar date, stored as days since 1970-01-01 (negative before).
struct CellDate {
  std::int32_t days = 0;
  bool month_only = false;   // written YYYY-MM: the first day of that month
};

// YYYY-MM-DD or YYYY-MM, years 0001-9999, a real day of that month
// (2027-02-29 is rejected, 2028-02-29 accepted).
std::optional<CellDate> parse_date(std::string_view cell);

// Days since 1970-01-01 of a calendar date, and back (proleptic Gregorian).
std::int32_t days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(std::int32_t days, int& year, unsigned& month, unsigned& day);

}  // namespace cxv::data
