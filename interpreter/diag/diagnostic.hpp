#pragma once
// The one diagnostic model. Every stage (parser, checker, lints, data loading,
// evaluation) reports user errors as Diagnostic values collected in a
// Diagnostics list; nothing in the library prints, throws at the user or exits.
// Renderers (render.hpp) turn the list into terminal text, JSON, SARIF and LSP.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/source.hpp"

namespace cxv {

enum class Severity { error, warning, note };

// A secondary location with its own message ("'kpi churn' opened here").
struct Note {
  std::optional<Span> span;
  std::string message;
};

struct Diagnostic {
  std::string code;           // stable: "E031", "L003"; see codes.def
  Severity severity = Severity::error;
  std::optional<Span> span;   // absent for whole-run problems (a missing file on the command line)
  std::string message;        // one line, no trailing period, in the analyst's language
  std::vector<Note> notes;    // secondary locations and context
  std::string help;           // what to do about it ("did you mean 'churn'?"); may be empty
  // For problems in non-.cxv files (CSV data): the file and its 1-based line/column.
  std::string external_file;
  std::uint32_t external_line = 0;
  std::uint32_t external_col = 0;
};

class Diagnostics {
 public:
  Diagnostic& add(Diagnostic d);
  Diagnostic& error(std::string code, std::optional<Span> span, std::string message);
  Diagnostic& warning(std::string code, std::optional<Span> span, std::string message);

  const std::vector<Diagnostic>& all() const { return items_; }
  std::vector<Diagnostic>& all() { return items_; }
  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool empty() const { return items_.empty(); }
  void append(const Diagnostics& other);
  // Sort by file, then position, then code; stable, so output is deterministic.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

// The registry of every code the library can emit (codes.def): its severity
// by default, a short kebab-case name (SARIF rule name) and a one-line summary.
struct CodeInfo {
  std::string_view code;
  std::string_view name;
  Severity default_severity;
  std::string_view summary;
};

const std::vector<CodeInfo>& all_codes();
const CodeInfo* find_code(std::string_view code);

}  // namespace cxv
