#pragma once
// What an expression evaluates to: a scalar (a KPI's value, a literal, an
// aggregate's result) or a whole column of row values (inside an aggregate).

#include <cstdint>
#include <string>
#include <variant>

#include "data/small_columns.hpp"
#include "data/text_column.hpp"
#include "eval/bitmap.hpp"
#include "eval/column_effect_mask.hpp"
#include "eval/number_vector.hpp"
#include "numeric/decimal.hpp"

namespace cxv::eval {

struct BoolScalar { bool value = false; };
struct TextScalar { std::string value; };
struct DateScalar { std::int32_t days = 0; };   // days since 1970-01-01

// A text or date column of the current table, read in place.
struct TextVector { const data::TextColumn* column = nullptr; };
struct DateVector { const data::DateColumn* column = nullptr; };

// ProbabilityMask: a bool column a column effect changed (eval/column_effect_mask.hpp).
using Value = std::variant<Decimal, BoolScalar, TextScalar, DateScalar, NumberVector, Mask, TextVector, DateVector,
                           ProbabilityMask>;

inline bool is_rowwise(const Value& v) {
  return std::holds_alternative<NumberVector>(v) || std::holds_alternative<Mask>(v) ||
         std::holds_alternative<TextVector>(v) || std::holds_alternative<DateVector>(v) ||
         std::holds_alternative<ProbabilityMask>(v);
}

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
std::int32_t days_from_civil(int year, int month, int day);

}  // namespace cxv::eval
