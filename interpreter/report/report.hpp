#pragma once
// The results of `cxv run` rendered four ways (see docs/output-formats.md):
//   table     aligned columns for a person at a terminal, units shown, colour optional;
//   json      the stable machine-readable contract (exact decimal digits);
//   csv       RFC 4180, one row per KPI, exact values, for spreadsheets;
//   markdown  pipe tables for a wiki or a pull request.
// Renderers return strings; they never print. Output is deterministic.

#include <string>

#include "check/ir.hpp"
#include "eval/appraisal.hpp"
#include "eval/breakdown.hpp"
#include "eval/experiments.hpp"
#include "eval/portfolio_result.hpp"
#include "eval/scorecard.hpp"

namespace cxv::report {

struct RunReport {
  const ir::Program* program = nullptr;
  const eval::Scorecard* scorecard = nullptr;
  const eval::Breakdown* breakdown = nullptr;   // set with `--by COLUMN`
  std::string tool_version;                     // written into the JSON document
  const eval::Appraisal* appraisal = nullptr;   // initiatives alone over the timeline; may be null
  const eval::PortfolioResult* portfolio = nullptr;   // the funding decision; null without a funding block
  const eval::Experiments* experiments = nullptr;   // each experiment's comparison; null when none was run
};

struct TableOptions {
  bool color = false;   // ANSI colours on status words: the caller decides (a TTY, NO_COLOR unset)
};

std::string render_table(const RunReport& run, const TableOptions& options = {});
std::string render_json(const RunReport& run);
std::string render_csv(const RunReport& run);
std::string render_markdown(const RunReport& run);

}  // namespace cxv::report
