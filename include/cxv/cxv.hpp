#pragma once
// cxv — the embedding API. This is the one header a host program includes.
//
//   cxv::Session s;
//   auto result = s.check_file("framework.cxv");
//   for (auto& d : result.diagnostics.all()) ...
//
// Nothing here prints or exits: problems in the user's files come back as
// Diagnostics; only misuse of the API itself (a bug in the host) throws.

#include <memory>
#include <string>

#include "check/options.hpp"
#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace cxv {
namespace ir { struct Program; }

// The library's version, "0.1.0".
const char* version();

struct CheckResult {
  SourceMap sources;                          // every file read, for rendering spans
  Diagnostics diagnostics;                    // sorted; errors and warnings
  std::shared_ptr<const ir::Program> program; // null when there were errors
  bool ok() const { return !diagnostics.has_errors(); }
};

// Reads, parses and checks a file and everything it imports.
CheckResult check_file(const std::string& path, const CheckOptions& options = {});
// The same for text already in memory; `path` names it in diagnostics and anchors relative imports.
CheckResult check_source(const std::string& path, std::string text, const CheckOptions& options = {});

}  // namespace cxv
