#pragma once
// The embedded standard library: stdlib/std/*.cxv, compiled into the library
// (see interpreter/check/CMakeLists.txt), so `import "std/clv"` needs no files.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cxv {

// Every module as {"std/clv", source text}, sorted by name.
const std::vector<std::pair<std::string_view, std::string_view>>& stdlib_modules();

// The text of one module: "std/clv" (a trailing ".cxv" is accepted too).
std::optional<std::string_view> stdlib_module(std::string_view name);

// The module every file sees without an import: its functions (saturate,
// linear, hill, logistic) are always available, as in the flagship example.
inline constexpr std::string_view kPreludeModule = "std/curves";

}  // namespace cxv
