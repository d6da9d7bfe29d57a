#pragma once
// The abstract syntax tree: what the author wrote, with a Span on every node.
//
// The AST is deliberately unchecked: names are strings, units are words. The
// checker (check/) resolves it into the checked IR, a separate type, so the
// evaluator can never see an unresolved name or a unit error.
//
// Declarations keep their clauses in fields, not in source order; the formatter
// re-emits them in the canonical order and re-attaches comments by position
// (File::comments), which is why every clause carries its own span.

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "source/source.hpp"
#include "syntax/node_arena.hpp"

namespace cxv::ast {

// An identifier as written, with where it was written.
struct Name {
  std::string text;
  Span span;
};

// A string literal, already unescaped (\" and \\), with the span of the quotes.
struct String {
  std::string value;
  Span span;
};

// A calendar date as written: `2027-03` (day = 0) or `2027-03-15`.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;  // 0 when only a month was written
  Span span;
};

// One factor of a written unit: `USD`, `month`, `points`, `customer`.
// `USD/month` is {USD,+1},{month,-1}; `count per month` is {count,+1},{month,-1}.
struct UnitFactor {
  std::string word;
  int exponent = 1;  // +1 or -1
  Span span;
};

struct UnitExpr {
  std::vector<UnitFactor> factors;
  Span span;
  bool empty() const { return factors.empty(); }
};

// The mark written right after the digits.
enum class NumberMark { none, percent, pp };

// A number literal with its optional scale suffix, percent/pp mark and unit:
// `450k USD`, `1.5%`, `-0.04pp/points`, `6 months`, `8% per year`.
// The value is kept as written (digits without underscores) so that it stays
// exact; the checker turns it into a Decimal.
struct NumberLit {
  std::string digits;   // "450", "1.2", "1250.50" (underscores removed, no sign)
  char scale = 0;       // 0, 'k', 'M' or 'B'
  NumberMark mark = NumberMark::none;
  UnitExpr unit;        // may be empty
};

enum class ExprKind {
  number,    // NumberLit
  string,    // text = unescaped value
  date,      // date
  name,      // text = identifier (a KPI, value, table, column, grade, status word...)
  member,    // operands[0] . text      (customers.churned, pilot.effect, portfolio.net_npv)
  call,      // text(callee) ( operands... ); arg_labels[i] is the `limit:` label or empty
  unary,     // op operands[0]          (neg, plus, not_)
  binary,    // operands[0] op operands[1]
  where,     // operands[0] where operands[1]   (only as an aggregate's argument)
  range,     // operands[0] to operands[1]      (an uncertain effect: a 90% interval)
  error,     // placeholder left by error recovery; never reaches the checker's output
};

enum class Op {
  none,
  // unary
  neg, plus, not_,
  // binary, by precedence (low to high): or, and, comparisons, + -, * /, ^
  or_, and_,
  eq, ne, lt, le, gt, ge,
  add, sub,
  mul, div,
  pow,
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  ExprKind kind = ExprKind::error;
  Span span;
  Op op = Op::none;
  std::string text;                 // see ExprKind
  Span text_span;                   // span of `text` (callee name, member name)
  NumberLit number;                 // kind == number
  Date date;                        // kind == date
  std::vector<ExprPtr> operands;
  std::vector<Name> arg_labels;     // kind == call: one per operand, text empty when positional

  // Nodes come from the parse's arena (syntax/node_arena.hpp); ExprPtr and
  // std::make_unique<Expr> work as for any class.
  static void* operator new(std::size_t bytes) { return syntax::NodeArena<Expr>::allocate(bytes); }
  static void operator delete(void* node) noexcept { syntax::NodeArena<Expr>::deallocate(node); }
};

// ---------------------------------------------------------------- declarations

// `framework "Title" { currency USD  start 2027-01  horizon 36 months  discount 8% per year }`
struct Framework {
  Span span;
  Span keyword;
  std::optional<String> title;
  std::optional<Name> currency;
  std::optional<Date> start;
  ExprPtr horizon;    // a time literal
  ExprPtr discount;   // a ratio per time literal
};

// `import "std/clv"` or `import "shared/common.cxv"`
struct Import {
  Span span;
  String path;
};

// `stakeholder customers "Customers" { weight 30% }`
struct Stakeholder {
  Span span;
  Name name;
  std::optional<String> title;
  ExprPtr weight;
};

// A column type: `text`, `bool`, `date`, or a unit such as `USD/month`, `months`,
// `points`, `count per month`, `ratio`, `count`.
// (The enumerator for a unit column is `quantity`: an enumerator named `unit`
// would clash with the field.)
struct ColumnType {
  enum Kind { text, boolean, date, quantity } kind = quantity;
  UnitExpr unit;   // kind == quantity
  Span span;
};

// `key customer_id: text`, `nps: points optional`
struct Column {
  Span span;
  Name name;
  bool key = false;
  bool optional = false;
  ColumnType type;
};

// `table customers from "data/customers.csv" { ... provenance first_party }`
struct Table {
  Span span;
  Name name;
  std::optional<String> title;
  String path;
  std::vector<Column> columns;
  std::optional<Name> provenance;   // first_party | third_party
};

// `thresholds { green 1.5%  amber 2.0% }`
struct Thresholds {
  Span span;
  ExprPtr green;
  ExprPtr amber;
};

// `kpi churn "Monthly churn rate" { ... }`
struct Kpi {
  Span span;
  Name name;
  std::optional<String> title;
  std::optional<Name> perspective;     // financial | customer | process | learning
  std::optional<Name> category;        // acquisition | spend | retention | cost_to_serve
  std::vector<Name> stakeholders;
  ExprPtr measure;
  std::optional<Name> better;          // lower | higher
  ExprPtr target;
  std::optional<Thresholds> thresholds;
};

// `evidence correlational "2026 churn study"` or `evidence experiment onboarding_pilot`
struct Evidence {
  Span span;
  Name grade;                          // assumed | benchmark | correlational | experiment
  std::optional<String> note;
  std::optional<Name> source;          // an experiment's name
};

// `churn += saturate(delta(nps) * -0.04pp/points, limit: -0.8pp)`
struct DriverRule {
  Span span;
  Name target;
  ExprPtr formula;
};

struct Driver {
  Span span;
  Name name;
  std::optional<String> title;
  std::vector<DriverRule> rules;
  std::optional<Evidence> evidence;
};

// `value retained_revenue "Revenue kept" for shareholders = <expr>`
struct Value {
  Span span;
  Name name;
  std::optional<String> title;
  std::vector<Name> stakeholders;
  ExprPtr formula;
};

// One term of `cost 450k USD once + 20k USD per month`: an amount in money with
// `once`, or an amount in money per time (booked every month).
struct CostTerm {
  Span span;
  ExprPtr amount;
  bool once = false;
};

// `effect calls_per_customer -8%`
// `effect customers.churned onboarding_pilot.effect where tenure < 3 months`
// `effect churn -0.3pp to -0.1pp`   (value is then an ExprKind::range)
struct Effect {
  Span span;
  ExprPtr target;    // a name (KPI) or a member (table.column)
  ExprPtr value;
  ExprPtr where;     // may be null
};

struct Initiative {
  Span span;
  Name name;
  std::optional<String> title;
  std::optional<String> owner;
  std::vector<CostTerm> cost;
  Span cost_span;
  std::optional<Date> start;
  ExprPtr ramp;
  std::vector<Effect> effects;
  std::optional<Evidence> evidence;
  std::optional<Name> activity;        // know_customers | develop_strategy | bring_to_life | monitor_success
  std::optional<Name> stage;           // cost_takeout | continuous_improvement | strategic
  std::vector<Name> requires_;
  std::vector<Name> excludes;
};

// `experiment onboarding_pilot "..." from "data/pilot.csv" { arm group: treatment "outreach", control "none"  outcome churned  confidence 95% }`
struct Experiment {
  Span span;
  Name name;
  std::optional<String> title;
  String path;
  std::optional<Name> arm_column;
  std::optional<String> treatment;
  std::optional<String> control;
  std::optional<Name> outcome;
  ExprPtr confidence;
  ExprPtr split;                       // optional `split 50%`: the treatment arm's planned share
};

// `reject when <cond> "reason"`, `require <cond> "reason"` (e.g. `require experience_impact`)
struct Rule {
  Span span;
  ExprPtr condition;
  std::optional<String> reason;
};

// `at least 30% of budget to stage strategic`
struct BudgetShare {
  Span span;
  bool at_least = true;                // false: at most
  ExprPtr share;
  Name dimension;                      // stage | activity | perspective
  Name value;
};

struct Funding {
  Span span;
  std::optional<String> title;
  ExprPtr budget;
  ExprPtr objective;
  std::vector<Rule> rejects;
  std::vector<Rule> requires_;
  std::vector<BudgetShare> shares;
  std::vector<Name> must_fund;
};

// `expect "churn is not red" { status(churn) != red }`: every condition must hold.
struct Expect {
  Span span;
  String title;
  std::vector<ExprPtr> conditions;
};

// `function saturate(x, limit) = limit * (1 - exp(-x / limit))`
// An extension to the sketch, so that stdlib/ can be written in cxv itself. A
// function is checked at each call with the units of its arguments (like a
// template), so one definition serves any unit; recursion is a cycle error.
struct Param {
  Name name;
  ExprPtr default_value;   // may be null: `function hill(x, half, n: 2) = ...`
};

struct Function {
  Span span;
  Name name;
  std::optional<String> title;
  std::vector<Param> params;
  ExprPtr body;
};

using Decl = std::variant<Framework, Import, Stakeholder, Table, Kpi, Driver, Value, Initiative,
                          Experiment, Funding, Expect, Function>;

// A `#` comment; `own_line` when nothing but whitespace precedes it on its line.
struct Comment {
  Span span;
  std::string text;   // including the leading '#', without the line terminator
  bool own_line = false;
};

// A declaration the parser abandoned at a syntax error. Kept so that the
// checker does not report its absence a second time ("there is no framework
// block", "unknown KPI 'churn'") as if the author had never written it.
struct AbandonedDecl {
  std::string keyword;   // `kpi`, `framework`, ...; empty when not even the keyword was read
  std::string name;      // empty when the declaration has none or it was not reached
  Span span;             // the syntax error
};

// One parsed file.
struct File {
  FileId file = 0;
  std::vector<Decl> decls;
  std::vector<Comment> comments;
  std::vector<AbandonedDecl> abandoned;
  // The text could not be read at all (invalid UTF-8, control characters):
  // no declaration was parsed, and none of its names can be trusted missing.
  bool unreadable = false;
};

}  // namespace cxv::ast
