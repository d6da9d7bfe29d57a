#include "lsp/analysis.hpp"

#include "syntax/parser.hpp"

namespace cxv::lsp {

namespace {

// The checker's result, with the document always as file 0 (check_source adds
// no file for a text it refuses outright, such as one over 1 GiB).
CheckResult checked(const std::string& path, std::string text) {
  CheckResult r = check_source(path, text);
  if (r.sources.size() == 0) r.sources.add(path, std::move(text));
  return r;
}

}  // namespace

Analysis::Analysis(const std::string& path, std::string text)
    : path_(path), check_(checked(path, std::move(text))), lines_(check_.sources.file(0).text()) {
  // The checker keeps no AST, so parse each file it read once more; the
  // syntax errors are already among its diagnostics.
  Diagnostics ignored;
  for (FileId id = 0; id < check_.sources.size(); ++id) files_.push_back(parse(check_.sources.file(id), ignored));
  std::vector<const ast::File*> pointers;
  for (const ast::File& f : files_) pointers.push_back(&f);
  index_ = SymbolIndex::build(pointers);
}

const RunResult& Analysis::run() const {
  if (!run_) run_ = std::make_unique<RunResult>(run_source(path_, text()));
  return *run_;
}

}  // namespace cxv::lsp
