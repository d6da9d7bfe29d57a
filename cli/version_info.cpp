#include "cli/version_info.hpp"

#include <CLI/Version.hpp>
#include <boost/version.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <tao/pegtl/version.hpp>

#include "cxv/cxv.hpp"

#ifndef CXV_BUILD_TYPE
#define CXV_BUILD_TYPE "unknown"
#endif

namespace cxv::cli {

namespace {

std::string compiler() {
#if defined(__clang__)
  return fmt::format("clang {}.{}.{}", __clang_major__, __clang_minor__, __clang_patchlevel__);
#elif defined(__GNUC__)
  return fmt::format("g++ {}.{}.{}", __GNUC__, __GNUC_MINOR__, __GNUC_PATCHLEVEL__);
#else
  return "an unknown compiler";
#endif
}

}  // namespace

std::string version_text() {
  std::string sanitizers;
#ifdef CXV_SANITIZED
  sanitizers = ", ASan+UBSan";
#endif
  return fmt::format(
      "cxv {}\nbuilt with {} (C++{}, {}{}); PEGTL {}, Boost {}.{}, fmt {}.{}.{}, CLI11 {}, nlohmann/json {}.{}.{}",
      version(), compiler(), __cplusplus / 100 % 100, CXV_BUILD_TYPE, sanitizers, TAO_PEGTL_VERSION,
      BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, FMT_VERSION / 10000, FMT_VERSION / 100 % 100,
      FMT_VERSION % 100, CLI11_VERSION, NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
      NLOHMANN_JSON_VERSION_PATCH);
}

}  // namespace cxv::cli
