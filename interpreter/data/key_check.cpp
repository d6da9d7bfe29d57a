#include "data/key_check.hpp"

#include <cstdint>
#include <functional>
#include <string_view>

#include <fmt/format.h>

#include "data/cell_parsers.hpp"

namespace cxv::data {
namespace {

// Open addressing over rows. A slot holds 32 bits of the value's hash above
// the row number + 1, so a probe compares values only when those bits agree:
// one cache miss per row instead of three. `hash(row)` hashes a row's value,
// `equal(a, b)` compares the values of two rows.
template <class Present, class Hash, class Equal, class Show>
std::vector<KeyDuplicate> duplicates(std::size_t rows, Present present, Hash hash, Equal equal, Show show,
                                     std::size_t limit) {
  std::vector<KeyDuplicate> found;
  if (rows >= 0xFFFFFFFFull) return found;   // row numbers live in 32 bits of a slot
  std::size_t slots = 16;
  while (slots < rows + rows / 2) slots *= 2;
  std::vector<std::uint64_t> table(slots, 0);   // fingerprint << 32 | (row + 1); 0 = empty
  const std::size_t mask = slots - 1;
  // Hashes are computed kAhead rows early and their slots prefetched, so the
  // random accesses into the table overlap instead of waiting one by one.
  constexpr std::size_t kAhead = 16;
  std::uint64_t ahead[kAhead];
  auto prepare = [&](std::size_t r) {
    std::uint64_t h = present(r) ? hash(r) : 0;
    ahead[r % kAhead] = h;
    __builtin_prefetch(&table[h & mask]);
  };
  for (std::size_t r = 0; r < rows && r < kAhead; ++r) prepare(r);
  for (std::size_t r = 0; r < rows && found.size() < limit; ++r) {
    const std::uint64_t h = ahead[r % kAhead];
    if (r + kAhead < rows) prepare(r + kAhead);
    if (!present(r)) continue;
    const std::uint64_t fingerprint = h >> 32;
    std::size_t i = h & mask;
    for (;;) {
      const std::uint64_t slot = table[i];
      if (slot == 0) {
        table[i] = fingerprint << 32 | (r + 1);
        break;
      }
      const std::size_t other = (slot & 0xFFFFFFFFu) - 1;
      if ((slot >> 32) == fingerprint && equal(other, r)) {
        found.push_back(KeyDuplicate{r, other, show(r)});
        break;
      }
      i = (i + 1) & mask;
    }
  }
  return found;
}

// Exports are often sorted by their key. Values that strictly increase (among
// the present ones) cannot repeat, and one sequential pass proves it, where
// the hash table costs a random memory access per row.
template <class Present, class Less>
bool strictly_increasing(std::size_t rows, Present present, Less less) {
  std::size_t previous = rows;
  for (std::size_t r = 0; r < rows; ++r) {
    if (!present(r)) continue;
    if (previous != rows && !less(previous, r)) return false;
    previous = r;
  }
  return true;
}

// A full 64-bit mix: the low bits pick the slot, the high ones are the fingerprint.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

std::string format_date(std::int32_t days) {
  int y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

}  // namespace

std::vector<KeyDuplicate> find_duplicate_keys(const ColumnData& column, std::size_t limit) {
  if (const auto* t = std::get_if<TextColumn>(&column)) {
    if (t->is_dictionary()) {
      // Equal values share a code.
      const auto& codes = t->codes();
      return duplicates(
          t->size(), [&](std::size_t r) { return t->present(r); }, [&](std::size_t r) { return mix(codes[r]); },
          [&](std::size_t a, std::size_t b) { return codes[a] == codes[b]; },
          [&](std::size_t r) { return std::string(t->value(r)); }, limit);
    }
    if (strictly_increasing(t->size(), [&](std::size_t r) { return t->present(r); },
                            [&](std::size_t a, std::size_t b) { return t->value(a) < t->value(b); }))
      return {};
    return duplicates(
        t->size(), [&](std::size_t r) { return t->present(r); }, [&](std::size_t r) { return mix(std::hash<std::string_view>{}(t->value(r))); },
        [&](std::size_t a, std::size_t b) { return t->value(a) == t->value(b); },
        [&](std::size_t r) { return std::string(t->value(r)); }, limit);
  }
  if (const auto* n = std::get_if<NumberColumn>(&column)) {
    if (n->is_wide()) {
      // Rare (numbers past int64 at the column's scale): compare as exact text.
      return duplicates(
          n->size(), [&](std::size_t r) { return !n->is_missing(r); },
          [&](std::size_t r) { return mix(std::hash<std::string>{}(n->at(r)->to_string())); },
          [&](std::size_t a, std::size_t b) { return *n->at(a) == *n->at(b); },
          [&](std::size_t r) { return n->at(r)->to_string(); }, limit);
    }
    auto coef = n->coefficients();
    if (strictly_increasing(n->size(), [&](std::size_t r) { return !n->is_missing(r); },
                            [&](std::size_t a, std::size_t b) { return coef[a] < coef[b]; }))
      return {};
    return duplicates(
        n->size(), [&](std::size_t r) { return !n->is_missing(r); }, [&](std::size_t r) { return mix(static_cast<std::uint64_t>(coef[r])); },
        [&](std::size_t a, std::size_t b) { return coef[a] == coef[b]; },
        [&](std::size_t r) { return n->at(r)->to_string(); }, limit);
  }
  if (const auto* b = std::get_if<BoolColumn>(&column)) {
    return duplicates(
        b->size(), [&](std::size_t r) { return b->present(r); }, [&](std::size_t r) { return mix(b->value(r)); },
        [&](std::size_t x, std::size_t y) { return b->value(x) == b->value(y); },
        [&](std::size_t r) { return std::string(b->value(r) ? "true" : "false"); }, limit);
  }
  const auto& d = std::get<DateColumn>(column);
  return duplicates(
      d.size(), [&](std::size_t r) { return d.present(r); }, [&](std::size_t r) { return mix(static_cast<std::uint32_t>(d.days(r))); },
      [&](std::size_t x, std::size_t y) { return d.days(x) == d.days(y); },
      [&](std::size_t r) { return format_date(d.days(r)); }, limit);
}

}  // namespace cxv::data
