#pragma once
// cxv fmt as a library: a .cxv text in, its canonical layout or diagnostics out.
// Nothing here reads or writes files, prints or exits (cli/fmt_command.cpp does
// the files). docs/formatting.md describes the layout and the safety check.

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace cxv::format {

struct FormatResult {
  SourceMap sources;        // the input text (file 0), for rendering diagnostics
  Diagnostics diagnostics;  // syntax errors of the input, or E023 when the safety check failed
  // The formatted text; absent whenever there is an error. A caller must
  // never write anything when it is absent.
  std::optional<std::string> formatted;
  // The input exactly as given, for comparing and diffing.
  const std::string& original() const { return sources.file(0).text(); }
  bool changed() const { return formatted && *formatted != original(); }
};

// Formats `text`; `path` names it in diagnostics.
//
// A file with syntax errors is not formatted: its diagnostics are the parser's
// (E001-E022). Otherwise the output is checked before it is returned: it must
// lex to the same tokens, comments included and still on their own lines or at
// line ends; the grammar must read the same structure from it; and it must
// parse without errors. If any of that fails, the result is an E023 error
// and no text.
FormatResult format_source(std::string path, std::string text);

// The safety check on its own: why `output` is not a faithful layout of
// `input` (which must parse), or nothing when it is. Faithful means: the same
// tokens in the same order (whitespace and `;` aside, a comment's trailing
// spaces aside), each comment still on its own line or still at a line's end,
// the same structure as the grammar reads it, and no syntax error.
std::optional<std::string> unfaithful_layout(std::string_view input, std::string_view output);

}  // namespace cxv::format
