#include "format/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

namespace cxv::format {
namespace {

struct Line {
  std::string_view text;  // without its '\n'
  bool newline = true;    // false only for a last line with no '\n'
  bool operator==(const Line&) const = default;
};

std::vector<Line> split_lines(std::string_view s) {
  std::vector<Line> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back({s.substr(start), false});
      break;
    }
    out.push_back({s.substr(start, nl - start), true});
    start = nl + 1;
  }
  return out;
}

enum class Op : std::uint8_t { keep, remove, add };
struct Edit {
  Op op;
  std::size_t a;  // index in before (keep, remove)
  std::size_t b;  // index in after (keep, add)
};

// The edit script from a to b: keeps of a longest common subsequence.
std::vector<Edit> edit_script(const std::vector<Line>& a, const std::vector<Line>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::size_t n = a.size() - prefix - suffix;
  std::size_t m = b.size() - prefix - suffix;

  std::vector<Edit> edits;
  for (std::size_t i = 0; i < prefix; ++i) edits.push_back({Op::keep, i, i});
  if (n * m <= kMaxDiffCells) {
    // lcs[i][j]: the LCS length of a[prefix+i..] and b[prefix+j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        edits.push_back({Op::keep, prefix + i++, prefix + j++});
      } else if (j < m && (i == n || at(i, j + 1) > at(i + 1, j))) {
        edits.push_back({Op::add, prefix + i, prefix + j++});
      } else {
        edits.push_back({Op::remove, prefix + i++, prefix + j});
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) edits.push_back({Op::remove, prefix + i, prefix});
    for (std::size_t j = 0; j < m; ++j) edits.push_back({Op::add, prefix + n, prefix + j});
  }
  for (std::size_t k = 0; k < suffix; ++k)
    edits.push_back({Op::keep, a.size() - suffix + k, b.size() - suffix + k});
  return edits;
}

void put_line(std::string& out, char mark, const Line& line) {
  out += mark;
  out += line.text;
  out += '\n';
  if (!line.newline) out += "\\ No newline at end of file\n";
}

// `diff -u` writes a hunk's range as start,count; an empty range starts at the line before it.
std::string range(std::size_t first, std::size_t count) {
  std::size_t start = count == 0 ? first : first + 1;
  return count == 1 ? fmt::format("{}", start) : fmt::format("{},{}", start, count);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view before_name,
                         std::string_view after_name, int context) {
  if (before == after) return {};
  std::vector<Line> a = split_lines(before);
  std::vector<Line> b = split_lines(after);
  std::vector<Edit> edits = edit_script(a, b);
  std::size_t ctx = static_cast<std::size_t>(std::max(context, 0));

  std::string out = fmt::format("--- {}\n+++ {}\n", before_name, after_name);
  std::size_t k = 0;
  while (k < edits.size()) {
    // The next change, and the hunk around it: changes closer than 2*ctx keeps join one hunk.
    while (k < edits.size() && edits[k].op == Op::keep) ++k;
    if (k == edits.size()) break;
    std::size_t begin = k >= ctx ? k - ctx : 0;
    while (begin < k && edits[begin].op != Op::keep) ++begin;
    std::size_t end = k;
    while (true) {
      while (end < edits.size() && edits[end].op != Op::keep) ++end;
      std::size_t keeps = 0;
      while (end + keeps < edits.size() && edits[end + keeps].op == Op::keep) ++keeps;
      if (end + keeps < edits.size() && keeps <= 2 * ctx) {
        end += keeps;
        continue;
      }
      end += std::min(keeps, ctx);
      break;
    }
    std::size_t a_first = edits[begin].a, b_first = edits[begin].b, a_count = 0, b_count = 0;
    for (std::size_t e = begin; e < end; ++e) {
      if (edits[e].op != Op::add) ++a_count;
      if (edits[e].op != Op::remove) ++b_count;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(a_first, a_count), range(b_first, b_count));
    for (std::size_t e = begin; e < end; ++e) {
      switch (edits[e].op) {
        case Op::keep: put_line(out, ' ', a[edits[e].a]); break;
        case Op::remove: put_line(out, '-', a[edits[e].a]); break;
        case Op::add: put_line(out, '+', b[edits[e].b]); break;
      }
    }
    k = end;
  }
  return out;
}

}  // namespace cxv::format
