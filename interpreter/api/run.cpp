// `run`: the embedding API's evaluation entry points (include/cxv/cxv.hpp):
// check, load tables (or take the host's), baselines, scorecard, breakdown.

#include <chrono>
#include <utility>

#include "check/ir.hpp"
#include "cxv/cxv.hpp"
#include "data/table.hpp"
#include "eval/appraisal.hpp"
#include "eval/baselines.hpp"
#include "eval/breakdown.hpp"
#include "eval/experiments.hpp"
#include "eval/portfolio_run.hpp"
#include "eval/scorecard.hpp"
#include "eval/tables.hpp"
#include "report/report.hpp"

namespace cxv {

void RunOptions::bind_table(const std::string& name, data::Table table) {
  bound_tables[name] = std::make_shared<const data::Table>(std::move(table));
}

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void evaluate_loaded(RunResult& r, const RunOptions& options);

// The evaluation half of a run, on a checked program: load, then evaluate.
void evaluate(RunResult& r, const RunOptions& options) {
  const Clock::time_point start = Clock::now();
  evaluate_loaded(r, options);
  r.timings.evaluate = seconds_since(start) - r.timings.load;
}

void evaluate_loaded(RunResult& r, const RunOptions& options) {
  const Clock::time_point load_start = Clock::now();
  eval::LoadRequest request;
  request.data_dir = options.check.data_dir;
  request.bound = options.bound_tables;
  std::optional<eval::TableSet> tables = eval::load_tables(*r.program, r.sources, request, r.diagnostics);
  r.timings.load = seconds_since(load_start);
  if (!tables) return;
  r.tables = std::make_shared<const eval::TableSet>(*tables);   // shares the columns: a cheap copy
  std::optional<eval::Experiments> experiments =
      eval::evaluate_experiments(*r.program, r.sources, options.check.data_dir, r.diagnostics);
  if (!experiments) return;
  eval::Baselines baselines = eval::compute_baselines(*r.program, *tables, r.diagnostics);
  if (!baselines.complete()) return;
  std::shared_ptr<const eval::Breakdown> breakdown;
  if (options.breakdown_by) {
    auto b = eval::compute_breakdown(*r.program, *tables, *options.breakdown_by, r.diagnostics);
    if (!b) return;
    breakdown = std::make_shared<const eval::Breakdown>(std::move(*b));
  }
  std::optional<eval::Appraisal> appraisal = eval::appraise_initiatives(*r.program, *tables, baselines, r.diagnostics, &*experiments);
  if (!appraisal) return;
  std::shared_ptr<const eval::PortfolioResult> portfolio;
  if (r.program->funding) {
    eval::PortfolioOptions funding;
    funding.analyse_unfunded = options.analyse_unfunded;
    auto chosen = eval::choose_portfolio(*r.program, r.sources, *tables, baselines, *appraisal, r.diagnostics, funding);
    if (!chosen) return;
    r.timings.selection = chosen->selection_seconds;
    r.timings.cbc = chosen->cbc_seconds;
    portfolio = std::make_shared<const eval::PortfolioResult>(std::move(*chosen));
  }
  r.scorecard = std::make_shared<const eval::Scorecard>(eval::build_scorecard(*r.program, baselines));
  r.breakdown = std::move(breakdown);
  r.appraisal = std::make_shared<const eval::Appraisal>(std::move(*appraisal));
  r.experiments = std::make_shared<const eval::Experiments>(std::move(*experiments));
  r.portfolio = std::move(portfolio);
}

RunResult finish(CheckResult checked, const RunOptions& options, double check_seconds) {
  RunResult r;
  r.timings.check = check_seconds;
  r.sources = std::move(checked.sources);
  r.diagnostics = std::move(checked.diagnostics);
  r.program = std::move(checked.program);
  if (r.program) evaluate(r, options);
  r.diagnostics.sort();
  if (r.diagnostics.has_errors()) {
    r.scorecard.reset();
    r.breakdown.reset();
    r.appraisal.reset();
    r.experiments.reset();
    r.portfolio.reset();
  }
  return r;
}

CheckOptions check_options(const RunOptions& options) {
  CheckOptions c = options.check;
  // Loading the tables reports header problems itself (and a bound table
  // has no CSV file to validate).
  c.validate_data_headers = false;
  return c;
}

}  // namespace

RunResult run_file(const std::string& path, const RunOptions& options) {
  const Clock::time_point start = Clock::now();
  CheckResult checked = check_file(path, check_options(options));
  return finish(std::move(checked), options, seconds_since(start));
}

RunResult run_source(const std::string& path, std::string text, const RunOptions& options) {
  const Clock::time_point start = Clock::now();
  CheckResult checked = check_source(path, std::move(text), check_options(options));
  return finish(std::move(checked), options, seconds_since(start));
}

std::optional<Decimal> kpi_baseline(const RunResult& result, const std::string& kpi) {
  if (!result.ok()) return std::nullopt;
  const ir::Index k = result.program->find_kpi(kpi);
  if (k == ir::kNone) return std::nullopt;
  return result.scorecard->kpis.at(k).baseline;
}

std::string render_run(const RunResult& result, const RenderOptions& options) {
  if (!result.ok()) return "";
  report::RunReport run{result.program.get(), result.scorecard.get(), result.breakdown.get(), version(), result.appraisal.get(), result.portfolio.get()};
  run.experiments = result.experiments.get();
  switch (options.format) {
    case RunFormat::table: return report::render_table(run, report::TableOptions{options.color});
    case RunFormat::json: return report::render_json(run);
    case RunFormat::csv: return report::render_csv(run);
    case RunFormat::markdown: return report::render_markdown(run);
  }
  return "";
}

}  // namespace cxv
