#pragma once
// Turning the text of a literal the grammar has matched into its AST form.
// The grammar has already checked the shape; these only take it apart.

#include <cstdint>
#include <string_view>

#include "syntax/ast.hpp"

namespace cxv::syntax {

// `450k USD`, `1_250.50`, `-` not included, `8% per year`, `0.04pp/points`.
// `begin` is the offset of text[0] in its file, for the unit factors' spans.
ast::NumberLit read_number(std::string_view text, FileId file, std::uint32_t begin);

// A unit as written in a column type: `USD/month`, `count per month`, `months`.
ast::UnitExpr read_unit(std::string_view text, FileId file, std::uint32_t begin);

// The value of a string literal, quotes removed and \" \\ unescaped.
std::string read_string(std::string_view quoted);

// `2027-03` or `2027-03-15`; false when the month or the day does not exist.
bool read_date(std::string_view text, ast::Date& out);

}  // namespace cxv::syntax
