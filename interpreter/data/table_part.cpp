#include "data/table_part.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <memory>

#include "data/cell_append.hpp"
#include "data/csv_reader.hpp"

namespace cxv::data {

void reserve_rows(std::vector<ColumnData>& columns, std::size_t rows) {
  for (auto& column : columns) {
    if (auto* text = std::get_if<TextColumn>(&column)) {
      text->reserve(rows);
      text->reserve_text(rows);
    } else {
      std::visit([rows](auto& c) { c.reserve(rows); }, column);
    }
  }
}

std::uint64_t line_start_after(const std::string& path, std::uint64_t from) {
  constexpr std::size_t kWindow = std::size_t{64} << 10;
  constexpr std::uint64_t kLimit = std::uint64_t{16} << 20;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  auto buffer = std::make_unique<char[]>(kWindow);
  std::uint64_t found = 0;
  for (std::uint64_t at = from; at < from + kLimit && found == 0;) {
    ssize_t n = ::pread(fd, buffer.get(), kWindow, static_cast<off_t>(at));
    if (n <= 0) break;
    if (const void* lf = std::memchr(buffer.get(), '\n', static_cast<std::size_t>(n)))
      found = at + static_cast<std::uint64_t>(static_cast<const char*>(lf) - buffer.get()) + 1;
    at += static_cast<std::uint64_t>(n);
  }
  ::close(fd);
  return found;
}

TablePart::TablePart(const TableSchema& schema, std::string path, std::uint64_t offset, std::uint64_t file_bytes,
                     std::vector<std::size_t> field_of, std::size_t header_fields, std::size_t chunk_bytes)
    : schema_(schema),
      path_(std::move(path)),
      offset_(offset),
      file_bytes_(file_bytes),
      field_of_(std::move(field_of)),
      header_fields_(header_fields),
      chunk_bytes_(chunk_bytes) {
  columns_.reserve(schema_.columns.size());
  for (const auto& c : schema_.columns) columns_.push_back(make_column(c.kind));
  thread_ = std::thread([this] {
    try {
      read();
    } catch (...) {   // bad_alloc and the like: the loader reads these rows itself
      ok_ = false;
    }
  });
}

TablePart::~TablePart() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

bool TablePart::finish() {
  if (thread_.joinable()) thread_.join();
  return ok_;
}

void TablePart::read() {
  constexpr std::size_t kSampleRows = 4096;
  CsvOpenError error;
  auto reader = CsvReader::open_at(path_, offset_, error, chunk_bytes_);
  if (!reader) return;
  std::size_t rows = 0;
  while (reader->next_record()) {
    if (reader->field_count() != header_fields_) return;
    for (std::size_t c = 0; c < columns_.size(); ++c)
      if (append_cell(columns_[c], schema_.columns[c], reader->field(field_of_[c])) != CellProblem::none) return;
    if (++rows == kSampleRows) {
      // The rows to come, from the bytes per row so far (plus a margin).
      const auto so_far = static_cast<double>(reader->bytes_read() - offset_);
      const auto part = static_cast<double>(file_bytes_ - offset_);
      reserve_rows(columns_, static_cast<std::size_t>(part / so_far * kSampleRows * 1.02) + 64);
    }
    if (rows % 1024 == 0 && cancelled_.load(std::memory_order_relaxed)) return;
  }
  ok_ = !reader->error();
}

}  // namespace cxv::data
