#pragma once
// Every name of a document: where each thing is declared and every place it is
// referred to, built from the AST (not the checked IR), so that a file with a
// broken declaration still has the symbols of all the others: the parser
// drops only the broken declaration, and the index takes what is left.
//
// Names resolve as the checker resolves them (check/exprs.cpp, calls.cpp):
// a function's parameters first, then the columns of the table whose rows an
// aggregate or an effect's `where` reads, then the declarations (KPIs,
// values, tables, experiments, initiatives, drivers). Stakeholders and
// functions have their own namespaces: a stakeholder `customers` and a table
// `customers` are different things.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "source/source.hpp"
#include "syntax/ast.hpp"

namespace cxv::lsp {

enum class SymbolKind { stakeholder, table, column, kpi, driver, value, initiative, experiment, function, param, framework, funding, expect, import };

// "KPI", "column", ... for hover and completion details.
const char* kind_label(SymbolKind kind);

inline constexpr std::size_t kNoSymbol = static_cast<std::size_t>(-1);

struct Symbol {
  SymbolKind kind = SymbolKind::kpi;
  std::string name;         // as written; a funding or expect block uses its title
  Span name_span;           // where the name is written
  Span decl_span;           // the whole declaration (or column, or parameter)
  std::size_t file = 0;     // index into the files the index was built from
  std::size_t decl = 0;     // index into that file's decls
  std::size_t parent = kNoSymbol;  // a column's table, a parameter's function
  std::size_t member = 0;   // a column's index in its table, a parameter's in its function
};

struct Reference {
  Span span;
  std::size_t symbol = kNoSymbol;
};

class SymbolIndex {
 public:
  // files[0] is the document; the others are what it imports (and the
  // prelude), whose declarations are visible in it. References are collected
  // in files[0] only.
  static SymbolIndex build(const std::vector<const ast::File*>& files);

  const std::vector<Symbol>& symbols() const { return symbols_; }
  const std::vector<Reference>& references() const { return references_; }
  const Symbol& symbol(std::size_t i) const { return symbols_.at(i); }

  // The symbol whose name or a reference to it covers `offset` in the
  // document (a name's end counts, so a cursor right after it finds it).
  std::optional<std::size_t> symbol_at(std::uint32_t offset) const;
  // Every reference to a symbol, in source order.
  std::vector<Span> references_to(std::size_t symbol) const;
  // A top-level symbol by name among the kinds of a namespace; kNoSymbol when absent.
  std::size_t find(const std::string& name, std::initializer_list<SymbolKind> kinds) const;
  // The columns of a table symbol.
  std::vector<std::size_t> children(std::size_t parent) const;

 private:
  std::vector<Symbol> symbols_;
  std::vector<Reference> references_;
  friend class IndexBuilder;
};

// The kinds a bare name in an expression can name (check/checker_state.hpp).
inline constexpr std::initializer_list<SymbolKind> kExpressionKinds = {
    SymbolKind::kpi, SymbolKind::value, SymbolKind::table, SymbolKind::experiment, SymbolKind::initiative, SymbolKind::driver};

// The aggregate built-ins whose first argument is a table's rows.
bool is_aggregate(const std::string& callee, std::size_t arguments);

}  // namespace cxv::lsp
