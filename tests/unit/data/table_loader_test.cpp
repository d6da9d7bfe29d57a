#include "data/table_loader.hpp"

#include <doctest/doctest.h>

#include <string>

#include "data/cell_parsers.hpp"

#include "temp_files.hpp"
#include "test_schema.hpp"

using namespace cxv;
using namespace cxv::data;
using cxv::data::testing::TempDir;
using cxv::data::testing::telecom;

namespace {

struct Loaded {
  TempDir dir;
  std::string path;
  testing::Declared decl = telecom();
  Diagnostics diags;
  std::optional<Table> table;
};

std::unique_ptr<Loaded> load_csv(std::string_view csv, std::size_t max_errors = 20) {
  auto l = std::make_unique<Loaded>();
  l->path = l->dir.write("customers.csv", csv);
  l->table = load_table(l->decl.schema, l->path, l->decl.sources, l->diags, LoadOptions{max_errors});
  return l;
}

// The only diagnostic of loading `csv`, which must fail.
Diagnostic only_error(std::string_view csv) {
  auto l = load_csv(csv);
  CHECK_FALSE(l->table);
  REQUIRE(l->diags.all().size() == 1);
  Diagnostic d = l->diags.all()[0];
  CHECK(d.severity == Severity::error);
  if (!d.external_file.empty()) CHECK(d.external_file == l->path);
  return d;
}

const char* kHeader = "customer_id,segment,monthly_revenue,nps,churned,signup\n";

}  // namespace

TEST_CASE("a well-formed file loads into typed columns") {
  auto l = load_csv(std::string(kHeader) +
                    "C1,smb,49.99,9,true,2026-03-15\n"
                    "C2,enterprise,1200,,false,2026-04\n"
                    "\"C3\",\"smb\",\"0.01\",\"-3\",\"yes\",\"\"\n");
  REQUIRE(l->table);
  CHECK(l->diags.empty());
  const Table& t = *l->table;
  CHECK(t.row_count() == 3);
  CHECK(t.column_count() == 6);

  const TextColumn* seg = t.text("segment");
  REQUIRE(seg);
  CHECK(seg->is_dictionary());
  CHECK(seg->dictionary_size() == 2);
  CHECK(seg->codes()[0] == seg->codes()[2]);
  CHECK(seg->value(1) == "enterprise");

  const NumberColumn* rev = t.number("monthly_revenue");
  REQUIRE(rev);
  CHECK(rev->sum() == *Decimal::parse("1250.00"));
  CHECK(rev->at(2) == Decimal::parse("0.01"));

  const NumberColumn* nps = t.number("nps");
  REQUIRE(nps);
  CHECK(nps->is_missing(1));
  CHECK(nps->missing_count() == 1);
  CHECK(nps->sum() == Decimal(6));

  const BoolColumn* churned = t.boolean("churned");
  REQUIRE(churned);
  CHECK(churned->value(0));
  CHECK_FALSE(churned->value(1));
  CHECK(churned->value(2));

  const DateColumn* signup = t.date("signup");
  REQUIRE(signup);
  CHECK(signup->days(0) == days_from_civil(2026, 3, 15));
  CHECK(signup->days(1) == days_from_civil(2026, 4, 1));
  CHECK_FALSE(signup->present(2));
  CHECK_FALSE(signup->month_only());

  CHECK(t.number("segment") == nullptr);
  CHECK(t.find("nope") == nullptr);
}

TEST_CASE("header order does not matter and undeclared columns are ignored") {
  auto l = load_csv("signup,extra,churned,nps,monthly_revenue,segment,customer_id,notes\n"
                    "2026-01,\"x, y\",0,7,10.5,smb,C1,anything \xFF at all\n"
                    ",zzz,1,,20,smb,C2,\n");
  REQUIRE(l->table);
  const Table& t = *l->table;
  CHECK(t.row_count() == 2);
  // Columns come in declared order whatever the header's order.
  CHECK(std::holds_alternative<TextColumn>(t.column(0)));
  CHECK(std::get<TextColumn>(t.column(0)).value(1) == "C2");
  CHECK(t.number("monthly_revenue")->sum() == *Decimal::parse("30.5"));
  CHECK(t.date("signup")->month_only());
}

TEST_CASE("every bool spelling, in any letter case") {
  std::string csv = kHeader;
  const char* spellings[] = {"true", "false", "1", "0", "yes", "no", "TRUE", "False", "YES", "No", "tRuE", "nO"};
  const bool expected[] = {true, false, true, false, true, false, true, false, true, false, true, false};
  int id = 0;
  for (const char* s : spellings) csv += "C" + std::to_string(id++) + ",smb,1," + "," + s + ",\n";
  auto l = load_csv(csv);
  REQUIRE(l->table);
  const BoolColumn* b = l->table->boolean("churned");
  for (std::size_t i = 0; i < std::size(spellings); ++i) CHECK_MESSAGE(b->value(i) == expected[i], spellings[i]);
}

TEST_CASE("CRLF, a byte-order mark, quoted fields and a last line without a line end") {
  auto l = load_csv("\xEF\xBB\xBF" + std::string("customer_id,segment,monthly_revenue,nps,churned,signup\r\n") +
                    "\"C,1\",\"small \"\"biz\"\"\",1.5,,no,\r\n"
                    "\"C\n2\",smb,2.5,,no,\r\n"
                    "C3,smb,3,,no,");
  REQUIRE(l->table);
  const Table& t = *l->table;
  CHECK(t.row_count() == 3);
  CHECK(t.text("customer_id")->value(0) == "C,1");
  CHECK(t.text("customer_id")->value(1) == "C\n2");
  CHECK(t.text("segment")->value(0) == "small \"biz\"");
  CHECK(t.number("monthly_revenue")->sum() == Decimal(7));
}

TEST_CASE("a cell that is not a number names the file, line, column and declaration") {
  Diagnostic d = only_error(std::string(kHeader) + "C1,smb,12,,true,\nC2,smb,fifty,,true,\n");
  CHECK(d.code == "E110");
  CHECK(d.external_line == 3);
  CHECK(d.external_col == 8);
  CHECK(d.message == "'fifty' is not a number (column monthly_revenue, declared at telecom.cxv:5)");
  REQUIRE(d.notes.size() == 1);
  REQUIRE(d.notes[0].span);
  CHECK(d.notes[0].message == "column monthly_revenue is declared here as USD/month");
  CHECK_FALSE(d.help.empty());
}

TEST_CASE("helpful hints for common number mistakes") {
  auto help_for = [](const std::string& cell) {
    return only_error(std::string(kHeader) + "C1,smb," + cell + ",,true,\n").help;
  };
  CHECK(help_for("1.5%").find("fractions") != std::string::npos);
  CHECK(help_for("\"1,250.50\"").find("thousands") != std::string::npos);
  CHECK(help_for("\" 12\"").find("spaces") != std::string::npos);
  CHECK(help_for("1e6").find("exponent") != std::string::npos);
  CHECK(help_for("$12").find("currency") != std::string::npos);
}

TEST_CASE("each cell error code, located") {
  Diagnostic d = only_error(std::string(kHeader) + "C1,smb,1,,maybe,\n");
  CHECK(d.code == "E112");
  CHECK(d.external_line == 2);
  CHECK(d.external_col == 11);
  CHECK(d.message == "'maybe' is not a bool (column churned, declared at telecom.cxv:7)");

  d = only_error(std::string(kHeader) + "C1,smb,1,,true,2027-02-29\n");
  CHECK(d.code == "E113");
  CHECK(d.external_col == 16);
  CHECK(d.message == "'2027-02-29' is not a date (column signup, declared at telecom.cxv:8)");

  d = only_error(std::string(kHeader) + "C1,smb,,,true,\n");
  CHECK(d.code == "E114");
  CHECK(d.external_line == 2);
  CHECK(d.external_col == 8);
  CHECK(d.message == "empty cell in column monthly_revenue, which is not optional (declared at telecom.cxv:5)");

  d = only_error(std::string(kHeader) + "C1,sm\xC3\x28,1,,true,\n");
  CHECK(d.code == "E106");
  CHECK(d.external_col == 4);
  CHECK(d.message == "'sm\\xC3(' is not valid UTF-8 text (column segment, declared at telecom.cxv:4)");

  d = only_error(std::string(kHeader) + "C1,smb,1" + std::string(5000, '0') + ",,true,\n");
  CHECK(d.code == "E111");
  CHECK(d.external_col == 8);
}

TEST_CASE("structural errors: field counts, quotes") {
  Diagnostic d = only_error(std::string(kHeader) + "C1,smb,1,,true,\nC2,smb,1,250.50,,true,\n");
  CHECK(d.code == "E105");
  CHECK(d.external_line == 3);
  CHECK(d.external_col == 1);
  CHECK(d.message == "this row has 7 fields, the header has 6");
  CHECK(d.help.find("quotes") != std::string::npos);

  d = only_error(std::string(kHeader) + "C1,smb,1,,true,\n\nC2,smb,1,,true,\n");
  CHECK(d.code == "E105");
  CHECK(d.external_line == 3);
  CHECK(d.message == "empty line in the middle of the data (the header has 6 fields)");

  d = only_error(std::string(kHeader) + "C1,\"smb,1,,true,\nC2,smb,1,,true,\n");
  CHECK(d.code == "E103");
  CHECK(d.external_line == 2);
  CHECK(d.external_col == 4);

  d = only_error(std::string(kHeader) + "C1,sm\"b,1,,true,\n");
  CHECK(d.code == "E104");
  CHECK(d.external_line == 2);
  CHECK(d.external_col == 6);

  d = only_error(std::string(kHeader) + "C1,\"smb\"x,1,,true,\n");
  CHECK(d.code == "E104");
  CHECK(d.message == "text after the closing quote of a field");
  CHECK(d.external_col == 9);
}

TEST_CASE("a cell after a multi-line quoted field is located on its own physical line") {
  Diagnostic d = only_error(std::string(kHeader) + "\"C\n1\",smb,x,,true,\n");
  CHECK(d.code == "E110");
  CHECK(d.external_line == 3);
  CHECK(d.external_col == 8);
}

TEST_CASE("header problems point at the declaration") {
  auto l = load_csv("customer_id,segment,Monthly_Revenue,nps,churned\nC1,smb,1,,true\n");
  CHECK_FALSE(l->table);
  REQUIRE(l->diags.all().size() == 2);
  const Diagnostic& rev = l->diags.all()[0];
  CHECK(rev.code == "E108");
  CHECK(rev.message == "column monthly_revenue is not in the header of " + l->path);
  REQUIRE(rev.span);
  CHECK(l->decl.sources.file(0).position(rev.span->begin).line == 5);
  CHECK(rev.help == "did you mean 'Monthly_Revenue'? Header names must match the declaration exactly (spaces around them do not count)");
  const Diagnostic& signup = l->diags.all()[1];
  CHECK(signup.code == "E108");
  CHECK(signup.help == "the header has: customer_id, segment, Monthly_Revenue, nps, churned");

  l = load_csv("customer_id,segment,monthly_revenue,nps,churned,signup,segment\nC1,smb,1,,true,,x\n");
  CHECK_FALSE(l->table);
  REQUIRE(l->diags.all().size() == 1);
  CHECK(l->diags.all()[0].code == "E109");
  CHECK(l->diags.all()[0].external_line == 1);
  CHECK(l->diags.all()[0].external_col == 56);
  CHECK(l->diags.all()[0].message == "column segment appears twice in the header (first at column 13)");

  l = load_csv("customer_id,segment,monthly_revenue,nps,churned,signup,bad\xFF\nC1,smb,1,,true,,x\n");
  REQUIRE(l->diags.all().size() == 1);
  CHECK(l->diags.all()[0].code == "E106");
  CHECK(l->diags.all()[0].message == "header name 'bad\\xFF' is not valid UTF-8");
}

TEST_CASE("files: missing, a directory, empty") {
  auto decl = telecom();
  TempDir dir;
  Diagnostics diags;
  CHECK_FALSE(load_table(decl.schema, (dir.path() / "nope.csv").string(), decl.sources, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == "E100");
  CHECK(diags.all()[0].span == decl.schema.declared_at);
  CHECK(diags.all()[0].message ==
        "the data file of table customers does not exist: " + (dir.path() / "nope.csv").string());

  diags = {};
  CHECK_FALSE(load_table(decl.schema, dir.path().string(), decl.sources, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == "E101");

  for (const char* empty : {"", "\xEF\xBB\xBF", "\n\r\n"}) {
    diags = {};
    CHECK_FALSE(load_table(decl.schema, dir.write("empty.csv", empty), decl.sources, diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == "E102");
  }
}

TEST_CASE("a header-only file is an empty table") {
  auto l = load_csv(kHeader);
  REQUIRE(l->table);
  CHECK(l->table->row_count() == 0);
  CHECK(l->table->number("monthly_revenue")->sum() == Decimal(0));
}

TEST_CASE("duplicate keys are reported with both lines") {
  Diagnostic d = only_error(std::string(kHeader) + "C1,smb,1,,true,\nC2,smb,1,,true,\nC1,smb,1,,true,\n");
  CHECK(d.code == "E115");
  CHECK(d.external_line == 4);
  CHECK(d.message == "key customer_id 'C1' appears again (first on line 2)");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message == "column customer_id is declared here as the key");
}

TEST_CASE("a key is never missing, even when declared optional") {
  auto l = std::make_unique<Loaded>();
  l->decl.schema.columns[0].optional = true;
  l->path = l->dir.write("customers.csv", std::string(kHeader) + ",smb,1,,true,\n");
  l->table = load_table(l->decl.schema, l->path, l->decl.sources, l->diags);
  CHECK_FALSE(l->table);
  REQUIRE(l->diags.all().size() == 1);
  CHECK(l->diags.all()[0].code == "E114");
  CHECK(l->diags.all()[0].message == "empty cell in key column customer_id (declared at telecom.cxv:3)");
  CHECK(l->diags.all()[0].help == "every row needs a key value");
}

TEST_CASE("duplicate keys in an unsorted file, with quoted multi-line rows before them") {
  Diagnostic d = only_error(std::string(kHeader) +
                            "C2,\"s\nm\",1,,true,\nC1,smb,1,,true,\nC3,smb,1,,true,\n\"C1\",smb,1,,true,\n");
  CHECK(d.code == "E115");
  CHECK(d.external_line == 6);
  CHECK(d.external_col == 1);
  CHECK(d.message == "key customer_id 'C1' appears again (first on line 4)");
}

TEST_CASE("loading stops after the error limit, with a note on the last error") {
  std::string csv = kHeader;
  for (int i = 0; i < 100; ++i) csv += "C" + std::to_string(i) + ",smb,oops,,true,\n";
  auto l = load_csv(csv);
  CHECK_FALSE(l->table);
  REQUIRE(l->diags.all().size() == 20);
  const Diagnostic& last = l->diags.all().back();
  CHECK(last.external_line == 21);
  REQUIRE(last.notes.size() == 2);
  CHECK(last.notes[1].message == "too many errors in " + l->path + ": stopped after 20; fix these and load again");
  CHECK(l->diags.all()[0].notes.size() == 1);

  l = load_csv(csv, 3);
  CHECK(l->diags.all().size() == 3);
}

TEST_CASE("validate_header reads only the header") {
  auto decl = telecom();
  TempDir dir;
  Diagnostics diags;
  // Rows are not read: a bad cell goes unnoticed, a bad header does not.
  CHECK(validate_header(decl.schema, dir.write("a.csv", std::string(kHeader) + "C1,smb,fifty,,true,\n"), decl.sources,
                        diags));
  CHECK(diags.empty());
  CHECK_FALSE(validate_header(decl.schema, dir.write("b.csv", "customer_id,segment\n"), decl.sources, diags));
  CHECK(diags.all().size() == 4);
  for (const auto& d : diags.all()) CHECK(d.code == "E108");
}
