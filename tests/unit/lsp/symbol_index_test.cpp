#include <doctest/doctest.h>

#include <string>

#include "grammar/keywords.hpp"
#include "lsp/features.hpp"
#include "lsp/symbol_index.hpp"
#include "syntax/parser.hpp"

using namespace cxv;
using namespace cxv::lsp;

namespace {

struct Indexed {
  SourceMap sources;
  ast::File file;
  SymbolIndex index;
  explicit Indexed(const std::string& text) {
    FileId id = sources.add("t.cxv", text);
    Diagnostics diags;
    file = parse(sources.file(id), diags);
    index = SymbolIndex::build({&file});
  }
  std::string at(const std::string& text, const std::string& needle, std::size_t nth = 0) const {
    std::size_t pos = text.find(needle);
    for (std::size_t i = 0; i < nth; ++i) pos = text.find(needle, pos + 1);
    auto s = index.symbol_at(static_cast<std::uint32_t>(pos));
    if (!s) return "-";
    return std::string(kind_label(index.symbol(*s).kind)) + " " + index.symbol(*s).name;
  }
};

}  // namespace

TEST_CASE("names resolve as the checker resolves them: parameters, then the rows' columns, then declarations") {
  std::string text =
      "table t from \"t.csv\" {\n  key id: text\n  x: count\n  k: count\n}\n"
      "kpi k { measure mean(t.x) + share(t where k > 1) }\n"
      "kpi x { measure k * 2 }\n"
      "function f(k, x: 1) = k + x\n"
      "initiative i { effect t.x 1 where k > 0 }\n";
  Indexed ix(text);
  // `k` in `share(t where k > 1)`: the column of t, not the KPI.
  CHECK(ix.at(text, "k > 1") == "column k");
  // `k` in `measure k * 2`: the KPI.
  CHECK(ix.at(text, "k * 2") == "KPI k");
  // In the function body, `k` and `x` are its parameters.
  CHECK(ix.at(text, "k + x") == "parameter k");
  CHECK(ix.at(text, "x\n", 0) == "parameter x");
  // `t.x`: the table, then its column.
  CHECK(ix.at(text, "t.x") == "table t");
  CHECK(ix.at(text, "x) +") == "column x");
  // An effect's `where` reads the rows of the effect's table.
  CHECK(ix.at(text, "k > 0") == "column k");
  // Unknown names resolve to nothing.
  Indexed unknown("kpi a { measure nothing_here }\n");
  CHECK(unknown.index.references().empty());
}

TEST_CASE("a name's own declaration is not among its references") {
  std::string text = "kpi a { measure 1 }\nkpi b { measure a + a }\n";
  Indexed ix(text);
  std::size_t a = ix.index.find("a", {SymbolKind::kpi});
  REQUIRE(a != kNoSymbol);
  CHECK(ix.index.references_to(a).size() == 2);
  CHECK(ix.index.symbol(a).name_span.begin == 4);
}

TEST_CASE("every reserved word has a meaning for hover; new names must be identifiers and not reserved") {
  for (std::string_view k : grammar::kKeywords) CHECK_MESSAGE(!word_meaning(std::string(k)).empty(), k);
  CHECK(word_meaning("months") == "A unit word: `months`.");
  CHECK(word_meaning("churn").empty());
  CHECK(valid_new_name("churn_rate"));
  CHECK(valid_new_name("_x2"));
  CHECK_FALSE(valid_new_name("kpi"));
  CHECK_FALSE(valid_new_name("2x"));
  CHECK_FALSE(valid_new_name("a-b"));
  CHECK_FALSE(valid_new_name("é"));
  CHECK_FALSE(valid_new_name(""));
}
