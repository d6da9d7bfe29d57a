#include "check/units.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace cxv {

bool Unit::dimensionless() const {
  return std::all_of(exp.begin(), exp.end(), [](std::int8_t e) { return e == 0; });
}

namespace {

std::int8_t clamp_ratio(int r) { return static_cast<std::int8_t>(std::clamp(r, -1, 1)); }

Unit add_exponents(const Unit& a, const Unit& b, int sign) {
  Unit u;
  for (std::size_t i = 0; i < kDimCount; ++i) u.exp[i] = static_cast<std::int8_t>(a.exp[i] + sign * b.exp[i]);
  u.ratio = clamp_ratio(a.ratio + sign * b.ratio);
  return u;
}

}  // namespace

// A share scales a quantity without changing what it measures: 2% of the
// customers' revenue is revenue. So a pure ratio times a dimensioned unit
// without the tag is that unit. A dimensioned unit that carries the tag
// (`pp/points`, a slope) keeps it, so `points × pp/points` is a ratio again.
Unit operator*(const Unit& a, const Unit& b) {
  if (a.is_ratio() && !b.dimensionless() && b.ratio == 0) return b;
  if (b.is_ratio() && !a.dimensionless() && a.ratio == 0) return a;
  return add_exponents(a, b, +1);
}

Unit operator/(const Unit& a, const Unit& b) {
  if (b.is_ratio() && !a.dimensionless() && a.ratio == 0) return a;
  return add_exponents(a, b, -1);
}

std::string to_string(const Unit& u, std::string_view currency) {
  if (u.is_plain()) return "a plain number";
  if (u.is_ratio()) return "ratio";
  static const char* singular[] = {"", "month", "minute", "point"};
  static const char* plural[] = {"", "months", "minutes", "points"};
  auto name = [&](std::size_t i, bool numerator) -> std::string {
    if (i == 0) return std::string(currency);
    // A lone numerator reads best in the plural ("months"); a factor of a
    // compound in the singular ("USD/month").
    return numerator ? plural[i] : singular[i];
  };
  std::vector<std::string> num, den;
  if (u.ratio > 0) num.push_back("ratio");
  if (u.ratio < 0) den.push_back("ratio");
  for (std::size_t i = 0; i < kDimCount; ++i) {
    int e = u.exp[i];
    if (e == 0) continue;
    std::string n = name(i, e > 0);
    if (e > 1 || e < -1) {
      n += '^';
      n += std::to_string(e > 0 ? e : -e);
    }
    (e > 0 ? num : den).push_back(n);
  }
  // Appended piece by piece: g++ 12 at -O2 gives a false -Wrestrict on
  // `"/" + string`. A product reads "USD·point".
  std::string out;
  for (std::size_t i = 0; i < num.size(); ++i) {
    if (i) out += "·";
    out += num[i];
  }
  // `count per month` reads as "per month", not "1/month".
  if (num.empty()) out += "per ";
  for (std::size_t i = 0; i < den.size(); ++i) {
    if (i || !num.empty()) out += '/';
    out += den[i];
  }
  return out;
}

namespace {

struct WordEntry {
  std::string_view word;
  Dim dim;
  bool dimensioned;   // false: plain/ratio words
  bool ratio;
  std::int64_t factor;
};

// Singular and plural forms. `ratio` is a column type word; `count` the
// explicit dimensionless word.
constexpr WordEntry kWords[] = {
    {"month", Dim::month, true, false, 1},      {"months", Dim::month, true, false, 1},
    {"quarter", Dim::month, true, false, 3},    {"quarters", Dim::month, true, false, 3},
    {"year", Dim::month, true, false, 12},      {"years", Dim::month, true, false, 12},
    {"minute", Dim::minute, true, false, 1},    {"minutes", Dim::minute, true, false, 1},
    {"hour", Dim::minute, true, false, 60},     {"hours", Dim::minute, true, false, 60},
    {"day", Dim::minute, true, false, 1440},    {"days", Dim::minute, true, false, 1440},
    {"week", Dim::minute, true, false, 10080},  {"weeks", Dim::minute, true, false, 10080},
    {"point", Dim::points, true, false, 1},     {"points", Dim::points, true, false, 1},
    {"ratio", Dim::money, false, true, 1},      {"count", Dim::money, false, false, 1},
};

}  // namespace

std::optional<UnitWord> known_unit_word(std::string_view word) {
  for (const auto& w : kWords) {
    if (w.word != word) continue;
    UnitWord out;
    if (w.dimensioned) out.unit = Unit::of(w.dim);
    else if (w.ratio) out.unit = Unit::ratio_unit();
    out.factor = Decimal(w.factor);
    out.label = !w.dimensioned && !w.ratio;
    return out;
  }
  return std::nullopt;
}

const std::vector<std::string_view>& known_unit_words() {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> v;
    for (const auto& w : kWords) v.push_back(w.word);
    return v;
  }();
  return words;
}

bool looks_like_currency(std::string_view word) {
  return word.size() == 3 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace cxv
