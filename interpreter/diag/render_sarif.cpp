// SARIF 2.1.0 (OASIS), the format code-scanning dashboards import. One run, with
// every code the library can emit as a rule (so ruleIndex is stable across runs)
// and one result per diagnostic. Columns count Unicode code points, which the
// run declares through columnKind.

#include <cstdio>
#include <nlohmann/json.hpp>

#include "diag/render.hpp"
#include "diag/render_location.hpp"

namespace cxv {
namespace {

using nlohmann::ordered_json;
using render_detail::Location;

constexpr const char* kSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

// A path as the user gave it, written as a URI reference: relative paths stay
// relative (SARIF viewers resolve them against the checkout), absolute ones get
// a file:// scheme, and characters outside the URI alphabet are %-escaped.
std::string path_to_uri(const std::string& path) {
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (unsigned char c : path) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                 c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// A physicalLocation, or null when the location names no file.
ordered_json physical_location(const Location& loc) {
  if (loc.file.empty()) return nullptr;
  ordered_json p = ordered_json::object();
  p["artifactLocation"] = {{"uri", path_to_uri(loc.file)}};
  if (loc.line == 0) return p;
  ordered_json region = ordered_json::object();
  region["startLine"] = loc.line;
  if (loc.col != 0) region["startColumn"] = loc.col;
  if (loc.end_line != 0) region["endLine"] = loc.end_line;
  if (loc.end_col != 0) region["endColumn"] = loc.end_col;
  p["region"] = std::move(region);
  return p;
}

ordered_json rules_json() {
  ordered_json rules = ordered_json::array();
  for (const CodeInfo& c : all_codes()) {
    ordered_json r = ordered_json::object();
    r["id"] = c.code;
    r["name"] = c.name;
    r["shortDescription"] = {{"text", c.summary}};
    r["defaultConfiguration"] = {{"level", sarif_level(c.default_severity)}};
    rules.push_back(std::move(r));
  }
  return rules;
}

long rule_index(const std::string& code) {
  const auto& codes = all_codes();
  for (std::size_t i = 0; i < codes.size(); ++i)
    if (codes[i].code == code) return static_cast<long>(i);
  return -1;
}

ordered_json result_json(const SourceMap& sources, const Diagnostic& d) {
  ordered_json r = ordered_json::object();
  r["ruleId"] = d.code;
  if (long i = rule_index(d.code); i >= 0) r["ruleIndex"] = i;
  r["level"] = sarif_level(d.severity);
  std::string text = d.message;
  if (!d.help.empty()) text += "\nhelp: " + d.help;
  r["message"] = {{"text", text}};

  ordered_json locations = ordered_json::array();
  ordered_json primary = physical_location(render_detail::locate(sources, d));
  if (!primary.is_null()) locations.push_back({{"physicalLocation", primary}});
  r["locations"] = std::move(locations);

  // Notes with a place, and the declaration behind a CSV problem, are related locations.
  ordered_json related = ordered_json::array();
  if (!d.external_file.empty() && d.span) {
    ordered_json p = physical_location(render_detail::locate(sources, d.span));
    if (!p.is_null())
      related.push_back({{"id", related.size()}, {"physicalLocation", p}, {"message", {{"text", "declared here"}}}});
  }
  for (const Note& n : d.notes) {
    ordered_json p = physical_location(render_detail::locate(sources, n.span));
    if (p.is_null()) continue;
    related.push_back({{"id", related.size()}, {"physicalLocation", p}, {"message", {{"text", n.message}}}});
  }
  if (!related.empty()) r["relatedLocations"] = std::move(related);
  return r;
}

}  // namespace

std::string render_sarif(const std::vector<DiagnosticSet>& sets, const std::string& tool_version) {
  ordered_json driver = ordered_json::object();
  driver["name"] = "cxv";
  driver["version"] = tool_version;
  driver["semanticVersion"] = tool_version;
  driver["rules"] = rules_json();

  ordered_json results = ordered_json::array();
  for (const DiagnosticSet& set : sets) {
    if (!set.sources || !set.diagnostics) continue;
    for (const Diagnostic& d : set.diagnostics->all()) results.push_back(result_json(*set.sources, d));
  }

  ordered_json run = ordered_json::object();
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);

  ordered_json log = ordered_json::object();
  log["$schema"] = kSchema;
  log["version"] = "2.1.0";
  log["runs"] = ordered_json::array({std::move(run)});
  return log.dump(2, ' ', false, ordered_json::error_handler_t::replace) + '\n';
}

std::string render_sarif(const SourceMap& sources, const Diagnostics& diagnostics, const std::string& tool_version) {
  return render_sarif(std::vector<DiagnosticSet>{{&sources, &diagnostics, {}}}, tool_version);
}

}  // namespace cxv
