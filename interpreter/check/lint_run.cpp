#include "check/lint_run.hpp"

#include "check/lint_passes.hpp"
#include "check/lint_report.hpp"

namespace cxv::lint {

void run_all(const ir::Program& p, const CheckOptions& options, Diagnostics& diags) {
  LintReporter out(options, diags);
  // Scorecard-wide lints first, then per declaration kind; each pass reports
  // in declaration order, so the list is the same on every run.
  lint_scorecard_size(p, out);
  lint_value_balance(p, out);
  lint_kpi_definitions(p, out);
  lint_movement(p, out);
  lint_data_sources(p, out);
  lint_evidence(p, out);
  lint_stakeholders(p, out);
}

}  // namespace cxv::lint
