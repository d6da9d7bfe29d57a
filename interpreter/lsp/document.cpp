#include "lsp/document.hpp"

#include <algorithm>

namespace cxv::lsp {

void Document::apply(const std::vector<TextChange>& changes) {
  for (const TextChange& change : changes) {
    if (!change.range) {
      text = change.text;
      continue;
    }
    LineIndex lines(text);
    std::uint32_t begin = lines.offset(change.range->start);
    std::uint32_t end = lines.offset(change.range->end);
    if (end < begin) std::swap(begin, end);  // a reversed range from a confused client
    text.replace(begin, end - begin, change.text);
  }
}

}  // namespace cxv::lsp
