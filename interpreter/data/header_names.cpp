#include "data/header_names.hpp"

#include "data/csv_reader.hpp"

namespace cxv::data {

std::string_view header_name(std::string_view field) {
  const auto first = field.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return field.substr(first, field.find_last_not_of(" \t") - first + 1);
}

std::optional<std::vector<std::string>> read_header_names(const std::string& path) {
  CsvOpenError error;
  // A small first chunk: only the header is wanted (the reader grows it for a longer line).
  auto reader = CsvReader::open(path, error, std::size_t{64} << 10);
  if (!reader || !reader->next_record()) return std::nullopt;
  std::vector<std::string> names;
  names.reserve(reader->field_count());
  for (std::size_t i = 0; i < reader->field_count(); ++i) names.emplace_back(header_name(reader->field(i)));
  return names;
}

}  // namespace cxv::data
