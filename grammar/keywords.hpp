#pragma once
// The reserved words of the .cxv language: the one list the grammar is built
// from (grammar/cxv_grammar.hpp spells every keyword rule as an index into it),
// so the grammar, the editors' highlighting and the docs cannot drift apart.
//
// A reserved word can never name a declaration, a column or a unit. A few of
// them are also accepted as plain names inside expressions (kExpressionKeywords),
// because funding rules and expectations talk about an initiative's `cost`,
// `evidence` or `stage`, and `status(churn) == green` reads naturally.

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

namespace cxv::grammar {

inline constexpr std::array<std::string_view, 64> kKeywords = {
    // declarations
    "framework", "import", "stakeholder", "table", "kpi", "driver", "value", "initiative",
    "experiment", "funding", "expect", "function",
    // framework
    "currency", "start", "horizon", "discount",
    // stakeholder
    "weight",
    // table
    "from", "key", "optional", "provenance",
    // kpi
    "perspective", "category", "stakeholders", "measure", "better", "target", "thresholds",
    "green", "amber",
    // value
    "for",
    // driver and initiative
    "evidence", "owner", "cost", "once", "ramp", "effect", "activity", "stage", "requires",
    "excludes",
    // experiment
    "arm", "treatment", "control", "outcome", "confidence", "split",
    // funding
    "budget", "objective", "reject", "when", "require", "at", "least", "most", "of", "to",
    "must", "fund",
    // expressions and units: a connective that could be read as a name or a unit
    // word would make `3 and x` or `8% per year` ambiguous, so these are reserved too
    "and", "or", "not", "where", "per",
};

// Keywords that start a top-level declaration: error recovery skips to the next
// line that begins with one of them.
inline constexpr std::array<std::string_view, 12> kDeclarationKeywords = {
    "framework", "import", "stakeholder", "table", "kpi", "driver", "value", "initiative",
    "experiment", "funding", "expect", "function",
};

// Keywords that are also ordinary names inside an expression
// (`reject when cost > 500k USD and evidence < correlational`, `effect(nps) < 0 points`).
inline constexpr std::array<std::string_view, 17> kExpressionKeywords = {
    "cost",   "evidence", "effect", "experiment", "green",      "amber",  "budget",
    "stage",  "activity", "perspective", "category", "start", "ramp", "target",
    "weight", "outcome",  "confidence",
};

// Every reserved word, sorted, for the binary search that tells a name from a keyword.
inline constexpr auto kReservedSorted = [] {
  auto all = kKeywords;
  std::sort(all.begin(), all.end());
  return all;
}();

static_assert(std::adjacent_find(kReservedSorted.begin(), kReservedSorted.end()) == kReservedSorted.end(),
              "a keyword is listed twice");

// For each first letter, the range of kReservedSorted starting with it: the
// parser asks is_reserved() for every word it reads, so it compares a word
// with the two or three keywords of its letter, not with all of them.
inline constexpr auto kReservedByLetter = [] {
  std::array<std::pair<unsigned char, unsigned char>, 128> ranges{};
  for (std::size_t i = 0; i < kReservedSorted.size(); ++i) {
    auto c = static_cast<unsigned char>(kReservedSorted[i][0]);
    if (ranges[c].second == 0) ranges[c].first = static_cast<unsigned char>(i);
    ranges[c].second = static_cast<unsigned char>(i + 1);
  }
  return ranges;
}();

constexpr bool is_reserved(std::string_view word) {
  if (word.empty() || static_cast<unsigned char>(word[0]) >= 128) return false;
  auto [lo, hi] = kReservedByLetter[static_cast<unsigned char>(word[0])];
  for (std::size_t i = lo; i < hi; ++i)
    if (kReservedSorted[i] == word) return true;
  return false;
}

// The subsets must be keywords themselves.
static_assert(std::all_of(kDeclarationKeywords.begin(), kDeclarationKeywords.end(), is_reserved));
static_assert(std::all_of(kExpressionKeywords.begin(), kExpressionKeywords.end(), is_reserved));

constexpr bool is_declaration_keyword(std::string_view word) {
  return std::find(kDeclarationKeywords.begin(), kDeclarationKeywords.end(), word) != kDeclarationKeywords.end();
}

// The index of `word` in kReservedSorted; not a constant expression (a compile
// error) when the grammar names a word that is not in the lists above.
consteval std::size_t keyword_index(std::string_view word) {
  for (std::size_t i = 0; i < kReservedSorted.size(); ++i)
    if (kReservedSorted[i] == word) return i;
  throw "the grammar uses a keyword that is not listed in grammar/keywords.hpp";
}

}  // namespace cxv::grammar
