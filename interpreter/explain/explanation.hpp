#pragma once
// `cxv explain FILE NAME`: how one figure of `cxv run` came about, as a tree
// of steps down to the data (docs/explain.md). The library builds the tree;
// render_text / render_json lay it out. Nothing here prints.

#include <optional>
#include <string>
#include <vector>

#include "cxv/cxv.hpp"
#include "numeric/decimal.hpp"
#include "source/source.hpp"

namespace cxv::explain {

// One cell of a step's table: the text for people and, when it is a number,
// the exact value (for JSON).
struct Cell {
  std::string shown;
  std::optional<Decimal> value;
};

// A compact table inside a step (per-period amounts, per-initiative deltas).
struct StepTable {
  std::vector<std::string> columns;
  std::vector<std::string> units;          // per column: "USD", "ratio", "count", "" for text
  std::vector<std::vector<Cell>> rows;
};

// One step of a derivation. Any field may be empty: a heading step has only
// a label and sub-steps; a figure has a value, its unit and how it is shown.
struct Step {
  std::string label;                 // what this step is, in words
  std::string expression;            // the formula as written, or the arithmetic
  std::optional<Decimal> value;      // exact, in base units (ratios as fractions)
  std::string unit;                  // the value's unit: "ratio", "USD", "USD/month", "points", "count"
  std::string shown;                 // the value for people ("1.82%", "1,234.57 USD"), or a word ("amber")
  std::optional<Span> span;          // where in the .cxv file it is written
  std::vector<Step> steps;           // how it was obtained
  std::optional<StepTable> table;
};

struct Explanation {
  std::string kind;                  // kpi | value | initiative | driver | experiment | stakeholder | table | portfolio
  std::string name, title;
  std::optional<Span> span;          // the declaration
  std::vector<Step> steps;
};

// Why there is no explanation: a name that names nothing, or a run that failed.
struct ExplainError {
  std::string message;
  std::string help;
};

struct ExplainOutcome {
  std::optional<Explanation> explanation;
  std::optional<ExplainError> error;
};

// The derivation of `name` in a successful run (run.ok()). `name` is a KPI,
// value, initiative, driver, experiment, stakeholder, table or `portfolio`;
// `kind:name` (e.g. `table:customers`) picks one kind when names collide.
ExplainOutcome explain(const RunResult& run, const std::string& name);

// Every name `explain` accepts, by kind, for listings and suggestions.
std::vector<std::pair<std::string, std::vector<std::string>>> explainable_names(const ir::Program& program);

// An indented outline for terminals; deterministic.
std::string render_text(const Explanation& explanation, const SourceMap& sources);
// The same tree as JSON (docs/explain.md): exact numbers, source locations.
std::string render_json(const Explanation& explanation, const SourceMap& sources);
// Markdown: headings and nested lists, tables as pipe tables.
std::string render_markdown(const Explanation& explanation, const SourceMap& sources);

}  // namespace cxv::explain
