// textDocument/formatting: the `cxv fmt` layout (format/formatter.hpp) as one
// edit over the whole document.
#include "format/formatter.hpp"
#include "lsp/features.hpp"

namespace cxv::lsp {

json formatting(const std::string& path, const std::string& text, std::string& error) {
  format::FormatResult result = format::format_source(path, text);
  if (!result.formatted) {
    for (const Diagnostic& d : result.diagnostics.all())
      if (d.code == "E023") {
        error = "cxv fmt could not format this file safely: " + d.message;
        return nullptr;
      }
    error = "the file has syntax errors (see the Problems panel); cxv fmt formats only files that parse";
    return nullptr;
  }
  json edits = json::array();
  if (*result.formatted == text) return edits;
  LineIndex lines(text);
  LspRange whole{{0, 0}, lines.position(static_cast<std::uint32_t>(text.size()))};
  edits.push_back({{"range", to_json(whole)}, {"newText", *result.formatted}});
  return edits;
}

}  // namespace cxv::lsp
