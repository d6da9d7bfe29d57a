// The VS Code grammar must not drift from the parser: every reserved word of
// grammar/keywords.hpp has to be highlighted by editors/vscode/syntaxes/
// cxv.tmLanguage.json, and the words the grammar treats as declarations have to
// be exactly the parser's declaration keywords.
//
// A TextMate grammar is a JSON file of regular expressions; keywords appear in
// them as alternation groups such as `\b(and|or|not)\b`. This test collects
// every group made only of words, together with the scope the rule gives it
// (the capture's name, else the rule's), and compares with the parser's lists.

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/keywords.hpp"

namespace {

const char* const kGrammarPath = CXV_SOURCE_DIR "/editors/vscode/syntaxes/cxv.tmLanguage.json";

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// `and|or|not` -> {and, or, not}; empty when the text is anything but words and bars.
std::vector<std::string> alternation_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (is_word_char(c)) {
      current += c;
    } else if (c == '|' && !current.empty()) {
      words.push_back(current);
      current.clear();
    } else {
      return {};
    }
  }
  if (current.empty()) return {};
  words.push_back(current);
  return words;
}

struct WordGroup {
  int capture = 0;                 // 1-based capture index; 0 for a (?:...) group
  std::vector<std::string> words;
};

// Every group of `regex` whose content is a pure word alternation. Escapes and
// character classes are skipped so that `\(` or `[(]` are not taken for groups.
std::vector<WordGroup> word_groups(std::string_view regex) {
  struct Open {
    std::size_t content_start;
    int capture;
  };
  std::vector<WordGroup> groups;
  std::vector<Open> open;
  int captures = 0;
  for (std::size_t i = 0; i < regex.size(); ++i) {
    char c = regex[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      for (++i; i < regex.size() && regex[i] != ']'; ++i)
        if (regex[i] == '\\') ++i;
    } else if (c == '(') {
      if (i + 1 < regex.size() && regex[i + 1] == '?') {
        // (?:...) groups words too; lookarounds and other (?...) forms do not count.
        bool non_capturing = i + 2 < regex.size() && regex[i + 2] == ':';
        open.push_back({non_capturing ? i + 3 : std::string_view::npos, 0});
      } else {
        open.push_back({i + 1, ++captures});
      }
    } else if (c == ')' && !open.empty()) {
      Open o = open.back();
      open.pop_back();
      if (o.content_start == std::string_view::npos) continue;
      auto words = alternation_words(regex.substr(o.content_start, i - o.content_start));
      if (!words.empty()) groups.push_back({o.capture, std::move(words)});
    }
  }
  return groups;
}

// The scope a rule gives to the text of one of its groups.
std::string scope_of(const nlohmann::json& rule, const char* captures_key, int capture) {
  if (capture > 0 && rule.contains(captures_key)) {
    const auto& captures = rule[captures_key];
    auto key = std::to_string(capture);
    if (captures.contains(key) && captures[key].contains("name"))
      return captures[key]["name"].get<std::string>();
  }
  return rule.value("name", std::string{});
}

// word -> every scope some rule of the grammar gives it.
using WordScopes = std::map<std::string, std::set<std::string>>;

void collect(const nlohmann::json& node, WordScopes& out) {
  if (node.is_object()) {
    for (const auto& [key, captures_key] :
         {std::pair{"match", "captures"}, std::pair{"begin", "beginCaptures"}}) {
      if (node.contains(key) && node[key].is_string()) {
        for (const auto& group : word_groups(node[key].get<std::string>()))
          for (const auto& word : group.words) out[word].insert(scope_of(node, captures_key, group.capture));
      }
    }
    for (const auto& item : node.items()) collect(item.value(), out);
  } else if (node.is_array()) {
    for (const auto& item : node) collect(item, out);
  }
}

WordScopes grammar_words() {
  std::ifstream in(kGrammarPath);
  REQUIRE_MESSAGE(in.good(), "cannot read " << kGrammarPath);
  std::stringstream text;
  text << in.rdbuf();
  auto grammar = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  REQUIRE_MESSAGE(!grammar.is_discarded(), kGrammarPath << " is not valid JSON");
  WordScopes words;
  collect(grammar, words);
  return words;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// Highlighted as a word of the language (not as a plain name).
bool is_language_scope(const std::string& scope) {
  return starts_with(scope, "keyword.") || starts_with(scope, "constant.language.") ||
         starts_with(scope, "support.function.") || starts_with(scope, "storage.");
}

}  // namespace

TEST_CASE("the grammar-reading helpers find word alternations and their capture index") {
  auto groups = word_groups(R"(^\s*(kpi|table)\s+([A-Za-z_]\w*)(?:\.(low|high))(?<![.\w])\(not|this\))");
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].capture == 1);
  CHECK(groups[0].words == std::vector<std::string>{"kpi", "table"});
  CHECK(groups[1].capture == 3);   // inside a non-capturing group: still the third capture
  CHECK(groups[1].words == std::vector<std::string>{"low", "high"});
  CHECK(word_groups(R"([(]and|or[)])").empty());
}

TEST_CASE("every keyword of the parser is highlighted by the VS Code grammar") {
  auto words = grammar_words();
  std::vector<std::string> missing;
  for (auto keyword : cxv::grammar::kKeywords) {
    auto found = words.find(std::string(keyword));
    bool highlighted = false;
    if (found != words.end())
      for (const auto& scope : found->second) highlighted = highlighted || is_language_scope(scope);
    if (!highlighted) missing.emplace_back(keyword);
  }
  INFO("add these keywords of grammar/keywords.hpp to a keyword rule of " << kGrammarPath
       << " and to a test in editors/vscode/test/");
  for (const auto& word : missing) CHECK_MESSAGE(false, "not highlighted: " << word);
  CHECK(missing.empty());
}

TEST_CASE("the grammar's declaration keywords are exactly the parser's") {
  auto words = grammar_words();
  std::set<std::string> grammar_declarations;
  for (const auto& [word, scopes] : words)
    if (scopes.count("keyword.declaration.cxv") != 0) grammar_declarations.insert(word);
  std::set<std::string> parser_declarations(cxv::grammar::kDeclarationKeywords.begin(),
                                            cxv::grammar::kDeclarationKeywords.end());
  for (const auto& word : parser_declarations)
    CHECK_MESSAGE(grammar_declarations.count(word) == 1, "not highlighted as a declaration: " << word);
  for (const auto& word : grammar_declarations)
    CHECK_MESSAGE(parser_declarations.count(word) == 1, "highlighted as a declaration, unknown to the parser: " << word);
}
