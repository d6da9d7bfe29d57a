#include <doctest/doctest.h>

#include <string>

#include "client.hpp"
#include "documents.hpp"

using cxv::lsp::test::Client;
using cxv::lsp::test::json;
using cxv::lsp::test::kSmall;
using cxv::lsp::test::uri_beside_example;

namespace {

std::string labels(const json& items) {
  std::string out;
  for (const json& i : items) out += i["label"].get<std::string>() + " ";
  return out;
}

bool has_label(const json& items, const std::string& label) {
  for (const json& i : items)
    if (i["label"] == label) return true;
  return false;
}

}  // namespace

TEST_CASE("lifecycle: initialize advertises incremental sync in UTF-16; shutdown then exit ends with 0") {
  Client c;
  json r = c.request("initialize", json{{"processId", nullptr}, {"capabilities", json::object()}});
  json caps = r["result"]["capabilities"];
  CHECK(caps["positionEncoding"] == "utf-16");
  CHECK(caps["textDocumentSync"]["change"] == 2);
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["renameProvider"]["prepareProvider"] == true);
  CHECK(r["result"]["serverInfo"]["name"] == "cxv");
  CHECK(c.request("shutdown", nullptr)["result"].is_null());
  CHECK(c.request("textDocument/hover", json::object())["error"]["code"] == cxv::lsp::kInvalidRequest);
  CHECK_FALSE(c.server().exited());
  c.notify("exit", nullptr);
  CHECK(c.server().exited());
  CHECK(c.server().exit_code() == 0);
}

TEST_CASE("lifecycle: requests before initialize are refused; exit without shutdown is exit code 1") {
  Client c;
  CHECK(c.request("textDocument/hover", json::object())["error"]["code"] == cxv::lsp::kServerNotInitialized);
  c.notify("exit", nullptr);
  CHECK(c.server().exit_code() == 1);
}

TEST_CASE("errors: unknown methods, malformed JSON and bad params get JSON-RPC errors, never a crash") {
  Client c;
  c.initialize();
  CHECK(c.request("textDocument/teleport", json::object())["error"]["code"] == cxv::lsp::kMethodNotFound);
  c.raw("{not json");
  CHECK(c.sent().back()["error"]["code"] == cxv::lsp::kParseError);
  CHECK(c.sent().back()["id"].is_null());
  c.raw("[1,2]");
  CHECK(c.sent().back()["error"]["code"] == cxv::lsp::kInvalidRequest);
  c.raw(R"({"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"})");
  CHECK(c.sent().back()["error"]["code"] == cxv::lsp::kInvalidRequest);
  c.raw(std::string("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"x\xff\"}"));
  CHECK(c.sent().back()["error"]["code"] == cxv::lsp::kParseError);
  // A document that is not open, a position that is not a position.
  CHECK(c.at("textDocument/hover", "file:///nowhere.cxv", 0, 0)["error"]["code"] == cxv::lsp::kInvalidParams);
  std::string uri = uri_beside_example("small.cxv");
  c.open(uri, kSmall);
  CHECK(c.request("textDocument/hover", json{{"textDocument", {{"uri", uri}}}, {"position", {{"line", -1}, {"character", 0}}}})["error"]["code"] ==
        cxv::lsp::kInvalidParams);
  // A position far past the end is clamped, not an error.
  CHECK(c.at("textDocument/hover", uri, 9999, 9999)["result"].is_null());
  // Unknown notifications are ignored; the session goes on.
  std::size_t before = c.sent().size();
  c.notify("$/somethingNew", json::object());
  CHECK(c.sent().size() == before);
}

TEST_CASE("diagnostics: a clean document has no errors; a typo gets E031 with its did-you-mean at the name's range") {
  Client c;
  c.initialize();
  std::string uri = uri_beside_example("small.cxv");
  c.open(uri, kSmall);
  json clean = c.diagnostics(uri);
  REQUIRE(clean.is_array());
  for (const json& d : clean) CHECK_MESSAGE(d["severity"] != 1, d.dump());

  // `churned` -> `churnd` on line 20 (characters 32-39), through an incremental change.
  c.notify("textDocument/didChange",
           json{{"textDocument", {{"uri", uri}, {"version", 2}}},
                {"contentChanges", json::array({{{"range", {{"start", {{"line", 20}, {"character", 32}}}, {"end", {{"line", 20}, {"character", 39}}}}},
                                                 {"text", "churnd"}}})}});
  json diags = c.diagnostics(uri);
  json typo;
  for (const json& d : diags)
    if (d["code"] == "E031") typo = d;
  REQUIRE_MESSAGE(typo.is_object(), diags.dump());
  CHECK(typo["severity"] == 1);
  CHECK(typo["source"] == "cxv");
  CHECK(typo["range"] == json::parse(R"({"start":{"line":20,"character":32},"end":{"line":20,"character":38}})"));
  CHECK(typo["message"].get<std::string>().find("unknown name 'churnd'") != std::string::npos);
  CHECK(typo["message"].get<std::string>().find("help: did you mean 'churned'?") != std::string::npos);
  // The published version is the document's.
  CHECK(c.sent().back()["params"]["version"] == 2);

  // Closing clears them.
  c.notify("textDocument/didClose", json{{"textDocument", {{"uri", uri}}}});
  CHECK(c.diagnostics(uri).empty());
}

TEST_CASE("diagnostics: ranges count UTF-16 units after non-ASCII text on the same line") {
  Client c;
  c.initialize();
  std::string uri = uri_beside_example("utf16.cxv");
  std::string text = kSmall;
  // A title with "é" and an emoji before the mistake on the same line.
  std::string from = "value kept \"Kept\"";
  std::string to = "value kept \"Képt 😀\"";
  text.replace(text.find(from), from.size(), to);
  std::string wrong = "halve(-delta(churn)";
  text.replace(text.find(wrong), wrong.size(), "halve(-delta(chrn)");
  c.open(uri, text);
  json e031;
  for (const json& d : c.diagnostics(uri))
    if (d["code"] == "E031") e031 = d;
  REQUIRE(e031.is_object());
  // Line 32: `value kept "Képt 😀" for customers = halve(-delta(` is 50 UTF-16 units (the emoji counts 2).
  std::string line = "value kept \"Képt 😀\" for customers = halve(-delta(";
  CHECK(e031["range"]["start"] == json{{"line", 32}, {"character", 50}});
  CHECK(e031["range"]["end"] == json{{"line", 32}, {"character", 54}});
  CHECK(line.size() == 53);  // bytes: é is 2, the emoji 4, so bytes and units differ by 3
}

TEST_CASE("hover: a KPI shows its title, measure as written, unit, target and baseline on the data") {
  Client c;
  c.initialize();
  std::string uri = uri_beside_example("small.cxv");
  c.open(uri, kSmall);
  // `churn` in `effect churn -0.1pp` (line 35).
  json h = c.at("textDocument/hover", uri, 35, 10)["result"];
  REQUIRE(h.is_object());
  std::string text = h["contents"]["value"];
  CHECK(text.find("**KPI** `churn` — Monthly churn rate") != std::string::npos);
  CHECK(text.find("measure share(customers where churned)") != std::string::npos);
  CHECK(text.find("- target: `1.5%`") != std::string::npos);
  CHECK(text.find("- better: `lower`") != std::string::npos);
  CHECK(text.find("- baseline: ") != std::string::npos);
  CHECK(text.find("%") != std::string::npos);
  CHECK(h["range"] == json::parse(R"({"start":{"line":35,"character":9},"end":{"line":35,"character":14}})"));

  // A column: `nps` inside share(customers where nps >= 9) is the column, not the KPI.
  std::string col = c.at("textDocument/hover", uri, 27, 35)["result"]["contents"]["value"];
  CHECK(col.find("**column** `nps`") != std::string::npos);
  CHECK(col.find("nps: points optional") != std::string::npos);

  // A value: its formula and unit.
  std::string value = c.at("textDocument/hover", uri, 32, 7)["result"]["contents"]["value"];
  CHECK(value.find("**value** `kept` — Kept") != std::string::npos);
  CHECK(value.find("- unit: `USD/month`") != std::string::npos);

  // An initiative: cost and effects as written.
  std::string init = c.at("textDocument/hover", uri, 33, 12)["result"]["contents"]["value"];
  CHECK(init.find("- cost: `10k USD once`") != std::string::npos);
  CHECK(init.find("- effect: `effect churn -0.1pp`") != std::string::npos);

  // A keyword: its one-line meaning.
  std::string kw = c.at("textDocument/hover", uri, 21, 3)["result"]["contents"]["value"];
  CHECK(kw.find("`better` — Which direction is good") != std::string::npos);
  // Nothing under a number.
  CHECK(c.at("textDocument/hover", uri, 22, 10)["result"].is_null());
}

TEST_CASE("definition and references: KPIs, columns, parameters, stakeholders") {
  Client c;
  c.initialize();
  std::string uri = uri_beside_example("small.cxv");
  c.open(uri, kSmall);
  // `churn` in the effect -> the KPI's name on line 17.
  json def = c.at("textDocument/definition", uri, 35, 11)["result"];
  CHECK(def["uri"] == uri);
  CHECK(def["range"] == json::parse(R"({"start":{"line":17,"character":4},"end":{"line":17,"character":9}})"));
  // `churned` in the measure -> the column on line 13.
  CHECK(c.at("textDocument/definition", uri, 20, 36)["result"]["range"]["start"] == json{{"line", 13}, {"character", 2}});
  // `by` in the body -> the parameter on line 31.
  CHECK(c.at("textDocument/definition", uri, 31, 32)["result"]["range"]["start"] == json{{"line", 31}, {"character", 18}});
  // The KPI churn: referenced in delta(churn) and the effect; with the declaration, three places.
  json refs = c.at("textDocument/references", uri, 17, 5, json{{"context", {{"includeDeclaration", true}}}})["result"];
  CHECK(refs.size() == 3);
  json without = c.at("textDocument/references", uri, 17, 5, json{{"context", {{"includeDeclaration", false}}}})["result"];
  CHECK(without.size() == 2);
  // The stakeholder `customers` is not the table `customers`: three uses (two kpis, one value).
  CHECK(c.at("textDocument/references", uri, 6, 13, json{{"context", {{"includeDeclaration", false}}}})["result"].size() == 3);
  // The table `customers`: five aggregates read it plus the member in the value.
  CHECK(c.at("textDocument/references", uri, 7, 7, json{{"context", {{"includeDeclaration", false}}}})["result"].size() == 5);
  // The column `nps` has two uses; the KPI `nps` none.
  CHECK(c.at("textDocument/references", uri, 12, 3, json{{"context", {{"includeDeclaration", false}}}})["result"].size() == 2);
  CHECK(c.at("textDocument/references", uri, 24, 5, json{{"context", {{"includeDeclaration", false}}}})["result"].empty());
}

TEST_CASE("documentSymbol: the outline lists declarations with columns and parameters as children") {
  Client c;
  c.initialize();
  std::string uri = uri_beside_example("small.cxv");
  c.open(uri, kSmall);
  json symbols = c.request("textDocument/documentSymbol", json{{"textDocument", {{"uri", uri}}}})["result"];
  std::string names;
  for (const json& s : symbols) names += s["name"].get<std::string>() + ":" + s["detail"].get<std::string>() + " ";
  CHECK(names == "Small:framework customers:stakeholder customers:table churn:KPI nps:KPI halve:function kept:value calls:initiative ");
  json table = symbols[2];
  CHECK(table["kind"] == 23);
  CHECK(table["children"].size() == 7);
  CHECK(table["children"][0]["name"] == "customer_id");
  CHECK(table["range"]["start"] == json{{"line", 7}, {"character", 0}});
  CHECK(table["range"]["end"] == json{{"line", 16}, {"character", 1}});
  CHECK(symbols[5]["children"].size() == 2);
}

TEST_CASE("rename: every use in the document, refusing keywords, clashes and non-names") {
  Client c;
  c.initialize();
  std::string uri = uri_beside_example("small.cxv");
  c.open(uri, kSmall);
  json prepared = c.at("textDocument/prepareRename", uri, 20, 36)["result"];
  CHECK(prepared["placeholder"] == "churned");
  CHECK(prepared["range"]["start"] == json{{"line", 20}, {"character", 32}});
  CHECK(c.at("textDocument/prepareRename", uri, 21, 3)["result"].is_null());  // `better`

  json edit = c.at("textDocument/rename", uri, 17, 5, json{{"newName", "churn_rate"}})["result"];
  json edits = edit["changes"][uri];
  CHECK(edits.size() == 3);
  for (const json& e : edits) CHECK(e["newText"] == "churn_rate");
  CHECK(edits[0]["range"]["start"] == json{{"line", 17}, {"character", 4}});

  json keyword = c.at("textDocument/rename", uri, 17, 5, json{{"newName", "target"}});
  CHECK(keyword["error"]["code"] == cxv::lsp::kRequestFailed);
  CHECK(keyword["error"]["message"] == "'target' is a reserved word of cxv and cannot name a KPI");
  CHECK(c.at("textDocument/rename", uri, 17, 5, json{{"newName", "nps"}})["error"]["message"] == "there is already a KPI named 'nps'");
  CHECK(c.at("textDocument/rename", uri, 17, 5, json{{"newName", "2x"}})["error"]["code"] == cxv::lsp::kRequestFailed);
  json on_keyword = c.at("textDocument/rename", uri, 21, 3, json{{"newName", "x"}});
  CHECK(on_keyword["error"]["message"] == "'better' is part of the cxv language and cannot be renamed");
  // A function declared in the prelude is not the document's to rename.
  std::string with_prelude = std::string(kSmall) + "value s for customers = saturate(delta(nps), 10 points)\n";
  c.open(uri, with_prelude, 2);
  json prelude = c.at("textDocument/rename", uri, 38, 27, json{{"newName", "sat"}});
  CHECK(prelude["error"]["message"].get<std::string>().find("declared in another file") != std::string::npos);
}

TEST_CASE("completion: columns after `table.`, units after a number, clause keywords, names in scope") {
  Client c;
  c.initialize();
  std::string uri = uri_beside_example("small.cxv");
  std::string text = std::string(kSmall) +
                     "kpi arpu {\n"              // 38
                     "  measure mean(customers.\n"  // 39
                     "  target 12 \n"             // 40
                     "  \n"                       // 41
                     "  better \n"                // 42
                     "  measure share(customers where \n"  // 43
                     "}\n";
  c.open(uri, text);
  json members = c.at("textDocument/completion", uri, 39, 25)["result"];
  CHECK(labels(members) == "customer_id segment monthly_revenue tenure nps churned support_calls ");
  json units = c.at("textDocument/completion", uri, 40, 12)["result"];
  CHECK(units[0]["label"] == "USD");
  CHECK(has_label(units, "months"));
  CHECK(has_label(units, "points"));
  json clauses = c.at("textDocument/completion", uri, 41, 2)["result"];
  CHECK(has_label(clauses, "measure"));
  CHECK(has_label(clauses, "thresholds"));
  CHECK_FALSE(has_label(clauses, "kpi"));
  CHECK(labels(c.at("textDocument/completion", uri, 42, 9)["result"]) == "lower higher ");
  json rows = c.at("textDocument/completion", uri, 43, 32)["result"];
  CHECK(has_label(rows, "churned"));
  CHECK(has_label(rows, "churn"));
  CHECK(has_label(rows, "share"));
  // Top level: declaration keywords.
  json top = c.at("textDocument/completion", uri, 38, 0)["result"];
  CHECK(has_label(top, "initiative"));
  // Inside a comment: nothing.
  c.open(uri, std::string(kSmall) + "# kpi \n", 2);
  CHECK(c.at("textDocument/completion", uri, 38, 6)["result"].empty());
}

TEST_CASE("half-typed files: one broken declaration leaves the others' symbols, hover and diagnostics") {
  Client c;
  c.initialize();
  std::string uri = uri_beside_example("half.cxv");
  std::string text = kSmall;
  // Break the nps KPI in the middle of its measure: a dangling operator.
  std::string from = "  measure (share(customers where nps >= 9) - share(customers where nps <= 6)) * 100 points\n";
  text.replace(text.find(from), from.size(), "  measure (share(customers where nps >= 9) -\n");
  c.open(uri, text);
  json diags = c.diagnostics(uri);
  bool syntax_error = false;
  for (const json& d : diags)
    if (d["severity"] == 1 && d["code"].get<std::string>() < "E030") syntax_error = true;
  CHECK_MESSAGE(syntax_error, diags.dump());
  // The other declarations are still there.
  json symbols = c.request("textDocument/documentSymbol", json{{"textDocument", {{"uri", uri}}}})["result"];
  std::string names;
  for (const json& s : symbols) names += s["name"].get<std::string>() + " ";
  CHECK(names.find("churn ") != std::string::npos);
  CHECK(names.find("kept ") != std::string::npos);
  CHECK(names.find("calls ") != std::string::npos);
  std::string h = c.at("textDocument/hover", uri, 35, 10)["result"]["contents"]["value"];
  CHECK(h.find("measure share(customers where churned)") != std::string::npos);
  // A mistake in another declaration is still reported beside the syntax error.
  std::string typo = text;
  typo.replace(typo.find("where churned"), 13, "where churnd ");
  c.open(uri, typo, 2);
  bool did_you_mean = false;
  for (const json& d : c.diagnostics(uri))
    if (d["code"] == "E031" && d["range"]["start"] == json{{"line", 20}, {"character", 32}}) did_you_mean = true;
  CHECK_MESSAGE(did_you_mean, c.diagnostics(uri).dump());
  CHECK(c.at("textDocument/definition", uri, 35, 11)["result"]["range"]["start"] == json{{"line", 17}, {"character", 4}});
}
