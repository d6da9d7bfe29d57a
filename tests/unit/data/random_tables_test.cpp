// Property test: random tables written by a deliberately simple, independent
// CSV writer (random quoting, line ends, column order, a BOM or not), loaded
// back and compared cell by cell; number columns' sums are compared with a
// Decimal sum of the generated values.

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "data/cell_parsers.hpp"
#include "data/table_loader.hpp"
#include "temp_files.hpp"

using namespace cxv;
using namespace cxv::data;

namespace {

struct Generated {
  TableSchema schema;
  // cells[c][r]: the text written for declared column c, row r ("" = missing).
  std::vector<std::vector<std::string>> cells;
  // For dates and bools, the value meant (independent of the loader's parsers).
  std::vector<std::vector<std::int64_t>> meant;
};

std::string random_text(std::mt19937_64& rng) {
  static const std::vector<std::string> pieces = {"a", "Z", "0", " ", ",", "\"", "\n", "\r\n", "é", "€", "日本",
                                                  "🙂", "'", "\t", "x,y", "\"\""};
  std::string s;
  std::size_t n = rng() % 6;
  for (std::size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
  return s;
}

std::string random_number(std::mt19937_64& rng) {
  std::string s;
  if (rng() % 3 == 0) s += "-";
  std::size_t int_digits = 1 + rng() % 12;
  for (std::size_t i = 0; i < int_digits; ++i) s += static_cast<char>('0' + rng() % 10);
  if (rng() % 2) {
    s += ".";
    std::size_t frac = 1 + rng() % 5;
    for (std::size_t i = 0; i < frac; ++i) s += static_cast<char>('0' + rng() % 10);
  }
  return s;
}

Generated generate(std::mt19937_64& rng, std::size_t rows) {
  Generated g;
  g.schema.name = "random";
  auto add = [&](std::string name, ColumnKind kind, bool optional) {
    ColumnSchema c;
    c.name = std::move(name);
    c.kind = kind;
    c.optional = optional;
    c.declared_at = Span{1000, 0, 0};
    g.schema.columns.push_back(c);
  };
  add("id", ColumnKind::text, false);
  add("label", ColumnKind::text, true);
  add("amount", ColumnKind::number, false);
  add("score", ColumnKind::number, true);
  add("flag", ColumnKind::boolean, true);
  add("day", ColumnKind::date, true);
  g.schema.columns[0].key = true;
  g.cells.assign(g.schema.columns.size(), {});
  g.meant.assign(g.schema.columns.size(), {});
  static const char* trues[] = {"true", "TRUE", "True", "yes", "YES", "1"};
  static const char* falses[] = {"false", "FALSE", "no", "No", "0"};
  for (std::size_t r = 0; r < rows; ++r) {
    g.cells[0].push_back("id-" + std::to_string(r) + "/" + random_text(rng));  // "/" keeps ids unique
    std::string label = random_text(rng);
    g.cells[1].push_back(label);
    g.cells[2].push_back(random_number(rng));
    g.cells[3].push_back(rng() % 4 == 0 ? "" : random_number(rng));
    switch (rng() % 3) {
      case 0: g.cells[4].push_back(""); g.meant[4].push_back(-1); break;
      case 1: g.cells[4].push_back(trues[rng() % 6]); g.meant[4].push_back(1); break;
      default: g.cells[4].push_back(falses[rng() % 5]); g.meant[4].push_back(0); break;
    }
    if (rng() % 4 == 0) {
      g.cells[5].push_back("");
      g.meant[5].push_back(-1);
    } else {
      int y = 1900 + static_cast<int>(rng() % 300);
      unsigned m = 1 + static_cast<unsigned>(rng() % 12);
      unsigned d = 1 + static_cast<unsigned>(rng() % 28);
      bool month_only = rng() % 2;
      char buf[16];
      if (month_only) {
        std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
        d = 1;
      } else {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
      }
      g.cells[5].push_back(buf);
      // Days since 1970-01-01 counted the slow way, independently of days_from_civil.
      auto leap = [](int yy) { return (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0; };
      static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      std::int64_t days = 0;
      for (int yy = 1970; yy < y; ++yy) days += leap(yy) ? 366 : 365;
      for (int yy = y; yy < 1970; ++yy) days -= leap(yy) ? 366 : 365;
      for (unsigned mm = 1; mm < m; ++mm) days += month_days[mm - 1] + (mm == 2 && leap(y) ? 1 : 0);
      days += d - 1;
      g.meant[5].push_back(days);
    }
  }
  return g;
}

// The simplest correct writer: quote when needed (or at random), double quotes.
std::string write_csv(const Generated& g, std::mt19937_64& rng) {
  const std::size_t cols = g.schema.columns.size();
  // Header order: shuffled, with two undeclared columns mixed in.
  std::vector<int> order;
  for (std::size_t c = 0; c < cols; ++c) order.push_back(static_cast<int>(c));
  order.push_back(-1);
  order.push_back(-2);
  std::shuffle(order.begin(), order.end(), rng);
  auto field = [&](const std::string& v) {
    bool must = v.find_first_of(",\"\r\n") != std::string::npos;
    if (!must && rng() % 4 != 0) return v;
    std::string q = "\"";
    for (char ch : v) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
  };
  auto line_end = [&] { return rng() % 2 ? std::string("\n") : std::string("\r\n"); };
  std::string out = rng() % 2 ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < order.size(); ++i) {
    out += i ? "," : "";
    out += order[i] >= 0 ? field(g.schema.columns[static_cast<std::size_t>(order[i])].name)
                         : field("extra" + std::to_string(-order[i]));
  }
  const std::size_t rows = g.cells[0].size();
  for (std::size_t r = 0; r < rows; ++r) {
    out += line_end();
    for (std::size_t i = 0; i < order.size(); ++i) {
      out += i ? "," : "";
      out += order[i] >= 0 ? field(g.cells[static_cast<std::size_t>(order[i])][r]) : field(random_text(rng));
    }
  }
  if (rng() % 2) out += line_end();
  if (rng() % 4 == 0) out += "\n\r\n";
  return out;
}

}  // namespace

TEST_CASE("random tables load back cell by cell") {
  std::mt19937_64 rng(12345);
  cxv::data::testing::TempDir dir;
  SourceMap sources;
  for (int round = 0; round < 60; ++round) {
    const std::size_t rows = rng() % 200;
    Generated g = generate(rng, rows);
    std::string path = dir.write("r" + std::to_string(round) + ".csv", write_csv(g, rng));
    Diagnostics diags;
    LoadOptions options;
    options.read_chunk_bytes = 16 + rng() % 4096;
    auto table = load_table(g.schema, path, sources, diags, options);
    INFO("round " << round << ", " << rows << " rows, chunk " << options.read_chunk_bytes);
    for (const auto& d : diags.all())
      FAIL_CHECK(d.code << " " << d.external_line << ":" << d.external_col << " " << d.message);
    REQUIRE(table);
    REQUIRE(table->row_count() == rows);

    const auto& id = std::get<TextColumn>(table->column(0));
    const auto& label = std::get<TextColumn>(table->column(1));
    const auto& amount = std::get<NumberColumn>(table->column(2));
    const auto& score = std::get<NumberColumn>(table->column(3));
    const auto& flag = std::get<BoolColumn>(table->column(4));
    const auto& day = std::get<DateColumn>(table->column(5));
    Decimal amount_sum, score_sum;
    for (std::size_t r = 0; r < rows; ++r) {
      CHECK(id.value(r) == g.cells[0][r]);
      CHECK(label.present(r) == !g.cells[1][r].empty());
      CHECK(label.value(r) == g.cells[1][r]);
      auto a = Decimal::parse(g.cells[2][r]);
      REQUIRE(a);
      CHECK(amount.at(r) == a);
      amount_sum += *a;
      if (g.cells[3][r].empty()) {
        CHECK(score.is_missing(r));
      } else {
        auto s = Decimal::parse(g.cells[3][r]);
        CHECK(score.at(r) == s);
        score_sum += *s;
      }
      CHECK(flag.present(r) == (g.meant[4][r] >= 0));
      if (g.meant[4][r] >= 0) CHECK(flag.value(r) == (g.meant[4][r] == 1));
      CHECK(day.present(r) == !g.cells[5][r].empty());
      if (!g.cells[5][r].empty()) CHECK(day.days(r) == g.meant[5][r]);
    }
    CHECK(amount.sum() == amount_sum);
    CHECK(score.sum() == score_sum);
  }
}

TEST_CASE("a large random text column switches to the plain layout and keeps every value") {
  std::mt19937_64 rng(7);
  TextColumn col;
  std::vector<std::string> values;
  for (int i = 0; i < 20000; ++i) {
    values.push_back(rng() % 3 == 0 ? std::string("common") : "v" + std::to_string(rng() % 100000));
    if (i % 97 == 0) {
      col.append_missing();
      values.back().clear();
    } else {
      REQUIRE(col.append(values.back()) == TextColumn::Appended::ok);
    }
  }
  CHECK_FALSE(col.is_dictionary());
  for (std::size_t i = 0; i < values.size(); ++i) {
    CHECK(col.present(i) == (i % 97 != 0));
    CHECK(col.value(i) == values[i]);
  }
}
