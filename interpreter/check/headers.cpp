// When a table's CSV file is there, `check` reads its header line (only that:
// loading and validating the rows is data/'s job) and reports declared
// columns the file does not have.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <fmt/core.h>

#include "check/checker_state.hpp"

namespace cxv::check {

namespace {

// The fields of the first record of a CSV file (RFC 4180 quoting, a UTF-8
// BOM, CRLF), or nullopt when the file cannot be read.
std::optional<std::vector<std::string>> read_header(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<std::string> fields(1);
  bool quoted = false;
  char c;
  std::size_t read = 0;
  constexpr std::size_t kMaxHeader = 1 << 20;
  while (in.get(c) && ++read < kMaxHeader) {
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          in.get(c);
          fields.back() += '"';
        } else {
          quoted = false;
        }
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (!fields.empty() && fields[0].rfind("\xEF\xBB\xBF", 0) == 0) fields[0].erase(0, 3);
  for (auto& f : fields) {
    while (!f.empty() && (f.back() == ' ' || f.back() == '\t')) f.pop_back();
    while (!f.empty() && (f.front() == ' ' || f.front() == '\t')) f.erase(0, 1);
  }
  return fields;
}

std::string header_list(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size() && i < 12; ++i) out += (i ? ", " : "") + fields[i];
  if (fields.size() > 12) out += ", ...";
  return out;
}

}  // namespace

void Checker::validate_headers() {
  if (!options_.validate_data_headers) return;
  auto has = [](const std::vector<std::string>& fields, const std::string& name) {
    return std::find(fields.begin(), fields.end(), name) != fields.end();
  };
  for (std::size_t i = 0; i < table_ast_.size(); ++i) {
    const ir::Table& t = program_->tables[i];
    auto header = read_header(t.path);
    if (!header) continue;  // a missing file is data loading's error, not check's
    for (const auto& c : t.columns) {
      if (has(*header, c.name)) continue;
      auto& d = error("E052", c.span, fmt::format("column '{}' is not in the header of {}", c.name, t.written_path));
      d.help = fmt::format("the header has: {}", header_list(*header));
    }
  }
  for (std::size_t i = 0; i < experiment_ast_.size(); ++i) {
    const ast::Experiment& a = *experiment_ast_[i];
    const ir::Experiment& x = program_->experiments[i];
    auto header = read_header(x.path);
    if (!header) continue;
    for (const ast::Name* n : {a.arm_column ? &*a.arm_column : nullptr, a.outcome ? &*a.outcome : nullptr}) {
      if (!n || has(*header, n->text)) continue;
      auto& d = error("E052", n->span, fmt::format("column '{}' is not in the header of {}", n->text, x.written_path));
      d.help = fmt::format("the header has: {}", header_list(*header));
    }
  }
}

}  // namespace cxv::check
