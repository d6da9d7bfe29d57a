#pragma once
// The parser: source text -> AST, through the PEGTL grammar in grammar/.

#include "diag/diagnostic.hpp"
#include "source/source.hpp"
#include "syntax/ast.hpp"

namespace cxv {

// Parses one file. Syntax errors are added to `diags` with codes E001-E029 and
// spans pointing at the exact place. The parser recovers at declaration
// boundaries (the next top-level keyword at the start of a line), so the File
// holds every declaration it could read even when some are broken; a broken
// declaration is dropped, never half-kept.
ast::File parse(const SourceFile& file, Diagnostics& diags);

}  // namespace cxv
