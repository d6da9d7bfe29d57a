#include "cli/app.hpp"

#include <iostream>
#include <iterator>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cli/check_command.hpp"
#include "cli/lsp_command.hpp"
#include "cli/fmt_command.hpp"
#include "cli/explain_command.hpp"
#include "cli/run_command.hpp"
#include "cli/test_command.hpp"
#include "cli/version_info.hpp"

namespace cxv::cli {

namespace {

std::string read_all_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

constexpr const char* kDescription =
    "cxv checks and evaluates customer-experience value frameworks: text files that tie a\n"
    "balanced scorecard of stakeholders and KPIs to the company's own data, turn KPI changes\n"
    "into money through driver formulas, and fund CX initiatives by value under a budget.\n";

constexpr const char* kFooter =
    "Examples:\n"
    "  cxv check telecom.cxv                       check one framework\n"
    "  cxv run telecom.cxv                         compute its scorecard on its data\n"
    "  cxv run --format json telecom.cxv           the scorecard for scripts\n"
    "  cxv explain telecom.cxv churn               how a KPI, value or initiative got its figures\n"
    "  cxv fmt -w telecom.cxv                      rewrite a file in the canonical layout\n"
    "  cxv test --junit results.xml *.cxv          run the frameworks' expect blocks (for CI)\n"
    "  cxv check --strict frameworks/*.cxv         fail on lints too (for CI)\n"
    "  cxv check --format sarif a.cxv > a.sarif    report to a code-scanning dashboard\n"
    "  cxv check --allow L004 --deny L007 a.cxv    set the level of single lints\n"
    "\n"
    "Exit codes:\n"
    "  0  no errors (warnings allowed)\n"
    "  1  errors in the files, or a file could not be read\n"
    "  2  usage problem: unknown option, missing file argument, bad value\n"
    "  3  internal error in cxv (please report it)\n"
    "\n"
    "Documentation: docs/cli.md, docs/diagnostics-formats.md, docs/scorecard.md, docs/explain.md\n";

}  // namespace

Outcome run(const std::vector<std::string>& args, const Terminal& terminal) {
  CLI::App app(kDescription, "cxv");
  app.footer(kFooter);
  app.set_version_flag("--version", version_text(), "Print the version and how this binary was built");
  app.require_subcommand(1);
  app.get_formatter()->column_width(34);

  CheckArgs check_args;
  CLI::App* check = add_check_command(app, check_args);
  RunArgs run_args;
  CLI::App* run_cmd = add_run_command(app, run_args);
  CLI::App* lsp_cmd = add_lsp_command(app);
  FmtArgs fmt_args;
  CLI::App* fmt_cmd = add_fmt_command(app, fmt_args);
  ExplainArgs explain_args;
  CLI::App* explain_cmd = add_explain_command(app, explain_args);
  TestArgs test_args;
  CLI::App* test_cmd = add_test_command(app, test_args);

  // CLI11 wants a C-style argv with the program name first.
  std::vector<const char*> argv{"cxv"};
  for (const std::string& a : args) argv.push_back(a.c_str());

  Outcome outcome;
  std::ostringstream out;
  std::ostringstream err;
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    // Point at the help of the command that was being parsed when it failed.
    std::string help_command = check->parsed() ? "cxv check --help" : run_cmd->parsed() ? "cxv run --help" : "cxv --help";
    if (explain_cmd->parsed()) help_command = "cxv explain --help";
    if (fmt_cmd->parsed()) help_command = "cxv fmt --help";
    if (test_cmd->parsed()) help_command = "cxv test --help";
    app.failure_message([help_command](const CLI::App*, const CLI::Error& error) {
      return std::string("cxv: ") + error.what() + "\nRun '" + help_command + "' for usage.\n";
    });
    int code = app.exit(e, out, err);
    outcome.out = out.str();
    outcome.err = err.str();
    // --help and --version are successes; every other parse problem is a usage error.
    outcome.exit_code = code == 0 ? kExitClean : kExitUsage;
    return outcome;
  }
  if (check->parsed()) return run_check(check_args, terminal);
  if (run_cmd->parsed()) return run_run(run_args, terminal);
  if (lsp_cmd->parsed()) return run_lsp();
  if (fmt_cmd->parsed()) return run_fmt(fmt_args, read_all_stdin);
  if (explain_cmd->parsed()) return run_explain(explain_args, terminal);
  if (test_cmd->parsed()) return run_test(test_args, terminal);
  outcome.exit_code = kExitUsage;  // unreachable while require_subcommand(1) holds
  outcome.err = "cxv: no command given\n";
  return outcome;
}

}  // namespace cxv::cli
