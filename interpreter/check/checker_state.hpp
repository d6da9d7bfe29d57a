#pragma once
// The checker's working state, shared by the files of check/ (one concern per
// file: imports, declarations, literals, expressions, calls, each kind of
// declaration, cycles, CSV headers). Internal to the module.

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <string>
#include <unordered_map>
#include <vector>

#include "check/ir.hpp"
#include "check/options.hpp"
#include "check/symbol_table.hpp"
#include "diag/diagnostic.hpp"
#include "source/source.hpp"
#include "syntax/ast.hpp"

namespace cxv::check {

using ir::Index;
using ir::kNone;

// Kinds of names in the expression namespace. Stakeholders and functions
// have namespaces of their own (a table and a stakeholder may both be called
// `customers`, as in the flagship example).
enum class SymbolKind { kpi, value, table, experiment, initiative, driver };
const char* kind_name(SymbolKind k);   // "KPI", "value", "table", ...
std::string a_kind(SymbolKind k);      // "a KPI", "an initiative", ...

struct Symbol {
  SymbolKind kind;
  Index index;
  Span span;
};

// Where an expression sits decides which names and builtins mean something.
enum class Context {
  constant,   // targets, costs, weights, budget: numbers written out
  measure,    // a KPI measure: data and other KPIs
  driver,     // a driver formula: delta() of KPIs
  value,      // a value formula: delta(), cumulative(), KPIs, other values
  effect,     // an initiative's effect size
  rule,       // reject when / require: the candidate initiative
  objective,  // the funding objective: portfolio metrics and values
  expect,     // expect blocks: the whole run
};

// A function parameter bound at one call site: the checked argument.
struct ParamBinding {
  std::string name;
  const ir::Expr* arg;   // owned by the call node being built
};

// What an expression reads, collected while checking it.
struct Reads {
  std::vector<Index> kpis, values, tables, experiments;
  std::vector<ir::ColumnRef> columns;
};

struct Scope {
  Context context = Context::constant;
  Index table = kNone;                            // inside a `where` or an aggregate's row expression
  const std::vector<ParamBinding>* params = nullptr;
  std::optional<Unit> experiment_unit;            // effect values: the unit `pilot.effect` takes
  Reads* reads = nullptr;
};

// Checking state of one lazily checked declaration (KPIs and values may be
// referenced before they are checked; a reference to one in progress is a
// cycle, reported by cycles.cpp).
enum class State { unchecked, in_progress, done, failed };

class Checker {
 public:
  Checker(SourceMap& sources, FileId main, Diagnostics& diags, const CheckOptions& options);
  std::shared_ptr<const ir::Program> run();

  // ---- diagnostics
  Diagnostic& error(const char* code, Span span, std::string message);
  std::string quote(Span span) const;       // the source text of a span, for messages
  std::string unit_text(const Unit& u) const { return program_->unit_text(u); }

  // ---- imports.cpp
  void load_files();
  // ---- syntax_losses.cpp: what the parser abandoned at a syntax error
  void note_syntax_losses();   // after load_files
  // A declaration of this keyword was abandoned (or a file was unreadable):
  // its absence is not reported again.
  bool declaration_lost(std::string_view keyword) const;
  // True for an error that only restates an earlier syntax error (an unknown
  // name that an abandoned declaration would have declared); error() drops it.
  bool explained_by_syntax_error(std::string_view code, Span span) const;
  // ---- declare.cpp
  void declare_all();
  std::optional<Symbol> lookup(const std::string& name) const;
  std::vector<std::string> names_of(std::initializer_list<SymbolKind> kinds) const;
  // Resolves a name that must be of one kind; reports unknown / wrong kind.
  Index resolve(const ast::Name& name, SymbolKind kind);
  Index resolve_stakeholder(const ast::Name& name);
  // One of a fixed set of words (`perspective customer`): its position in
  // `allowed`, or -1 after reporting E058 with the allowed words.
  int check_word(const ast::Name& n, std::initializer_list<std::string_view> allowed, const char* what);
  ir::Evidence check_evidence(const ast::Evidence& e);
  // ---- literals.cpp
  struct UnitResult {
    Unit unit;
    // From written units to base units: base = written * num / den (kept
    // apart so that `120k USD per year` divides once, exactly when it can).
    Decimal num = Decimal(1), den = Decimal(1);
    DisplayUnit display;
    bool ok = true;
  };
  // `start` is the unit of the number's mark (ratio for % and pp).
  UnitResult check_unit(const ast::UnitExpr& u, Unit start = Unit::plain());
  ir::ExprPtr check_number(const ast::Expr& e);
  // The number as written, before units: digits, scale suffix and % / pp.
  static Decimal written_number(const ast::NumberLit& lit);
  // ---- exprs.cpp
  ir::ExprPtr check_expr(const ast::Expr& e, Scope& scope);
  ir::ExprPtr check_condition(const ast::Expr& e, Scope& scope);   // must be boolean
  std::optional<Decimal> fold_constant(const ir::Expr& e) const;
  // Checks a number written out (no data): returns the checked expression and its value.
  ir::ExprPtr check_constant(const ast::Expr& e, std::optional<Decimal>& value);
  // Reports `a` vs `b` unit mismatch for + - and comparisons; false when reported.
  bool units_agree(ir::Expr& a, ir::Expr& b, Span where, bool comparison);
  // ---- calls.cpp
  ir::ExprPtr check_call(const ast::Expr& e, Scope& scope);
  ir::ExprPtr check_aggregate(const ast::Expr& e, ir::Builtin b, Scope& scope);
  ir::ExprPtr check_function_call(const ast::Expr& e, Index fn, Scope& scope);
  // ---- functions.cpp
  // A function is checked at each call; one never called still has its names
  // resolved, so a typo in it does not wait for its first use.
  void check_uncalled_functions();
  // ---- kpis.cpp (KPIs, drivers, values)
  const ir::Kpi* ensure_kpi(Index k);       // null when it failed or is in a cycle
  const ir::Value* ensure_value(Index v);
  void check_kpis();
  void check_drivers();
  void check_values();
  // ---- declarations.cpp (framework, stakeholders, tables, experiments)
  void check_framework();
  void check_stakeholders();
  void check_tables();
  void check_experiments();
  std::string resolve_data_path(const std::string& written, FileId from) const;
  // ---- initiatives.cpp
  void check_initiatives();
  // ---- funding.cpp (funding, expects)
  void check_funding();
  void check_expects();
  // ---- cycles.cpp
  void check_cycles();
  // ---- headers.cpp
  void validate_headers();

  SourceMap& sources_;
  FileId main_;
  Diagnostics& diags_;
  const CheckOptions& options_;
  std::shared_ptr<ir::Program> program_;

  // Parsed files in load order (main first), each with its id.
  std::vector<ast::File> files_;
  std::vector<bool> from_prelude_;     // per file: the implicit std/curves prelude

  // AST of every declaration, by IR index.
  const ast::Framework* framework_ast_ = nullptr;
  const ast::Funding* funding_ast_ = nullptr;
  std::vector<const ast::Stakeholder*> stakeholder_ast_;
  std::vector<const ast::Table*> table_ast_;
  std::vector<const ast::Kpi*> kpi_ast_;
  std::vector<const ast::Driver*> driver_ast_;
  std::vector<const ast::Value*> value_ast_;
  std::vector<const ast::Initiative*> initiative_ast_;
  std::vector<const ast::Experiment*> experiment_ast_;
  std::vector<const ast::Expect*> expect_ast_;
  std::vector<const ast::Function*> function_ast_;

  std::vector<State> kpi_state_, value_state_;
  // How many KPIs/values are being checked inside one another right now. KPIs
  // are checked in dependency order, so this stays tiny for any chain; only a
  // cycle (or a dependency hidden from the pre-pass) makes it grow, and past
  // kMaxDefinitionDepth checking stops there with an error instead of
  // overflowing the stack (a cycle of 10,000 KPIs).
  static constexpr int kMaxDefinitionDepth = 100;
  int definition_depth_ = 0;
  bool definition_too_deep(Span where, const std::string& what);
  // Hashed: every name in every expression is looked up here (names_of
  // sorts what it returns, so suggestions stay deterministic).
  NameTable<Symbol> symbols_;
  std::map<std::string, Index> stakeholders_;
  std::map<std::string, Index> functions_;
  std::vector<Index> call_stack_;      // functions being expanded, to catch recursion
  std::vector<bool> function_called_;  // by function index
  bool currency_ok_ = false;

  // What syntax errors took away (syntax_losses.cpp).
  bool any_file_unreadable_ = false;
  std::set<std::string> lost_keywords_;
  std::set<std::string> lost_names_;
  Diagnostic dropped_;   // where error() writes a diagnostic it does not report
};

}  // namespace cxv::check
