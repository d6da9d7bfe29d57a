#include "api/lint_levels.hpp"

#include <algorithm>

namespace cxv::api_detail {

bool is_lint_code(std::string_view code) { return !code.empty() && code.front() == 'L'; }

namespace {

LintLevel level_for(const std::string& code, const CheckOptions& options) {
  if (auto it = options.lint_levels.find(code); it != options.lint_levels.end()) return it->second;
  if (options.strict) return LintLevel::deny;
  const CodeInfo* info = find_code(code);
  return info && info->default_severity == Severity::error ? LintLevel::deny : LintLevel::warn;
}

}  // namespace

void apply_lint_levels(Diagnostics& diags, const CheckOptions& options) {
  auto& items = diags.all();
  for (Diagnostic& d : items) {
    if (!is_lint_code(d.code)) continue;
    switch (level_for(d.code, options)) {
      case LintLevel::deny: d.severity = Severity::error; break;
      case LintLevel::warn: d.severity = Severity::warning; break;
      case LintLevel::allow: break;
    }
  }
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const Diagnostic& d) {
                               return is_lint_code(d.code) && level_for(d.code, options) == LintLevel::allow;
                             }),
              items.end());
}

}  // namespace cxv::api_detail
