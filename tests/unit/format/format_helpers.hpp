#pragma once
// Helpers for the formatter's tests: format a text and insist it succeeded.

#include <doctest/doctest.h>

#include <string>

#include "format/formatter.hpp"
#include "format/tokens.hpp"

namespace cxv::format::test {

// The formatted text; fails the test (and returns "") when formatting refused.
inline std::string fmt(const std::string& text) {
  FormatResult r = format_source("t.cxv", text);
  INFO("input:\n" << text);
  for (const Diagnostic& d : r.diagnostics.all()) INFO(d.code << ": " << d.message);
  REQUIRE_MESSAGE(r.formatted.has_value(), "formatting refused");
  return *r.formatted;
}

// Formats, then checks the two promises every output keeps: formatting it
// again changes nothing, and its tokens (comments included) are the input's.
inline std::string fmt_checked(const std::string& text) {
  std::string once = fmt(text);
  CHECK_MESSAGE(fmt(once) == once, "not idempotent:\n" << once);
  CHECK(same_tokens(lex(text).tokens, lex(once).tokens));
  return once;
}

}  // namespace cxv::format::test
