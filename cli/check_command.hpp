#pragma once
// `cxv check FILE...`: parse, resolve, unit-check and lint each file on its own,
// then report all their diagnostics in one text, JSON or SARIF document.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cxv::cli {

struct CheckArgs {
  std::vector<std::string> files;
  std::string format = "text";  // text | json | sarif
  bool strict = false;
  std::vector<std::string> deny;
  std::vector<std::string> warn;
  std::vector<std::string> allow;
  std::string data_dir;         // empty: CSV paths resolve relative to each .cxv file
  std::string color = "auto";   // auto | always | never
  bool quiet = false;
};

// Declares the subcommand and its options on `app`, storing into `args`.
CLI::App* add_check_command(CLI::App& app, CheckArgs& args);

Outcome run_check(const CheckArgs& args, const Terminal& terminal);

}  // namespace cxv::cli
