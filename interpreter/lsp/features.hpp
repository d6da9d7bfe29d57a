#pragma once
// The language features, each a function from an analysed document and the
// request's parameters to the JSON result the specification defines. The
// server (server.hpp) routes requests to them; they never write anything.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "lsp/analysis.hpp"
#include "lsp/text_position.hpp"

namespace cxv::lsp {

using json = nlohmann::json;

// textDocument/publishDiagnostics params: the checker's diagnostics as LSP
// Diagnostics (same codes and messages as `cxv check`; help and notes
// without a location appended to the message; located notes as related
// information).
json publish_diagnostics(const Analysis& analysis, const std::string& uri, std::optional<int> version);

// textDocument/hover: a Hover, or null when there is nothing to say.
json hover(const Analysis& analysis, LspPosition position);

// textDocument/definition: a Location, or null.
json definition(const Analysis& analysis, const std::string& uri, LspPosition position);
// textDocument/references: Location[] (with the declaration when asked).
json references(const Analysis& analysis, const std::string& uri, LspPosition position, bool include_declaration);
// textDocument/documentSymbol: DocumentSymbol[], declarations with their
// columns or parameters as children.
json document_symbols(const Analysis& analysis);
// textDocument/prepareRename: {range, placeholder}, or null where nothing can be renamed.
json prepare_rename(const Analysis& analysis, LspPosition position);
// textDocument/rename: a WorkspaceEdit; a message in `error` when the rename is refused.
json rename(const Analysis& analysis, const std::string& uri, LspPosition position, const std::string& new_name,
            std::string& error);
// textDocument/completion: CompletionItem[] for the position.
json completion(const Analysis& analysis, LspPosition position);

// textDocument/formatting: TextEdit[] (empty when the text is already in the
// canonical layout); a message in `error` when the text cannot be formatted.
json formatting(const std::string& path, const std::string& text, std::string& error);

// The URI of a file of the analysis (0: the document); empty for the embedded
// standard library, which has no file to open.
std::string file_uri(const Analysis& analysis, std::size_t file, const std::string& document_uri);
// The LSP range of a span in any file of the analysis.
LspRange span_range(const Analysis& analysis, Span span);
json to_json(LspPosition p);
json to_json(const LspRange& r);
std::optional<LspPosition> position_from_json(const json& j);
std::optional<LspRange> range_from_json(const json& j);

// A short meaning of a reserved word, built-in function or unit word; empty
// when the word is none of them.
std::string word_meaning(const std::string& word);
// True when `name` can be written as a declaration's name: an identifier that
// is not a reserved word.
bool valid_new_name(const std::string& name);

}  // namespace cxv::lsp
