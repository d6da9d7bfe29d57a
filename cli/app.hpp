#pragma once
// The `cxv` command line as a function: arguments and the terminal's traits in,
// exit code and output text out. main.cpp only prints what this returns, which
// keeps the command testable without spawning processes.

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace cxv::cli {

// Exit codes, documented in `cxv --help` and docs/cli.md.
enum ExitCode : int {
  kExitClean = 0,     // no errors (warnings allowed)
  kExitErrors = 1,    // the files have errors, or could not be read
  kExitUsage = 2,     // the command line itself is wrong
  kExitInternal = 3,  // cxv failed: a bug to report
};

// What the process runs in, as far as the output's look depends on it.
struct Terminal {
  bool stdout_is_tty = false;
  bool no_color = false;  // NO_COLOR is set to a non-empty value (https://no-color.org)
  bool dumb = false;      // TERM=dumb
};

struct Outcome {
  int exit_code = kExitClean;
  std::string out;  // for stdout: diagnostics, reports, help, version
  std::string err;  // for stderr: usage problems
  // Set by a command that talks over the process's streams for as long as it
  // runs (`cxv lsp`): main.cpp calls it with stdin and stdout after printing
  // out/err, and its result is the exit code.
  std::function<int(std::istream& in, std::ostream& out)> serve;
};

// `args` excludes the program name.
Outcome run(const std::vector<std::string>& args, const Terminal& terminal);

}  // namespace cxv::cli
