#pragma once
// `cxv lsp`: the language server, over stdin and stdout (LSP 3.17). Unlike the
// other commands it does not return buffered text: it talks with the editor
// until told to exit, so it hands main.cpp a function to run on the process's
// streams (Outcome::serve).

#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cxv::cli {

CLI::App* add_lsp_command(CLI::App& app);

Outcome run_lsp();

}  // namespace cxv::cli
