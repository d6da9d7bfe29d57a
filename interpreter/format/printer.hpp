#pragma once
// The canonical layout: tokens and structure in, formatted text out.
// docs/formatting.md states the rules this file implements.

#include <string>
#include <vector>

#include "format/structure.hpp"
#include "format/tokens.hpp"

namespace cxv::format {

// Lays out `tokens` (from lex()) using `structure` (from read_structure() on
// the same text). The tokens themselves are copied as written; only the space
// between them changes.
std::string print(const std::vector<Token>& tokens, const Structure& structure);

}  // namespace cxv::format
