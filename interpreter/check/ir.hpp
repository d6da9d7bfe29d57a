#pragma once
// The checked IR: what the evaluator, the portfolio optimizer, the lints and
// `explain` consume. A separate type from the AST: every name is resolved to
// an index into the Program's vectors, every expression carries its type and
// Unit, and every number is an exact Decimal in base units (see units.hpp).
// A Program exists only when checking found no error, so nothing downstream
// ever sees an unresolved name or a unit mistake.
//
// Stability: the lints and the evaluator are written against this header.
// Changes are additive only (new fields, new enum values at the end).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/units.hpp"
#include "numeric/decimal.hpp"
#include "source/source.hpp"
#include "syntax/node_arena.hpp"

namespace cxv::ir {

using Index = std::uint32_t;
inline constexpr Index kNone = static_cast<Index>(-1);

// ------------------------------------------------------------------ enums

enum class Perspective { none, financial, customer, process, learning };
enum class Category { none, acquisition, spend, retention, cost_to_serve };
enum class Better { higher, lower };
enum class Provenance { unspecified, first_party, third_party };
// Ordered: assumed < benchmark < correlational < experiment.
enum class Grade { none, assumed, benchmark, correlational, experiment };
enum class Activity { none, know_customers, develop_strategy, bring_to_life, monitor_success };
enum class Stage { none, cost_takeout, continuous_improvement, strategic };
enum class Status { green, amber, red };

const char* to_string(Perspective);
const char* to_string(Category);
const char* to_string(Better);
const char* to_string(Provenance);
const char* to_string(Grade);
const char* to_string(Activity);
const char* to_string(Stage);
const char* to_string(Status);

// ------------------------------------------------------------------ types

// What an expression computes. Only `number` carries a meaningful Unit.
enum class Type { number, boolean, text, date, status, grade };

// A calendar date; day = 0 when only a month was written.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool operator==(const Date&) const = default;
};

// ------------------------------------------------------------------ expressions

enum class Builtin {
  // aggregates over one table's rows (Expr::table, Expr::where, operands[0] = row expression)
  count,        // count(T) / count(T where c): no row expression
  sum, mean, median, min, max,
  percentile,   // operands[0] = row expression, operands[1] = the percentile (a ratio)
  share,        // share(T where c): rows where c is true / rows where c is known
  // over the timeline
  delta,        // delta(k): scenario value minus baseline of KPI operands[0] (a kpi_ref)
  cumulative,   // cumulative(x): sum of x over periods 0..t
  // math (rounded, see docs/numbers.md)
  exp, ln, sqrt, abs,
  min2, max2,   // min(a, b) / max(a, b) of two scalar expressions (not aggregates)
  // portfolio context (funding rules, objective, expect)
  funded,             // funded(initiative_ref): bool
  status,             // status(kpi_ref): Type::status
  effect,             // effect(kpi_ref): the candidate initiative's full-strength delta on the KPI
  cost,               // cost: the candidate initiative's cost in the budget window (money)
  evidence,           // evidence: the candidate initiative's grade (Type::grade)
  experience_impact,  // the candidate initiative moves a customer-perspective KPI (bool)
  baseline,           // baseline(kpi_ref): the KPI's value on the data
};
const char* to_string(Builtin);

enum class ExprKind {
  number,          // Expr::number (base units), Expr::mark
  text,            // Expr::text
  date,            // Expr::date
  boolean,         // Expr::boolean
  status_word,     // Expr::status (green/amber/red)
  grade_word,      // Expr::grade (assumed/benchmark/correlational/experiment)
  kpi_ref,         // Expr::ref = KPI index: the KPI's current value (scenario when evaluating drivers)
  value_ref,       // Expr::ref = value index
  column_ref,      // Expr::table, Expr::ref = column index: the current row's cell (inside aggregates)
  experiment_field,// Expr::ref = experiment index, Expr::field = effect | low | high | n
  initiative_ref,  // Expr::ref = initiative index (argument of funded())
  portfolio_field, // Expr::text = net_npv | cost | value_npv | cost_pv | joint_net_npv | budget
  param,           // Expr::ref = parameter index of the enclosing function call
  unary,           // Expr::op (neg, not_), operands[0]
  binary,          // Expr::op, operands[0], operands[1]
  builtin,         // Expr::builtin, operands, and for aggregates Expr::table / Expr::where
  call,            // a user or stdlib function: Expr::ref = function index,
                   // operands = arguments in parameter order (defaults filled in),
                   // body = the function's body checked for these argument units,
                   // in which `param` nodes read the arguments. Evaluate the
                   // arguments in the caller's frame, then the body in a new
                   // frame holding them (a `param` always reads the innermost call).
};

enum class Op { none, neg, not_, or_, and_, eq, ne, lt, le, gt, ge, add, sub, mul, div, pow };
const char* to_string(Op);

// How a number literal was marked, so effects can tell relative from absolute.
enum class Mark { none, percent, pp };

enum class ExperimentField { effect, low, high, n };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  ExprKind kind = ExprKind::number;
  Span span;
  Type type = Type::number;
  Unit unit;                  // meaningful when type == number

  // literals
  Decimal number;             // in base units: `2 years` -> 24, `1.5%` -> 0.015
  Mark mark = Mark::none;
  DisplayUnit display;        // the unit as written on a literal or column (may be empty)
  std::string text;           // text literal, portfolio field name
  Date date;
  bool boolean = false;
  Status status = Status::green;
  Grade grade = Grade::none;

  // references
  Index ref = kNone;
  Index table = kNone;        // column_ref and aggregates
  ExperimentField field = ExperimentField::effect;

  // operations
  Op op = Op::none;
  Builtin builtin = Builtin::count;
  std::vector<ExprPtr> operands;
  ExprPtr where;              // aggregates: the row predicate, may be null
  ExprPtr body;               // call: the checked body

  // Nodes come from the check's arena (syntax/node_arena.hpp), freed together
  // when the Program is; ExprPtr and std::make_unique<Expr> work as usual.
  static void* operator new(std::size_t bytes) { return syntax::NodeArena<Expr>::allocate(bytes); }
  static void operator delete(void* node) noexcept { syntax::NodeArena<Expr>::deallocate(node); }
};

// A compact one-line rendering, for tests and `explain`:
// `share(customers where customers.churned)`, `(delta(nps) * -0.0004 [ratio/points])`.
std::string to_string(const Expr& e, const struct Program& p);

// ------------------------------------------------------------------ declarations

struct Framework {
  std::string title;
  std::string currency = "USD";
  int start_year = 0;
  int start_month = 1;
  int horizon_months = 0;
  // The rate as written per year (8% per year -> 0.08). The evaluator
  // discounts an amount booked at period t by (1 + r)^(-t/12).
  Decimal discount_per_year;
  Span span;
};

struct Stakeholder {
  std::string name, title;
  Decimal weight;             // a ratio: 30% -> 0.3; all weights sum to exactly 1
  Span span;
};

enum class ColumnKind { text, boolean, date, number };

struct Column {
  std::string name;
  ColumnKind kind = ColumnKind::number;
  Unit unit;                  // number columns: in base units
  DisplayUnit display;        // as written: "USD/month", "minutes"
  bool key = false;
  bool optional = false;
  Span span;
};

struct Table {
  std::string name, title;
  std::string path;           // absolute (or data_dir-relative resolved) CSV path
  std::string written_path;   // as written in the .cxv file
  std::vector<Column> columns;
  Provenance provenance = Provenance::unspecified;
  Index key = kNone;          // column index of the key
  bool has_key() const { return key != kNone; }
  Index find_column(const std::string& name) const;
  Span span;
};

struct ColumnRef {
  Index table = kNone;
  Index column = kNone;
  bool operator==(const ColumnRef&) const = default;
};

struct Kpi {
  std::string name, title;
  Perspective perspective = Perspective::none;
  Category category = Category::none;
  std::vector<Index> stakeholders;
  ExprPtr measure;
  Unit unit;
  DisplayUnit display;        // the unit to show values in
  Better better = Better::higher;
  bool better_written = false;
  std::optional<Decimal> target;        // base units
  std::optional<Decimal> green, amber;  // thresholds, base units
  // What the measure reads: tables and columns (directly, in aggregates) and
  // other KPIs. A KPI reading no table is a formula over other KPIs.
  std::vector<Index> tables_read;
  std::vector<ColumnRef> columns_read;
  std::vector<Index> kpis_read;
  Span span;
};

struct Evidence {
  Grade grade = Grade::none;
  std::string note;
  Index experiment = kNone;
  Span span;
};

// `churn += <formula>`: the formula (in the KPI's unit; pp for ratio KPIs) is
// an induced delta added to the target KPI each period.
struct DriverRule {
  Index kpi = kNone;
  ExprPtr formula;
  std::vector<Index> kpis_read;  // KPIs the formula reads through delta() or directly
  Span span;
};

struct Driver {
  std::string name, title;
  std::vector<DriverRule> rules;
  Evidence evidence;
  Span span;
};

enum class ValueKind {
  flow,       // money per month: booked every period
  one_time,   // money: booked once at the initiative's start
  non_money,  // any other unit: reported at full strength in that unit
};
const char* to_string(ValueKind);

struct Value {
  std::string name, title;
  std::vector<Index> stakeholders;
  ExprPtr formula;
  Unit unit;
  ValueKind kind = ValueKind::non_money;
  std::vector<Index> kpis_read;
  std::vector<Index> values_read;
  Span span;
};

struct CostTerm {
  Decimal amount;             // as written, in money
  bool once = false;
  int period_months = 1;      // per month: 1, per quarter: 3, per year: 12 (0 when once)
  Span span;
};

enum class EffectKind {
  kpi_absolute,   // value in the KPI's unit (pp for ratio KPIs) added to the KPI
  kpi_relative,   // a `%` literal: the KPI is multiplied by `factor` (-8% -> 0.92)
  column,         // table.column changed for the rows `where` selects
};
const char* to_string(EffectKind);

struct Effect {
  EffectKind kind = EffectKind::kpi_absolute;
  Index kpi = kNone;          // kpi_absolute, kpi_relative
  ColumnRef column;           // column
  // The point estimate: kpi_absolute / column: an expression in the target's
  // unit (a boolean column takes a change in probability, a ratio); for a
  // range `a to b` it is the midpoint (a + b) / 2. kpi_relative: the literal
  // as written (-0.08), and factor = 1 + value.
  ExprPtr value;
  ExprPtr low, high;          // set for ranges (`-0.3pp to -0.1pp`)
  std::optional<Decimal> factor, low_factor, high_factor;  // kpi_relative only
  // Column effects: relative (`%`) or absolute. A relative column effect
  // multiplies the cells by `factor`.
  bool relative = false;
  ExprPtr where;              // column effects: row predicate over the table; may be null
  Index experiment = kNone;   // when the value reads an experiment's effect/low/high
  Span span;
};

struct Initiative {
  std::string name, title, owner;
  std::vector<CostTerm> cost;
  Decimal cost_once;          // sum of `once` terms
  // Sum of the recurring terms per month; a `per year` amount is divided by
  // 12 (rounded to Decimal::kPrecision digits when not exact: see cost terms).
  Decimal cost_per_month;
  std::optional<Date> start;  // as written
  int start_index = 0;        // month index from the framework's start (0 when no start)
  int ramp_months = 0;
  std::vector<Effect> effects;
  Evidence evidence;
  Activity activity = Activity::none;
  Stage stage = Stage::none;
  std::vector<Index> requires_;
  std::vector<Index> excludes;
  // The KPIs this initiative moves directly: KPI effects, plus every KPI whose
  // measure reads a column an effect changes. Sorted, unique. (Drivers then
  // carry deltas further; see Program::driver_order.)
  std::vector<Index> kpis_moved;
  Span span;
};

struct Experiment {
  std::string name, title;
  std::string path, written_path;
  std::string arm_column, treatment, control, outcome;
  Decimal confidence = Decimal::from_scaled(95, 2);
  std::optional<Decimal> split;   // the treatment arm's planned share
  Span span;
};

struct Rule {
  ExprPtr condition;          // Type::boolean, evaluated per candidate initiative
  std::string reason;         // quoted text, may be empty
  Span span;
};

enum class ShareDimension { stage, activity, perspective };
const char* to_string(ShareDimension);

struct BudgetShare {
  bool at_least = true;
  Decimal share;              // ratio
  ShareDimension dimension = ShareDimension::stage;
  std::string value;          // the stage / activity / perspective word
  Span span;
};

struct Funding {
  std::string title;
  std::optional<Decimal> budget;  // money
  ExprPtr objective;              // null: net_npv (the default)
  std::vector<Rule> rejects;
  std::vector<Rule> requires_;
  std::vector<BudgetShare> shares;
  std::vector<Index> must_fund;
  Span span;
};

struct Expect {
  std::string title;
  std::vector<ExprPtr> conditions;
  Span span;
};

struct Function {
  std::string name, title;
  std::vector<std::string> params;
  Span span;
};

struct Program {
  FileId main_file = 0;
  Framework framework;
  std::vector<Stakeholder> stakeholders;
  std::vector<Table> tables;
  std::vector<Kpi> kpis;
  std::vector<Driver> drivers;
  std::vector<Value> values;
  std::vector<Initiative> initiatives;
  std::vector<Experiment> experiments;
  std::optional<Funding> funding;
  std::vector<Expect> expects;
  std::vector<Function> functions;

  // Evaluation orders, dependencies first (the checker has proved there is no cycle):
  std::vector<Index> kpi_order;     // a KPI after the KPIs its measure reads
  std::vector<Index> value_order;   // a value after the values it reads
  // Driver rules such that every rule targeting B comes before any rule reading B.
  struct RuleRef { Index driver = kNone; Index rule = kNone; };
  std::vector<RuleRef> driver_order;

  // Lookups by name; kNone when absent.
  Index find_kpi(const std::string& name) const;
  Index find_value(const std::string& name) const;
  Index find_table(const std::string& name) const;
  Index find_initiative(const std::string& name) const;
  Index find_stakeholder(const std::string& name) const;
  Index find_experiment(const std::string& name) const;
  Index find_driver(const std::string& name) const;

  // The currency-aware rendering of a unit.
  std::string unit_text(const Unit& u) const { return cxv::to_string(u, framework.currency); }
};

}  // namespace cxv::ir
