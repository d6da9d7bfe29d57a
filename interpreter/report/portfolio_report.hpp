#pragma once
// The funding decision in each output format (docs/output-formats.md,
// docs/funding.md): the renderers of report.hpp call these for the portfolio
// parts of their documents.

#include <string>

#include "eval/portfolio_result.hpp"
#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace cxv::report {

// A word for why an initiative is out: "rejected", "requires", "excludes",
// "rules", "budget", "value", "tie", "not_analysed", "not_evaluated"; null when funded.
const char* reason_word(const eval::InitiativeDecision& d);

// JSON: the funding keys of one initiative's object ("funded", "rank",
// "reason", ...; null without a funding block), and the "portfolio" object.
void json_initiative_decision(JsonWriter& w, const RunReport& run, ir::Index initiative);
void json_portfolio(JsonWriter& w, const RunReport& run);

// Table: the portfolio (funded by rank, then each unfunded initiative with its
// reason and what it would take), the joint evaluation, the frontier.
std::string table_portfolio(const RunReport& run);
// Table: each initiative alone, when there is no funding block.
std::string table_initiatives(const RunReport& run);

// CSV: one row per initiative (the initiatives table of the JSON document).
std::string csv_initiatives(const RunReport& run);

// Markdown: the same sections as the table, as pipe tables.
std::string markdown_portfolio(const RunReport& run);

}  // namespace cxv::report
