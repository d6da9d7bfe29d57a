// The JSON renderer: the exact document for hand-built diagnostics.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "diag/render.hpp"

using namespace cxv;

// X-codes are never registered, so "name" is null here and this exact document
// does not change when the stages add codes; the next test covers names.
TEST_CASE("json: one document with locations, severity, code, help and notes") {
  SourceMap sm;
  auto id = sm.add("telecom.cxv", "kpi churn {}\n  churn += chrun\n");
  Diagnostics ds;
  auto& d = ds.error("X031", Span{id, 24, 29}, "unknown KPI 'chrun'");
  d.help = "did you mean 'churn'?";
  d.notes.push_back(Note{Span{id, 4, 9}, "'churn' is declared here"});
  d.notes.push_back(Note{std::nullopt, "a plain note"});
  ds.warning("X001", std::nullopt, "a run-wide warning");

  CHECK(render_json(sm, ds, "0.1.0") == R"({
  "version": 1,
  "tool": {
    "name": "cxv",
    "version": "0.1.0"
  },
  "files": [
    "telecom.cxv"
  ],
  "diagnostics": [
    {
      "file": "telecom.cxv",
      "line": 2,
      "column": 12,
      "end_line": 2,
      "end_column": 17,
      "severity": "error",
      "code": "X031",
      "name": null,
      "message": "unknown KPI 'chrun'",
      "help": "did you mean 'churn'?",
      "notes": [
        {
          "file": "telecom.cxv",
          "line": 1,
          "column": 5,
          "end_line": 1,
          "end_column": 10,
          "message": "'churn' is declared here"
        },
        {
          "file": null,
          "line": null,
          "column": null,
          "end_line": null,
          "end_column": null,
          "message": "a plain note"
        }
      ]
    },
    {
      "file": null,
      "line": null,
      "column": null,
      "end_line": null,
      "end_column": null,
      "severity": "warning",
      "code": "X001",
      "name": null,
      "message": "a run-wide warning",
      "help": null,
      "notes": []
    }
  ],
  "summary": {
    "errors": 1,
    "warnings": 1
  }
}
)");
}

TEST_CASE("json: a registered code carries its rule name") {
  SourceMap sm;
  Diagnostics ds;
  REQUIRE(!all_codes().empty());
  const CodeInfo& info = all_codes().front();
  ds.error(std::string(info.code), std::nullopt, "m");
  auto j = nlohmann::json::parse(render_json(sm, ds, "0.1.0"));
  CHECK(j["diagnostics"][0]["name"] == std::string(info.name));
}

TEST_CASE("json: a CSV problem has its CSV location and the declaration as source_location") {
  SourceMap sm;
  auto id = sm.add("t.cxv", "table t from \"t.csv\" {\n  x: count\n}\n");
  Diagnostics ds;
  Diagnostic d;
  d.code = "E104";
  d.message = "'fifty' is not a number";
  d.external_file = "t.csv";
  d.external_line = 5;
  d.external_col = 2;
  d.span = Span{id, 25, 26};
  ds.add(d);
  auto j = nlohmann::json::parse(render_json(sm, ds, "0.1.0"));
  auto& e = j["diagnostics"][0];
  CHECK(e["file"] == "t.csv");
  CHECK(e["line"] == 5);
  CHECK(e["column"] == 2);
  CHECK(e["end_line"].is_null());
  CHECK(e["source_location"]["file"] == "t.cxv");
  CHECK(e["source_location"]["line"] == 2);
  CHECK(e["source_location"]["column"] == 3);
}

TEST_CASE("json: invalid UTF-8 in a message becomes U+FFFD instead of failing") {
  SourceMap sm;
  Diagnostics ds;
  ds.error("E001", std::nullopt, "bad \xff byte");
  auto j = nlohmann::json::parse(render_json(sm, ds, "0.1.0"));
  CHECK(j["diagnostics"][0]["message"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("json: several files in one document, in the order given") {
  SourceMap a;
  SourceMap b;
  a.add("a.cxv", "");
  b.add("b.cxv", "");
  Diagnostics da;
  Diagnostics db;
  db.error("E031", Span{0, 0, 0}, "m");
  Diagnostics dc;
  SourceMap c;
  auto j = nlohmann::json::parse(render_json({{&a, &da, {}}, {&b, &db, {}}, {&c, &dc, "gone.cxv"}}, "0.1.0"));
  CHECK(j["files"] == nlohmann::json::array({"a.cxv", "b.cxv", "gone.cxv"}));
  CHECK(j["diagnostics"].size() == 1);
  CHECK(j["diagnostics"][0]["file"] == "b.cxv");
  CHECK(j["summary"]["errors"] == 1);
}
