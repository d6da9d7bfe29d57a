#pragma once
// A column of text values.
//
// Two layouts behind one interface. Columns with few distinct values (segment,
// region, plan) are dictionary-encoded: one 32-bit code per row and each
// distinct string stored once, which makes group-by and equality filters a
// matter of comparing integers. Columns where most values differ (keys, names)
// would only pay for the hash table, so once the dictionary grows past
// kDictionaryLimit entries and more than a quarter of the rows, the column
// switches for good to one arena string plus an offset per row.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/validity.hpp"

namespace cxv::data {

class TextColumn {
 public:
  static constexpr std::uint32_t kMissingCode = 0xFFFFFFFFu;
  static constexpr std::size_t kDictionaryLimit = 4096;
  // The arena holds at most this many bytes (32-bit offsets keep rows small).
  static constexpr std::size_t kMaxBytes = 0xFFFFFFF0u;

  enum class Appended { ok, invalid_utf8, too_large };
  // Appends a value; nothing is appended when it is not valid UTF-8 or the
  // column would exceed kMaxBytes. UTF-8 is checked only for bytes the column
  // stores: a repeated dictionary value costs a hash lookup and nothing more.
  Appended append(std::string_view value);
  void append_missing();
  // Appends every row of `other` (whose values are valid UTF-8, as every
  // TextColumn's are) and leaves the column exactly as appending them one by
  // one would: the same layout, the same dictionary codes. False, and the
  // column unchanged, when that would exceed kMaxBytes.
  bool append_column(const TextColumn& other);
  void reserve(std::size_t rows);
  // For a plain column, reserves text for `rows` rows as long as the rows so far.
  void reserve_text(std::size_t rows);

  std::size_t size() const { return validity_.size(); }
  bool present(std::size_t row) const { return validity_.present(row); }
  const Validity& validity() const { return validity_; }
  // The value of a row; empty for a missing one.
  std::string_view value(std::size_t row) const;

  // Dictionary layout: codes()[row] indexes the dictionary, kMissingCode for missing rows.
  bool is_dictionary() const { return dictionary_; }
  const std::vector<std::uint32_t>& codes() const { return codes_; }
  std::size_t dictionary_size() const { return dict_offsets_.size() - 1; }
  std::string_view dictionary_entry(std::uint32_t code) const;

 private:
  std::uint32_t intern(std::string_view value, Appended& outcome);   // kMissingCode unless outcome is ok
  void grow_slots();
  void switch_to_plain();
  std::size_t value_bytes() const;   // the bytes of every present value, counted once per row

  Validity validity_;
  bool dictionary_ = true;
  // Dictionary layout.
  std::vector<std::uint32_t> codes_;
  std::string dict_arena_;
  std::vector<std::uint32_t> dict_offsets_{0};   // entry i is [offsets[i], offsets[i+1])
  std::vector<std::uint32_t> slots_;              // open addressing: code + 1, 0 = empty
  // Plain layout.
  std::string arena_;
  std::vector<std::uint32_t> ends_;               // row i is [ends[i-1], ends[i])
};

}  // namespace cxv::data
