#include "format/formatter.hpp"

#include "format/printer.hpp"
#include "format/structure.hpp"
#include "format/tokens.hpp"
#include "syntax/parser.hpp"

namespace cxv::format {
namespace {

// The structure marks as token positions: comparable between the input and
// the output, whose byte offsets differ but whose tokens must not.
std::vector<std::pair<std::size_t, Mark>> marks_by_token(const std::vector<Token>& tokens, const Structure& s) {
  std::vector<std::pair<std::size_t, Mark>> out;
  out.reserve(s.marks.size());
  for (const MarkAt& m : s.marks) {
    std::size_t lo = 0, hi = tokens.size();
    bool at_end = m.mark == Mark::declaration_end;
    // Tokens are sorted by offset: find the token that begins (or ends) at the mark.
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2;
      std::uint32_t key = at_end ? tokens[mid].end : tokens[mid].begin;
      if (key < m.offset) lo = mid + 1; else hi = mid;
    }
    out.emplace_back(lo, m.mark);
  }
  return out;
}

void refuse(FormatResult& r, std::string why) {
  Diagnostic d;
  d.code = "E023";
  d.severity = Severity::error;
  d.span = Span{r.sources.file(0).id(), 0, 0};
  d.message = "cxv fmt could not format this file without changing it: " + why;
  d.help = "nothing was written; please report this with the file, and format it by hand meanwhile";
  r.diagnostics.add(std::move(d));
  r.formatted.reset();
}

}  // namespace

std::optional<std::string> unfaithful_layout(std::string_view input, std::string_view output) {
  LexResult in_tokens = lex(input);
  std::optional<Structure> in_structure = read_structure(input);
  if (in_tokens.error_offset || !in_structure) return "the input itself could not be read";
  LexResult out_tokens = lex(output);
  if (out_tokens.error_offset || !same_tokens(in_tokens.tokens, out_tokens.tokens))
    return "its tokens or comments would change";
  std::optional<Structure> out_structure = read_structure(output);
  if (!out_structure ||
      marks_by_token(in_tokens.tokens, *in_structure) != marks_by_token(out_tokens.tokens, *out_structure))
    return "the layout would change how the file parses";
  SourceMap map;
  Diagnostics diags;
  (void)parse(map.file(map.add("formatted.cxv", std::string(output))), diags);
  if (diags.has_errors()) return "the formatted text would not parse";
  return std::nullopt;
}

FormatResult format_source(std::string path, std::string text) {
  FormatResult r;
  FileId id = r.sources.add(std::move(path), std::move(text));
  const SourceFile& file = r.sources.file(id);
  const std::string& input = file.text();

  (void)parse(file, r.diagnostics);
  if (r.diagnostics.has_errors()) return r;

  LexResult tokens = lex(input);
  if (tokens.error_offset) {
    refuse(r, "the formatter cannot read a token the parser accepted");
    r.diagnostics.all().back().span = Span{id, *tokens.error_offset, *tokens.error_offset};
    return r;
  }
  std::string why;
  std::optional<Structure> structure = read_structure(input, &why);
  if (!structure) {
    refuse(r, "the formatter's reading of the grammar failed (" + why + ")");
    return r;
  }
  std::string out = print(tokens.tokens, *structure);
  if (std::optional<std::string> problem = unfaithful_layout(input, out)) {
    refuse(r, *problem);
    return r;
  }
  r.formatted = std::move(out);
  return r;
}

}  // namespace cxv::format
