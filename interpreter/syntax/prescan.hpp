#pragma once
// One pass over the raw bytes before parsing: the text must be UTF-8 without
// control characters (E001, E002), and `#` comments are collected here, with
// strings skipped so that a `#` inside quotes is not a comment. Doing it apart
// from the grammar keeps every comment exactly once, even in declarations the
// parser abandons after an error.

#include "diag/diagnostic.hpp"
#include "source/source.hpp"
#include "syntax/ast.hpp"

namespace cxv::syntax {

// Appends the file's comments to `comments`; reports encoding problems to
// `diags` and returns false when there were any (the text is then not parsed).
bool prescan(const SourceFile& file, std::vector<ast::Comment>& comments, Diagnostics& diags);

}  // namespace cxv::syntax
