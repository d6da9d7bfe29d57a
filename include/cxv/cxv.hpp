#pragma once
// cxv — the embedding API. This is the one header a host program includes.
//
//   cxv::Session s;
//   auto result = s.check_file("framework.cxv");
//   for (auto& d : result.diagnostics.all()) ...
//
// Nothing here prints or exits: problems in the user's files come back as
// Diagnostics; only misuse of the API itself (a bug in the host) throws.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/options.hpp"
#include "diag/diagnostic.hpp"
#include "source/source.hpp"

namespace cxv {
namespace ir { struct Program; }
namespace data { class Table; }
namespace expect { struct ExpectResult; }
namespace eval { struct Scorecard; struct Breakdown; struct Appraisal; struct Experiments; struct TableSet; struct PortfolioResult; }
class Decimal;

// The library's version, "0.1.0".
const char* version();

struct CheckResult {
  SourceMap sources;                          // every file read, for rendering spans
  Diagnostics diagnostics;                    // sorted; errors and warnings
  std::shared_ptr<const ir::Program> program; // null when there were errors
  bool ok() const { return !diagnostics.has_errors(); }
};

// Reads, parses and checks a file and everything it imports.
CheckResult check_file(const std::string& path, const CheckOptions& options = {});
// The same for text already in memory; `path` names it in diagnostics and anchors relative imports.
CheckResult check_source(const std::string& path, std::string text, const CheckOptions& options = {});

// ---------------------------------------------------------------- running
//
// `cxv run`: check, load the tables, compute every KPI's baseline and the
// scorecard (docs/scorecard.md), optionally a breakdown by a text column.
//
//   cxv::RunOptions options;
//   options.bind_table("customers", my_table);      // instead of its CSV file
//   cxv::RunResult r = cxv::run_file("framework.cxv", options);
//   if (r.ok()) std::cout << cxv::render_run(r, {cxv::RunFormat::json});

struct RunOptions {
  CheckOptions check;                        // lint levels; check.data_dir is `--data DIR`
  std::optional<std::string> breakdown_by;   // `--by COLUMN`: a text column of a table
  // Tables the host supplies from its own memory, by declared name, in place
  // of their CSV files. The columns are matched by name and must have the
  // declared kinds; build them with the data module (data/table.hpp).
  std::map<std::string, std::shared_ptr<const data::Table>> bound_tables;
  // Explain every unfunded initiative by re-solving with it forced in
  // (docs/optimizer.md); off: reasons that need no solve are still given.
  bool analyse_unfunded = true;
  void bind_table(const std::string& name, data::Table table);
};

// How long the phases of a run took, in seconds of wall-clock time, for
// `cxv run --timings` (docs/cli.md). Not part of any report: they differ
// from run to run.
struct RunTimings {
  double check = 0;      // read, parse and check the framework (and its imports)
  double load = 0;       // read the tables' CSV files into columns
  double evaluate = 0;   // baselines, breakdown, appraisal, funding and scorecard
  double selection = 0;  // within evaluate: choosing the portfolio (solves, analysis, frontier)
  double cbc = 0;        // within selection: CBC's own solves
};

struct RunResult {
  SourceMap sources;
  Diagnostics diagnostics;                        // sorted: check, data and runtime problems
  std::shared_ptr<const ir::Program> program;     // null when checking failed
  std::shared_ptr<const eval::Scorecard> scorecard;  // null when anything failed
  std::shared_ptr<const eval::Breakdown> breakdown;  // set when breakdown_by was given and succeeded
  std::shared_ptr<const eval::Appraisal> appraisal;  // each initiative alone over the timeline (docs/timeline.md)
  std::shared_ptr<const eval::Experiments> experiments;  // each experiment's arms compared (docs/evidence.md)
  // The funding decision (docs/funding.md): set when the framework has a
  // `funding` block and the run succeeded; null otherwise.
  std::shared_ptr<const eval::PortfolioResult> portfolio;
  std::shared_ptr<const eval::TableSet> tables;      // the data as loaded (`cxv explain` traces aggregates over it)
  RunTimings timings;
  bool ok() const { return !diagnostics.has_errors() && scorecard != nullptr; }
};

RunResult run_file(const std::string& path, const RunOptions& options = {});
RunResult run_source(const std::string& path, std::string text, const RunOptions& options = {});

// A KPI's baseline by name, in base units (ratios as fractions); nullopt when
// the run failed or there is no such KPI.
std::optional<Decimal> kpi_baseline(const RunResult& result, const std::string& kpi);

enum class RunFormat { table, json, csv, markdown };
struct RenderOptions {
  RunFormat format = RunFormat::table;
  bool color = false;   // table only: ANSI colours on statuses (the caller checks TTY and NO_COLOR)
};
// The report of a successful run (result.ok()); empty otherwise. Deterministic.
std::string render_run(const RunResult& result, const RenderOptions& options = {});

// ---------------------------------------------------------------- testing
//
// `cxv test`: run a framework, then evaluate its `expect` blocks against the
// result (docs/testing.md). A failed condition comes back with the value of
// each of its parts; one that cannot be evaluated is an error, never a pass.

struct TestResult {
  RunResult run;
  // In declaration order; null when the run failed (see run.diagnostics).
  std::shared_ptr<const std::vector<expect::ExpectResult>> expects;
  std::size_t filtered_out = 0;   // expects whose title does not contain the filter
  std::size_t passed() const;
  std::size_t failed() const;
  bool ok() const { return run.ok() && expects && failed() == 0; }
};

// `filter`: run only the expects whose title contains it (all when empty).
TestResult test_file(const std::string& path, const RunOptions& options = {}, const std::string& filter = {});
TestResult test_source(const std::string& path, std::string text, const RunOptions& options = {},
                       const std::string& filter = {});

}  // namespace cxv
