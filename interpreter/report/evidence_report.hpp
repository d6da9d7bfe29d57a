#pragma once
// Experiments and evidence grades in each output format (docs/evidence.md,
// docs/output-formats.md): the renderers of report.hpp call these for the
// "experiments" and "evidence" parts of their documents. Each returns an
// empty string (or writes nothing) when there is nothing to show.

#include <string>
#include <vector>

#include "report/json_writer.hpp"
#include "report/markdown_writer.hpp"
#include "report/report.hpp"

namespace cxv::report {

// JSON: the top-level "experiments" array and "evidence" object.
void json_experiments(JsonWriter& w, const RunReport& run);
void json_evidence(JsonWriter& w, const RunReport& run);

// Table: one row per experiment; the declared and effective grade of every
// initiative and driver.
std::string table_experiments(const RunReport& run);
std::string table_evidence(const RunReport& run);

// CSV: the experiments as a table of their own (after an empty line), and the
// evidence grades likewise.
std::string csv_experiments(const RunReport& run);
std::string csv_evidence(const RunReport& run);

// Markdown: the same sections as the table, as pipe tables.
std::string markdown_experiments(const RunReport& run);
std::string markdown_evidence(const RunReport& run);


}  // namespace cxv::report
