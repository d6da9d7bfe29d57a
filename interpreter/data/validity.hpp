#pragma once
// One bit per row: set when the row has a value, clear when it is missing
// (an empty CSV cell in an `optional` column). Missing values behave like
// SQL NULL in measures; see docs/data.md.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cxv::data {

class Validity {
 public:
  void push(bool present) {
    if ((size_ & 63) == 0) words_.push_back(0);
    if (present) {
      words_.back() |= std::uint64_t{1} << (size_ & 63);
    } else {
      ++missing_;
    }
    ++size_;
  }
  bool present(std::size_t row) const { return (words_[row >> 6] >> (row & 63)) & 1; }
  std::size_t size() const { return size_; }
  std::size_t missing_count() const { return missing_; }
  // The raw words (bit i of word i/64 is row i), for vectorized evaluation.
  const std::vector<std::uint64_t>& words() const { return words_; }
  void reserve(std::size_t rows) { words_.reserve((rows + 63) / 64); }
  // Appends every row of `other`, a word at a time: the same bits as pushing
  // them one by one.
  void append(const Validity& other) { append_words(words_, size_, other.words_, other.size_); missing_ += other.missing_; size_ += other.size_; }

  // Appends `count` rows of bits `from` to the bitmap `into` of `size` rows
  // (bits past the last row are zero in both). Shared with ScaledColumn's bitmap.
  static void append_words(std::vector<std::uint64_t>& into, std::size_t size, const std::vector<std::uint64_t>& from,
                           std::size_t count) {
    const std::size_t shift = size & 63;
    const std::size_t words = (count + 63) / 64;
    if (shift == 0) {
      into.insert(into.end(), from.begin(), from.begin() + static_cast<std::ptrdiff_t>(words));
      return;
    }
    for (std::size_t w = 0; w < words; ++w) {
      into.back() |= from[w] << shift;
      if (size + 64 * w + 64 - shift < size + count) into.push_back(from[w] >> (64 - shift));
    }
  }

 private:
  std::vector<std::uint64_t> words_;
  std::size_t size_ = 0;
  std::size_t missing_ = 0;
};

}  // namespace cxv::data
