#include "data/text_column.hpp"

#include <algorithm>

namespace cxv::data {
namespace {

// FNV-1a: short strings, few distinct values; quality is plenty here.
std::uint64_t hash_text(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
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

std::uint32_t TextColumn::intern(std::string_view value) {
  if (slots_.empty()) grow_slots();
  std::size_t mask = slots_.size() - 1;
  std::size_t i = hash_text(value) & mask;
  while (slots_[i] != 0) {
    std::uint32_t code = slots_[i] - 1;
    if (dictionary_entry(code) == value) return code;
    i = (i + 1) & mask;
  }
  if (dict_arena_.size() + value.size() > kMaxBytes) return kMissingCode;
  auto code = static_cast<std::uint32_t>(dictionary_size());
  dict_arena_.append(value);
  dict_offsets_.push_back(static_cast<std::uint32_t>(dict_arena_.size()));
  slots_[i] = code + 1;
  if (dictionary_size() * 2 > slots_.size()) grow_slots();
  return code;
}

void TextColumn::switch_to_plain() {
  std::size_t rows = size();
  ends_.reserve(std::max(codes_.capacity(), rows));
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

bool TextColumn::append(std::string_view value) {
  if (dictionary_) {
    std::uint32_t code = intern(value);
    if (code == kMissingCode) return false;
    codes_.push_back(code);
    validity_.push(true);
    if (dictionary_size() > kDictionaryLimit && dictionary_size() * 4 > size()) switch_to_plain();
    return true;
  }
  if (arena_.size() + value.size() > kMaxBytes) return false;
  arena_.append(value);
  ends_.push_back(static_cast<std::uint32_t>(arena_.size()));
  validity_.push(true);
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
