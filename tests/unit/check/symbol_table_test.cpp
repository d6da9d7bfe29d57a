// The checker's name table (check/symbol_table.hpp): finds what was added,
// keeps the first of two equal names, and survives growing.
#include <doctest/doctest.h>

#include <string>

#include "check/symbol_table.hpp"

using cxv::check::NameTable;

TEST_CASE("a name table finds every name added, through many grows") {
  NameTable<int> t;
  CHECK(t.find("k0") == nullptr);
  for (int i = 0; i < 20000; ++i) {
    auto [entry, added] = t.emplace("k" + std::to_string(i), i);
    CHECK(added);
    CHECK(entry->second == i);
  }
  CHECK(t.size() == 20000);
  for (int i = 0; i < 20000; i += 7) {
    const auto* e = t.find("k" + std::to_string(i));
    REQUIRE(e != nullptr);
    CHECK(e->second == i);
  }
  CHECK(t.find("k20000") == nullptr);
  CHECK(t.find("") == nullptr);
  CHECK(t.find("K1") == nullptr);
}

TEST_CASE("a repeated name keeps the first entry and says it was not added") {
  NameTable<int> t;
  t.emplace("churn", 1);
  auto [entry, added] = t.emplace("churn", 2);
  CHECK_FALSE(added);
  CHECK(entry->second == 1);
  CHECK(t.find("churn")->second == 1);
  CHECK(t.size() == 1);
}

TEST_CASE("entries keep the order they were added in") {
  NameTable<int> t;
  for (const char* n : {"zeta", "alpha", "mid"}) t.emplace(n, 0);
  REQUIRE(t.entries().size() == 3);
  CHECK(t.entries()[0].first == "zeta");
  CHECK(t.entries()[1].first == "alpha");
  CHECK(t.entries()[2].first == "mid");
}
