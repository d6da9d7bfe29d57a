#pragma once
// The PEGTL actions that build the AST from grammar/cxv_grammar.hpp.
// Only parser.cpp includes this header.

#include "syntax/actions_declarations.hpp"
#include "syntax/actions_expressions.hpp"
