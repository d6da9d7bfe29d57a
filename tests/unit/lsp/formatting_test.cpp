#include <doctest/doctest.h>

#include <string>

#include "client.hpp"
#include "documents.hpp"

using cxv::lsp::test::Client;
using cxv::lsp::test::json;
using cxv::lsp::test::kSmall;
using cxv::lsp::test::uri_beside_example;

namespace {

json format(Client& c, const std::string& uri) {
  return c.request("textDocument/formatting",
                   json{{"textDocument", {{"uri", uri}}}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}});
}

}  // namespace

TEST_CASE("formatting: one edit over the whole document, nothing for text already formatted") {
  Client c;
  c.initialize();
  std::string uri = uri_beside_example("fmt.cxv");
  // kSmall with its indentation and spacing disturbed.
  std::string messy = kSmall;
  for (std::string from : {"  currency USD", "  better lower"}) {
    std::string to = "      " + from.substr(2) + "   ";
    messy.replace(messy.find(from), from.size(), to);
  }
  c.open(uri, messy);
  json edits = format(c, uri)["result"];
  REQUIRE(edits.size() == 1);
  CHECK(edits[0]["range"]["start"] == json{{"line", 0}, {"character", 0}});
  CHECK(edits[0]["range"]["end"] == json{{"line", 38}, {"character", 0}});
  std::string formatted = edits[0]["newText"];
  CHECK(formatted != messy);
  CHECK(formatted.find("\n      currency") == std::string::npos);
  // The formatted text formats to itself.
  c.notify("textDocument/didChange", json{{"textDocument", {{"uri", uri}, {"version", 2}}},
                                          {"contentChanges", json::array({{{"text", formatted}}})}});
  CHECK(format(c, uri)["result"].empty());
}

TEST_CASE("formatting: a file with syntax errors is refused with a reason, not rewritten") {
  Client c;
  c.initialize();
  std::string uri = uri_beside_example("fmt.cxv");
  c.open(uri, std::string(kSmall) + "kpi broken {\n  measure (1 +\n}\n");
  json r = format(c, uri);
  CHECK(r["error"]["code"] == cxv::lsp::kRequestFailed);
  CHECK(r["error"]["message"].get<std::string>().find("syntax errors") != std::string::npos);
}
