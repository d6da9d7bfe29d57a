#include "data/table_builder.hpp"

#include <doctest/doctest.h>

#include "data/cell_parsers.hpp"
#include "test_schema.hpp"

using namespace cxv;
using namespace cxv::data;
using cxv::data::testing::telecom;

namespace {

std::optional<Decimal> dec(const char* text) { return Decimal::parse(text); }

// A builder with every column of the telecom schema bound to two good rows.
TableBuilder two_rows(const TableSchema& schema) {
  TableBuilder b(schema);
  b.add_text_column("customer_id", std::vector<std::string>{"C1", "C2"})
      .add_text_column("segment", std::vector<std::string>{"smb", "smb"})
      .add_number_column("monthly_revenue", {dec("49.99"), dec("0.01")})
      .add_cells("nps", {"9", std::nullopt})
      .add_bool_column("churned", {true, false})
      .add_cells("signup", {"2027-01-15", ""});
  return b;
}

}  // namespace

TEST_CASE("a host binds its own columns") {
  auto decl = telecom();
  Diagnostics diags;
  auto table = two_rows(decl.schema).build(decl.sources, diags);
  REQUIRE(table);
  CHECK(diags.empty());
  CHECK(table->row_count() == 2);
  CHECK(table->number("monthly_revenue")->sum() == Decimal(50));
  CHECK(table->number("nps")->is_missing(1));
  CHECK(table->boolean("churned")->value(0));
  CHECK(table->date("signup")->days(0) == days_from_civil(2027, 1, 15));
  CHECK(table->text("segment")->value(1) == "smb");
}

TEST_CASE("host values follow the CSV rules, located by row and column") {
  auto decl = telecom();
  Diagnostics diags;
  TableBuilder b(decl.schema);
  b.add_text_column("customer_id", std::vector<std::string>{"C1", "C2", "C3"})
      .add_text_column("segment", {std::string("smb"), std::nullopt, std::string("x\xFF")})
      .add_number_column("monthly_revenue", {dec("1"), dec("2"), dec("3")})
      .add_cells("nps", {"9", "nine", ""})
      .add_bool_column("churned", {true, false, true})
      .add_cells("signup", {"", "", "2027-13"});
  CHECK_FALSE(b.build(decl.sources, diags));
  REQUIRE(diags.all().size() == 4);
  const Diagnostic& missing = diags.all()[0];
  CHECK(missing.code == "E114");
  CHECK(missing.external_file == "<host table customers>");
  CHECK(missing.external_line == 2);
  CHECK(missing.external_col == 2);
  CHECK(missing.message == "empty cell in column segment, which is not optional (declared at telecom.cxv:4)");
  CHECK(diags.all()[1].code == "E106");
  CHECK(diags.all()[1].external_line == 3);
  CHECK(diags.all()[2].code == "E110");
  CHECK(diags.all()[2].message == "'nine' is not a number (column nps, declared at telecom.cxv:6)");
  CHECK(diags.all()[2].external_col == 4);
  CHECK(diags.all()[3].code == "E113");
}

TEST_CASE("bound columns must match the declaration") {
  auto decl = telecom();
  Diagnostics diags;
  TableBuilder b(decl.schema);
  b.add_text_column("customer_id", std::vector<std::string>{"C1", "C2"})
      .add_text_column("segmnt", std::vector<std::string>{"smb", "smb"})
      .add_text_column("monthly_revenue", std::vector<std::string>{"1", "2"})
      .add_cells("nps", {"9"})
      .add_bool_column("churned", {true, false})
      .add_bool_column("churned", {true, false});
  CHECK_FALSE(b.build(decl.sources, diags));
  std::vector<std::string> messages;
  for (const auto& d : diags.all()) messages.push_back(d.code + " " + d.message);
  REQUIRE(messages.size() == 6);
  CHECK(messages[0] == "E117 the host bound a column segmnt that table customers does not declare");
  CHECK(diags.all()[0].help == "did you mean 'segment'?");
  CHECK(messages[1] == "E117 column monthly_revenue is declared as number but the host bound text values");
  CHECK(messages[2] == "E117 column nps has 1 values but the columns bound before it have 2");
  CHECK(messages[3] == "E117 the host bound column churned twice");
  CHECK(messages[4] == "E108 column segment is not bound by the host for table customers");
  CHECK(diags.all()[4].help == "did you mean 'segmnt'?");
  CHECK(messages[5] == "E108 column signup is not bound by the host for table customers");
}

TEST_CASE("duplicate keys in host data") {
  auto decl = telecom();
  Diagnostics diags;
  TableBuilder b(decl.schema);
  b.add_text_column("customer_id", std::vector<std::string>{"C1", "C1"})
      .add_text_column("segment", std::vector<std::string>{"smb", "smb"})
      .add_number_column("monthly_revenue", {dec("49.99"), dec("0.01")})
      .add_cells("nps", {"9", std::nullopt})
      .add_bool_column("churned", {true, false})
      .add_cells("signup", {"2027-01-15", ""});
  CHECK_FALSE(b.build(decl.sources, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == "E115");
  CHECK(diags.all()[0].message == "key customer_id 'C1' appears again (first in row 1)");
  CHECK(diags.all()[0].external_line == 2);
}

TEST_CASE("a schema without source spans still gets messages") {
  TableSchema schema;
  schema.name = "t";
  ColumnSchema c;
  c.name = "x";
  c.kind = ColumnKind::number;
  c.declared_at = Span{7, 0, 0};   // not in the (empty) source map
  schema.columns.push_back(c);
  SourceMap none;
  Diagnostics diags;
  TableBuilder b(schema);
  b.add_cells("x", {"1", "abc"});
  CHECK_FALSE(b.build(none, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message == "'abc' is not a number (column x)");
  CHECK(diags.all()[0].notes.empty());
}
