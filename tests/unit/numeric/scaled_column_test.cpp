// ScaledColumn: parsing cells, rescaling, the wide fallback, missing values,
// and exact aggregates checked against Decimal on random data.

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <random>
#include <string>
#include <vector>

#include "numeric/scaled_column.hpp"

using cxv::Decimal;
using cxv::ScaledColumn;

namespace {
Decimal d(const char* text) {
  auto v = Decimal::parse(text);
  REQUIRE_MESSAGE(v.has_value(), text);
  return *v;
}
}  // namespace

TEST_CASE("cells are parsed straight into coefficients at the column's scale") {
  ScaledColumn c;
  CHECK(c.append("12.50"));
  CHECK(c.append("3"));
  CHECK(c.append("-0.25"));
  CHECK(c.append("1_000.1"));
  CHECK(c.scale() == 2);
  CHECK(!c.is_wide());
  REQUIRE(c.size() == 4);
  CHECK(c.coefficients()[0] == 1250);
  CHECK(c.coefficients()[1] == 300);
  CHECK(c.coefficients()[2] == -25);
  CHECK(c.coefficients()[3] == 100010);
  CHECK(*c.at(0) == d("12.5"));
  CHECK(*c.at(3) == d("1000.1"));
  CHECK(c.sum() == d("1015.35"));
  CHECK(*c.min() == d("-0.25"));
  CHECK(*c.max() == d("1000.1"));
}

TEST_CASE("a cell with more places rescales the column; extra zeros do not") {
  ScaledColumn c;
  CHECK(c.append("7"));
  CHECK(c.scale() == 0);
  CHECK(c.append("1.5000"));  // trailing zeros carry no value
  CHECK(c.scale() == 1);
  CHECK(c.append("0.125"));
  CHECK(c.scale() == 3);
  CHECK(c.coefficients()[0] == 7000);
  CHECK(c.coefficients()[1] == 1500);
  CHECK(c.sum() == d("8.625"));
}

TEST_CASE("bad cells are refused and nothing is appended") {
  ScaledColumn c;
  for (const char* bad : {"", "fifty", "1e3", "1.", ".5", "1__0", "1,5", " 12", "12 ", "--1", "1.2.3", "-"}) {
    CAPTURE(bad);
    CHECK(!c.append(bad));
    CHECK(c.last_error() == ScaledColumn::CellError::not_a_number);
  }
  CHECK(c.size() == 0);
  CHECK(!c.append(std::string(5000, '7')));
  CHECK(c.last_error() == ScaledColumn::CellError::too_large);
  CHECK(c.append("1"));
  CHECK(c.last_error() == ScaledColumn::CellError::none);
  CHECK(c.size() == 1);
}

TEST_CASE("values that do not fit int64 at the common scale fall back to Decimal") {
  ScaledColumn c;
  CHECK(c.append("5000000000000000000"));  // 5e18 fits int64 at scale 0
  CHECK(!c.is_wide());
  CHECK(c.append("0.01"));  // 5e20 at scale 2 does not
  CHECK(c.is_wide());
  CHECK(c.append("123456789012345678901234567890"));
  CHECK(c.append("-0.5"));
  c.append_missing();
  CHECK(c.sum() == d("123456789017345678901234567890.51") - d("1"));
  CHECK(*c.at(1) == d("0.01"));
  CHECK(!c.at(4).has_value());
  REQUIRE(c.wide_values().size() == 5);
  CHECK(c.wide_values()[0] == d("5000000000000000000"));
  CHECK(c.coefficients().empty());
  CHECK(*c.min() == d("-0.5"));
  CHECK(*c.max() == d("123456789012345678901234567890"));
}

TEST_CASE("missing cells are excluded from min and max and add nothing") {
  ScaledColumn c;
  c.append_missing();
  CHECK(!c.min().has_value());
  CHECK(c.sum() == Decimal(0));
  CHECK(c.append("-3.5"));
  c.append_missing();
  CHECK(c.append("2"));
  CHECK(c.size() == 4);
  CHECK(c.missing_count() == 2);
  CHECK(c.is_missing(0));
  CHECK(!c.is_missing(1));
  CHECK(*c.min() == d("-3.5"));
  CHECK(*c.max() == Decimal(2));
  CHECK(c.sum() == d("-1.5"));
}

TEST_CASE("Decimals appended directly keep the fast path when exact") {
  ScaledColumn c;
  c.append(d("1.25"));
  c.append(Decimal(3));
  c.append(d("0.001"));
  CHECK(!c.is_wide());
  CHECK(c.scale() == 3);
  c.append(Decimal(1) / Decimal(3));  // 34 digits: cannot fit int64
  CHECK(c.is_wide());
  CHECK(c.sum() == d("4.251") + Decimal(1) / Decimal(3));
}

TEST_CASE("column sums equal Decimal sums on random money and ratios") {
  std::mt19937_64 rng(1234);
  for (int round = 0; round < 20; ++round) {
    ScaledColumn column;
    Decimal reference;
    std::optional<Decimal> lowest;
    const int rows = std::uniform_int_distribution<int>(1, 5000)(rng);
    const int max_places = std::uniform_int_distribution<int>(0, 8)(rng);
    for (int i = 0; i < rows; ++i) {
      if (rng() % 10 == 0) {
        column.append_missing();
        continue;
      }
      const int places = std::uniform_int_distribution<int>(0, max_places)(rng);
      // A random coefficient written with `places` digits after the point.
      const std::int64_t coefficient = std::uniform_int_distribution<std::int64_t>(-1'000'000'000, 1'000'000'000)(rng);
      const std::uint64_t magnitude = coefficient < 0 ? static_cast<std::uint64_t>(-coefficient) : static_cast<std::uint64_t>(coefficient);
      std::uint64_t unit = 1;
      for (int p = 0; p < places; ++p) unit *= 10;
      const std::string sign = coefficient < 0 ? "-" : "";
      const std::string text = places == 0 ? sign + std::to_string(magnitude)
                                           : fmt::format("{}{}.{:0{}}", sign, magnitude / unit, magnitude % unit, places);
      REQUIRE(column.append(text));
      const Decimal value = *Decimal::parse(text);
      reference += value;
      if (!lowest || value < *lowest) lowest = value;
    }
    CHECK(column.sum() == reference);
    CHECK(column.min() == lowest);
  }
}

TEST_CASE("a million money cells sum exactly") {
  ScaledColumn c;
  c.reserve(1'000'000);
  bool all_appended = true;
  for (int i = 0; i < 1'000'000; ++i) all_appended &= c.append(i % 2 == 0 ? "19.99" : "0.01");
  CHECK(all_appended);
  CHECK(c.sum() == Decimal(10'000'000));
}

TEST_CASE("the column's cell parser accepts exactly what Decimal::parse accepts") {
  // Random short strings over the characters that matter: both parsers must
  // agree on every one, and on the value.
  std::mt19937_64 rng(77);
  const std::string alphabet = "0123456789_.-+ e0000";
  ScaledColumn column;
  std::size_t accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int length = static_cast<int>(rng() % 14);
    for (int k = 0; k < length; ++k) text.push_back(alphabet[rng() % alphabet.size()]);
    CAPTURE(text);
    const std::optional<Decimal> expected = Decimal::parse(text);
    const bool appended = column.append(text);
    REQUIRE(appended == expected.has_value());
    if (appended) {
      CHECK(column.at(column.size() - 1) == expected);
      ++accepted;
    }
  }
  CHECK(accepted > 1000);  // the alphabet makes plenty of valid numbers
}
