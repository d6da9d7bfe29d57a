#include "data/cell_parsers.hpp"

namespace cxv::data {
namespace {

bool equals_ignoring_case(std::string_view cell, std::string_view lower) {
  if (cell.size() != lower.size()) return false;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    char c = cell[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool digits(std::string_view s, std::size_t from, std::size_t count, unsigned& value) {
  value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return true;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::optional<bool> parse_bool(std::string_view cell) {
  switch (cell.size()) {
    case 1:
      if (cell[0] == '1') return true;
      if (cell[0] == '0') return false;
      return std::nullopt;
    case 2:
      if (equals_ignoring_case(cell, "no")) return false;
      return std::nullopt;
    case 3:
      if (equals_ignoring_case(cell, "yes")) return true;
      return std::nullopt;
    case 4:
      if (equals_ignoring_case(cell, "true")) return true;
      return std::nullopt;
    case 5:
      if (equals_ignoring_case(cell, "false")) return false;
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

// Howard Hinnant's days_from_civil (public domain), exact for the proleptic Gregorian calendar.
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(std::int32_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

std::optional<CellDate> parse_date(std::string_view cell) {
  if (cell.size() != 7 && cell.size() != 10) return std::nullopt;
  unsigned year = 0, month = 0, day = 1;
  if (!digits(cell, 0, 4, year) || cell[4] != '-' || !digits(cell, 5, 2, month)) return std::nullopt;
  if (year == 0 || month < 1 || month > 12) return std::nullopt;
  bool month_only = cell.size() == 7;
  if (!month_only) {
    if (cell[7] != '-' || !digits(cell, 8, 2, day)) return std::nullopt;
    if (day < 1 || day > days_in_month(static_cast<int>(year), month)) return std::nullopt;
  }
  return CellDate{days_from_civil(static_cast<int>(year), month, day), month_only};
}

}  // namespace cxv::data
