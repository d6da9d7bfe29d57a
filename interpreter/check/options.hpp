#pragma once
#include <map>
#include <optional>
#include <string>

namespace cxv {

// How strict `check` is about lints (L0xx codes).
enum class LintLevel { allow, warn, deny };

struct CheckOptions {
  bool strict = false;                          // every lint becomes an error
  std::map<std::string, LintLevel> lint_levels; // per code: "L003" -> deny; overrides `strict`
  std::optional<std::string> data_dir;          // overrides where table/experiment CSV paths resolve
  bool validate_data_headers = true;            // if a table's CSV exists, check its header row
};

}  // namespace cxv
