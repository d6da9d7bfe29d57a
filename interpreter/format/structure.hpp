#pragma once
// What the formatter needs to know of a file's syntax, from the grammar itself.
//
// Layout depends on a few facts the tokens alone cannot tell: where each
// declaration and each clause begins (a clause starts a line), which `-` and
// `+` are signs rather than operators (`effect nps -4 points`), which `/` is
// inside a unit (`USD/month`), and which `(` opens a parenthesised expression
// rather than a call. This pass runs the grammar's own rules
// (grammar/cxv_grammar.hpp) over the text with actions that record them, so the
// formatter and the parser cannot disagree about the structure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cxv::format {

enum class Mark : std::uint8_t {
  declaration_begin,
  declaration_end,  // offset just past the declaration's last token
  clause_begin,     // a clause of a block, an `expect` condition included
  unary_sign,       // a `-` or `+` that is a sign
  unit_slash,       // a `/` inside a unit
  paren_open,       // the `(` of a parenthesised expression (not a call)
};

struct MarkAt {
  std::uint32_t offset = 0;
  Mark mark = Mark::clause_begin;
  bool operator==(const MarkAt&) const = default;
};

struct Structure {
  std::vector<MarkAt> marks;  // in the order the parser found them
};

// Parses `text` (a UTF-8 byte-order mark is skipped) as a whole file. Returns
// nothing, with a reason, when the grammar rejects it: callers run the real
// parser first, which reports such errors properly.
std::optional<Structure> read_structure(std::string_view text, std::string* why = nullptr);

}  // namespace cxv::format
