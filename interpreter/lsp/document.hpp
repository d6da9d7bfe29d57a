#pragma once
// An open document: the text the editor holds (not what is on disk), kept in
// step with `didChange` notifications.

#include <optional>
#include <string>
#include <vector>

#include "lsp/text_position.hpp"

namespace cxv::lsp {

// One entry of `contentChanges`: a replacement of `range` by `text`, or the
// whole new text when there is no range.
struct TextChange {
  std::optional<LspRange> range;
  std::string text;
};

struct Document {
  std::string uri;
  std::string path;     // the file path for diagnostics and relative imports
  int version = 0;
  std::string text;

  // Applies the changes in order, each to the result of the previous one, as
  // the specification says. Positions are clamped to the text.
  void apply(const std::vector<TextChange>& changes);
};

}  // namespace cxv::lsp
