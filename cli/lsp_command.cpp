#include "cli/lsp_command.hpp"

#include "lsp/session.hpp"

namespace cxv::cli {

CLI::App* add_lsp_command(CLI::App& app) {
  return app.add_subcommand(
      "lsp",
      "Run the language server for editors: JSON-RPC over stdin/stdout (LSP 3.17). Editors start it; see docs/editors.md");
}

Outcome run_lsp() {
  Outcome outcome;
  outcome.serve = [](std::istream& in, std::ostream& out) { return lsp::serve(in, out); };
  return outcome;
}

}  // namespace cxv::cli
