// JSON for scripts and editors: one document for the whole run. The schema is
// documented in docs/diagnostics-formats.md; keys are only ever added, never
// renamed, and their order is fixed (ordered_json) so output is deterministic.

#include <nlohmann/json.hpp>

#include "diag/render.hpp"
#include "diag/render_location.hpp"

namespace cxv {
namespace {

using nlohmann::ordered_json;
using render_detail::Location;

ordered_json number_or_null(std::uint32_t n) { return n == 0 ? ordered_json(nullptr) : ordered_json(n); }

// file, line, column, end_line, end_column; null for what is unknown.
void put_location(ordered_json& j, const Location& loc) {
  j["file"] = loc.file.empty() ? ordered_json(nullptr) : ordered_json(loc.file);
  j["line"] = number_or_null(loc.line);
  j["column"] = number_or_null(loc.col);
  j["end_line"] = number_or_null(loc.end_line);
  j["end_column"] = number_or_null(loc.end_col);
}

ordered_json diagnostic_json(const SourceMap& sources, const Diagnostic& d) {
  ordered_json j = ordered_json::object();
  put_location(j, render_detail::locate(sources, d));
  j["severity"] = render_detail::severity_name(d.severity);
  j["code"] = d.code;
  const CodeInfo* info = find_code(d.code);
  j["name"] = info ? ordered_json(std::string(info->name)) : ordered_json(nullptr);
  j["message"] = d.message;
  j["help"] = d.help.empty() ? ordered_json(nullptr) : ordered_json(d.help);
  // A CSV problem also points at the .cxv declaration it broke.
  if (!d.external_file.empty() && d.span) {
    ordered_json decl = ordered_json::object();
    put_location(decl, render_detail::locate(sources, d.span));
    j["source_location"] = decl;
  }
  ordered_json notes = ordered_json::array();
  for (const Note& n : d.notes) {
    ordered_json note = ordered_json::object();
    put_location(note, render_detail::locate(sources, n.span));
    note["message"] = n.message;
    notes.push_back(std::move(note));
  }
  j["notes"] = std::move(notes);
  return j;
}

}  // namespace

std::string render_json(const std::vector<DiagnosticSet>& sets, const std::string& tool_version) {
  ordered_json doc = ordered_json::object();
  doc["version"] = 1;  // of this schema
  doc["tool"] = {{"name", "cxv"}, {"version", tool_version}};
  ordered_json files = ordered_json::array();
  ordered_json diagnostics = ordered_json::array();
  for (const DiagnosticSet& set : sets) {
    if (!set.sources || !set.diagnostics) continue;
    if (std::string f = checked_file(set); !f.empty()) files.push_back(f);
    for (const Diagnostic& d : set.diagnostics->all()) diagnostics.push_back(diagnostic_json(*set.sources, d));
  }
  DiagnosticCounts counts = count_diagnostics(sets);
  doc["files"] = std::move(files);
  doc["diagnostics"] = std::move(diagnostics);
  doc["summary"] = {{"errors", counts.errors}, {"warnings", counts.warnings}};
  // Invalid UTF-8 (quoted from a broken source) becomes U+FFFD instead of throwing.
  return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + '\n';
}

std::string render_json(const SourceMap& sources, const Diagnostics& diagnostics, const std::string& tool_version) {
  return render_json(std::vector<DiagnosticSet>{{&sources, &diagnostics, {}}}, tool_version);
}

}  // namespace cxv
