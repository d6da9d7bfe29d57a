// The embedding API (include/cxv/cxv.hpp): read, parse and check, then put the
// diagnostics in a deterministic order. Lint levels (--strict, --deny, ...) are
// applied where lints are reported, in check/lint_report.cpp.

#include "cxv/cxv.hpp"

#include "api/read_source.hpp"
#include "check/checker.hpp"
#include "check/ir.hpp"

#ifndef CXV_VERSION
#error "CXV_VERSION is set by interpreter/api/CMakeLists.txt from the project version"
#endif

namespace cxv {

const char* version() { return CXV_VERSION; }

namespace {

void finish(CheckResult& r) {
  r.diagnostics.sort();
  // A program with errors is never handed out, whatever the checker returned:
  // "checked" must mean checked.
  if (r.diagnostics.has_errors()) r.program.reset();
}

}  // namespace

CheckResult check_source(const std::string& path, std::string text, const CheckOptions& options) {
  CheckResult r;
  if (text.size() > api_detail::kMaxSourceBytes) {
    api_detail::file_problem(r.diagnostics, "E191", path,
                             "'" + path + "' is larger than 1 GiB, the most cxv reads as a source file");
    return r;
  }
  FileId main = r.sources.add(path, std::move(text));
  r.program = check_program(r.sources, main, r.diagnostics, options);
  finish(r);
  return r;
}

CheckResult check_file(const std::string& path, const CheckOptions& options) {
  Diagnostics read_problems;
  std::optional<std::string> text = api_detail::read_source(path, read_problems);
  if (!text) {
    CheckResult r;
    r.diagnostics = std::move(read_problems);
    return r;
  }
  return check_source(path, std::move(*text), options);
}

}  // namespace cxv
