#include "cli/fmt_command.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "api/read_source.hpp"
#include "diag/render.hpp"
#include "format/diff.hpp"
#include "format/formatter.hpp"

namespace cxv::cli {

CLI::App* add_fmt_command(CLI::App& app, FmtArgs& args) {
  CLI::App* fmt = app.add_subcommand("fmt", "Lay out .cxv files in the one canonical layout, keeping every comment");
  fmt->add_option("FILE", args.files, "The .cxv files to format; none or '-' reads standard input")->type_name("");
  CLI::Option* write = fmt->add_flag("-w,--write", args.write,
                                     "Rewrite the files in place (atomically; files already formatted are not touched)");
  fmt->add_flag("--check", args.check,
                "Change nothing: exit 1 and print a unified diff for each file that is not formatted")
      ->excludes(write);
  return fmt;
}

namespace {

std::string errno_text() { return std::strerror(errno); }

}  // namespace

std::string write_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target = fs::path(path);
  if (fs::is_symlink(target, ec)) {
    target = fs::canonical(target, ec);
    if (ec) return "cannot follow the link '" + path + "': " + ec.message();
  }
  struct stat original {};
  if (::stat(target.c_str(), &original) != 0) return "cannot read '" + path + "': " + errno_text();

  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmp = (dir / ("." + target.filename().string() + ".cxvfmt-XXXXXX")).string();
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return "cannot create a temporary file beside '" + path + "': " + errno_text();
  auto fail = [&](const std::string& what) {
    std::string message = what + " '" + tmp + "': " + errno_text();
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    return message;
  };
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write");
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, original.st_mode & 07777) != 0) return fail("cannot set the permissions of");
  if (::fsync(fd) != 0) return fail("cannot sync");
  int closed = ::close(fd);
  fd = -1;
  if (closed != 0) return fail("cannot close");
  if (::rename(tmp.c_str(), target.c_str()) != 0) return fail("cannot rename into place");
  // Make the rename itself durable; a failure here loses nothing already written.
  if (int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

Outcome run_fmt(const FmtArgs& args, std::string (*read_stdin)()) {
  Outcome outcome;
  std::vector<std::string> files = args.files;
  if (files.empty()) files.push_back("-");
  bool reads_stdin = std::find(files.begin(), files.end(), "-") != files.end();
  if (args.write && reads_stdin) {
    outcome.exit_code = kExitUsage;
    outcome.err = "cxv fmt: --write needs file names: standard input cannot be rewritten in place\n";
    return outcome;
  }
  if (std::count(files.begin(), files.end(), "-") > 1) {
    outcome.exit_code = kExitUsage;
    outcome.err = "cxv fmt: standard input ('-') can be read only once\n";
    return outcome;
  }

  bool errors = false, internal = false, unformatted = false;
  for (const std::string& file : files) {
    std::string name = file == "-" ? "<stdin>" : file;
    std::optional<std::string> text;
    Diagnostics read_problems;
    if (file == "-") {
      text = read_stdin();
    } else {
      text = api_detail::read_source(file, read_problems);
    }
    if (!text) {
      SourceMap none;
      outcome.err += render_text({DiagnosticSet{&none, &read_problems, name}}, TextOptions{});
      errors = true;
      continue;
    }
    format::FormatResult result = format::format_source(name, std::move(*text));
    if (!result.formatted) {
      outcome.err += render_text(result.sources, result.diagnostics, TextOptions{});
      for (const Diagnostic& d : result.diagnostics.all())
        if (d.code == "E023") internal = true;
      errors = true;
      continue;
    }
    if (args.check) {
      if (result.changed()) {
        unformatted = true;
        outcome.out += format::unified_diff(result.original(), *result.formatted, name + ".orig", name);
      }
    } else if (args.write) {
      if (!result.changed()) continue;  // untouched: its modification time stays
      if (std::string problem = write_atomically(file, *result.formatted); !problem.empty()) {
        outcome.err += "cxv fmt: " + problem + "\n";
        errors = true;
      }
    } else {
      outcome.out += *result.formatted;
    }
  }
  if (internal) {
    outcome.exit_code = kExitInternal;
  } else if (errors || unformatted) {
    outcome.exit_code = kExitErrors;
  }
  return outcome;
}

}  // namespace cxv::cli
