#pragma once
// Completing a grammar error point (grammar/errors.hpp) into a located message:
// what was expected, what was found instead, and which block or parenthesis is
// left open.

#include <cstdint>

#include "grammar/errors.hpp"
#include "syntax/parse_state.hpp"

namespace cxv::syntax {

SyntaxError describe_error(const grammar::ErrorPoint& point, std::uint32_t offset, const State& st);

// The span of the token that starts at `offset` (a word, a number, a string,
// one character, or nothing at the end of the file).
Span token_at(const SourceFile& file, std::uint32_t offset);

}  // namespace cxv::syntax
