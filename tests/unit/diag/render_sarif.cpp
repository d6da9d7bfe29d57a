// The SARIF renderer: the properties SARIF 2.1.0 requires, rule ids and indexes
// that agree with the code registry, and regions that match the spans.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "diag/render.hpp"

using namespace cxv;
using nlohmann::json;

namespace {

json sarif_of(const SourceMap& sm, const Diagnostics& ds) { return json::parse(render_sarif(sm, ds, "0.1.0")); }

}  // namespace

TEST_CASE("sarif: the log, run and driver carry the required properties") {
  SourceMap sm;
  Diagnostics ds;
  json log = sarif_of(sm, ds);
  CHECK(log["version"] == "2.1.0");
  CHECK(log["$schema"].get<std::string>().find("sarif-schema-2.1.0.json") != std::string::npos);
  REQUIRE(log["runs"].is_array());
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "cxv");
  CHECK(run["tool"]["driver"]["version"] == "0.1.0");
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["results"].is_array());
  CHECK(run["results"].empty());
}

TEST_CASE("sarif: every registered code is a rule with id, name, description and default level") {
  SourceMap sm;
  Diagnostics ds;
  json log = sarif_of(sm, ds);
  const json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  const auto& codes = all_codes();
  REQUIRE(rules.size() == codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    CHECK(rules[i]["id"] == std::string(codes[i].code));
    CHECK(rules[i]["name"] == std::string(codes[i].name));
    CHECK(rules[i]["shortDescription"]["text"] == std::string(codes[i].summary));
    CHECK(rules[i]["defaultConfiguration"]["level"].is_string());
  }
}

TEST_CASE("sarif: a result has ruleId, level, message and a region in code points, end exclusive") {
  SourceMap sm;
  auto id = sm.add("dir with space/t.cxv", "kpi \xC3\xA9x {}\n");
  Diagnostics ds;
  auto& d = ds.warning("L001", Span{id, 4, 7}, "odd name");
  d.help = "rename it";
  d.notes.push_back(Note{Span{id, 0, 3}, "here"});
  json log = sarif_of(sm, ds);
  const json& r = log["runs"][0]["results"][0];
  CHECK(r["ruleId"] == "L001");
  CHECK(r["level"] == "warning");
  CHECK(r["message"]["text"] == "odd name\nhelp: rename it");
  const json& loc = r["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "dir%20with%20space/t.cxv");
  CHECK(loc["region"]["startLine"] == 1);
  CHECK(loc["region"]["startColumn"] == 5);
  CHECK(loc["region"]["endLine"] == 1);
  CHECK(loc["region"]["endColumn"] == 7);  // "éx" is two code points: columns 5 and 6
  const json& related = r["relatedLocations"][0];
  CHECK(related["id"] == 0);
  CHECK(related["message"]["text"] == "here");
  CHECK(related["physicalLocation"]["region"]["startColumn"] == 1);
}

TEST_CASE("sarif: ruleIndex points at the rule with the same id") {
  const auto& codes = all_codes();
  REQUIRE(!codes.empty());
  SourceMap sm;
  Diagnostics ds;
  ds.error(std::string(codes.back().code), std::nullopt, "m");
  ds.error("X999", std::nullopt, "not registered");
  json run = sarif_of(sm, ds)["runs"][0];
  const json& r = run["results"][0];
  CHECK(r["ruleIndex"] == codes.size() - 1);
  CHECK(run["tool"]["driver"]["rules"][r["ruleIndex"].get<std::size_t>()]["id"] == r["ruleId"]);
  CHECK(run["results"][1].contains("ruleIndex") == false);
  CHECK(r["locations"].empty());
}

TEST_CASE("sarif: CSV problems point at the CSV line, absolute paths become file URIs") {
  SourceMap sm;
  Diagnostics ds;
  Diagnostic d;
  d.code = "E104";
  d.message = "m";
  d.external_file = "/data/c.csv";
  d.external_line = 3;
  ds.add(d);
  json log = sarif_of(sm, ds);
  const json& loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "file:///data/c.csv");
  CHECK(loc["region"]["startLine"] == 3);
  CHECK(loc["region"].contains("startColumn") == false);
}
