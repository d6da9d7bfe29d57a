#pragma once
// `cxv test FILE...`: run each framework and its `expect` blocks; print each
// failure with the values of its parts, then `N passed, N failed`.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cxv::cli {

struct TestArgs {
  std::vector<std::string> files;
  std::string filter;            // only expects whose title contains it
  std::string junit;             // write JUnit XML here
  std::string data_dir;
  std::string color = "auto";
};

CLI::App* add_test_command(CLI::App& app, TestArgs& args);

Outcome run_test(const TestArgs& args, const Terminal& terminal);

}  // namespace cxv::cli
