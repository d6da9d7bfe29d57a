#include "data/csv_reader.hpp"

#include <fcntl.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace cxv::data {
namespace {

// Bytes that end an unquoted field or need a closer look: , LF CR and ".
// The scan finds them 64 bytes at a time with SSE2 (a bit per byte), and the
// mask is kept between calls so short fields cost a shift and a count.
#if defined(__SSE2__)
std::uint64_t special_mask(const char* p) {
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i quote = _mm_set1_epi8('"');
  std::uint64_t mask = 0;
  for (int i = 0; i < 4; ++i) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
    mask |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(hit))) << (16 * i);
  }
  return mask;
}
#else
std::uint64_t special_mask(const char* p) {
  std::uint64_t mask = 0;
  for (int i = 0; i < 64; ++i) {
    char c = p[i];
    if (c == ',' || c == '\n' || c == '\r' || c == '"') mask |= std::uint64_t{1} << i;
  }
  return mask;
}
#endif

std::uint32_t u32(std::size_t v) { return static_cast<std::uint32_t>(v); }

}  // namespace

CsvReader::CsvReader() = default;
CsvReader::CsvReader(CsvReader&& o) noexcept { *this = std::move(o); }

CsvReader& CsvReader::operator=(CsvReader&& o) noexcept {
  if (this == &o) return *this;
  if (fd_ >= 0) ::close(fd_);
  fd_ = std::exchange(o.fd_, -1);
  eof_ = o.eof_;
  buffer_ = std::move(o.buffer_);
  capacity_ = std::exchange(o.capacity_, 0);
  size_ = std::exchange(o.size_, 0);
  pos_ = std::exchange(o.pos_, 0);
  consumed_ = o.consumed_;
  unescaped_ = std::move(o.unescaped_);
  fields_ = std::move(o.fields_);
  line_ = o.line_;
  record_line_ = o.record_line_;
  blank_ = o.blank_;
  started_ = o.started_;
  mask_base_ = o.mask_base_;
  mask_ = o.mask_;
  error_ = std::move(o.error_);
  return *this;
}

CsvReader::~CsvReader() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<CsvReader> CsvReader::open(const std::string& path, CsvOpenError& error,
                                         std::size_t chunk_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    error.failure = (e == ENOENT || e == ENOTDIR) ? CsvOpenFailure::not_found : CsvOpenFailure::unreadable;
    error.reason = std::strerror(e);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
    ::close(fd);
    error.failure = e == EISDIR ? CsvOpenFailure::is_directory : CsvOpenFailure::unreadable;
    error.reason = std::strerror(e);
    return std::nullopt;
  }
  CsvReader r;
  r.fd_ = fd;
  r.capacity_ = std::max<std::size_t>(chunk_bytes, 16);
  r.buffer_ = std::make_unique<char[]>(r.capacity_ + kPad);
  std::memset(r.buffer_.get(), 0, kPad);
  return r;
}

std::optional<CsvReader> CsvReader::open_at(const std::string& path, std::uint64_t offset, CsvOpenError& error,
                                            std::size_t chunk_bytes) {
  auto reader = open(path, error, chunk_bytes);
  if (!reader) return reader;
  if (::lseek(reader->fd_, static_cast<off_t>(offset), SEEK_SET) != static_cast<off_t>(offset)) {
    error.failure = CsvOpenFailure::unreadable;
    error.reason = std::strerror(errno);
    return std::nullopt;
  }
  reader->consumed_ = offset;
  reader->started_ = true;
  return reader;
}

CsvReader CsvReader::from_text(std::string_view text) {
  CsvReader r;
  r.capacity_ = std::max<std::size_t>(text.size(), 1);
  r.buffer_ = std::make_unique<char[]>(r.capacity_ + kPad);
  std::memcpy(r.buffer_.get(), text.data(), text.size());
  r.size_ = text.size();
  std::memset(r.buffer_.get() + r.size_, 0, kPad);
  r.eof_ = true;
  return r;
}

// Moves the unread tail to the front of the buffer and reads more after it,
// growing the buffer when one record fills it. False when the end of the file
// was already reached (or reading failed: error_ is then set).
bool CsvReader::refill() {
  if (eof_) return false;
  std::size_t tail = size_ - pos_;
  if (pos_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + pos_, tail);
    consumed_ += pos_;
    pos_ = 0;
    size_ = tail;
  }
  if (size_ == capacity_) {
    if (capacity_ >= kMaxRecordBytes) {
      fail(CsvSyntax::record_too_long, line_, 0, 0);
      return false;
    }
    std::size_t grown = std::min(capacity_ * 2, kMaxRecordBytes);
    auto bigger = std::make_unique<char[]>(grown + kPad);
    std::memcpy(bigger.get(), buffer_.get(), size_);
    buffer_ = std::move(bigger);
    capacity_ = grown;
  }
  while (size_ < capacity_) {
    ssize_t n = ::read(fd_, buffer_.get() + size_, capacity_ - size_);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = CsvSyntaxError{CsvSyntax::read_failed, CsvLocation{line_, 1}, std::strerror(errno)};
      return false;
    }
    if (n == 0) {
      eof_ = true;
      break;
    }
    size_ += static_cast<std::size_t>(n);
  }
  std::memset(buffer_.get() + size_, 0, kPad);
  mask_base_ = kNoMask;
  return true;
}

bool CsvReader::next_record() {
  if (error_) return false;
  if (!started_) {
    // The byte-order mark can only be judged once three bytes are in (or the file is shorter).
    while (size_ - pos_ < 3 && refill()) {
    }
    if (error_) return false;
    if (size_ - pos_ >= 3 && std::memcmp(buffer_.get() + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
    started_ = true;
  }
  for (;;) {
    switch (parse_record()) {
      case Step::record:
        return true;
      case Step::end:
      case Step::failed:
        fields_.clear();
        return false;
      case Step::need_more:
        if (!refill()) {
          if (error_) {
            fields_.clear();
            return false;
          }
          // eof_ is now known; parse again with that knowledge.
          eof_ = true;
        }
        break;
    }
  }
}

void CsvReader::fail(CsvSyntax kind, std::uint32_t line, std::uint32_t line_start, std::size_t at) {
  CsvLocation where{line, 1};
  for (std::size_t i = line_start; i < at; ++i)
    if ((static_cast<unsigned char>(buffer_[i]) & 0xC0) != 0x80) ++where.col;
  error_ = CsvSyntaxError{kind, where, {}};
}

std::size_t CsvReader::find_special(std::size_t q) {
  const char* buf = buffer_.get();
  for (;;) {
    if (q >= size_) return size_;
    if (q - mask_base_ < 64) {
      std::uint64_t m = mask_ >> (q - mask_base_);
      if (m) return q + static_cast<std::size_t>(__builtin_ctzll(m));
      q = mask_base_ + 64;
      continue;
    }
    mask_base_ = q;
    mask_ = special_mask(buf + q);
  }
}

CsvLocation CsvReader::location(std::size_t i) const {
  const Field& f = fields_.at(i);
  CsvLocation where{f.line, 1};
  for (std::size_t k = f.line_start; k < f.raw_start; ++k)
    if ((static_cast<unsigned char>(buffer_[k]) & 0xC0) != 0x80) ++where.col;
  return where;
}

// Parses one record starting at pos_. On need_more nothing is committed: the
// caller refills and the record is parsed again from its start.
CsvReader::Step CsvReader::parse_record() {
  const char* const buf = buffer_.get();
  const std::size_t size = size_;
  std::size_t p = pos_;
  fields_.clear();
  blank_ = false;
  if (p == size) return eof_ ? Step::end : Step::need_more;

  // Quoted text shrinks when unescaped, so a buffer as large as the unread
  // input never reallocates while the views of this record point into it.
  if (unescaped_.size() < size - p) unescaped_.resize(std::max(size - p, unescaped_.size() * 2));
  char* const out_base = unescaped_.data();
  std::size_t out = 0;

  std::uint32_t line = line_;
  std::size_t line_start = p;

  // Empty lines: ignored at the end of the file, a record of one empty field elsewhere.
  if (buf[p] == '\n' || (buf[p] == '\r' && (p + 1 >= size || buf[p + 1] == '\n'))) {
    std::size_t q = p;
    std::size_t first_end = 0;   // just past the first line end
    for (;;) {
      if (q < size && buf[q] == '\n') {
        ++q;
      } else if (q + 1 < size && buf[q] == '\r' && buf[q + 1] == '\n') {
        q += 2;
      } else if (q + 1 == size && buf[q] == '\r' && !eof_) {
        return Step::need_more;
      } else {
        break;
      }
      if (first_end == 0) first_end = q;
    }
    if (q == size && !eof_) return Step::need_more;
    if (q == size) {
      pos_ = size;
      return Step::end;
    }
    if (first_end != 0) {
      fields_.push_back(Field{buf + p, 0, u32(p), line, u32(line_start), false});
      blank_ = true;
      record_line_ = line;
      line_ = line + 1;
      pos_ = first_end;
      return Step::record;
    }
    // A lone CR at the start of a line: ordinary data, fall through.
  }

  for (;;) {
    const std::size_t field_start = p;
    const std::uint32_t field_line = line;
    const std::size_t field_line_start = line_start;
    if (p < size && buf[p] == '"') {
      // Quoted: copy runs between quotes, turning "" into ".
      std::size_t q = p + 1;
      const std::size_t out_begin = out;
      for (;;) {
        const void* hit = std::memchr(buf + q, '"', size - q);
        std::size_t close = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - buf) : size;
        // Newlines inside the quotes move the physical line.
        for (const char* nl = static_cast<const char*>(std::memchr(buf + q, '\n', close - q)); nl;
             nl = static_cast<const char*>(std::memchr(nl + 1, '\n', static_cast<std::size_t>(buf + close - nl - 1)))) {
          ++line;
          line_start = static_cast<std::size_t>(nl - buf) + 1;
        }
        std::memcpy(out_base + out, buf + q, close - q);
        out += close - q;
        if (!hit) {
          if (!eof_) return Step::need_more;
          fail(CsvSyntax::unterminated_quote, field_line, u32(field_line_start), field_start);
          return Step::failed;
        }
        if (close + 1 < size && buf[close + 1] == '"') {
          out_base[out++] = '"';
          q = close + 2;
          continue;
        }
        if (close + 1 == size && !eof_) return Step::need_more;
        p = close + 1;
        break;
      }
      fields_.push_back(Field{out_base + out_begin, u32(out - out_begin), u32(field_start), field_line,
                              u32(field_line_start), true});
      if (p == size) {
        if (!eof_) return Step::need_more;
        break;
      }
      char c = buf[p];
      if (c == ',') {
        ++p;
        continue;
      }
      if (c == '\n') {
        ++p;
        break;
      }
      if (c == '\r' && p + 1 < size && buf[p + 1] == '\n') {
        p += 2;
        break;
      }
      if (c == '\r' && p + 1 == size && !eof_) return Step::need_more;
      fail(CsvSyntax::text_after_quote, line, u32(line_start), p);
      return Step::failed;
    }

    // Unquoted: scan to the next special byte.
    std::size_t q = p;
    bool ends_record = false;
    for (;;) {
      q = find_special(q);
      if (q == size) {
        if (!eof_) return Step::need_more;
        ends_record = true;
        break;
      }
      char c = buf[q];
      if (c == ',') break;
      if (c == '\n') {
        ends_record = true;
        break;
      }
      if (c == '"') {
        fail(CsvSyntax::stray_quote, line, u32(line_start), q);
        return Step::failed;
      }
      // '\r': a line end when LF follows, data otherwise.
      if (q + 1 < size && buf[q + 1] == '\n') {
        ends_record = true;
        break;
      }
      if (q + 1 == size && !eof_) return Step::need_more;
      ++q;
    }
    fields_.push_back(Field{buf + p, u32(q - p), u32(p), field_line, u32(field_line_start), false});
    if (!ends_record) {
      p = q + 1;
      continue;
    }
    if (q == size) {
      p = q;
    } else {
      p = q + (buf[q] == '\r' ? 2 : 1);
    }
    break;
  }
  if (p - pos_ > kMaxRecordBytes) {
    fail(CsvSyntax::record_too_long, line_, u32(pos_), pos_);
    return Step::failed;
  }
  record_line_ = line_;
  line_ = line + 1;
  pos_ = p;
  return Step::record;
}

}  // namespace cxv::data
