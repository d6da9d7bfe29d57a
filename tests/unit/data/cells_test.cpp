#include <doctest/doctest.h>

#include <filesystem>

#include "data/cell_parsers.hpp"
#include "data/key_check.hpp"
#include "data/load_errors.hpp"
#include "data/text_checks.hpp"
#include "data/text_column.hpp"

using namespace cxv::data;

TEST_CASE("bool cells: six spellings, any case, nothing else") {
  for (const char* t : {"true", "TRUE", "True", "yes", "YES", "yEs", "1"}) CHECK(parse_bool(t) == true);
  for (const char* f : {"false", "FALSE", "no", "NO", "No", "0"}) CHECK(parse_bool(f) == false);
  for (const char* bad : {"", "t", "f", "y", "n", "on", "off", "2", " true", "true ", "truee", "-1", "00"})
    CHECK_MESSAGE(!parse_bool(bad), bad);
}

TEST_CASE("date cells: days and months, real calendar days only") {
  auto d = parse_date("1970-01-01");
  REQUIRE(d);
  CHECK(d->days == 0);
  CHECK_FALSE(d->month_only);
  CHECK(parse_date("1970-01-02")->days == 1);
  CHECK(parse_date("1969-12-31")->days == -1);
  CHECK(parse_date("2000-03-01")->days == 11017);
  auto m = parse_date("2027-03");
  REQUIRE(m);
  CHECK(m->month_only);
  CHECK(m->days == parse_date("2027-03-01")->days);
  CHECK(parse_date("2028-02-29"));
  CHECK(parse_date("2000-02-29"));
  for (const char* bad : {"2027-02-29", "1900-02-29", "2027-13-01", "2027-00", "2027-04-31", "0000-01-01", "27-03-01",
                          "2027-3-1", "2027/03/01", "2027-03-01 ", "2027-03-1x", "", "2027"})
    CHECK_MESSAGE(!parse_date(bad), bad);
  for (std::int32_t days : {-800000, -1, 0, 1, 59, 10000, 2932896}) {
    int y;
    unsigned mo, da;
    civil_from_days(days, y, mo, da);
    CHECK(days_from_civil(y, mo, da) == days);
  }
}

TEST_CASE("UTF-8 validation") {
  CHECK_FALSE(first_invalid_utf8("plain ascii text longer than eight bytes"));
  CHECK_FALSE(first_invalid_utf8("\xC3\xA9t\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x99\x82"));
  CHECK(first_invalid_utf8("abcdefgh\xFF") == 8u);
  CHECK(first_invalid_utf8("\xC0\xAF") == 0u);          // overlong '/'
  CHECK(first_invalid_utf8("ab\xED\xA0\x80") == 2u);    // a UTF-16 surrogate
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // past U+10FFFF
  CHECK(first_invalid_utf8("x\xE2\x82") == 1u);         // cut short
}

TEST_CASE("cells shown in messages are quoted safely") {
  CHECK(quote_cell("fifty") == "'fifty'");
  CHECK(quote_cell("a\nb\r\t\x01") == "'a\\nb\\r\\t\\x01'");
  CHECK(quote_cell("bad\xFFz") == "'bad\\xFFz'");
  CHECK(quote_cell("\xC3\xA9t\xC3\xA9") == "'\xC3\xA9t\xC3\xA9'");
  CHECK(quote_cell(std::string(100, 'x')) == "'" + std::string(40, 'x') + "\xE2\x80\xA6'");
}

TEST_CASE("did-you-mean") {
  std::vector<std::string> header = {"customer_id", "Segment", "monthly_revenu", "nps"};
  CHECK(closest_name("segment", header) == "Segment");
  CHECK(closest_name("monthly_revenue", header) == "monthly_revenu");
  CHECK_FALSE(closest_name("churned", header));
  CHECK_FALSE(closest_name("x", {}));
}

TEST_CASE("text columns: dictionary while values repeat") {
  TextColumn c;
  for (int i = 0; i < 10000; ++i) REQUIRE(c.append(i % 3 ? "smb" : "enterprise") == TextColumn::Appended::ok);
  c.append_missing();
  CHECK(c.is_dictionary());
  CHECK(c.dictionary_size() == 2);
  CHECK(c.size() == 10001);
  CHECK(c.value(0) == "enterprise");
  CHECK(c.value(1) == "smb");
  CHECK_FALSE(c.present(10000));
  CHECK(c.codes()[10000] == TextColumn::kMissingCode);
  CHECK(c.append("bad\xFF") == TextColumn::Appended::invalid_utf8);
  CHECK(c.size() == 10001);
}

TEST_CASE("duplicate keys: sorted and unsorted columns, text and numbers") {
  TextColumn sorted, shuffled;
  for (int i = 0; i < 5000; ++i) REQUIRE(sorted.append("K" + std::to_string(100000 + i)) == TextColumn::Appended::ok);
  CHECK(find_duplicate_keys(ColumnData(sorted)).empty());
  for (int i = 0; i < 5000; ++i)
    REQUIRE(shuffled.append("K" + std::to_string(100000 + (i * 7919) % 5000)) == TextColumn::Appended::ok);
  CHECK(find_duplicate_keys(ColumnData(shuffled)).empty());
  // A repeat right after its first occurrence breaks the strict order.
  REQUIRE(sorted.append("K104999") == TextColumn::Appended::ok);
  auto dups = find_duplicate_keys(ColumnData(sorted));
  REQUIRE(dups.size() == 1);
  CHECK(dups[0].row == 5000);
  CHECK(dups[0].first_row == 4999);
  CHECK(dups[0].value == "K104999");

  NumberColumn numbers;
  for (const char* v : {"1", "2.5", "2.50", "7"}) REQUIRE(numbers.append(v));
  dups = find_duplicate_keys(ColumnData(numbers));
  REQUIRE(dups.size() == 1);
  CHECK(dups[0].row == 2);
  CHECK(dups[0].value == "2.5");
  NumberColumn increasing;
  for (const char* v : {"-3", "0.5", "10"}) REQUIRE(increasing.append(v));
  increasing.append_missing();
  CHECK(find_duplicate_keys(ColumnData(increasing)).empty());
}

TEST_CASE("data files are named relative to the working directory when inside it") {
  auto cwd = std::filesystem::current_path();
  CHECK(display_path((cwd / "data" / "x.csv").string()) == std::filesystem::path("data/x.csv").string());
  CHECK(display_path("data/x.csv") == "data/x.csv");
  auto outside = (cwd.root_path() / "cxv-not-under-cwd" / "x.csv").string();
  if (cwd != cwd.root_path()) CHECK(display_path(outside) == outside);
}
