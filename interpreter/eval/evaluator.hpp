#pragma once
// The columnar evaluator of measures.
//
// An expression is evaluated once per aggregate, never once per row: a column
// reference yields the whole column, `nps >= 9` yields a three-valued mask for
// every row at once, `monthly_revenue * 12` a vector of numbers, and the
// aggregate then reduces the vector under its `where` mask. Missing values
// follow SQL NULL: arithmetic with a missing value is missing, a comparison
// with one is unknown, aggregates skip them (see docs/measures.md).
//
// User errors (an aggregate over no rows, a division by zero) are thrown as
// EvalError inside the evaluator and turned into diagnostics by its callers.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "check/ir.hpp"
#include "eval/tables.hpp"
#include "eval/value.hpp"

namespace cxv::eval {

// What one aggregate read, reported to a TraceSink (`cxv explain` shows it).
// Counts are rows of the aggregate's table.
struct AggregateTrace {
  const ir::Expr* expr = nullptr;   // the aggregate node
  ir::Index table = ir::kNone;
  std::size_t table_rows = 0;       // rows in the table
  std::size_t scope_rows = 0;       // rows in scope: all, or one group of a breakdown
  bool has_where = false;
  std::size_t where_true = 0;       // rows in scope where the `where` condition is true
  std::size_t where_known = 0;      // rows in scope where it is known (true or false)
  std::size_t values = 0;           // sum/mean/median/min/max/percentile: selected rows with a known value
  Decimal values_sum;               // sum/mean: the sum of those values
  Decimal result;
};

// Receives every aggregate an Evaluator computes, when one is set.
class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void aggregate(const AggregateTrace& trace) = 0;
};

// Rows of a table and how a row predicate splits them (`cxv explain`).
struct RowCount {
  std::size_t rows = 0;    // rows in the table
  std::size_t scope = 0;   // rows in scope (a breakdown restricts them)
  std::size_t truth = 0;   // rows in scope where the predicate is true (all of scope when none)
  std::size_t known = 0;   // rows in scope where it is known
};

struct EvalError {
  std::string code;     // eval_codes.def; empty when an earlier error already explains it
  Span span;
  std::string message;
  std::string help;
};

class Evaluator {
 public:
  // `kpi_value(k)` is the current value of KPI k (its baseline, or a group's
  // value in a breakdown); nullopt when it could not be computed.
  using KpiLookup = std::function<std::optional<Decimal>(ir::Index)>;

  Evaluator(const ir::Program& program, const TableSet& tables, KpiLookup kpi_value);

  // Restricts every aggregate over `table` to the rows set in `rows` (one
  // group of a breakdown). `rows` must outlive the evaluator; null lifts it.
  void restrict_rows(ir::Index table, const Words* rows);

  // Evaluates a scalar number expression (a KPI's measure). Throws EvalError.
  Decimal number(const ir::Expr& e);

  // Reads the columns in `changes` as column effects changed them (a bool
  // column as probabilities; see eval/column_effects.hpp). `changes` must
  // outlive the evaluator; null reads the data as loaded (the default).
  void set_column_changes(const ColumnChanges* changes) { changes_ = changes; }

  // A row predicate (an effect's `where`) on every row of `table` in scope.
  // Throws EvalError.
  Mask row_mask(ir::Index table, const ir::Expr& where);

  // Reports every aggregate to `sink` (null: off, the default; then nothing
  // is counted beyond what the aggregate itself needs). `sink` must outlive
  // the evaluator or be unset.
  void set_trace(TraceSink* sink) { trace_ = sink; }

  // How `where` (a row predicate over `table`, or null) splits the table's
  // rows in scope. Throws EvalError.
  RowCount count_rows(ir::Index table, const ir::Expr* where);

 private:
  struct Frame {
    ir::Index table = ir::kNone;          // the aggregate's table: column_refs read it
    const Words* scope = nullptr;         // rows that matter (null: all rows of the table)
    std::span<const Value> params;        // arguments of the function being evaluated
  };

  Value eval(const ir::Expr& e, const Frame& f);
  Value eval_column(const ir::Expr& e, const Frame& f);
  Value eval_unary(const ir::Expr& e, const Frame& f);
  Value eval_binary(const ir::Expr& e, const Frame& f);
  Value eval_builtin(const ir::Expr& e, const Frame& f);
  Value eval_call(const ir::Expr& e, const Frame& f);
  Value eval_aggregate(const ir::Expr& e, const Frame& f);
  Value aggregate(const ir::Expr& e, const Frame& f, AggregateTrace* trace);
  Decimal scalar_number(const ir::Expr& e, const Frame& f);
  Value changed_column(const ir::Expr& e, const ColumnChange& change);
  std::optional<Decimal> changed_column_aggregate(const ir::Expr& e, const Words& scope);
  Value aggregate_uncertain(const ir::Expr& e, const Frame& inner, const ProbabilityMask& where, const Words& scope);
  [[noreturn]] void uncertain_here(const ir::Expr& e, const std::string& what) const;

  std::size_t rows_of(ir::Index table) const;
  [[noreturn]] void fail(const char* code, const ir::Expr& e, std::string message, std::string help = {}) const;

  const ir::Program& program_;
  const TableSet& tables_;
  KpiLookup kpi_value_;
  std::vector<const Words*> restriction_;   // per table
  const ColumnChanges* changes_ = nullptr;
  TraceSink* trace_ = nullptr;
};

}  // namespace cxv::eval
