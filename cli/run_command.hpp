#pragma once
// `cxv run FILE`: check the framework, compute every KPI's baseline on the
// data and print the scorecard (and, with --by, a breakdown by a text column).

#include <string>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cxv::cli {

struct RunArgs {
  std::string file;
  std::string format = "table";  // table | json | csv | markdown
  std::string by;                // empty: no breakdown
  std::string data_dir;          // empty: CSV paths resolve relative to the .cxv file
  std::string color = "auto";    // auto | always | never
  bool timings = false;          // --timings: phase times on stderr
};

// Declares the subcommand and its options on `app`, storing into `args`.
CLI::App* add_run_command(CLI::App& app, RunArgs& args);

Outcome run_run(const RunArgs& args, const Terminal& terminal);

}  // namespace cxv::cli
