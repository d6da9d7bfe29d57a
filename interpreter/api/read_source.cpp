#include "api/read_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "check/suggest.hpp"

namespace cxv::api_detail {
namespace fs = std::filesystem;

Diagnostic& file_problem(Diagnostics& diags, const char* code, const std::string& path, std::string message) {
  Diagnostic d;
  d.code = code;
  d.severity = Severity::error;
  d.message = std::move(message);
  d.external_file = path;
  return diags.add(std::move(d));
}

namespace {

// A file beside the missing one whose name is close ("telcom.cxv" for
// "telecom.cxv"), so the help can say what the user probably meant.
std::string nearby_name(const fs::path& missing) {
  std::error_code ec;
  fs::path dir = missing.parent_path().empty() ? fs::path(".") : missing.parent_path();
  if (!fs::is_directory(dir, ec)) return {};
  std::vector<std::string> candidates;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == missing.extension()) candidates.push_back(it->path().filename().string());
    if (candidates.size() > 1000) break;  // a huge directory is not worth scanning for a hint
  }
  std::sort(candidates.begin(), candidates.end());  // directory order is arbitrary; hints must not be
  std::optional<std::string> best = suggest(missing.filename().string(), candidates);
  if (!best) return {};
  return (missing.parent_path() / *best).string();
}

}  // namespace

std::optional<std::string> read_source(const std::string& path, Diagnostics& diags) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    auto& d = file_problem(diags, "E190", path, "file not found: '" + path + "'");
    if (std::string near = nearby_name(path); !near.empty())
      d.help = "did you mean '" + near + "'?";
    else
      d.help = "paths are relative to the directory cxv runs in";
    return std::nullopt;
  }
  if (fs::is_directory(st)) {
    auto& d = file_problem(diags, "E191", path, "'" + path + "' is a directory, not a .cxv file");
    d.help = "name the .cxv file inside it";
    return std::nullopt;
  }
  if (!fs::is_regular_file(st)) {
    file_problem(diags, "E191", path, "'" + path + "' is not a regular file");
    return std::nullopt;
  }
  std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxSourceBytes) {
    file_problem(diags, "E191", path, "'" + path + "' is larger than 1 GiB, the most cxv reads as a source file");
    return std::nullopt;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string why = errno ? std::strerror(errno) : "it cannot be opened";
    file_problem(diags, "E191", path, "cannot read '" + path + "': " + why);
    return std::nullopt;
  }
  std::string text;
  if (!ec) text.reserve(static_cast<std::size_t>(size));
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxSourceBytes) {
      file_problem(diags, "E191", path, "'" + path + "' is larger than 1 GiB, the most cxv reads as a source file");
      return std::nullopt;
    }
  }
  if (in.bad()) {
    file_problem(diags, "E191", path, "cannot read '" + path + "': an input/output error");
    return std::nullopt;
  }
  return text;
}

}  // namespace cxv::api_detail
