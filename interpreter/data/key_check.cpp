#include "data/key_check.hpp"

#include <cstdint>
#include <functional>
#include <string_view>

#include <fmt/format.h>

#include "data/cell_parsers.hpp"

namespace cxv::data {
namespace {

// Open addressing over row numbers: 4 bytes a slot, no per-value allocation.
// `equal(a, b)` compares the values of rows a and b; `hash(row)` hashes one.
template <class Present, class Hash, class Equal, class Show>
std::vector<KeyDuplicate> duplicates(std::size_t rows, Present present, Hash hash, Equal equal, Show show,
                                     std::size_t limit) {
  std::vector<KeyDuplicate> found;
  std::size_t slots = 16;
  while (slots < rows * 2) slots *= 2;
  std::vector<std::uint32_t> table(slots, 0);   // row + 1, 0 = empty
  const std::size_t mask = slots - 1;
  for (std::size_t r = 0; r < rows && found.size() < limit; ++r) {
    if (!present(r)) continue;
    std::size_t i = hash(r) & mask;
    for (;;) {
      if (table[i] == 0) {
        table[i] = static_cast<std::uint32_t>(r + 1);
        break;
      }
      std::size_t other = table[i] - 1;
      if (equal(other, r)) {
        found.push_back(KeyDuplicate{r, other, show(r)});
        break;
      }
      i = (i + 1) & mask;
    }
  }
  return found;
}

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
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
    return duplicates(
        t->size(), [&](std::size_t r) { return t->present(r); }, [&](std::size_t r) { return std::hash<std::string_view>{}(t->value(r)); },
        [&](std::size_t a, std::size_t b) { return t->value(a) == t->value(b); },
        [&](std::size_t r) { return std::string(t->value(r)); }, limit);
  }
  if (const auto* n = std::get_if<NumberColumn>(&column)) {
    if (n->is_wide()) {
      // Rare (numbers past int64 at the column's scale): compare as exact text.
      return duplicates(
          n->size(), [&](std::size_t r) { return !n->is_missing(r); },
          [&](std::size_t r) { return std::hash<std::string>{}(n->at(r)->to_string()); },
          [&](std::size_t a, std::size_t b) { return *n->at(a) == *n->at(b); },
          [&](std::size_t r) { return n->at(r)->to_string(); }, limit);
    }
    auto coef = n->coefficients();
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
