#pragma once
// Every lint (L001-L0xx) over a checked program, at the levels CheckOptions
// sets (see lint_report.hpp). run_lints (lints.hpp), which the checker calls
// once checking found no error, is this.

#include "check/ir.hpp"
#include "check/options.hpp"
#include "diag/diagnostic.hpp"

namespace cxv::lint {

void run_all(const ir::Program& p, const CheckOptions& options, Diagnostics& diags);

}  // namespace cxv::lint
