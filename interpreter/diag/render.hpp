#pragma once
// Renderers: the one diagnostic model (diagnostic.hpp) shown three ways.
//
//   text   what a person reads in a terminal, in the `path:line:col: error[E031]: message`
//          shape that gcc-style problem matchers (VS Code, CI annotations) recognise,
//          followed by the source line, a gutter and a caret under the span;
//   json   a stable document for scripts (schema in docs/diagnostics-formats.md);
//   sarif  SARIF 2.1.0, for code-scanning dashboards.
//
// Each renderer takes one or more DiagnosticSets, because `cxv check a.cxv b.cxv`
// checks each file on its own (each with its own SourceMap) but reports them in
// one output. Renderers return strings; they never print.

#include <cstddef>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace cxv {

// The diagnostics of one checked file, with the sources their spans point into.
struct DiagnosticSet {
  const SourceMap* sources = nullptr;
  const Diagnostics* diagnostics = nullptr;
  // The file that was checked, as the user named it. Empty: the main file of
  // `sources` (file 0). Set it when the file could not even be read.
  std::string file;
};

// The checked file a set stands for (its `file`, else the main file of its sources).
std::string checked_file(const DiagnosticSet& set);

struct TextOptions {
  bool color = false;          // ANSI colours (the CLI decides: TTY and no NO_COLOR)
  bool show_warnings = true;   // false: errors only (`--quiet`)
  bool summary = true;         // the closing "error: 2 errors, 1 warning in x.cxv" line
};

// Counts that the summary line and the CLI's exit code are based on.
struct DiagnosticCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
};
DiagnosticCounts count_diagnostics(const std::vector<DiagnosticSet>& sets);

std::string render_text(const std::vector<DiagnosticSet>& sets, const TextOptions& options = {});
std::string render_text(const SourceMap& sources, const Diagnostics& diagnostics,
                        const TextOptions& options = {});

// The summary line alone ("error: 2 errors, 1 warning in telecom.cxv"), with its newline.
std::string render_summary(DiagnosticCounts counts, const std::vector<std::string>& files, bool color = false);

// `tool_version` is written into the documents ("0.1.0").
std::string render_json(const std::vector<DiagnosticSet>& sets, const std::string& tool_version);
std::string render_json(const SourceMap& sources, const Diagnostics& diagnostics,
                        const std::string& tool_version);

std::string render_sarif(const std::vector<DiagnosticSet>& sets, const std::string& tool_version);
std::string render_sarif(const SourceMap& sources, const Diagnostics& diagnostics,
                         const std::string& tool_version);

}  // namespace cxv
