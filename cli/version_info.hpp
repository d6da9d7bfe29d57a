#pragma once
#include <string>

namespace cxv::cli {

// "cxv 0.1.0" and, on a second line, how this binary was built (compiler,
// build type, sanitizers, library versions): what a bug report needs.
std::string version_text();

}  // namespace cxv::cli
