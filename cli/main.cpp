// The `cxv` executable: everything happens in cli::run; this file only meets
// the operating system (arguments, environment, streams, exit status).

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.hpp"

namespace {

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

void write(std::FILE* stream, const std::string& text) {
  if (!text.empty()) std::fwrite(text.data(), 1, text.size(), stream);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  cxv::cli::Terminal terminal;
  terminal.stdout_is_tty = isatty(STDOUT_FILENO) == 1;
  terminal.no_color = env_set("NO_COLOR");
  const char* term = std::getenv("TERM");
  terminal.dumb = term != nullptr && std::string(term) == "dumb";
  try {
    cxv::cli::Outcome outcome = cxv::cli::run(args, terminal);
    write(stdout, outcome.out);
    write(stderr, outcome.err);
    if (outcome.serve) {
      std::fflush(stdout);
      return outcome.serve(std::cin, std::cout);
    }
    if (std::fflush(stdout) != 0) return cxv::cli::kExitErrors;  // e.g. a full disk under `> out.sarif`
    return outcome.exit_code;
  } catch (const std::exception& e) {
    // A user mistake is always a diagnostic; reaching here is a bug in cxv.
    std::fprintf(stderr, "cxv: internal error: %s\nPlease report this, with the file that caused it.\n", e.what());
    return cxv::cli::kExitInternal;
  }
}
