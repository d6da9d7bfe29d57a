// The unified diff of `cxv fmt --check`.
#include <doctest/doctest.h>

#include "format/diff.hpp"

using cxv::format::unified_diff;

TEST_CASE("equal texts give no diff") { CHECK(unified_diff("a\nb\n", "a\nb\n", "x", "y") == ""); }

TEST_CASE("one changed line, with three lines of context and diff -u headers") {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  CHECK(unified_diff(before, after, "a.cxv.orig", "a.cxv") ==
        "--- a.cxv.orig\n+++ a.cxv\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("changes far apart make two hunks; close ones one") {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  std::string d = unified_diff(before, after, "a", "b");
  CHECK(d == "--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
  std::string close_after = before;
  close_after.replace(close_after.find("\n5\n"), 3, "\ny\n");
  close_after.replace(close_after.find("\n2\n"), 3, "\nx\n");
  std::string one = unified_diff(before, close_after, "a", "b");
  CHECK(one.find("\n@@ ") == one.rfind("\n@@ "));  // a single hunk header
  CHECK(one.find("@@ -1,8 +1,8 @@") != std::string::npos);
}

TEST_CASE("insertions and deletions, and ranges of empty sides") {
  CHECK(unified_diff("", "a\n", "o", "n") == "--- o\n+++ n\n@@ -0,0 +1 @@\n+a\n");
  CHECK(unified_diff("a\n", "", "o", "n") == "--- o\n+++ n\n@@ -1 +0,0 @@\n-a\n");
  CHECK(unified_diff("a\nb\n", "a\nx\ny\nb\n", "o", "n") == "--- o\n+++ n\n@@ -1,2 +1,4 @@\n a\n+x\n+y\n b\n");
}

TEST_CASE("a missing final newline is marked as diff -u marks it") {
  CHECK(unified_diff("a\nb", "a\nb\n", "o", "n") ==
        "--- o\n+++ n\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

TEST_CASE("a reindented file: the longest common subsequence keeps the unchanged lines") {
  std::string d = unified_diff("kpi k {\n target 1\n better lower\n}\n", "kpi k {\n  target 1\n  better lower\n}\n", "o", "n");
  CHECK(d == "--- o\n+++ n\n@@ -1,4 +1,4 @@\n kpi k {\n- target 1\n- better lower\n+  target 1\n+  better lower\n }\n");
}
