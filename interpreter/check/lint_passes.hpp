#pragma once
// The lint passes, one concern each (check/lint_<concern>.cpp). run_lints
// (lints.cpp) calls them in this order; each pass reports in declaration
// order, so the output is deterministic. The catalogue, with the practice
// behind each code and its fix, is docs/lints.md.

#include "check/ir.hpp"
#include "check/lint_report.hpp"

namespace cxv::lint {

// L001, L002: the scorecard keeps 3 to 5 KPIs.
void lint_scorecard_size(const ir::Program& p, LintReporter& out);

// L003, L004: the scorecard measures business value and customer value.
void lint_value_balance(const ir::Program& p, LintReporter& out);

// L011, L013: each KPI has a target (so a status) and names its stakeholders.
void lint_kpi_definitions(const ir::Program& p, LintReporter& out);

// L005, L007: every KPI is moved by something; every initiative moves a customer KPI.
void lint_movement(const ir::Program& p, LintReporter& out);

// L006, L010: first-party, individual-level data.
void lint_data_sources(const ir::Program& p, LintReporter& out);

// L008, L012: evidence behind initiatives, and big bets on weak evidence.
void lint_evidence(const ir::Program& p, LintReporter& out);

// L009: every stakeholder is served by a KPI or a value.
void lint_stakeholders(const ir::Program& p, LintReporter& out);

// True when the program is a scorecard rather than a library of functions
// (it has a framework block or a KPI): only then do the whole-scorecard lints
// (L001-L004) apply, so `cxv check` on a module of functions stays quiet.
bool is_scorecard(const ir::Program& p);

// Where a whole-scorecard lint points: the framework block, else the first KPI.
Span scorecard_span(const ir::Program& p);

}  // namespace cxv::lint
