#include "data/csv_reader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "temp_files.hpp"

using cxv::data::CsvOpenError;
using cxv::data::CsvOpenFailure;
using cxv::data::CsvReader;
using cxv::data::CsvSyntax;
using Rows = std::vector<std::vector<std::string>>;

namespace {

Rows drain(CsvReader& r) {
  Rows rows;
  while (r.next_record()) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < r.field_count(); ++i) row.emplace_back(r.field(i));
    rows.push_back(std::move(row));
  }
  return rows;
}

// Reads `text` in memory and from a file with tiny chunks (so that every
// record crosses a refill somewhere) and checks both give the same rows.
Rows read_both_ways(std::string_view text) {
  auto in_memory = CsvReader::from_text(text);
  Rows a = drain(in_memory);
  REQUIRE_FALSE(in_memory.error());
  cxv::data::testing::TempDir dir;
  auto path = dir.write("t.csv", text);
  for (std::size_t chunk : {16, 17, 23, 64, 1 << 20}) {
    CsvOpenError err;
    auto r = CsvReader::open(path, err, chunk);
    REQUIRE(r);
    Rows b = drain(*r);
    REQUIRE_FALSE(r->error());
    CHECK_MESSAGE(a == b, "chunk size " << chunk);
  }
  return a;
}

cxv::data::CsvSyntaxError syntax_error_of(std::string_view text) {
  auto r = CsvReader::from_text(text);
  while (r.next_record()) {
  }
  REQUIRE(r.error());
  return *r.error();
}

}  // namespace

TEST_CASE("plain records, with and without a final line end") {
  CHECK(read_both_ways("a,b,c\n1,2,3\n") == Rows{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(read_both_ways("a,b,c\n1,2,3") == Rows{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(read_both_ways("a,,c\n,,\n") == Rows{{"a", "", "c"}, {"", "", ""}});
  CHECK(read_both_ways("a,b,\n") == Rows{{"a", "b", ""}});
}

TEST_CASE("CRLF line ends and a byte-order mark") {
  CHECK(read_both_ways("\xEF\xBB\xBFid,name\r\n1,x\r\n2,y\r\n") == Rows{{"id", "name"}, {"1", "x"}, {"2", "y"}});
  // A lone CR is data, not a line end.
  CHECK(read_both_ways("a\rb,c\n") == Rows{{"a\rb", "c"}});
}

TEST_CASE("quoted fields: doubled quotes, commas and newlines inside") {
  CHECK(read_both_ways("\"a,b\",\"say \"\"hi\"\"\",\"\"\n") == Rows{{"a,b", "say \"hi\"", ""}});
  CHECK(read_both_ways("\"line1\nline2\",x\r\n\"crlf\r\ninside\",y") ==
        Rows{{"line1\nline2", "x"}, {"crlf\r\ninside", "y"}});
  CHECK(read_both_ways("\"\"\"\"\n") == Rows{{"\""}});
  CHECK(read_both_ways("x,\"last\"") == Rows{{"x", "last"}});
}

TEST_CASE("views of one record stay valid together even with many quoted fields") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += (i ? "," : "") + std::string("\"q\"\"") + std::to_string(i) + "\"";
  text += "\n";
  Rows rows = read_both_ways(text);
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].size() == 200);
  for (int i = 0; i < 200; ++i) CHECK(rows[0][static_cast<std::size_t>(i)] == "q\"" + std::to_string(i));
}

TEST_CASE("empty lines: ignored at the end, a one-field record elsewhere") {
  CHECK(read_both_ways("a,b\n1,2\n\n\r\n\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_both_ways("a,b\n\n1,2\n") == Rows{{"a", "b"}, {""}, {"1", "2"}});
  CHECK(read_both_ways("").empty());
  CHECK(read_both_ways("\xEF\xBB\xBF").empty());
  CHECK(read_both_ways("\n\n").empty());
}

TEST_CASE("locations count physical lines and code points") {
  auto r = CsvReader::from_text("id,name\n\"multi\nline\",\xC3\xA9t\xC3\xA9,z\nnext,\"q\"\n");
  REQUIRE(r.next_record());
  CHECK(r.record_line() == 1);
  CHECK(r.location(1).line == 1);
  CHECK(r.location(1).col == 4);
  REQUIRE(r.next_record());
  CHECK(r.record_line() == 2);
  CHECK(r.location(0).line == 2);
  CHECK(r.location(0).col == 1);
  // The second field starts on the quoted field's last line, after `line",`.
  CHECK(r.location(1).line == 3);
  CHECK(r.location(1).col == 7);
  // "été" is three code points wide.
  CHECK(r.location(2).line == 3);
  CHECK(r.location(2).col == 11);
  REQUIRE(r.next_record());
  CHECK(r.record_line() == 4);
  CHECK(r.location(1).col == 6);
  CHECK(r.field_was_quoted(1));
  CHECK_FALSE(r.field_was_quoted(0));
}

TEST_CASE("syntax errors are located") {
  auto e = syntax_error_of("a,b\n1,\"open\n2,3\n");
  CHECK(e.kind == CsvSyntax::unterminated_quote);
  CHECK(e.where.line == 2);
  CHECK(e.where.col == 3);

  e = syntax_error_of("a,b\nx,ab\"c\n");
  CHECK(e.kind == CsvSyntax::stray_quote);
  CHECK(e.where.line == 2);
  CHECK(e.where.col == 5);

  e = syntax_error_of("a,b\n\"x\"y,1\n");
  CHECK(e.kind == CsvSyntax::text_after_quote);
  CHECK(e.where.line == 2);
  CHECK(e.where.col == 4);
}

TEST_CASE("a record larger than the limit is refused, not read whole") {
  // Exercised through a file whose only record is an unclosed quote; the
  // limit is large, so only check that the error is reported at the end.
  cxv::data::testing::TempDir dir;
  auto path = dir.write("open.csv", "a\n\"" + std::string(5000, 'x'));
  CsvOpenError err;
  auto r = CsvReader::open(path, err, 64);
  REQUIRE(r);
  REQUIRE(r->next_record());
  CHECK_FALSE(r->next_record());
  REQUIRE(r->error());
  CHECK(r->error()->kind == CsvSyntax::unterminated_quote);
  CHECK(r->error()->where.line == 2);
}

TEST_CASE("files that cannot be read") {
  cxv::data::testing::TempDir dir;
  CsvOpenError err;
  CHECK_FALSE(CsvReader::open((dir.path() / "nope.csv").string(), err));
  CHECK(err.failure == CsvOpenFailure::not_found);
  CHECK_FALSE(CsvReader::open(dir.path().string(), err));
  CHECK(err.failure == CsvOpenFailure::is_directory);
}

TEST_CASE("random bytes: records or a located error, never a crash") {
  std::mt19937_64 rng(99);
  const char alphabet[] = {'a', ',', '"', '\n', '\r', ' ', '\xC3', '\xA9', '\xFF', '\0'};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    std::size_t n = rng() % 200;
    for (std::size_t i = 0; i < n; ++i) text += alphabet[rng() % sizeof alphabet];
    auto r = CsvReader::from_text(text);
    std::size_t records = 0;
    while (r.next_record()) {
      ++records;
      for (std::size_t f = 0; f < r.field_count(); ++f) {
        auto at = r.location(f);
        CHECK(at.line >= r.record_line());
        CHECK(at.col >= 1);
      }
    }
    CHECK(records <= n + 1);
    if (r.error()) {
      std::size_t lines = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
      CHECK(r.error()->where.line <= lines);
    }
  }
}
