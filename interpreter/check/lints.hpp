#pragma once
// The lint hook: practice-based warnings (L0xx codes) over the checked IR.
// check_program calls run_lints once the program has no errors. The lints
// themselves live in lints*.cpp.

#include "check/ir.hpp"
#include "check/options.hpp"
#include "diag/diagnostic.hpp"

namespace cxv {

// Adds lint diagnostics to `diags`, with the severity `options` gives each
// code (allow: none, warn: warning, deny: error).
void run_lints(const ir::Program& program, const CheckOptions& options, Diagnostics& diags);

}  // namespace cxv
