#include "check/suggest.hpp"

#include <algorithm>

namespace cxv {

int edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

int typo_threshold(std::string_view word) { return word.size() <= 4 ? 1 : 2; }

std::optional<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates) {
  // Very long names cost O(n*m); nobody misspells a 200-letter name.
  if (word.size() > 64) return std::nullopt;
  std::optional<std::string> best;
  int best_distance = typo_threshold(word) + 1;
  for (const auto& c : candidates) {
    if (c == word || c.size() > 64) continue;
    const int dist = edit_distance(word, c);
    if (dist < best_distance) {
      best_distance = dist;
      best = c;
    }
  }
  return best;
}

}  // namespace cxv
