#pragma once
// The unit algebra of cxv.
//
// A Unit is a vector of integer exponents over four base dimensions plus a
// `ratio` exponent:
//   money   the framework's one currency (USD, EUR, ...)
//   month   calendar time; quarter = 3 months, year = 12 months
//   minute  clock time; hour = 60, day = 1440, week = 10080 minutes
//   points  a score scale (NPS, CSAT, eNPS)
//   ratio   a share (`%`, `pp`); dimensionless but kept apart from plain
//           numbers so that `0.5` against a share is caught
// Calendar and clock time are separate dimensions on purpose: a month is not
// a fixed number of minutes, so `days` never converts into `months`.
//
// Counts and label nouns (`count`, `customer`, `call`) are dimensionless: a
// label documents, it does not constrain. Values are held in base units
// (2 years -> 24 months); the unit an author wrote is kept separately for
// display (see DisplayUnit).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "numeric/decimal.hpp"

namespace cxv {

enum class Dim : std::uint8_t { money = 0, month = 1, minute = 2, points = 3 };
inline constexpr std::size_t kDimCount = 4;

struct Unit {
  std::array<std::int8_t, kDimCount> exp{};  // exponent of each Dim
  std::int8_t ratio = 0;                     // exponent of the ratio tag: -1, 0 or 1

  bool operator==(const Unit&) const = default;

  static Unit plain() { return {}; }
  static Unit of(Dim d, int e = 1) {
    Unit u;
    u.exp[static_cast<std::size_t>(d)] = static_cast<std::int8_t>(e);
    return u;
  }
  static Unit ratio_unit() {
    Unit u;
    u.ratio = 1;
    return u;
  }
  static Unit money() { return of(Dim::money); }
  static Unit money_per_month() { return of(Dim::money) * of(Dim::month, -1); }

  int operator[](Dim d) const { return exp[static_cast<std::size_t>(d)]; }
  // True when every base exponent is zero (the ratio tag may still be set).
  bool dimensionless() const;
  bool is_plain() const { return dimensionless() && ratio == 0; }
  // A pure share: dimensionless with the ratio tag.
  bool is_ratio() const { return dimensionless() && ratio == 1; }
  bool is_money() const { return *this == money(); }
  bool is_money_per_month() const { return *this == money_per_month(); }
  bool has_money() const { return (*this)[Dim::money] != 0; }
  // Calendar time alone (months).
  bool is_calendar_time() const { return *this == of(Dim::month); }

  // ratio × ratio = ratio; ratio × plain = ratio; ratio × (a dimensioned unit
  // without the tag) = that unit; otherwise exponents add.
  friend Unit operator*(const Unit& a, const Unit& b);
  // ratio / ratio = plain; (a dimensioned unit) / ratio = that unit;
  // otherwise exponents subtract.
  friend Unit operator/(const Unit& a, const Unit& b);
  Unit inverse() const { return plain() / *this; }
};

// Renders a unit for messages and reports: "USD/month", "ratio", "points",
// "a plain number", "USD·points/month". `currency` names the money dimension.
std::string to_string(const Unit& u, std::string_view currency);

// What a unit word means. `factor` converts one of the word into base units
// (quarter -> 3 months, hour -> 60 minutes).
struct UnitWord {
  Unit unit;
  Decimal factor = Decimal(1);
  bool label = false;   // a count label such as `customer`: dimensionless, documents only
};

// Looks up a lower-case unit word: months, quarter, hours, points, ratio,
// count... (singular and plural). Returns nullopt for a word that is not a
// known unit word (the caller decides whether it is a label or a typo).
std::optional<UnitWord> known_unit_word(std::string_view word);

// Every known unit word, for did-you-mean suggestions.
const std::vector<std::string_view>& known_unit_words();

// True for a word shaped like an ISO currency code: three upper-case letters.
bool looks_like_currency(std::string_view word);

// The unit an author wrote, for display: text as written ("minutes",
// "USD/month") and the factor from base units (a value of 120 minutes shows
// as 2 hours when factor = 60). value_shown = base_value / factor.
struct DisplayUnit {
  std::string text;
  Decimal factor = Decimal(1);
};

}  // namespace cxv
