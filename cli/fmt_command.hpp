#pragma once
// `cxv fmt [FILE...]`: the canonical layout of .cxv files (docs/formatting.md).
// Prints the formatted text, or rewrites the files in place (-w), or checks
// that they are formatted and shows a unified diff when not (--check).

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace cxv::cli {

struct FmtArgs {
  std::vector<std::string> files;  // empty or "-": standard input
  bool write = false;
  bool check = false;
};

CLI::App* add_fmt_command(CLI::App& app, FmtArgs& args);

// `read_stdin` supplies standard input's text (the CLI passes a reader of
// std::cin; tests pass a string).
Outcome run_fmt(const FmtArgs& args, std::string (*read_stdin)());

// Replaces `path`'s content with `text` so that no reader ever sees a partial
// file: a temporary file in the same directory, written and synced, with the
// original's permission bits, renamed over it. A symbolic link is followed
// (the file it points to is replaced, the link stays). Returns an error
// message, or an empty string on success.
std::string write_atomically(const std::string& path, const std::string& text);

}  // namespace cxv::cli
