#include "cli/lsp_command.hpp"

#include <string>

#include "lsp/session.hpp"

namespace cxv::cli {

CLI::App* add_lsp_command(CLI::App& app) {
  CLI::App* lsp = app.add_subcommand(
      "lsp", "Run the language server that editors start (LSP 3.17 over stdin/stdout; docs/editors.md)");
  // Clients that pick the transport by flag (vscode-languageclient's
  // TransportKind.stdio) pass --stdio; stdio is the only transport, so it is
  // accepted and changes nothing.
  lsp->add_flag("--stdio")->description("Talk over stdin/stdout (the default and only transport)");
  return lsp;
}

Outcome run_lsp() {
  Outcome outcome;
  outcome.serve = [](std::istream& in, std::ostream& out) { return lsp::serve(in, out); };
  return outcome;
}

}  // namespace cxv::cli
