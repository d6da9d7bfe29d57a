#include "check/lint_report.hpp"

namespace cxv::lint {

bool is_lint_code(std::string_view code) {
  const CodeInfo* info = find_code(code);
  return info != nullptr && code.size() == 4 && code.front() == 'L';
}

std::optional<std::string_view> lint_code_of(std::string_view code_or_name) {
  for (const CodeInfo& info : all_codes()) {
    if (info.code.empty() || info.code.front() != 'L') continue;
    if (info.code == code_or_name || info.name == code_or_name) return info.code;
  }
  return std::nullopt;
}

LintLevel level_of(std::string_view code, const CheckOptions& options) {
  auto it = options.lint_levels.find(std::string(code));
  if (it != options.lint_levels.end()) return it->second;
  return options.strict ? LintLevel::deny : LintLevel::warn;
}

Diagnostic* LintReporter::report(std::string_view code, Span span, std::string message, std::string help) {
  const LintLevel level = level_of(code, options_);
  if (level == LintLevel::allow) return nullptr;
  Diagnostic d;
  d.code = std::string(code);
  d.severity = level == LintLevel::deny ? Severity::error : Severity::warning;
  d.span = span;
  d.message = std::move(message);
  d.help = std::move(help);
  return &diags_.add(std::move(d));
}

}  // namespace cxv::lint
