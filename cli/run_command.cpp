#include "cli/run_command.hpp"

#include <fmt/format.h>

#include <chrono>

#include "cxv/cxv.hpp"
#include "diag/render.hpp"

namespace cxv::cli {

CLI::App* add_run_command(CLI::App& app, RunArgs& args) {
  CLI::App* run = app.add_subcommand("run", "Compute the scorecard of a .cxv framework on its data");
  run->description(
      "Check a framework, load its tables, compute every KPI's baseline, status and the\n"
      "roll-up scores, and print the scorecard. Problems go to stderr; the report to stdout.");
  run->add_option("file", args.file, "The .cxv file to run")->required()->type_name("FILE");
  run->add_option("--format", args.format, "Output format: table (for people), json (for scripts), csv, markdown")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  run->add_option("--by", args.by, "Break every KPI down by this text column of its table (e.g. segment)")
      ->type_name("COLUMN");
  run->add_option("--data", args.data_dir, "Read tables' CSV files from DIR instead of beside the .cxv file")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  run->add_option("--color", args.color, "Colour in the table: auto (only on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN")
      ->capture_default_str();
  run->add_flag("--timings", args.timings,
                "Print how long each phase took (check, load, evaluate, report) to stderr");
  return run;
}

namespace {

bool use_color(const std::string& when, const Terminal& terminal) {
  if (when == "always") return true;
  if (when == "never") return false;
  return terminal.stdout_is_tty && !terminal.no_color && !terminal.dumb;
}

RunFormat format_of(const std::string& name) {
  if (name == "json") return RunFormat::json;
  if (name == "csv") return RunFormat::csv;
  if (name == "markdown") return RunFormat::markdown;
  return RunFormat::table;
}

// One line for --timings: where the time of the run went, in seconds.
std::string timings_line(const RunTimings& t, double report_seconds) {
  std::string line =
      fmt::format("timings: check {:.3f} s, load {:.3f} s, evaluate {:.3f} s, report {:.3f} s, total {:.3f} s\n",
                  t.check, t.load, t.evaluate, report_seconds, t.check + t.load + t.evaluate + report_seconds);
  if (t.selection > 0)
    line += fmt::format("timings: portfolio selection {:.3f} s (within evaluate), of which CBC's own solves {:.3f} s\n",
                        t.selection, t.cbc);
  return line;
}

}  // namespace

Outcome run_run(const RunArgs& args, const Terminal& terminal) {
  RunOptions options;
  if (!args.data_dir.empty()) options.check.data_dir = args.data_dir;
  if (!args.by.empty()) options.breakdown_by = args.by;
  const RunResult result = run_file(args.file, options);

  Outcome outcome;
  if (!result.ok()) {
    // Errors only: lints are `cxv check`'s business and would bury the reason
    // the run failed (the summary line then counts errors only, too).
    Diagnostics errors;
    for (const Diagnostic& d : result.diagnostics.all())
      if (d.severity == Severity::error) errors.add(d);
    TextOptions text;
    text.color = terminal.no_color || terminal.dumb ? false : args.color == "always";
    outcome.err = render_text({DiagnosticSet{&result.sources, &errors, args.file}}, text);
    if (args.timings) outcome.err += timings_line(result.timings, 0);
    outcome.exit_code = kExitErrors;
    return outcome;
  }
  // Warnings from loading and evaluating (a sample-ratio mismatch, an effect
  // that selects no row) go to stderr beside the report. Lints (L...) stay
  // `cxv check`'s business, as for failed runs.
  Diagnostics warnings;
  for (const Diagnostic& d : result.diagnostics.all())
    if (d.severity == Severity::warning && !d.code.empty() && d.code[0] == 'E') warnings.add(d);
  if (!warnings.all().empty()) {
    TextOptions text;
    text.color = terminal.no_color || terminal.dumb ? false : args.color == "always";
    outcome.err += render_text({DiagnosticSet{&result.sources, &warnings, args.file}}, text);
  }
  const auto report_start = std::chrono::steady_clock::now();
  outcome.out = render_run(result, RenderOptions{format_of(args.format), use_color(args.color, terminal)});
  if (args.timings)
    outcome.err += timings_line(
        result.timings, std::chrono::duration<double>(std::chrono::steady_clock::now() - report_start).count());
  return outcome;
}

}  // namespace cxv::cli
