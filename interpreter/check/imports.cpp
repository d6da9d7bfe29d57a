// Loading the files of one check: the main file, everything it imports
// (transitively, each file once, so import cycles are harmless) and the
// implicit prelude std/curves.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "check/checker_state.hpp"
#include "check/stdlib.hpp"
#include "check/suggest.hpp"
#include "syntax/parser.hpp"

namespace cxv::check {

namespace {

// Where a std module lives in the SourceMap: a path no real file has, shown
// in diagnostics pointing into the stdlib.
std::string stdlib_path(std::string_view module) { return "<stdlib>/" + std::string(module) + ".cxv"; }

bool is_std(std::string_view path) { return path.substr(0, 4) == "std/"; }

std::optional<std::string> read_file(const std::filesystem::path& p) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void Checker::load_files() {
  std::set<FileId> loaded{main_};
  files_.push_back(parse(sources_.file(main_), diags_));
  from_prelude_.push_back(false);

  auto add_file = [&](const std::string& path, std::string text, bool prelude) {
    const long known = sources_.find(path);
    const FileId id = known >= 0 ? static_cast<FileId>(known) : sources_.add(path, std::move(text));
    if (!loaded.insert(id).second) return;
    files_.push_back(parse(sources_.file(id), diags_));
    from_prelude_.push_back(prelude);
  };

  // Breadth first over the import graph; files_ grows while we walk it.
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const FileId from = files_[i].file;
    std::vector<const ast::Import*> imports;
    for (const auto& d : files_[i].decls)
      if (const auto* imp = std::get_if<ast::Import>(&d)) imports.push_back(imp);
    for (const ast::Import* imp : imports) {
      const std::string& written = imp->path.value;
      if (is_std(written)) {
        if (auto text = stdlib_module(written)) {
          std::string module = written.size() > 4 && written.ends_with(".cxv") ? written.substr(0, written.size() - 4) : written;
          add_file(stdlib_path(module), std::string(*text), false);
          continue;
        }
        std::vector<std::string> names;
        for (const auto& [name, text] : stdlib_modules()) names.emplace_back(name);
        auto& d = error("E030", imp->path.span, "there is no stdlib module '" + written + "'");
        if (auto s = suggest(written, names)) d.help = "did you mean '" + *s + "'?";
        else {
          d.help = "the stdlib modules are:";
          for (auto& n : names) d.help += " " + n;
        }
        continue;
      }
      namespace fs = std::filesystem;
      const fs::path base = fs::path(sources_.file(from).path()).parent_path();
      fs::path target = (base / written).lexically_normal();
      auto text = read_file(target);
      if (!text && !target.has_extension()) {
        target += ".cxv";
        text = read_file(target);
      }
      if (!text) {
        auto& d = error("E030", imp->path.span, "cannot find the imported file '" + written + "'");
        d.help = "looked for " + target.string() + "; an import's path is relative to the file that imports it";
        continue;
      }
      add_file(target.string(), std::move(*text), false);
    }
  }

  // The prelude last, so the author's own declarations are seen first.
  if (auto text = stdlib_module(kPreludeModule))
    add_file(stdlib_path(kPreludeModule), std::string(*text), true);
}

}  // namespace cxv::check
