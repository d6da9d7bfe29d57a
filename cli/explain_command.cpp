#include "cli/explain_command.hpp"

#include "cxv/cxv.hpp"
#include "diag/render.hpp"
#include "explain/explanation.hpp"

namespace cxv::cli {

CLI::App* add_explain_command(CLI::App& app, ExplainArgs& args) {
  CLI::App* cmd = app.add_subcommand("explain", "Show how a KPI, value, initiative or other figure was computed");
  cmd->description(
      "Run a framework and show, step by step down to the data, how one name got its figures:\n"
      "a KPI, value, initiative, driver, experiment, stakeholder or table (which table, which\n"
      "filter, how many rows, the arithmetic, the per-period amounts). `kind:name` picks one\n"
      "kind when names collide, e.g. table:customers.");
  cmd->add_option("file", args.file, "The .cxv file to run")->required()->type_name("FILE");
  cmd->add_option("name", args.name, "What to explain: a KPI, value, initiative, driver, experiment, stakeholder or table")
      ->required()
      ->type_name("NAME");
  cmd->add_option("--format", args.format, "Output format: text (for people), json (for tools), markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  cmd->add_option("--data", args.data_dir, "Read tables' CSV files from DIR instead of beside the .cxv file")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  return cmd;
}

Outcome run_explain(const ExplainArgs& args, const Terminal& terminal) {
  RunOptions options;
  if (!args.data_dir.empty()) options.check.data_dir = args.data_dir;
  const RunResult result = run_file(args.file, options);

  Outcome outcome;
  if (!result.ok()) {
    // The same report as `cxv run`: errors only.
    Diagnostics errors;
    for (const Diagnostic& d : result.diagnostics.all())
      if (d.severity == Severity::error) errors.add(d);
    TextOptions text;
    text.color = false;
    (void)terminal;
    outcome.err = render_text({DiagnosticSet{&result.sources, &errors, args.file}}, text);
    outcome.exit_code = kExitErrors;
    return outcome;
  }
  const explain::ExplainOutcome x = explain::explain(result, args.name);
  if (!x.explanation) {
    outcome.err = "cxv: error: " + x.error->message + "\n";
    if (!x.error->help.empty()) outcome.err += "  = help: " + x.error->help + "\n";
    outcome.exit_code = kExitErrors;
    return outcome;
  }
  if (args.format == "json") outcome.out = explain::render_json(*x.explanation, result.sources);
  else if (args.format == "markdown") outcome.out = explain::render_markdown(*x.explanation, result.sources);
  else outcome.out = explain::render_text(*x.explanation, result.sources);
  return outcome;
}

}  // namespace cxv::cli
