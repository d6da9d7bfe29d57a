#pragma once
// The checker: AST -> checked IR (ir.hpp). Resolves imports, names, units and
// cycles, runs the lints, and collects *all* problems in one pass.

#include <memory>

#include "check/options.hpp"
#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace cxv {
namespace ir { struct Program; }

// Parses and checks the file `main` (already in `sources`), loading its imports
// into `sources` (std/ modules come from the embedded stdlib, other paths resolve
// relative to the importing file). Returns the checked program, or null when any
// error was found; warnings (lints) do not stop it. Never throws for user errors.
std::shared_ptr<const ir::Program> check_program(SourceMap& sources, FileId main, Diagnostics& diags,
                                                 const CheckOptions& options);

}  // namespace cxv
