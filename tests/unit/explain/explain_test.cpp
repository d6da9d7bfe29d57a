// `cxv explain`: the derivation's steps and figures on small hand-made
// tables. Every expected figure is recomputed here from the rows the test
// writes, never pasted from the output.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "cxv/cxv.hpp"
#include "explain/explanation.hpp"
#include "numeric/decimal.hpp"

using namespace cxv;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    static int n = 0;
    path = fs::temp_directory_path() / ("cxv_explain_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

struct Customer {
  std::string id;
  std::string revenue;            // USD/month, as written in the CSV
  std::optional<int> nps;         // missing when nullopt
  std::optional<bool> churned;    // missing when nullopt
  int tenure;
};

// Twelve customers: some churned, some with missing cells.
const std::vector<Customer> kCustomers = {
    {"c01", "40.00", 9, true, 1},   {"c02", "55.50", 10, false, 2}, {"c03", "20.25", 3, false, 14},
    {"c04", "80.00", std::nullopt, true, 30}, {"c05", "35.10", 7, false, 5}, {"c06", "60.00", 9, std::nullopt, 2},
    {"c07", "45.45", 0, false, 40}, {"c08", "99.99", 6, true, 8},   {"c09", "12.00", 8, false, 1},
    {"c10", "70.70", 10, false, 22}, {"c11", "33.33", std::nullopt, false, 3}, {"c12", "50.00", 5, false, 12},
};

std::string customers_csv() {
  std::string csv = "customer_id,monthly_revenue,nps,churned,tenure\n";
  for (const Customer& c : kCustomers) {
    csv += c.id + "," + c.revenue + "," + (c.nps ? std::to_string(*c.nps) : "") + "," +
           (c.churned ? (*c.churned ? "true" : "false") : "") + "," + std::to_string(c.tenure) + "\n";
  }
  return csv;
}

const char* kFramework = R"(framework "Explain test" {
  currency USD
  start 2027-01
  horizon 12 months
  discount 12% per year
}

stakeholder customers "Customers" { weight 40% }
stakeholder shareholders "Shareholders" { weight 60% }

table customers from "customers.csv" {
  key customer_id: text
  monthly_revenue: USD/month
  nps: points optional
  churned: bool optional
  tenure: months
}

kpi churn "Churn" {
  perspective customer
  stakeholders customers, shareholders
  measure share(customers where churned)
  better lower
  thresholds { green 10%  amber 30% }
}

kpi arpu "ARPU" {
  perspective financial
  stakeholders shareholders
  measure mean(customers.monthly_revenue)
  better higher
}

kpi promoters "Promoters" {
  perspective customer
  stakeholders customers
  measure count(customers where nps >= 9)
  better higher
}

kpi revenue_at_risk "Revenue at risk" {
  perspective financial
  measure churn * arpu
  better lower
}

value kept "Revenue kept" for shareholders =
  -delta(churn) * count(customers) * arpu

initiative save_desk "Save desk" {
  cost 1000 USD once + 100 USD per month
  start 2027-03
  ramp 2 months
  effect churn -5pp
  evidence assumed
}
)";

struct Fixture {
  TempDir dir;
  RunResult run;
  Fixture() {
    dir.write("customers.csv", customers_csv());
    run = run_file(dir.write("f.cxv", kFramework));
  }
  explain::Explanation explain(const std::string& name) const {
    explain::ExplainOutcome x = explain::explain(run, name);
    REQUIRE(x.explanation);
    return *x.explanation;
  }
};

// The first step (depth first) whose label starts with `prefix`.
const explain::Step* find_step(const std::vector<explain::Step>& steps, const std::string& prefix) {
  for (const explain::Step& s : steps) {
    if (s.label.rfind(prefix, 0) == 0) return &s;
    if (const explain::Step* inner = find_step(s.steps, prefix)) return inner;
  }
  return nullptr;
}

Decimal value_of(const explain::Explanation& x, const std::string& prefix) {
  const explain::Step* s = find_step(x.steps, prefix);
  REQUIRE_MESSAGE(s != nullptr, "no step starting with " << prefix);
  REQUIRE_MESSAGE(s->value.has_value(), "step " << prefix << " has no value");
  return *s->value;
}

Decimal dec(const std::string& text) { return *Decimal::parse(text); }

}  // namespace

TEST_CASE("a share KPI is traced to the rows where the condition is true and known") {
  Fixture f;
  REQUIRE(f.run.ok());
  std::int64_t yes = 0, known = 0;
  for (const Customer& c : kCustomers) {
    if (!c.churned) continue;
    ++known;
    if (*c.churned) ++yes;
  }
  const explain::Explanation x = f.explain("churn");
  CHECK(x.kind == "kpi");
  CHECK(x.title == "Churn");
  CHECK(value_of(x, "rows in table customers") == Decimal(static_cast<std::int64_t>(kCustomers.size())));
  CHECK(value_of(x, "rows where `churned` is true") == Decimal(yes));
  CHECK(value_of(x, "rows where `churned` is known") == Decimal(known));
  CHECK(value_of(x, "baseline") == Decimal(yes) / Decimal(known));
  // 3 of 11 = 27.27%: worse than green 10%, within amber 30%.
  const explain::Step* status = find_step(x.steps, "status");
  REQUIRE(status);
  CHECK(status->shown == "amber");
  CHECK(find_step(status->steps, "green at")->shown == "no");
  CHECK(find_step(status->steps, "amber at")->shown == "yes");
}

TEST_CASE("a mean is traced to the rows with a value and their sum") {
  Fixture f;
  Decimal sum;
  for (const Customer& c : kCustomers) sum += dec(c.revenue);
  const explain::Explanation x = f.explain("arpu");
  CHECK(value_of(x, "rows with a value of `customers.monthly_revenue`") == Decimal(static_cast<std::int64_t>(kCustomers.size())));
  CHECK(value_of(x, "sum of those values") == sum);
  CHECK(value_of(x, "baseline") == sum / Decimal(static_cast<std::int64_t>(kCustomers.size())));
}

TEST_CASE("a count with a where on an optional column counts only known rows that pass") {
  Fixture f;
  std::int64_t promoters = 0, known = 0;
  for (const Customer& c : kCustomers) {
    if (!c.nps) continue;
    ++known;
    if (*c.nps >= 9) ++promoters;
  }
  const explain::Explanation x = f.explain("promoters");
  CHECK(value_of(x, "rows where `nps >= 9` is true") == Decimal(promoters));
  CHECK(value_of(x, "rows where `nps >= 9` is known") == Decimal(known));
  CHECK(value_of(x, "baseline") == Decimal(promoters));
}

TEST_CASE("a formula KPI shows each operand's value, then the arithmetic") {
  Fixture f;
  const Decimal churn = *kpi_baseline(f.run, "churn");
  const Decimal arpu = *kpi_baseline(f.run, "arpu");
  const explain::Explanation x = f.explain("revenue_at_risk");
  const explain::Step* measure = find_step(x.steps, "measure");
  REQUIRE(measure);
  REQUIRE(measure->value);
  CHECK(*measure->value == churn * arpu);
  CHECK(measure->expression.find("×") != std::string::npos);
  CHECK(value_of(x, "baseline") == churn * arpu);
}

TEST_CASE("an initiative: cost in the window, cost PV, NPV and ROI recomputed by hand") {
  Fixture f;
  REQUIRE(f.run.ok());
  const explain::Explanation x = f.explain("save_desk");
  CHECK(x.kind == "initiative");
  // Starts at period 2 (2027-03): 1000 once + 100 in each of periods 2..11.
  CHECK(value_of(x, "cost in the budget window") == Decimal(1000 + 100 * 10));
  const Decimal rate = dec("0.12");
  Decimal cost_pv;
  for (int t = 2; t < 12; ++t) {
    const Decimal factor = (Decimal(1) + rate).pow(Decimal(-t) / Decimal(12));
    cost_pv += Decimal(t == 2 ? 1100 : 100) * factor;
  }
  CHECK(value_of(x, "cost PV") == cost_pv);
  // Value: -delta(churn) * count * arpu, the delta ramping over 2 months.
  const Decimal arpu = *kpi_baseline(f.run, "arpu");
  const Decimal full = dec("0.05") * Decimal(static_cast<std::int64_t>(kCustomers.size())) * arpu;
  Decimal value_npv;
  for (int t = 2; t < 12; ++t) {
    const Decimal amount = t == 2 ? full * Decimal(1) / Decimal(2) : full;
    value_npv += amount * (Decimal(1) + rate).pow(Decimal(-t) / Decimal(12));
  }
  const Decimal npv = value_of(x, "value NPV");
  CHECK((npv - value_npv).abs() < dec("0.000000001"));
  CHECK(value_of(x, "net NPV") == npv - cost_pv);
  CHECK(value_of(x, "ROI") == (npv - cost_pv) / cost_pv);
  const explain::Step* table = find_step(x.steps, "per period");
  REQUIRE(table);
  REQUIRE(table->table);
  CHECK(table->table->rows.size() == 12);
}

TEST_CASE("a value lists each initiative's full-strength amount and its per-period PV") {
  Fixture f;
  const explain::Explanation x = f.explain("kept");
  CHECK(x.kind == "value");
  const explain::Step* by = find_step(x.steps, "by initiative");
  REQUIRE(by);
  REQUIRE(by->table);
  REQUIRE(by->table->rows.size() == 1);
  const Decimal arpu = *kpi_baseline(f.run, "arpu");
  CHECK(*by->table->rows[0][1].value == dec("0.05") * Decimal(static_cast<std::int64_t>(kCustomers.size())) * arpu);
}

TEST_CASE("a stakeholder shows its weight and the KPIs that serve it") {
  Fixture f;
  const explain::Explanation x = f.explain("stakeholder:customers");
  CHECK(x.kind == "stakeholder");
  CHECK(value_of(x, "weight") == dec("0.4"));
}

TEST_CASE("a name used twice explains the first kind and names the other") {
  Fixture f;
  const explain::Explanation x = f.explain("customers");
  CHECK(x.kind == "stakeholder");
  const explain::Step* note = find_step(x.steps, "note");
  REQUIRE(note);
  CHECK(note->shown.find("table:customers") != std::string::npos);
  const explain::Explanation t = f.explain("table:customers");
  CHECK(t.kind == "table");
  CHECK(value_of(t, "rows in") == Decimal(static_cast<std::int64_t>(kCustomers.size())));
}

TEST_CASE("an unknown name is an error with a suggestion and the names that exist") {
  Fixture f;
  explain::ExplainOutcome x = explain::explain(f.run, "chrn");
  CHECK_FALSE(x.explanation);
  REQUIRE(x.error);
  CHECK(x.error->message.find("did you mean 'churn'?") != std::string::npos);
  CHECK(x.error->help.find("initiative: save_desk") != std::string::npos);
  explain::ExplainOutcome bad_kind = explain::explain(f.run, "widget:churn");
  REQUIRE(bad_kind.error);
  CHECK(bad_kind.error->message == "'widget' is not a kind of name");
}

TEST_CASE("a failed run explains nothing") {
  TempDir dir;
  RunResult run = run_file(dir.write("broken.cxv", "kpi x { measure nothing }\n"));
  explain::ExplainOutcome x = explain::explain(run, "x");
  CHECK_FALSE(x.explanation);
  REQUIRE(x.error);
}

TEST_CASE("JSON carries the same steps with exact numbers and source locations") {
  Fixture f;
  const explain::Explanation x = f.explain("churn");
  const std::string text = explain::render_json(x, f.run.sources);
  const nlohmann::json j = nlohmann::json::parse(text);
  CHECK(j["kind"] == "kpi");
  CHECK(j["name"] == "churn");
  CHECK(j["source"]["line"] == 19);
  // The baseline step: 3/11 written with every digit the Decimal has.
  const Decimal baseline = *kpi_baseline(f.run, "churn");
  bool found = false;
  for (const auto& s : j["steps"]) {
    if (s["label"] != "baseline") continue;
    found = true;
    CHECK(s["unit"] == "ratio");
  }
  CHECK(found);
  CHECK(text.find("\"value\": " + baseline.to_string() + ",") != std::string::npos);
}

TEST_CASE("the text outline is deterministic and names the measure's line") {
  Fixture f;
  const explain::Explanation x = f.explain("churn");
  const std::string a = explain::render_text(x, f.run.sources);
  const std::string b = explain::render_text(f.explain("churn"), f.run.sources);
  CHECK(a == b);
  CHECK(a.rfind("KPI churn — Churn", 0) == 0);
  CHECK(a.find("f.cxv:22]") != std::string::npos);   // `measure share(...)` is on line 22
}
