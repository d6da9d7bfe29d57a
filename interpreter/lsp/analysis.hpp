#pragma once
// Everything the server knows about one version of a document: the checker's
// result (diagnostics, and the checked program when there is no error), the
// AST of the document and of every file it imports, and the symbol index.
// Built once per version; the scorecard (for baselines on hover) is computed
// lazily, only when a hover asks for it, and then kept for the version.

#include <memory>
#include <string>
#include <vector>

#include "cxv/cxv.hpp"
#include "lsp/symbol_index.hpp"
#include "lsp/text_position.hpp"
#include "syntax/ast.hpp"

namespace cxv::lsp {

class Analysis {
 public:
  // Checks `text` as the file `path` (its imports and CSV headers resolve
  // relative to it). Never throws for problems in the text.
  Analysis(const std::string& path, std::string text);

  const CheckResult& check() const { return check_; }
  const std::string& text() const { return check_.sources.file(0).text(); }
  const std::string& path() const { return path_; }
  // files()[i] is the AST of check().sources.file(i): 0 is the document.
  const std::vector<ast::File>& files() const { return files_; }
  const SymbolIndex& index() const { return index_; }
  const LineIndex& lines() const { return lines_; }

  // The scorecard run on the data, computed on first use. Its result may have
  // errors (unreadable data): callers check ok().
  const RunResult& run() const;

 private:
  std::string path_;
  CheckResult check_;
  std::vector<ast::File> files_;
  SymbolIndex index_;
  LineIndex lines_;
  mutable std::unique_ptr<RunResult> run_;
};

}  // namespace cxv::lsp
