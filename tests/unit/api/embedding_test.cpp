// Embedding: a host binds its own in-memory columns as a table instead of a
// CSV file, runs the framework through the public header and reads the
// results. Also: a run is deterministic, byte for byte.

#include <doctest/doctest.h>

#include "cxv/cxv.hpp"
#include "data/table_builder.hpp"
#include "numeric/decimal.hpp"

using namespace cxv;

namespace {

// The CSV file named here does not exist: the host supplies the table.
const char* kFramework = R"(
framework "Host-bound" {
  currency EUR
  start 2027-01
  horizon 12 months
  discount 5% per year
}

stakeholder customers "Customers" { weight 100% }

table customers from "not/on/disk.csv" {
  key id: text
  segment: text
  revenue: EUR/month
  nps: points optional
  churned: bool
}

kpi churn "Churn" {
  perspective customer
  stakeholders customers
  measure share(customers where churned)
  better lower
  target 30%
}

kpi arpu "ARPU" {
  perspective financial
  stakeholders customers
  measure mean(customers.revenue)
  better higher
}

kpi promoters "Promoters" {
  perspective customer
  stakeholders customers
  measure count(customers where nps >= 9)
  better higher
}
)";

data::TableSchema customers_schema(bool with_nps = true) {
  data::TableSchema s;
  s.name = "customers";
  auto col = [&](const char* name, data::ColumnKind kind, bool optional = false, bool key = false) {
    data::ColumnSchema c;
    c.name = name;
    c.kind = kind;
    c.optional = optional;
    c.key = key;
    s.columns.push_back(c);
  };
  col("id", data::ColumnKind::text, false, true);
  col("segment", data::ColumnKind::text);
  col("revenue", data::ColumnKind::number);
  if (with_nps) col("nps", data::ColumnKind::number, true);
  col("churned", data::ColumnKind::boolean);
  return s;
}

// Four customers: churned 1 of 4; revenue 10.10 + 20.20 + 30.30 + 40.40 = 101 -> mean 25.25;
// nps 9, missing, 10, 3 -> promoters 2.
data::Table host_table(bool with_nps = true) {
  data::TableBuilder b(customers_schema(with_nps));
  b.add_text_column("id", std::vector<std::string>{"c1", "c2", "c3", "c4"});
  b.add_text_column("segment", std::vector<std::string>{"a", "a", "b", "b"});
  b.add_number_column("revenue", {Decimal::parse("10.10"), Decimal::parse("20.20"), Decimal::parse("30.30"), Decimal::parse("40.40")});
  if (with_nps) b.add_number_column("nps", {Decimal(9), std::nullopt, Decimal(10), Decimal(3)});
  b.add_bool_column("churned", {true, false, false, false});
  SourceMap sources;
  Diagnostics diags;
  std::optional<data::Table> t = b.build(sources, diags);
  REQUIRE(t);
  return std::move(*t);
}

bool has_code(const Diagnostics& d, const std::string& code) {
  for (const auto& x : d.all())
    if (x.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("a host-bound table replaces the CSV file") {
  RunOptions options;
  options.bind_table("customers", host_table());
  RunResult r = run_source("host.cxv", kFramework, options);
  REQUIRE(r.ok());
  CHECK(kpi_baseline(r, "churn") == *Decimal::parse("0.25"));
  CHECK(kpi_baseline(r, "arpu") == *Decimal::parse("25.25"));
  CHECK(kpi_baseline(r, "promoters") == Decimal(2));
  CHECK_FALSE(kpi_baseline(r, "no_such_kpi"));
  const std::string json = render_run(r, {RunFormat::json});
  CHECK(json.find("\"baseline\": 25.25") != std::string::npos);
  CHECK(json.find("\"status\": \"green\"") != std::string::npos);   // churn 25% <= 30%
}

TEST_CASE("a breakdown works on a host-bound table") {
  RunOptions options;
  options.bind_table("customers", host_table());
  options.breakdown_by = "segment";
  RunResult r = run_source("host.cxv", kFramework, options);
  REQUIRE(r.ok());
  REQUIRE(r.breakdown);
  const std::string csv = render_run(r, {RunFormat::csv});
  // segment a: arpu (10.10 + 20.20) / 2 = 15.15; b: (30.30 + 40.40) / 2 = 35.35
  CHECK(csv.find("arpu,a,2,15.15,EUR/month\r\n") != std::string::npos);
  CHECK(csv.find("arpu,b,2,35.35,EUR/month\r\n") != std::string::npos);
}

TEST_CASE("without the binding, the missing CSV file is a data error") {
  RunResult r = run_source("host.cxv", kFramework, {});
  CHECK_FALSE(r.ok());
  CHECK(has_code(r.diagnostics, "E100"));
  CHECK(render_run(r).empty());
}

TEST_CASE("a bound table missing a declared column is E117; an undeclared table is E156") {
  RunOptions options;
  options.bind_table("customers", host_table(false));
  options.bind_table("prospects", host_table());
  RunResult r = run_source("host.cxv", kFramework, options);
  CHECK_FALSE(r.ok());
  CHECK(has_code(r.diagnostics, "E117"));
  CHECK(has_code(r.diagnostics, "E156"));
}

TEST_CASE("a run renders byte-identical output every time") {
  const std::string file = std::string(CXV_SOURCE_DIR) + "/tests/golden/run/accounts.cxv";
  RunResult a = run_file(file);
  RunResult b = run_file(file);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  for (RunFormat f : {RunFormat::table, RunFormat::json, RunFormat::csv, RunFormat::markdown}) {
    const std::string first = render_run(a, {f});
    CHECK_FALSE(first.empty());
    CHECK(first == render_run(b, {f}));
    CHECK(first == render_run(a, {f}));
  }
}
