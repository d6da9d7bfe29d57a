#pragma once
// The second half of a parallel load: the rows of a CSV file from a byte
// offset to its end, read on another thread into columns of their own.
//
// The part knows nothing about diagnostics: at the first problem of any kind
// (a cell that does not parse, a row of the wrong width, a syntax error, an
// exception) it stops and reports failure, and the loader reads those rows
// itself, serially, so that every diagnostic is exactly the serial loader's.
// Whether `offset` really starts a record is not the part's to know either:
// the loader checks it when its own half ends (see table_loader.cpp).

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "data/schema.hpp"
#include "data/table.hpp"

namespace cxv::data {

// Gives a column room for `rows` rows (and, for a plain text column, text at
// its bytes per row so far).
void reserve_rows(std::vector<ColumnData>& columns, std::size_t rows);

// The first offset after a line feed at or after `from`, or 0 when there is
// none within the next 16 MiB (or the file cannot be read): a candidate
// start of a record.
std::uint64_t line_start_after(const std::string& path, std::uint64_t from);

class TablePart {
 public:
  // Starts reading `path` from `offset` on a new thread. `field_of[c]` is the
  // field of declared column c; a row must have `header_fields` fields.
  TablePart(const TableSchema& schema, std::string path, std::uint64_t offset, std::uint64_t file_bytes,
            std::vector<std::size_t> field_of, std::size_t header_fields, std::size_t chunk_bytes);
  TablePart(const TablePart&) = delete;
  TablePart& operator=(const TablePart&) = delete;
  ~TablePart();   // cancels and joins

  // Asks the thread to stop early (its result is not wanted).
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  // Waits for the thread. True when every row was read without a problem;
  // the columns are then in columns().
  bool finish();
  std::vector<ColumnData>& columns() { return columns_; }

 private:
  void read();

  const TableSchema& schema_;
  std::string path_;
  std::uint64_t offset_;
  std::uint64_t file_bytes_;
  std::vector<std::size_t> field_of_;
  std::size_t header_fields_;
  std::size_t chunk_bytes_;
  std::vector<ColumnData> columns_;
  std::atomic<bool> cancelled_{false};
  bool ok_ = false;
  std::thread thread_;
};

}  // namespace cxv::data
