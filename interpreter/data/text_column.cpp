#include "data/text_column.hpp"

#include <algorithm>
#include <cstring>

#include "data/text_checks.hpp"

namespace cxv::data {
namespace {

// Eight bytes at a time with a multiply-xorshift mix: dictionary values are
// short, and this runs once per cell.
std::uint64_t hash_text(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  if (i < n) {
    std::uint64_t w = 0;
    std::memcpy(&w, p + i, n - i);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
  }
  h ^= h >> 29;
  h *= 0xff51afd7ed558ccdull;
  return h ^ (h >> 32);
}

}  // namespace

void TextColumn::reserve(std::size_t rows) {
  validity_.reserve(rows);
  if (dictionary_) {
    codes_.reserve(rows);
  } else {
    ends_.reserve(rows);
  }
}

void TextColumn::reserve_text(std::size_t rows) {
  if (dictionary_ || size() == 0) return;
  const double per_row = static_cast<double>(arena_.size()) / static_cast<double>(size());
  arena_.reserve(std::min<std::size_t>(static_cast<std::size_t>(per_row * static_cast<double>(rows) * 1.02) + 64, kMaxBytes));
}

std::string_view TextColumn::dictionary_entry(std::uint32_t code) const {
  return std::string_view(dict_arena_).substr(dict_offsets_[code], dict_offsets_[code + 1] - dict_offsets_[code]);
}

std::string_view TextColumn::value(std::size_t row) const {
  if (!validity_.present(row)) return {};
  if (dictionary_) return dictionary_entry(codes_[row]);
  std::uint32_t begin = row == 0 ? 0 : ends_[row - 1];
  return std::string_view(arena_).substr(begin, ends_[row] - begin);
}

void TextColumn::grow_slots() {
  std::vector<std::uint32_t> slots(slots_.empty() ? 64 : slots_.size() * 2, 0);
  std::size_t mask = slots.size() - 1;
  for (std::uint32_t code = 0; code < dictionary_size(); ++code) {
    std::size_t i = hash_text(dictionary_entry(code)) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = code + 1;
  }
  slots_ = std::move(slots);
}

std::uint32_t TextColumn::intern(std::string_view value, Appended& outcome) {
  if (slots_.empty()) grow_slots();
  std::size_t mask = slots_.size() - 1;
  std::size_t i = hash_text(value) & mask;
  while (slots_[i] != 0) {
    std::uint32_t code = slots_[i] - 1;
    if (dictionary_entry(code) == value) {
      outcome = Appended::ok;
      return code;
    }
    i = (i + 1) & mask;
  }
  if (first_invalid_utf8(value)) {
    outcome = Appended::invalid_utf8;
    return kMissingCode;
  }
  if (dict_arena_.size() + value.size() > kMaxBytes) {
    outcome = Appended::too_large;
    return kMissingCode;
  }
  auto code = static_cast<std::uint32_t>(dictionary_size());
  dict_arena_.append(value);
  dict_offsets_.push_back(static_cast<std::uint32_t>(dict_arena_.size()));
  slots_[i] = code + 1;
  if (dictionary_size() * 2 > slots_.size()) grow_slots();
  outcome = Appended::ok;
  return code;
}

void TextColumn::switch_to_plain() {
  std::size_t rows = size();
  // If the loader reserved rows already, reserve the text they will need at
  // this column's bytes per row so far, rather than doubling the arena as it fills.
  ends_.reserve(std::max(codes_.capacity(), rows));
  std::size_t bytes = 0;
  for (std::size_t r = 0; r < rows; ++r)
    if (codes_[r] != kMissingCode) bytes += dictionary_entry(codes_[r]).size();
  if (rows > 0) {
    const double per_row = static_cast<double>(bytes) / static_cast<double>(rows);
    const double wanted = per_row * static_cast<double>(ends_.capacity()) * 1.02 + 64;
    arena_.reserve(static_cast<std::size_t>(std::min(wanted, static_cast<double>(kMaxBytes))));
  }
  std::uint32_t end = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    if (codes_[r] != kMissingCode) {
      std::string_view v = dictionary_entry(codes_[r]);
      arena_.append(v);
      end += static_cast<std::uint32_t>(v.size());
    }
    ends_.push_back(end);
  }
  dictionary_ = false;
  std::vector<std::uint32_t>().swap(codes_);
  std::vector<std::uint32_t>().swap(slots_);
  std::vector<std::uint32_t>{0}.swap(dict_offsets_);
  std::string().swap(dict_arena_);
}

TextColumn::Appended TextColumn::append(std::string_view value) {
  if (dictionary_) {
    Appended outcome = Appended::ok;
    std::uint32_t code = intern(value, outcome);
    if (outcome != Appended::ok) return outcome;
    codes_.push_back(code);
    validity_.push(true);
    if (dictionary_size() > kDictionaryLimit && dictionary_size() * 4 > size()) switch_to_plain();
    return Appended::ok;
  }
  if (first_invalid_utf8(value)) return Appended::invalid_utf8;
  if (arena_.size() + value.size() > kMaxBytes) return Appended::too_large;
  arena_.append(value);
  ends_.push_back(static_cast<std::uint32_t>(arena_.size()));
  validity_.push(true);
  return Appended::ok;
}

std::size_t TextColumn::value_bytes() const {
  if (!dictionary_) return arena_.size();
  std::size_t bytes = 0;
  for (std::uint32_t code : codes_)
    if (code != kMissingCode) bytes += dict_offsets_[code + 1] - dict_offsets_[code];
  return bytes;
}

bool TextColumn::append_column(const TextColumn& other) {
  if (dictionary_ && other.dictionary_ && dict_arena_.size() + other.dict_arena_.size() <= kMaxBytes) {
    // Interning other's entries in its code order adds new values in the order
    // of their first row, as appending row by row would; while the merged
    // dictionary stays within kDictionaryLimit the switch to the plain layout
    // (which needs more entries than that) cannot happen on any row.
    std::size_t merged = dictionary_size();
    for (std::uint32_t code = 0; code < other.dictionary_size() && merged <= kDictionaryLimit; ++code) {
      std::string_view v = other.dictionary_entry(code);
      if (slots_.empty()) grow_slots();
      std::size_t i = hash_text(v) & (slots_.size() - 1);
      bool known = false;
      for (; slots_[i] != 0 && !known; i = (i + 1) & (slots_.size() - 1))
        known = dictionary_entry(slots_[i] - 1) == v;
      merged += known ? 0 : 1;
    }
    if (merged <= kDictionaryLimit) {
      std::vector<std::uint32_t> remap(other.dictionary_size());
      for (std::uint32_t code = 0; code < other.dictionary_size(); ++code) {
        Appended outcome = Appended::ok;
        remap[code] = intern(other.dictionary_entry(code), outcome);
        if (outcome != Appended::ok) return false;   // cannot happen: both arenas fit kMaxBytes together
      }
      codes_.reserve(codes_.size() + other.codes_.size());
      for (std::uint32_t code : other.codes_) codes_.push_back(code == kMissingCode ? kMissingCode : remap[code]);
      validity_.append(other.validity_);
      return true;
    }
  }
  if (!dictionary_ && !other.dictionary_) {
    if (arena_.size() + other.arena_.size() > kMaxBytes) return false;
    const auto shift = static_cast<std::uint32_t>(arena_.size());
    arena_.append(other.arena_);
    ends_.reserve(ends_.size() + other.ends_.size());
    for (std::uint32_t end : other.ends_) ends_.push_back(end + shift);
    validity_.append(other.validity_);
    return true;
  }
  // Mixed layouts, or a dictionary that outgrows its limit: row by row. No
  // value can then be refused for size (the check below), nor for UTF-8
  // (other's values are valid), so the column is never left half-appended.
  if (value_bytes() + other.value_bytes() > kMaxBytes) return false;
  for (std::size_t row = 0; row < other.size(); ++row) {
    if (other.present(row)) append(other.value(row));
    else append_missing();
  }
  return true;
}

void TextColumn::append_missing() {
  if (dictionary_) {
    codes_.push_back(kMissingCode);
  } else {
    ends_.push_back(static_cast<std::uint32_t>(arena_.size()));
  }
  validity_.push(false);
}

}  // namespace cxv::data
