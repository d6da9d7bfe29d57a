#include "cli/check_command.hpp"

#include <map>
#include <optional>

#include "cxv/cxv.hpp"
#include "diag/render.hpp"

namespace cxv::cli {

CLI::App* add_check_command(CLI::App& app, CheckArgs& args) {
  CLI::App* check = app.add_subcommand("check", "Parse, resolve, unit-check and lint .cxv files");
  check->add_option("FILE", args.files, "The .cxv files to check, each on its own; all diagnostics are printed together")
      ->required()
      ->type_name("");
  check->add_option("--format", args.format, "Output format: text (for people), json (for scripts), sarif (for code scanning)")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  check->add_flag("--strict", args.strict, "Treat every lint (L codes) as an error");
  // One code per occurrence (`--deny L001 --deny L004`) or a comma list (`--deny L001,L004`);
  // allow_extra_args(false) keeps `--deny L001 telecom.cxv` from swallowing the file.
  auto lint_option = [&](const char* name, std::vector<std::string>& into, const char* what) {
    check->add_option(name, into, what)->type_name("CODE")->delimiter(',')->allow_extra_args(false);
  };
  lint_option("--deny", args.deny, "Make this lint an error (repeatable)");
  lint_option("--warn", args.warn, "Make this lint a warning, even with --strict (repeatable)");
  lint_option("--allow", args.allow, "Silence this lint (repeatable)");
  check->add_option("--data", args.data_dir, "Read tables' CSV files from DIR instead of beside each .cxv file")
      ->type_name("DIR")
      ->check(CLI::Validator(CLI::ExistingDirectory).description(""));
  check->add_option("--color", args.color, "Colour in text output: auto (only on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN")
      ->capture_default_str();
  check->add_flag("-q,--quiet", args.quiet, "Text output: print errors only, no warnings and no summary line");
  return check;
}

namespace {

// Per-lint levels from --deny/--warn/--allow. A code named twice with
// different levels is a usage error rather than a silent "last one wins".
std::optional<std::string> collect_lint_levels(const CheckArgs& args, CheckOptions& options) {
  const std::pair<const std::vector<std::string>*, LintLevel> groups[] = {
      {&args.deny, LintLevel::deny}, {&args.warn, LintLevel::warn}, {&args.allow, LintLevel::allow}};
  for (const auto& [codes, level] : groups) {
    for (const std::string& code : *codes) {
      const CodeInfo* info = find_code(code);
      if (!info) return "unknown code '" + code + "' (the codes are listed in docs/errors.md)";
      if (code.front() != 'L')
        return "'" + code + "' is an error, not a lint: only L codes can be denied, warned or allowed";
      auto [it, inserted] = options.lint_levels.emplace(code, level);
      if (!inserted && it->second != level) return "'" + code + "' is given two different levels";
    }
  }
  return std::nullopt;
}

// `cxv check` exits right after printing. Freeing a checked program of a
// million expression nodes one by one would only delay the exit, so the
// client leaves the last run's results to the operating system (reachable
// from here, so leak checkers stay quiet). In-process callers (tests) that
// check again free the previous run's results at that point.
void keep_until_exit(std::vector<CheckResult>&& results) {
  static auto* kept = new std::vector<CheckResult>();
  *kept = std::move(results);
}

bool use_color(const std::string& when, const Terminal& terminal) {
  if (when == "always") return true;
  if (when == "never") return false;
  return terminal.stdout_is_tty && !terminal.no_color && !terminal.dumb;
}

}  // namespace

Outcome run_check(const CheckArgs& args, const Terminal& terminal) {
  Outcome outcome;
  CheckOptions options;
  options.strict = args.strict;
  if (!args.data_dir.empty()) options.data_dir = args.data_dir;
  if (auto problem = collect_lint_levels(args, options)) {
    outcome.exit_code = kExitUsage;
    outcome.err = "cxv check: " + *problem + "\n";
    return outcome;
  }

  std::vector<CheckResult> results;
  results.reserve(args.files.size());
  for (const std::string& file : args.files) results.push_back(check_file(file, options));

  std::vector<DiagnosticSet> sets;
  for (std::size_t i = 0; i < results.size(); ++i)
    sets.push_back(DiagnosticSet{&results[i].sources, &results[i].diagnostics, args.files[i]});

  if (args.format == "json") {
    outcome.out = render_json(sets, version());
  } else if (args.format == "sarif") {
    outcome.out = render_sarif(sets, version());
  } else {
    TextOptions text;
    text.color = use_color(args.color, terminal);
    text.show_warnings = !args.quiet;
    text.summary = !args.quiet;
    outcome.out = render_text(sets, text);
  }
  outcome.exit_code = count_diagnostics(sets).errors > 0 ? kExitErrors : kExitClean;
  keep_until_exit(std::move(results));
  return outcome;
}

}  // namespace cxv::cli
