// Fuzz target: any bytes through `cxv fmt`. For an input that parses, the
// formatter must return a text (never refuse with E023), formatting that text
// again must change nothing, and its tokens, comments included, must be the
// input's. An input that does not parse must be refused with diagnostics and
// no text. Anything else, or a crash or sanitizer report, is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "format/formatter.hpp"
#include "format/tokens.hpp"

namespace {

[[noreturn]] void fail(const char* what) {
  __builtin_printf("fmt_fuzzer: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  cxv::format::FormatResult once = cxv::format::format_source("fuzz.cxv", text);
  for (const cxv::Diagnostic& d : once.diagnostics.all())
    if (d.code == "E023") fail("the formatter refused a file that parses (E023)");
  if (!once.formatted) {
    if (!once.diagnostics.has_errors()) fail("no text and no error");
    return 0;
  }
  if (!cxv::format::same_tokens(cxv::format::lex(text).tokens, cxv::format::lex(*once.formatted).tokens))
    fail("tokens or comments changed");
  cxv::format::FormatResult twice = cxv::format::format_source("fuzz.cxv", *once.formatted);
  if (!twice.formatted) fail("the formatted text does not format");
  if (*twice.formatted != *once.formatted) fail("not idempotent: fmt(fmt(x)) != fmt(x)");
  return 0;
}
