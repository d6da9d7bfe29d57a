// publishDiagnostics: the checker's diagnostics in LSP's shape.
#include <fmt/format.h>

#include "lsp/features.hpp"

namespace cxv::lsp {

namespace {

int severity(Severity s) {
  switch (s) {
    case Severity::error: return 1;
    case Severity::warning: return 2;
    case Severity::note: return 3;
  }
  return 1;
}

// Where in the document a problem in an imported file is shown: on the
// import that brought the file in (matched by the end of its path), else at
// the top of the document.
LspRange import_range(const Analysis& analysis, FileId file) {
  const std::string& path = analysis.check().sources.file(file).path();
  for (const ast::Decl& d : analysis.files()[0].decls) {
    const auto* imp = std::get_if<ast::Import>(&d);
    if (!imp) continue;
    const std::string& written = imp->path.value;
    for (const std::string& form : {written, written + ".cxv"})
      if (!form.empty() && path.size() >= form.size() && path.compare(path.size() - form.size(), form.size(), form) == 0)
        return analysis.lines().range(imp->span.begin, imp->span.end);
  }
  return {};
}

std::string place(const Analysis& analysis, Span span) {
  const SourceFile& f = analysis.check().sources.file(span.file);
  Position p = f.position(span.begin);
  return fmt::format("{}:{}:{}", f.path(), p.line, p.col);
}

}  // namespace

json publish_diagnostics(const Analysis& analysis, const std::string& uri, std::optional<int> version) {
  json list = json::array();
  const std::size_t files = analysis.check().sources.size();
  for (const Diagnostic& d : analysis.check().diagnostics.all()) {
    json out;
    std::string message = d.message;
    LspRange range;
    if (d.span && d.span->file == 0) {
      range = analysis.lines().range(d.span->begin, d.span->end);
    } else if (d.span && d.span->file < files) {
      range = import_range(analysis, d.span->file);
      message = "in " + place(analysis, *d.span) + ": " + message;
    }
    if (!d.external_file.empty()) {
      message += d.external_line > 0 ? fmt::format(" ({}:{}:{})", d.external_file, d.external_line, d.external_col)
                                     : fmt::format(" ({})", d.external_file);
    }
    json related = json::array();
    for (const Note& n : d.notes) {
      std::string note_uri = n.span && n.span->file < files ? file_uri(analysis, n.span->file, uri) : "";
      if (note_uri.empty()) {
        message += "\nnote: " + n.message;
        continue;
      }
      related.push_back({{"location", {{"uri", note_uri}, {"range", to_json(span_range(analysis, *n.span))}}},
                         {"message", n.message}});
    }
    if (!d.help.empty()) message += "\nhelp: " + d.help;
    out["range"] = to_json(range);
    out["severity"] = severity(d.severity);
    out["code"] = d.code;
    out["source"] = "cxv";
    out["message"] = message;
    if (!related.empty()) out["relatedInformation"] = related;
    list.push_back(std::move(out));
  }
  json params{{"uri", uri}, {"diagnostics", list}};
  if (version) params["version"] = *version;
  return params;
}

}  // namespace cxv::lsp
