#pragma once
// What every explanation reads: the run, its program and sources, the
// baselines, and an evaluator over the loaded data that reports what each
// aggregate read (eval::TraceSink). Plus the number display shared by all
// kinds of explanation: money to the currency's minor unit, ratios as
// percentages, counts without decimals (like `cxv run`).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/ir.hpp"
#include "cxv/cxv.hpp"
#include "eval/evaluator.hpp"
#include "eval/timeline_expr.hpp"
#include "explain/explanation.hpp"

namespace cxv::explain {

// Keeps the last trace of every aggregate node.
class TraceLog : public eval::TraceSink {
 public:
  void aggregate(const eval::AggregateTrace& trace) override { traces_[trace.expr] = trace; }
  const eval::AggregateTrace* find(const ir::Expr* e) const {
    auto it = traces_.find(e);
    return it == traces_.end() ? nullptr : &it->second;
  }

 private:
  std::map<const ir::Expr*, eval::AggregateTrace> traces_;
};

struct Context {
  Context(const RunResult& run);
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const RunResult& run;
  const ir::Program& program;
  const SourceMap& sources;
  std::vector<Decimal> baseline;          // by KPI
  TraceLog traces;
  std::unique_ptr<eval::Evaluator> data;  // reads the loaded tables, baselines for KPIs
  eval::DataAggregates aggregates;        // for timeline formulas (values, drivers, effect sizes)

  // "examples/telecom/telecom.cxv:30"
  std::string at(const Span& span) const;
  // The text of a span as written, runs of white space (and comments'
  // line breaks) collapsed to one space.
  std::string written(const Span& span) const;
  const std::string& main_path() const;
};

// A number for people, in `unit`: money to the minor unit with thousands
// separators ("1,234.57 USD/month"), ratios as percentages ("1.82%"), plain
// counts as integers when whole, anything else with two places and its unit.
std::string show(const ir::Program& program, const Unit& unit, const Decimal& value);
// The same with more digits: ratios as the exact percentage ("1.8150%" ->
// "1.815%"), other values to 6 significant places after the point, trimmed.
std::string show_precise(const ir::Program& program, const Unit& unit, const Decimal& value);
// A change in `unit`: "+0.10pp" for ratios, "-4.00 points", "+12,345.00 USD".
std::string show_change(const ir::Program& program, const Unit& unit, const Decimal& delta);
std::string show_money(const ir::Program& program, const Decimal& amount);
std::string show_count(std::size_t n);
// The unit's name for JSON: "ratio", "USD/month", "count".
std::string unit_name(const ir::Program& program, const Unit& unit);

// Steps that carry a figure.
Step figure(std::string label, const Decimal& value, const Unit& unit, const ir::Program& program);
Step money_figure(std::string label, const Decimal& value, const ir::Program& program);
Step count_figure(std::string label, std::size_t n);
Step text_step(std::string label, std::string shown = {});

}  // namespace cxv::explain
