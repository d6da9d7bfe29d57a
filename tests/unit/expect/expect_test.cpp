// `expect` blocks evaluated against a real run (cxv::test_source): passes,
// failures with the values of their parts, errors, filters, and the text and
// JUnit renderings.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "cxv/cxv.hpp"
#include "expect/expect_run.hpp"
#include "expect/render.hpp"

using namespace cxv;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    static int n = 0;
    path = fs::temp_directory_path() / ("cxv_expect_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
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

// Ten customers, three churned: churn 30%, red against green 20% / amber 25%.
// arpu = mean(10, 20, ..., 100) = 55.
const char* kCustomers =
    "id,revenue,churned\n"
    "c1,10,true\nc2,20,false\nc3,30,true\nc4,40,false\nc5,50,false\n"
    "c6,60,false\nc7,70,true\nc8,80,false\nc9,90,false\nc10,100,false\n";

// No discount and a 12-month horizon, so net NPVs are simple sums:
// a: +1 USD/month on 10 customers for 12 months = 120, minus 100 = 20;
// b: +0.5 USD/month -> 60 - 100 = -40, out of the portfolio on value.
const std::string kHeader = R"(framework "Expect" {
  currency USD
  start 2027-01
  horizon 12 months
  discount 0% per year
}
stakeholder customers "Customers" { weight 100% }
table customers from "customers.csv" {
  key id: text
  revenue: USD/month
  churned: bool
}
kpi churn "Churn" {
  perspective customer
  stakeholders customers
  measure share(customers where churned)
  better lower
  target 20%
  thresholds { green 20%  amber 25% }
}
kpi arpu "ARPU" {
  perspective financial
  stakeholders customers
  measure mean(customers.revenue)
  better higher
}
value revenue "Revenue" for customers = delta(arpu) * count(customers)
initiative a { cost 100 USD once  effect arpu +1 USD/month  effect churn -1pp }
initiative b { cost 100 USD once  effect arpu +0.5 USD/month  effect churn -1pp }
)";

const std::string kFunding = "funding \"F\" {\n  budget 150 USD\n}\n";

struct Tested {
  TempDir dir;
  TestResult result;
  explicit Tested(const std::string& body, bool funding = true, const std::string& filter = {}) {
    dir.write("customers.csv", kCustomers);
    const std::string text = kHeader + (funding ? kFunding : "") + body;
    const std::string path = dir.write("f.cxv", text);
    result = test_source(path, text, {}, filter);
  }
  const expect::ExpectResult& at(std::size_t i) const {
    REQUIRE(result.expects);
    REQUIRE(i < result.expects->size());
    return result.expects->at(i);
  }
};

}  // namespace

TEST_CASE("expects that hold pass, and the counts add up") {
  Tested t(R"(
expect "churn is red today" { status(churn) == red }
expect "a is funded, b is not" { funded(a)  not funded(b) }
expect "the portfolio pays" { portfolio.net_npv > 0 USD }
expect "arpu as measured" { baseline(arpu) == 55 USD/month }
)");
  INFO(t.result.run.diagnostics.all().size());
  REQUIRE(t.result.run.ok());
  REQUIRE(t.result.expects);
  CHECK(t.result.expects->size() == 4);
  for (const auto& e : *t.result.expects) {
    INFO(e.title);
    CHECK(e.passed);
    for (const auto& c : e.conditions) CHECK(c.error_code == "");
  }
  CHECK(t.result.passed() == 4);
  CHECK(t.result.failed() == 0);
  CHECK(t.result.ok());
}

TEST_CASE("a failed status condition shows the status, the baseline and the bars") {
  Tested t("expect \"churn is not red\" { status(churn) != red }\n");
  const auto& e = t.at(0);
  CHECK_FALSE(e.passed);
  REQUIRE(e.conditions.size() == 1);
  const auto& c = e.conditions[0];
  CHECK(c.text == "status(churn) != red");
  REQUIRE(c.parts.size() == 1);
  CHECK(c.parts[0].text == "status(churn)");
  CHECK(c.parts[0].value == "red (baseline 30.00%; green ≤ 20.00%, amber ≤ 25.00%)");
  CHECK(t.result.failed() == 1);
  CHECK_FALSE(t.result.ok());
}

TEST_CASE("a failed funded() says why the initiative is out") {
  Tested t("expect \"b is funded\" { funded(b) }\n");
  const auto& c = t.at(0).conditions.at(0);
  CHECK_FALSE(c.passed);
  REQUIRE(c.parts.size() == 1);
  CHECK(c.parts[0].text == "funded(b)");
  CHECK(c.parts[0].value.rfind("b is not funded: ", 0) == 0);
}

TEST_CASE("a failed comparison shows each side that is not a literal, in its unit") {
  // The portfolio is {a}: net NPV 20 USD exactly (120 - 100, no discount).
  Tested t(R"(expect "big payoff" { portfolio.net_npv > 1000 USD and baseline(arpu) > 60 USD/month })");
  const auto& c = t.at(0).conditions.at(0);
  CHECK_FALSE(c.passed);
  REQUIRE(c.parts.size() == 2);
  CHECK(c.parts[0].text == "portfolio.net_npv");
  CHECK(c.parts[0].value == "20.00 USD");
  CHECK(c.parts[1].text == "baseline(arpu)");
  CHECK(c.parts[1].value == "55.00 USD/month");
}

TEST_CASE("a condition that cannot be evaluated is an error, never a pass") {
  // Without a funding block there is no portfolio to ask about.
  Tested t("expect \"a is funded\" { funded(a) }\n", /*funding=*/false);
  REQUIRE(t.result.run.ok());
  const auto& c = t.at(0).conditions.at(0);
  CHECK_FALSE(c.passed);
  CHECK_FALSE(c.error_code.empty());
  CHECK_FALSE(c.error.empty());
  CHECK(t.result.failed() == 1);
}

TEST_CASE("--filter runs only the expects whose title contains the text") {
  Tested t(R"(
expect "churn is red today" { status(churn) == red }
expect "a is funded" { funded(a) }
expect "churn below 50%" { churn < 50% }
)", true, "churn");
  REQUIRE(t.result.expects);
  CHECK(t.result.expects->size() == 2);
  CHECK(t.result.filtered_out == 1);
  CHECK(t.result.expects->at(0).title == "churn is red today");
  CHECK(t.result.expects->at(1).title == "churn below 50%");
}

TEST_CASE("a run that fails gives no expects and is not ok") {
  TempDir dir;  // no customers.csv: the table cannot be loaded
  const std::string text = kHeader + "expect \"x\" { status(churn) == red }\n";
  const std::string path = dir.write("f.cxv", text);
  TestResult r = test_source(path, text);
  CHECK_FALSE(r.run.ok());
  CHECK_FALSE(r.expects);
  CHECK_FALSE(r.ok());
}

TEST_CASE("text rendering: a line per expect, the failed parts, the closing count") {
  Tested t(R"(
expect "churn is red today" { status(churn) == red }
expect "churn is not red" { status(churn) != red }
)");
  expect::FileResults f;
  f.path = "f.cxv";
  f.sources = &t.result.run.sources;
  f.expects = *t.result.expects;
  const std::string out = expect::render_text({f}, false);
  CHECK(out.find("  PASS  churn is red today\n") != std::string::npos);
  CHECK(out.find("  FAIL  churn is not red\n") != std::string::npos);
  CHECK(out.find("status(churn) != red\n") != std::string::npos);
  CHECK(out.find("        status(churn) = red (baseline 30.00%") != std::string::npos);
  CHECK(out.substr(out.size() - 19) == "1 passed, 1 failed\n");
}

TEST_CASE("JUnit: one testcase per expect, failures with their parts, XML escaped") {
  Tested t(R"(
expect "holds <always> & \"surely\"" { status(churn) == red }
expect "churn is not red" { status(churn) != red }
)");
  expect::FileResults f;
  f.path = "dir/f&g.cxv";
  f.sources = &t.result.run.sources;
  f.expects = *t.result.expects;
  const std::string xml = expect::render_junit({f});
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  CHECK(xml.find("<testsuites name=\"cxv test\" tests=\"2\" failures=\"1\" errors=\"0\">") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"dir/f&amp;g.cxv\" tests=\"2\" failures=\"1\"") != std::string::npos);
  CHECK(xml.find("name=\"holds &lt;always&gt; &amp; &quot;surely&quot;\"") != std::string::npos);
  CHECK(xml.find("<failure message=\"status(churn) != red\" type=\"expect\">") != std::string::npos);
  CHECK(xml.find("status(churn) = red (baseline 30.00%") != std::string::npos);
  // Nothing that varies from run to run.
  CHECK(xml.find("time=") == std::string::npos);
  CHECK(xml.find("timestamp") == std::string::npos);
}

TEST_CASE("xml_escape drops characters XML 1.0 cannot hold") {
  CHECK(expect::xml_escape(std::string("a\x01" "b\tc\n")) == "ab\tc\n");
  CHECK(expect::xml_escape("'<&>\"") == "&apos;&lt;&amp;&gt;&quot;");
}
