// LSP positions and ranges as JSON, and spans of any file of an analysis as ranges.
#include "lsp/features.hpp"
#include "lsp/uri.hpp"

namespace cxv::lsp {

json to_json(LspPosition p) { return json{{"line", p.line}, {"character", p.character}}; }

json to_json(const LspRange& r) { return json{{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

std::optional<LspPosition> position_from_json(const json& j) {
  if (!j.is_object()) return std::nullopt;
  auto line = j.find("line");
  auto character = j.find("character");
  if (line == j.end() || character == j.end() || !line->is_number_unsigned() || !character->is_number_unsigned())
    return std::nullopt;
  // uinteger in the specification: 0 to 2^31 - 1.
  auto l = line->get<std::uint64_t>();
  auto c = character->get<std::uint64_t>();
  if (l > 0x7fffffffu || c > 0x7fffffffu) return std::nullopt;
  return LspPosition{static_cast<std::uint32_t>(l), static_cast<std::uint32_t>(c)};
}

std::optional<LspRange> range_from_json(const json& j) {
  if (!j.is_object() || !j.contains("start") || !j.contains("end")) return std::nullopt;
  auto start = position_from_json(j["start"]);
  auto end = position_from_json(j["end"]);
  if (!start || !end) return std::nullopt;
  return LspRange{*start, *end};
}

std::string file_uri(const Analysis& analysis, std::size_t file, const std::string& document_uri) {
  if (file == 0) return document_uri;
  if (file >= analysis.check().sources.size()) return "";
  const std::string& path = analysis.check().sources.file(static_cast<FileId>(file)).path();
  if (path.rfind("<stdlib>", 0) == 0) return "";
  return uri_from_path(path);
}

LspRange span_range(const Analysis& analysis, Span span) {
  if (span.file == 0) return analysis.lines().range(span.begin, span.end);
  if (span.file >= analysis.check().sources.size()) return {};
  LineIndex lines(analysis.check().sources.file(span.file).text());
  return lines.range(span.begin, span.end);
}

}  // namespace cxv::lsp
