#pragma once
// `cxv explain FILE NAME`: how one figure of `cxv run` was obtained, step by
// step down to the data (docs/explain.md).

#include <string>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cxv::cli {

struct ExplainArgs {
  std::string file;
  std::string name;
  std::string format = "text";   // text | json | markdown
  std::string data_dir;          // empty: CSV paths resolve relative to the .cxv file
};

// Declares the subcommand and its options on `app`, storing into `args`.
CLI::App* add_explain_command(CLI::App& app, ExplainArgs& args);

Outcome run_explain(const ExplainArgs& args, const Terminal& terminal);

}  // namespace cxv::cli
