// Definition, references, document symbols and rename: everything the symbol index answers directly.
#include <algorithm>
#include <cctype>

#include "lsp/features.hpp"
#include "lsp/uri.hpp"

namespace cxv::lsp {

namespace {

// The file an import brought in: the source whose path ends with what the import wrote.
std::optional<std::size_t> imported_file(const Analysis& analysis, const std::string& written) {
  const SourceMap& sources = analysis.check().sources;
  for (FileId id = 1; id < sources.size(); ++id) {
    const std::string& path = sources.file(id).path();
    for (const std::string& form : {written, written + ".cxv"})
      if (!form.empty() && path.size() >= form.size() && path.compare(path.size() - form.size(), form.size(), form) == 0)
        return id;
  }
  return std::nullopt;
}

json location(const Analysis& analysis, const std::string& document_uri, std::size_t file, Span span) {
  std::string uri = file_uri(analysis, file, document_uri);
  if (uri.empty()) return nullptr;
  return json{{"uri", uri}, {"range", to_json(span_range(analysis, span))}};
}

int lsp_symbol_kind(SymbolKind kind) {
  // LSP SymbolKind numbers: the icon the outline shows.
  switch (kind) {
    case SymbolKind::framework: return 3;     // Namespace
    case SymbolKind::import: return 1;        // File
    case SymbolKind::stakeholder: return 19;  // Object
    case SymbolKind::table: return 23;        // Struct
    case SymbolKind::column: return 8;        // Field
    case SymbolKind::kpi: return 13;          // Variable
    case SymbolKind::driver: return 25;       // Operator
    case SymbolKind::value: return 14;        // Constant
    case SymbolKind::initiative: return 5;    // Class
    case SymbolKind::experiment: return 24;   // Event
    case SymbolKind::funding: return 4;       // Package
    case SymbolKind::expect: return 17;       // Boolean
    case SymbolKind::function: return 12;     // Function
    case SymbolKind::param: return 13;        // Variable
  }
  return 13;
}

bool renamable(SymbolKind kind) {
  return kind != SymbolKind::framework && kind != SymbolKind::funding && kind != SymbolKind::expect &&
         kind != SymbolKind::import;
}

// The identifier around a byte offset of the document, for keyword checks.
std::string word_at(const std::string& text, std::uint32_t offset) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::uint32_t b = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  std::uint32_t e = b;
  while (b > 0 && is_word(text[b - 1])) --b;
  while (e < text.size() && is_word(text[e])) ++e;
  return text.substr(b, e - b);
}

}  // namespace

json definition(const Analysis& analysis, const std::string& uri, LspPosition position) {
  auto at = analysis.index().symbol_at(analysis.lines().offset(position));
  if (!at) return nullptr;
  const Symbol& s = analysis.index().symbol(*at);
  if (s.kind == SymbolKind::import) {
    auto file = imported_file(analysis, s.name);
    if (!file) return nullptr;
    return location(analysis, uri, *file, Span{static_cast<FileId>(*file), 0, 0});
  }
  return location(analysis, uri, s.file, s.name_span);
}

json references(const Analysis& analysis, const std::string& uri, LspPosition position, bool include_declaration) {
  json out = json::array();
  auto at = analysis.index().symbol_at(analysis.lines().offset(position));
  if (!at) return out;
  const Symbol& s = analysis.index().symbol(*at);
  if (include_declaration) {
    json decl = location(analysis, uri, s.file, s.name_span);
    if (!decl.is_null()) out.push_back(decl);
  }
  for (Span span : analysis.index().references_to(*at)) out.push_back(location(analysis, uri, 0, span));
  return out;
}

json document_symbols(const Analysis& analysis) {
  json out = json::array();
  const SymbolIndex& index = analysis.index();
  auto entry = [&](const Symbol& s) {
    json j{{"name", s.name.empty() ? std::string(kind_label(s.kind)) : s.name},
           {"detail", kind_label(s.kind)},
           {"kind", lsp_symbol_kind(s.kind)},
           {"range", to_json(analysis.lines().range(s.decl_span.begin, s.decl_span.end))},
           {"selectionRange", to_json(analysis.lines().range(s.name_span.begin, s.name_span.end))}};
    return j;
  };
  for (std::size_t i = 0; i < index.symbols().size(); ++i) {
    const Symbol& s = index.symbol(i);
    if (s.file != 0 || s.parent != kNoSymbol) continue;
    json j = entry(s);
    json children = json::array();
    for (std::size_t c : index.children(i)) children.push_back(entry(index.symbol(c)));
    if (!children.empty()) j["children"] = children;
    out.push_back(std::move(j));
  }
  return out;
}

json prepare_rename(const Analysis& analysis, LspPosition position) {
  auto at = analysis.index().symbol_at(analysis.lines().offset(position));
  if (!at) return nullptr;
  const Symbol& s = analysis.index().symbol(*at);
  if (s.file != 0 || !renamable(s.kind)) return nullptr;
  std::uint32_t offset = analysis.lines().offset(position);
  Span span = s.name_span;
  for (Span r : analysis.index().references_to(*at))
    if (r.begin <= offset && offset <= r.end) span = r;
  return json{{"range", to_json(analysis.lines().range(span.begin, span.end))}, {"placeholder", s.name}};
}

json rename(const Analysis& analysis, const std::string& uri, LspPosition position, const std::string& new_name,
            std::string& error) {
  std::uint32_t offset = analysis.lines().offset(position);
  auto at = analysis.index().symbol_at(offset);
  if (!at) {
    std::string word = word_at(analysis.text(), offset);
    error = !word.empty() && !word_meaning(word).empty()
                ? "'" + word + "' is part of the cxv language and cannot be renamed"
                : "there is no declared name here to rename";
    return nullptr;
  }
  const Symbol& s = analysis.index().symbol(*at);
  if (!renamable(s.kind)) {
    error = std::string("a ") + kind_label(s.kind) + " has a title, not a name: edit the text itself";
    return nullptr;
  }
  if (s.file != 0) {
    error = "'" + s.name + "' is declared in another file (" + analysis.check().sources.file(static_cast<FileId>(s.file)).path() +
            "); rename it there";
    return nullptr;
  }
  if (!valid_new_name(new_name)) {
    error = !word_meaning(new_name).empty() && new_name.find_first_not_of(
                                                   "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string::npos
                ? "'" + new_name + "' is a reserved word of cxv and cannot name a " + kind_label(s.kind)
                : "'" + new_name + "' is not a name: use letters, digits and '_', starting with a letter or '_'";
    return nullptr;
  }
  // Another declaration in the same namespace already has the name.
  const SymbolIndex& index = analysis.index();
  for (std::size_t i = 0; i < index.symbols().size(); ++i) {
    const Symbol& other = index.symbol(i);
    if (i == *at || other.name != new_name || other.parent != s.parent) continue;
    bool same_space = s.parent != kNoSymbol || other.kind == s.kind ||
                      (std::find(kExpressionKinds.begin(), kExpressionKinds.end(), s.kind) != kExpressionKinds.end() &&
                       std::find(kExpressionKinds.begin(), kExpressionKinds.end(), other.kind) != kExpressionKinds.end());
    if (same_space) {
      error = std::string("there is already a ") + kind_label(other.kind) + " named '" + new_name + "'";
      return nullptr;
    }
  }
  std::vector<Span> spans = index.references_to(*at);
  spans.push_back(s.name_span);
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
  spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
  json edits = json::array();
  for (Span span : spans)
    edits.push_back({{"range", to_json(analysis.lines().range(span.begin, span.end))}, {"newText", new_name}});
  return json{{"changes", {{uri, edits}}}};
}

}  // namespace cxv::lsp
