#pragma once
// Bool and date columns: fixed-width values plus a validity bitmap.

#include <cstdint>
#include <vector>

#include "data/validity.hpp"

namespace cxv::data {

// One byte per row (0 or 1; 0 for missing rows), so a `where` mask is a plain load.
class BoolColumn {
 public:
  void append(bool v) {
    values_.push_back(v ? 1 : 0);
    validity_.push(true);
  }
  void append_missing() {
    values_.push_back(0);
    validity_.push(false);
  }
  void reserve(std::size_t rows) {
    values_.reserve(rows);
    validity_.reserve(rows);
  }
  // Appends every row of `other`, as appending them one by one would.
  void append_column(const BoolColumn& other) {
    values_.insert(values_.end(), other.values_.begin(), other.values_.end());
    validity_.append(other.validity_);
  }
  std::size_t size() const { return values_.size(); }
  bool present(std::size_t row) const { return validity_.present(row); }
  bool value(std::size_t row) const { return values_[row] != 0; }
  const std::vector<std::uint8_t>& values() const { return values_; }
  const Validity& validity() const { return validity_; }

 private:
  std::vector<std::uint8_t> values_;
  Validity validity_;
};

// Days since 1970-01-01 per row (0 for missing rows). A cell written as a
// month (2027-03) is stored as its first day; month_only() says whether every
// present cell was written that way, so reports can show months back.
class DateColumn {
 public:
  void append(std::int32_t days, bool month_only) {
    days_.push_back(days);
    validity_.push(true);
    any_day_ = any_day_ || !month_only;
  }
  void append_missing() {
    days_.push_back(0);
    validity_.push(false);
  }
  void reserve(std::size_t rows) {
    days_.reserve(rows);
    validity_.reserve(rows);
  }
  // Appends every row of `other`, as appending them one by one would.
  void append_column(const DateColumn& other) {
    days_.insert(days_.end(), other.days_.begin(), other.days_.end());
    validity_.append(other.validity_);
    any_day_ = any_day_ || other.any_day_;
  }
  std::size_t size() const { return days_.size(); }
  bool present(std::size_t row) const { return validity_.present(row); }
  std::int32_t days(std::size_t row) const { return days_[row]; }
  const std::vector<std::int32_t>& all_days() const { return days_; }
  const Validity& validity() const { return validity_; }
  bool month_only() const { return !any_day_; }

 private:
  std::vector<std::int32_t> days_;
  Validity validity_;
  bool any_day_ = false;
};

}  // namespace cxv::data
