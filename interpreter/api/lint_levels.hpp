#pragma once
// Per-lint levels (`--strict`, `--deny L003`, `--warn`, `--allow`) applied to
// a finished diagnostic list. Applying them here, once, after every stage has
// reported, means each stage can emit lints at their default level and the
// rules for promotion live in one place. Applying twice changes nothing.

#include "check/options.hpp"
#include "diag/diagnostic.hpp"

namespace cxv::api_detail {

// Lint codes (L...) become errors (deny), stay warnings (warn) or disappear
// (allow): the per-code setting wins, then `strict`, then the lint's default.
void apply_lint_levels(Diagnostics& diags, const CheckOptions& options);

bool is_lint_code(std::string_view code);

}  // namespace cxv::api_detail
