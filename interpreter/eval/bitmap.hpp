#pragma once
// Row bitmaps (bit i of word i/64 is row i) and the three-valued masks that
// `where` predicates evaluate to.
//
// Invariant: bits past the last row are always zero, so counts are plain
// popcounts and `not` must clear the tail again.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cxv::eval {

using Words = std::vector<std::uint64_t>;

inline std::size_t word_count(std::size_t rows) { return (rows + 63) / 64; }

// Every row set.
inline Words all_rows(std::size_t rows) {
  Words w(rows / 64, ~std::uint64_t{0});
  if (rows % 64 != 0) w.push_back((std::uint64_t{1} << (rows % 64)) - 1);
  return w;
}

inline std::size_t popcount(std::span<const std::uint64_t> w) {
  std::size_t n = 0;
  for (std::uint64_t x : w) n += static_cast<std::size_t>(std::popcount(x));
  return n;
}

inline bool test(std::span<const std::uint64_t> w, std::size_t row) { return (w[row >> 6] >> (row & 63)) & 1; }

inline Words and_words(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  Words out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = a[i] & b[i];
  return out;
}

// A predicate's value on every row: true, false or unknown (a comparison with
// a missing value). `truth` is set where the predicate is true, `known` where
// it is true or false; truth is always a subset of known.
struct Mask {
  std::size_t rows = 0;
  Words truth;
  Words known;

  // Kleene logic (SQL's three-valued logic):
  //   false and unknown = false;  true or unknown = true;  not unknown = unknown.
  friend Mask operator&&(const Mask& a, const Mask& b) {
    Mask m{a.rows, Words(a.truth.size()), Words(a.truth.size())};
    for (std::size_t i = 0; i < a.truth.size(); ++i) {
      const std::uint64_t a_false = a.known[i] & ~a.truth[i];
      const std::uint64_t b_false = b.known[i] & ~b.truth[i];
      m.truth[i] = a.truth[i] & b.truth[i];
      m.known[i] = (a.known[i] & b.known[i]) | a_false | b_false;
    }
    return m;
  }
  friend Mask operator||(const Mask& a, const Mask& b) {
    Mask m{a.rows, Words(a.truth.size()), Words(a.truth.size())};
    for (std::size_t i = 0; i < a.truth.size(); ++i) {
      m.truth[i] = a.truth[i] | b.truth[i];
      m.known[i] = (a.known[i] & b.known[i]) | m.truth[i];
    }
    return m;
  }
  friend Mask operator!(const Mask& a) {
    Mask m{a.rows, Words(a.truth.size()), a.known};
    for (std::size_t i = 0; i < a.truth.size(); ++i) m.truth[i] = a.known[i] & ~a.truth[i];
    return m;
  }
};

// The same truth value on every row.
inline Mask constant_mask(std::size_t rows, bool known, bool value) {
  Words none(word_count(rows), 0);
  Words all = all_rows(rows);
  return Mask{rows, known && value ? all : none, known ? all : none};
}

}  // namespace cxv::eval
