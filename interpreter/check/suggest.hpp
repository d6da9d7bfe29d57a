#pragma once
// Did-you-mean suggestions: the closest candidate by edit distance.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cxv {

// Damerau-Levenshtein distance (optimal string alignment): insertions,
// deletions, substitutions and swaps of two neighbouring letters each cost 1,
// so `monhts` is 1 away from `months`.
int edit_distance(std::string_view a, std::string_view b);

// The largest distance at which a word still looks like a typo of a
// candidate: 1 for short words (so `seat` is not taken for `year`), else 2.
int typo_threshold(std::string_view word);

// The closest candidate within typo_threshold(word), or nullopt. Ties go to
// the candidate listed first, so callers list the most likely kind first.
std::optional<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace cxv
