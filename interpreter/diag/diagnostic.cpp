#include "diag/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace cxv {

Diagnostic& Diagnostics::add(Diagnostic d) {
  items_.push_back(std::move(d));
  return items_.back();
}

Diagnostic& Diagnostics::error(std::string code, std::optional<Span> span, std::string message) {
  return add(Diagnostic{std::move(code), Severity::error, span, std::move(message), {}, {}, {}, 0, 0});
}

Diagnostic& Diagnostics::warning(std::string code, std::optional<Span> span, std::string message) {
  return add(Diagnostic{std::move(code), Severity::warning, span, std::move(message), {}, {}, {}, 0, 0});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::warning; }));
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::sort() {
  auto key = [](const Diagnostic& d) {
    FileId f = d.span ? d.span->file : 0xFFFFFFFFu;
    std::uint32_t b = d.span ? d.span->begin : 0;
    return std::tuple(d.span.has_value() ? 0 : 1, f, d.external_file, d.external_line, d.external_col, b, d.code);
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

const std::vector<CodeInfo>& all_codes() {
  static const std::vector<CodeInfo> codes = [] {
    std::vector<CodeInfo> v;
#define CXV_CODE(code, name, sev, summary) v.push_back(CodeInfo{#code, name, Severity::sev, summary});
#include "diag/codes.def"
#undef CXV_CODE
    return v;
  }();
  return codes;
}

const CodeInfo* find_code(std::string_view code) {
  for (const auto& c : all_codes())
    if (c.code == code) return &c;
  return nullptr;
}

}  // namespace cxv
