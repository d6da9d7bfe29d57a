#pragma once
// A `key` column identifies one individual per row: its values must be unique.

#include <cstddef>
#include <string>
#include <vector>

#include "data/table.hpp"

namespace cxv::data {

struct KeyDuplicate {
  std::size_t row;          // the repeated occurrence
  std::size_t first_row;    // where the value was first seen
  std::string value;        // as text, for the message
};

// Rows whose key value was already seen, in row order, at most `limit` of
// them. Missing values are not compared (a key column is never optional).
// Bool and date keys are compared too, though they make poor keys.
std::vector<KeyDuplicate> find_duplicate_keys(const ColumnData& column, std::size_t limit = 20);

}  // namespace cxv::data
