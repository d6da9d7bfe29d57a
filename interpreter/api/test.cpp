// `test`: the embedding API's entry points for `expect` blocks
// (include/cxv/cxv.hpp): a run, then every expect evaluated against it.

#include <algorithm>
#include <utility>

#include "check/ir.hpp"
#include "cxv/cxv.hpp"
#include "expect/expect_run.hpp"

namespace cxv {

namespace {

TestResult finish(RunResult run, const std::string& filter) {
  TestResult t;
  t.run = std::move(run);
  if (!t.run.ok()) return t;
  expect::RunView view;
  view.program = t.run.program.get();
  view.sources = &t.run.sources;
  view.tables = t.run.tables.get();
  view.scorecard = t.run.scorecard.get();
  view.appraisal = t.run.appraisal.get();
  view.portfolio = t.run.portfolio.get();
  auto results = expect::run_expects(view, filter);
  t.filtered_out = t.run.program->expects.size() - results.size();
  t.expects = std::make_shared<const std::vector<expect::ExpectResult>>(std::move(results));
  return t;
}

}  // namespace

std::size_t TestResult::passed() const {
  if (!expects) return 0;
  return static_cast<std::size_t>(
      std::count_if(expects->begin(), expects->end(), [](const expect::ExpectResult& e) { return e.passed; }));
}

std::size_t TestResult::failed() const { return expects ? expects->size() - passed() : 0; }

TestResult test_file(const std::string& path, const RunOptions& options, const std::string& filter) {
  return finish(run_file(path, options), filter);
}

TestResult test_source(const std::string& path, std::string text, const RunOptions& options,
                       const std::string& filter) {
  return finish(run_source(path, std::move(text), options), filter);
}

}  // namespace cxv
