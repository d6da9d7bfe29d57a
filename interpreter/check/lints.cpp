// run_lints: every lint pass (lint_passes.hpp) over a checked program, at the
// levels CheckOptions sets (lint_report.hpp). The catalogue is docs/lints.md.

#include "check/lints.hpp"

#include "check/lint_passes.hpp"
#include "check/lint_report.hpp"

namespace cxv {

void run_lints(const ir::Program& program, const CheckOptions& options, Diagnostics& diags) {
  lint::LintReporter out(options, diags);
  // Scorecard-wide lints first, then per declaration kind; each pass reports
  // in declaration order, so the list is the same on every run.
  lint::lint_scorecard_size(program, out);
  lint::lint_value_balance(program, out);
  lint::lint_kpi_definitions(program, out);
  lint::lint_movement(program, out);
  lint::lint_data_sources(program, out);
  lint::lint_evidence(program, out);
  lint::lint_stakeholders(program, out);
}

}  // namespace cxv
