// docs/lints.md is the lint catalogue: every lint code has a section, and
// every ```cxv-lint LXXX example is a complete framework that checks with no
// error and triggers exactly the lint it illustrates.

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

#include "check_helpers.hpp"

using namespace cxv;

namespace {

struct Example {
  std::string code;
  std::string text;
};

std::string read_docs() {
  std::ifstream in(std::string(CXV_SOURCE_DIR) + "/docs/lints.md");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Example> lint_examples(const std::string& docs) {
  std::vector<Example> out;
  const std::regex fence("```cxv-lint (L[0-9]{3})\n([^`]*)```");
  for (auto it = std::sregex_iterator(docs.begin(), docs.end(), fence); it != std::sregex_iterator(); ++it)
    out.push_back({(*it)[1].str(), (*it)[2].str()});
  return out;
}

}  // namespace

TEST_CASE("docs/lints.md: a section and an example for every lint code") {
  const std::string docs = read_docs();
  REQUIRE_FALSE(docs.empty());
  const std::vector<Example> examples = lint_examples(docs);
  for (const CodeInfo& c : all_codes()) {
    if (c.code.front() != 'L') continue;
    const std::string code(c.code);
    INFO(code);
    CHECK(docs.find("\n## " + code + "\n") != std::string::npos);
    CHECK(docs.find("**" + std::string(c.name) + "**") != std::string::npos);
    CHECK(std::any_of(examples.begin(), examples.end(), [&](const Example& e) { return e.code == code; }));
  }
}

TEST_CASE("docs/lints.md: each example triggers exactly its lint") {
  const std::vector<Example> examples = lint_examples(read_docs());
  REQUIRE(examples.size() >= 13);
  for (const Example& e : examples) {
    // Beside the docs, where no data/ folder exists: only the lints speak.
    auto c = test::check_text(e.text, {}, std::string(CXV_SOURCE_DIR) + "/docs/example.cxv");
    INFO(e.code, "\n", c->all());
    CHECK(c->diags.error_count() == 0);
    REQUIRE(c->diags.all().size() >= 1);
    for (const Diagnostic& d : c->diags.all()) CHECK(d.code == e.code);
  }
}
