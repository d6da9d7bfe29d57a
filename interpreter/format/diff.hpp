#pragma once
// A unified diff of two texts, line by line, as `diff -u` prints it: for
// `cxv fmt --check`, to show what formatting would change.

#include <string>
#include <string_view>

namespace cxv::format {

// The diff from `before` to `after`, with `---`/`+++` headers naming
// `before_name` and `after_name`, hunks with `@@ -a,b +c,d @@` headers and
// `context` unchanged lines around each change. Empty when the texts are equal.
// A line without a final newline is marked `\ No newline at end of file`.
//
// Lines are matched by a longest common subsequence, after the common prefix
// and suffix are set aside. When the rest is too large for that table (over
// kMaxDiffCells line pairs) the rest is shown as one removal and one addition:
// still a correct diff, only not a minimal one.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view before_name,
                         std::string_view after_name, int context = 3);

inline constexpr std::size_t kMaxDiffCells = 16'000'000;

}  // namespace cxv::format
