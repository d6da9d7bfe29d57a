#pragma once
// An RFC 4180 CSV reader built for large files.
//
// The file is read in chunks into one buffer (memory stays bounded however big
// the file is) and scanned 64 bytes at a time for the bytes that matter; unquoted cells are handed
// out as string_views into that buffer, with no allocation per cell. Quoted
// cells are unescaped into a second buffer that is sized up front so that the
// views of one record stay valid until the next call to next_record().
//
// Accepted: quoted fields, doubled quotes, commas and newlines inside quotes,
// LF and CRLF line ends, a UTF-8 byte-order mark, a last line without a line
// end, empty lines at the end of the file (ignored). An empty line anywhere
// else is a record with one empty field. A lone CR that is not followed by LF
// is ordinary data.
//
// Positions are 1-based: the physical line where a field starts (newlines
// inside quoted fields count) and the column in Unicode code points on that
// line, so an editor can jump straight to the cell.
//
// The reader does not check UTF-8 (only text cells need it; see utf8.hpp) and
// does not know about headers or types: that is table_loader's job.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cxv::data {

struct CsvLocation {
  std::uint32_t line = 1;
  std::uint32_t col = 1;
};

// Why a file could not be read at all.
enum class CsvOpenFailure { not_found, is_directory, unreadable };

struct CsvOpenError {
  CsvOpenFailure failure = CsvOpenFailure::unreadable;
  std::string reason;   // the system's words ("Permission denied")
};

// A syntax error that stops reading: nothing after it can be trusted.
enum class CsvSyntax {
  unterminated_quote,   // a quoted field still open at the end of the file
  stray_quote,          // a quote inside an unquoted field
  text_after_quote,     // `"abc"def`: something other than , or a line end after a closing quote
  record_too_long,      // one record larger than kMaxRecordBytes (usually an unclosed quote)
  read_failed,          // the operating system failed mid-file
};

struct CsvSyntaxError {
  CsvSyntax kind;
  CsvLocation where;     // the opening quote, the stray quote, the offending byte
  std::string detail;    // for read_failed: the system's words
};

class CsvReader {
 public:
  // A record may not exceed this many bytes; past it the file is rejected
  // rather than read whole into memory.
  static constexpr std::size_t kMaxRecordBytes = std::size_t{256} << 20;

  // Opens a file. A directory, a missing file or an unreadable one fails with
  // the reason; nothing is read yet.
  static std::optional<CsvReader> open(const std::string& path, CsvOpenError& error,
                                       std::size_t chunk_bytes = std::size_t{1} << 20);
  // Opens a file to read from byte `offset` on, which the caller knows (or
  // hopes) is the start of a record: the parallel loader's second half. No
  // byte-order mark is looked for there, lines are counted from 1 again, and
  // bytes_read() counts from the start of the file.
  static std::optional<CsvReader> open_at(const std::string& path, std::uint64_t offset, CsvOpenError& error,
                                          std::size_t chunk_bytes = std::size_t{1} << 20);
  // Reads CSV text already in memory (copied).
  static CsvReader from_text(std::string_view text);

  CsvReader(CsvReader&&) noexcept;
  CsvReader& operator=(CsvReader&&) noexcept;
  ~CsvReader();

  // Advances to the next record. False at the end of the input or on a syntax
  // error (see error()). The fields of the previous record become invalid.
  bool next_record();

  std::size_t field_count() const { return fields_.size(); }
  std::string_view field(std::size_t i) const { return {fields_[i].data, fields_[i].size}; }
  bool field_was_quoted(std::size_t i) const { return fields_[i].quoted; }
  // Where field i of the current record starts (computed on demand: cheap, but
  // meant for error messages, not for every cell).
  CsvLocation location(std::size_t i) const;
  // The physical line the current record starts on.
  std::uint32_t record_line() const { return record_line_; }
  // True when the current record is an empty line (one empty, unquoted field).
  bool record_is_blank() const { return fields_.size() == 1 && fields_[0].size == 0 && !fields_[0].quoted && blank_; }

  const std::optional<CsvSyntaxError>& error() const { return error_; }
  // Bytes of the file before the next record (the byte-order mark included):
  // the offset where the next record starts.
  std::uint64_t bytes_read() const { return consumed_ + pos_; }

 private:
  struct Field {
    const char* data;
    std::uint32_t size;
    std::uint32_t raw_start;    // offset of the field's first raw byte in buffer_
    std::uint32_t line;         // physical line where the field starts
    std::uint32_t line_start;   // offset in buffer_ where that line starts
    bool quoted;
  };
  enum class Step { record, need_more, end, failed };

  // Zero bytes kept after the data so the 64-byte scan never reads past the buffer.
  static constexpr std::size_t kPad = 64;
  static constexpr std::size_t kNoMask = static_cast<std::size_t>(-1) / 2;

  CsvReader();
  // The first of , LF CR " at or after q, or size_.
  std::size_t find_special(std::size_t q);
  Step parse_record();
  bool refill();                 // false when nothing more can be read
  void fail(CsvSyntax kind, std::uint32_t line, std::uint32_t line_start, std::size_t at);

  int fd_ = -1;                  // -1 for in-memory text
  bool eof_ = false;
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;         // bytes of buffer_ in use
  std::size_t pos_ = 0;          // start of the next record in buffer_
  std::uint64_t consumed_ = 0;   // bytes dropped from the front of buffer_ by refills
  std::string unescaped_;        // quoted fields' text; sized >= the unread part of buffer_
  std::vector<Field> fields_;
  std::uint32_t line_ = 1;       // physical line at pos_
  std::uint32_t record_line_ = 1;
  bool blank_ = false;
  bool started_ = false;         // the byte-order mark has been looked for
  std::optional<CsvSyntaxError> error_;
  std::size_t mask_base_ = kNoMask;   // special_mask of [mask_base_, +64) is mask_
  std::uint64_t mask_ = 0;
};

}  // namespace cxv::data
