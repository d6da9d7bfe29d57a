#include "cli/test_command.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "cxv/cxv.hpp"
#include "diag/render.hpp"
#include "expect/render.hpp"

namespace cxv::cli {

CLI::App* add_test_command(CLI::App& app, TestArgs& args) {
  CLI::App* test = app.add_subcommand("test", "Run the expect blocks of .cxv frameworks (their own tests)");
  test->description(
      "Run each framework on its data, choose its portfolio, then check every `expect` block.\n"
      "Each failed condition is printed with the value of each of its parts; the last line is\n"
      "`N passed, N failed`. Exit 0 when every expect holds, 1 otherwise.");
  test->add_option("files", args.files, "The .cxv files to test")->required()->type_name("FILE...");
  test->add_option("--filter", args.filter, "Run only the expects whose title contains TEXT")->type_name("TEXT");
  test->add_option("--junit", args.junit, "Also write the results as JUnit XML to FILE (for CI systems)")
      ->type_name("FILE");
  test->add_option("--data", args.data_dir, "Read tables' CSV files from DIR instead of beside the .cxv file")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  test->add_option("--color", args.color, "Colour: auto (only on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN")
      ->capture_default_str();
  return test;
}

namespace {

bool use_color(const std::string& when, const Terminal& terminal) {
  if (when == "always") return true;
  if (when == "never") return false;
  return terminal.stdout_is_tty && !terminal.no_color && !terminal.dumb;
}

// Writes `text` to `path` through a temporary file in the same directory and
// a rename, so a CI system never reads half a report. Returns an error
// message, empty on success.
std::string write_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path temp = target.parent_path() / (target.filename().string() + ".cxv-tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot write " + temp.string();
    out << text;
    out.flush();
    if (!out) return "cannot write " + temp.string();
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    return "cannot write " + path + ": " + ec.message();
  }
  return {};
}

}  // namespace

Outcome run_test(const TestArgs& args, const Terminal& terminal) {
  RunOptions options;
  if (!args.data_dir.empty()) options.check.data_dir = args.data_dir;
  const bool color = use_color(args.color, terminal);

  // The results point into each run's SourceMap: keep the runs alive.
  std::vector<TestResult> runs;
  runs.reserve(args.files.size());
  std::vector<expect::FileResults> files;
  for (const std::string& path : args.files) {
    runs.push_back(test_file(path, options, args.filter));
    const TestResult& t = runs.back();
    expect::FileResults f;
    f.path = path;
    f.sources = &t.run.sources;
    f.filtered_out = t.filtered_out;
    if (t.expects) {
      f.expects = *t.expects;
    } else {
      Diagnostics errors;
      for (const Diagnostic& d : t.run.diagnostics.all())
        if (d.severity == Severity::error) errors.add(d);
      TextOptions text;
      text.color = color;
      f.error_text = render_text({DiagnosticSet{&t.run.sources, &errors, path}}, text);
    }
    files.push_back(std::move(f));
  }

  Outcome outcome;
  outcome.out = expect::render_text(files, color);
  const expect::Counts counts = expect::count(files);
  outcome.exit_code = counts.failed == 0 && counts.broken_files == 0 ? kExitClean : kExitErrors;
  if (!args.junit.empty()) {
    const std::string problem = write_atomically(args.junit, expect::render_junit(files));
    if (!problem.empty()) {
      outcome.err = "cxv: " + problem + "\n";
      outcome.exit_code = kExitErrors;
    }
  }
  return outcome;
}

}  // namespace cxv::cli
