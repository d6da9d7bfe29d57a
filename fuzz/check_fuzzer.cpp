// Fuzz target: any bytes through parse + check (the whole front end), as
// `cxv check` would see them. A crash, a sanitizer report, a leak or a hang is
// a bug; diagnostics, however many, are the expected outcome.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cxv/cxv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  cxv::CheckOptions options;
  options.validate_data_headers = false;  // keep the fuzzer off the file system
  auto result = cxv::check_source("fuzz.cxv", std::move(text), options);
  // Touch the results so a malformed diagnostic (span past the end) is found too.
  for (const auto& d : result.diagnostics.all()) {
    if (d.span) {
      const auto& f = result.sources.file(d.span->file);
      (void)f.position(d.span->begin);
      (void)f.slice(*d.span);
    }
  }
  return 0;
}
