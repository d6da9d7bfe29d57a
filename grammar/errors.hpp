#pragma once
// The error points of the grammar: every rule used under `must<>` has an entry
// here with its diagnostic code (interpreter/diag/syntax_codes.def) and message.
// The parser's control class looks the failing rule up when PEGTL raises, and a
// static_assert there makes a must<> point without an entry a compile error.
//
// `kind` says how the parser completes the message with what it knows at that
// moment (the declaration being read, the brace it is inside, the token found):
// messages here are the fixed part, written for the CX analyst.

#include <string_view>

#include "grammar/cxv_grammar.hpp"

namespace cxv::grammar {

enum class ErrorKind {
  plain,        // message, then ", found <token>"
  name,         // as plain, but a reserved word found there gets E020 "is a keyword"
  clause,       // unknown clause / missing '}' / misplaced `where`, decided by the token
  string,       // unterminated string: the span runs from the opening quote
  number,       // letters glued to a number
  paren,        // missing ')': names the '(' it should close
};

struct ErrorPoint {
  std::string_view code;
  std::string_view message;
  ErrorKind kind = ErrorKind::plain;
  std::string_view help = {};
};

// No entry: the rule is not an error point (the control class refuses to raise it).
template <typename Rule>
inline constexpr ErrorPoint error_point{};

// ---- strings, numbers, dates
template <> inline constexpr ErrorPoint error_point<escape_char> = {
    "E004", "unknown escape in a string", ErrorKind::plain,
    "only \\\" and \\\\ are escapes; write any other character as it is"};
template <> inline constexpr ErrorPoint error_point<string_close> = {
    "E003", "unterminated string", ErrorKind::string, "close the string with \" before the end of the line"};
template <> inline constexpr ErrorPoint error_point<number_end> = {
    "E005", "letters glued to a number", ErrorKind::number,
    "put a space between a number and its unit (450k USD, 6 months); scale suffixes are k, M and B"};
template <> inline constexpr ErrorPoint error_point<unit_after_per> = {
    "E015", "expected a unit after 'per'", ErrorKind::name, "for example USD per customer, 8% per year"};
template <> inline constexpr ErrorPoint error_point<date_value> = {
    "E006", "expected a date like 2027-03 or 2027-03-15", ErrorKind::plain};

// ---- expressions
inline constexpr ErrorPoint kExpectedExpression = {"E012", "expected an expression", ErrorKind::plain,
                                                   "for example a number with its unit, a name, or a call"};
template <> inline constexpr ErrorPoint error_point<expr> = kExpectedExpression;
template <> inline constexpr ErrorPoint error_point<postfix> = kExpectedExpression;
template <> inline constexpr ErrorPoint error_point<unary> = kExpectedExpression;
template <> inline constexpr ErrorPoint error_point<pow_expr> = kExpectedExpression;
template <> inline constexpr ErrorPoint error_point<mul_expr> = kExpectedExpression;
template <> inline constexpr ErrorPoint error_point<add_expr> = kExpectedExpression;
template <> inline constexpr ErrorPoint error_point<not_expr> = kExpectedExpression;
template <> inline constexpr ErrorPoint error_point<and_expr> = kExpectedExpression;
template <> inline constexpr ErrorPoint error_point<arg_value> = kExpectedExpression;
template <> inline constexpr ErrorPoint error_point<call_arg> = kExpectedExpression;
template <> inline constexpr ErrorPoint error_point<cost_term> = {
    "E012", "expected a cost", ErrorKind::plain, "for example cost 450k USD once + 20k USD per month"};
template <> inline constexpr ErrorPoint error_point<close_paren> = {"E013", "expected ')'", ErrorKind::paren};
template <> inline constexpr ErrorPoint error_point<close_call> = {"E013", "expected ',' or ')'", ErrorKind::paren};
template <> inline constexpr ErrorPoint error_point<member_name> = {"E008", "expected a name after '.'",
                                                                  ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<no_chained_comparison> = {
    "E014", "comparisons cannot be chained", ErrorKind::plain, "write a < b and b < c"};

// ---- names and fixed words
template <> inline constexpr ErrorPoint error_point<decl_name> = {"E008", "expected a name", ErrorKind::name};
template <> inline constexpr ErrorPoint error_point<name_value> = {"E008", "expected a name", ErrorKind::name};
template <> inline constexpr ErrorPoint error_point<name_list> = {"E008", "expected a name", ErrorKind::name};
template <> inline constexpr ErrorPoint error_point<param> = {"E008", "expected a parameter name", ErrorKind::name};
template <> inline constexpr ErrorPoint error_point<arm_column> = {
    "E008", "expected the column that holds the arm", ErrorKind::name, "for example arm group: treatment \"a\", control \"b\""};
template <> inline constexpr ErrorPoint error_point<effect_target> = {
    "E008", "expected the KPI or table.column this effect changes", ErrorKind::name};
template <> inline constexpr ErrorPoint error_point<evidence_grade> = {
    "E008", "expected an evidence grade", ErrorKind::name,
    "the grades are assumed, benchmark, correlational and experiment"};
template <> inline constexpr ErrorPoint error_point<currency_code_value> = {
    "E008", "expected a currency code", ErrorKind::name, "for example currency USD"};
template <> inline constexpr ErrorPoint error_point<column_type> = {
    "E019", "expected a column type", ErrorKind::name,
    "a column is text, bool, date or a unit such as USD/month, months, points, count per month"};
template <> inline constexpr ErrorPoint error_point<column_decl> = {
    "E008", "expected a column name", ErrorKind::name};
template <> inline constexpr ErrorPoint error_point<colon> = {"E019", "expected ':'", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<equals> = {"E019", "expected '='", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<plus_assign> = {
    "E019", "expected '+=' after the KPI this driver changes", ErrorKind::plain,
    "a driver rule reads: churn += <formula>"};
template <> inline constexpr ErrorPoint error_point<from_keyword> = {
    "E019", "expected 'from' and the data file", ErrorKind::plain, "for example from \"data/customers.csv\""};
template <> inline constexpr ErrorPoint error_point<when_keyword> = {
    "E019", "expected 'when' after 'reject'", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<fund_keyword> = {
    "E019", "expected 'fund' after 'must'", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<share_bound> = {
    "E019", "expected 'least' or 'most' after 'at'", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<of_budget_to> = {
    "E019", "expected 'of budget to'", ErrorKind::plain, "for example at least 30% of budget to stage strategic"};
template <> inline constexpr ErrorPoint error_point<share_dimension> = {
    "E019", "expected stage, activity, perspective or category", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<arm_value> = {
    "E019", "expected treatment \"...\" or control \"...\"", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<open_params> = {
    "E019", "expected '(' and the function's parameters", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<close_params> = {"E013", "expected ',' or ')'", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<open_brace> = {"E009", "expected '{'", ErrorKind::plain};

// ---- strings where the language wants one
template <> inline constexpr ErrorPoint error_point<path_string> = {
    "E018", "expected a file path in double quotes", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<text_string> = {
    "E018", "expected text in double quotes", ErrorKind::plain};
template <> inline constexpr ErrorPoint error_point<expect_title> = {
    "E018", "expected the expectation's title in double quotes", ErrorKind::plain,
    "for example expect \"churn is not red\" { status(churn) != red }"};

// ---- blocks: what may appear inside each { }
template <> inline constexpr ErrorPoint error_point<framework_clause> = {
    "E011", "framework", ErrorKind::clause, "a framework has: currency, start, horizon, discount"};
template <> inline constexpr ErrorPoint error_point<stakeholder_clause> = {
    "E011", "stakeholder", ErrorKind::clause, "a stakeholder has: weight"};
template <> inline constexpr ErrorPoint error_point<table_clause> = {
    "E011", "table", ErrorKind::clause, "a table has columns (name: type), key columns and provenance"};
template <> inline constexpr ErrorPoint error_point<kpi_clause> = {
    "E011", "kpi", ErrorKind::clause,
    "a kpi has: perspective, category, stakeholders, measure, better, target, thresholds"};
template <> inline constexpr ErrorPoint error_point<threshold_clause> = {
    "E011", "thresholds", ErrorKind::clause, "thresholds has: green, amber"};
template <> inline constexpr ErrorPoint error_point<driver_clause> = {
    "E011", "driver", ErrorKind::clause, "a driver has rules (kpi += formula) and evidence"};
template <> inline constexpr ErrorPoint error_point<initiative_clause> = {
    "E011", "initiative", ErrorKind::clause,
    "an initiative has: owner, cost, start, ramp, effect, evidence, activity, stage, requires, excludes"};
template <> inline constexpr ErrorPoint error_point<experiment_clause> = {
    "E011", "experiment", ErrorKind::clause, "an experiment has: arm, outcome, confidence, split"};
template <> inline constexpr ErrorPoint error_point<funding_clause> = {
    "E011", "funding", ErrorKind::clause,
    "funding has: budget, objective, reject when, require, at least/at most, must fund"};
// An expect block holds conditions; a token that cannot start one is reported
// by the expression rules themselves ("expected an expression").
template <> inline constexpr ErrorPoint error_point<expect_condition> = kExpectedExpression;

// ---- top level
template <> inline constexpr ErrorPoint error_point<declaration> = {
    "E007", "expected a declaration", ErrorKind::plain,
    "a file holds framework, import, stakeholder, table, kpi, driver, value, initiative, experiment, funding, "
    "expect and function declarations"};

}  // namespace cxv::grammar
