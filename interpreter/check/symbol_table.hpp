#pragma once
// The checker's table of declared names (KPIs, values, tables, experiments,
// initiatives, drivers): every name in every expression is looked up here, so
// it is an open-addressing hash table over a dense slot array — one cache
// line per lookup in the common case — rather than std::unordered_map's node
// per name (7% of a large check went to those lookups).
//
// Entries keep their insertion order; `entries()` lists them that way (callers
// that offer suggestions sort what they take, see Checker::names_of).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cxv::check {

template <typename Value>
class NameTable {
 public:
  using Entry = std::pair<std::string, Value>;

  // Adds `name` unless it is there; returns the entry under the name (the
  // old one when it was there) and whether it was added.
  std::pair<const Entry*, bool> emplace(std::string_view name, Value value) {
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    const std::uint64_t h = hash(name);
    std::size_t i = h & (slots_.size() - 1);
    for (;; i = (i + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[i];
      if (s.entry == kEmpty) {
        s = Slot{h, static_cast<std::uint32_t>(entries_.size())};
        entries_.emplace_back(std::string(name), std::move(value));
        return {&entries_.back(), true};
      }
      if (s.hash == h && entries_[s.entry].first == name) return {&entries_[s.entry], false};
    }
  }

  // The entry under `name`, or null.
  const Entry* find(std::string_view name) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = hash(name);
    for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.entry == kEmpty) return nullptr;
      if (s.hash == h && entries_[s.entry].first == name) return &entries_[s.entry];
    }
  }

  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

 private:
  static constexpr std::uint32_t kEmpty = static_cast<std::uint32_t>(-1);
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t entry = kEmpty;
  };

  // FNV-1a, then a final mix so that the low bits (the slot) depend on every byte.
  static std::uint64_t hash(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 32;
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
  }

  void grow() {
    std::vector<Slot> bigger(slots_.empty() ? 64 : slots_.size() * 2);
    for (const Slot& s : slots_) {
      if (s.entry == kEmpty) continue;
      std::size_t i = s.hash & (bigger.size() - 1);
      while (bigger[i].entry != kEmpty) i = (i + 1) & (bigger.size() - 1);
      bigger[i] = s;
    }
    slots_ = std::move(bigger);
  }

  std::vector<Slot> slots_;     // a power of two, at most half full
  std::vector<Entry> entries_;  // in insertion order
};

}  // namespace cxv::check
