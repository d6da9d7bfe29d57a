#pragma once
// How a lint reaches the diagnostics list: every lint pass reports through a
// LintReporter, which applies the levels of CheckOptions in one place, so no
// pass ever decides on its own whether it is a warning or an error.
//
//   level of a code = options.lint_levels[code] if set, else deny when
//                     options.strict, else warn
//   allow -> not reported, warn -> warning, deny -> error

#include <optional>
#include <string>
#include <string_view>

#include "check/options.hpp"
#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace cxv::lint {

// True for a code of lint_codes.def ("L005").
bool is_lint_code(std::string_view code);

// The lint code for a code or its kebab-case name: "L005" and "unmoved-kpi"
// both give "L005"; nullopt for anything else. For front ends that let a user
// write either in a per-code setting.
std::optional<std::string_view> lint_code_of(std::string_view code_or_name);

LintLevel level_of(std::string_view code, const CheckOptions& options);

class LintReporter {
 public:
  LintReporter(const CheckOptions& options, Diagnostics& diags) : options_(options), diags_(diags) {}

  // Adds the lint at its effective severity and returns it so the caller can
  // attach notes and help; returns null when the code is allowed (the pass
  // then skips that work). The pointer is valid until the next report.
  Diagnostic* report(std::string_view code, Span span, std::string message, std::string help);

 private:
  const CheckOptions& options_;
  Diagnostics& diags_;
};

}  // namespace cxv::lint
