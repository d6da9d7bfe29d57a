// The header rule shared by `cxv check` and `cxv run` (data/header_names.hpp).

#include "data/header_names.hpp"

#include <doctest/doctest.h>

#include "data/table_loader.hpp"
#include "temp_files.hpp"
#include "test_schema.hpp"

using namespace cxv;
using namespace cxv::data;

TEST_CASE("a header name is the field without the spaces and tabs around it") {
  CHECK(header_name("segment") == "segment");
  CHECK(header_name(" segment") == "segment");
  CHECK(header_name("segment \t") == "segment");
  CHECK(header_name("\t monthly revenue  ") == "monthly revenue");   // spaces inside stay
  CHECK(header_name("   ").empty());
  CHECK(header_name("").empty());
  CHECK(header_name("Segment") == "Segment");   // case is kept
}

TEST_CASE("read_header_names reads the first record by the CSV rules") {
  testing::TempDir dir;
  auto names = read_header_names(dir.write("h.csv", "\xEF\xBB\xBF id ,\" seg,ment \",\tscore\r\nA,b,1\r\n"));
  REQUIRE(names);
  CHECK(*names == std::vector<std::string>{"id", "seg,ment", "score"});
  CHECK_FALSE(read_header_names(dir.write("empty.csv", "")));
  CHECK_FALSE(read_header_names((dir.path() / "absent.csv").string()));
  CHECK_FALSE(read_header_names(dir.path().string()));   // a directory
}

TEST_CASE("the loader and validate_header match declared columns to trimmed header names") {
  testing::TempDir dir;
  auto decl = testing::telecom();
  const std::string path = dir.write("customers.csv",
                                     " customer_id,segment ,\tmonthly_revenue, nps ,churned,signup\n"
                                     "C1,smb,49.99,9,true,2026-03-15\n");
  Diagnostics diags;
  CHECK(validate_header(decl.schema, path, decl.sources, diags));
  auto table = load_table(decl.schema, path, decl.sources, diags);
  REQUIRE(table);
  CHECK(diags.empty());
  CHECK(table->text("segment")->value(0) == "smb");
  CHECK(table->number("monthly_revenue")->sum() == *Decimal::parse("49.99"));
}

TEST_CASE("two header fields that are one name once trimmed are a duplicate column") {
  testing::TempDir dir;
  auto decl = testing::telecom();
  const std::string path = dir.write("customers.csv",
                                     "customer_id,segment,monthly_revenue,nps,churned,signup, segment\n"
                                     "C1,smb,49.99,9,true,2026-03-15,smb\n");
  Diagnostics diags;
  CHECK_FALSE(load_table(decl.schema, path, decl.sources, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == "E109");
}
