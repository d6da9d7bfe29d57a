// When a table's CSV file is there, `check` reads its header line (only that:
// loading and validating the rows is data/'s job) and reports declared
// columns the file does not have. The header is read by the data module's
// own rule (data/header_names.hpp), so check and run agree on every header.
#include <algorithm>

#include <fmt/core.h>

#include "check/checker_state.hpp"
#include "data/header_names.hpp"

namespace cxv::check {

namespace {

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
    auto header = data::read_header_names(t.path);
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
    auto header = data::read_header_names(x.path);
    if (!header) continue;
    for (const ast::Name* n : {a.arm_column ? &*a.arm_column : nullptr, a.outcome ? &*a.outcome : nullptr}) {
      if (!n || has(*header, n->text)) continue;
      auto& d = error("E052", n->span, fmt::format("column '{}' is not in the header of {}", n->text, x.written_path));
      d.help = fmt::format("the header has: {}", header_list(*header));
    }
  }
}

}  // namespace cxv::check
