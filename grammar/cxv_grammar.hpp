#pragma once
// The grammar of the .cxv language, as PEGTL 3.2.7 rules.
//
// Rules only: no actions live here (interpreter/syntax/ builds the AST from
// them), so this header is also the readable specification of the syntax that
// docs/language.md describes. Every place where the parser commits and a
// failure is the author's mistake is a `must<rule>`; grammar/errors.hpp gives
// each such rule a code and a message.
//
// Design points, because they are easy to get wrong:
// - Keywords come from the one list in grammar/keywords.hpp; `kw<"...">` fails
//   to compile for a word that is not there, and `plain_name` rejects them.
// - Whitespace is free (newlines included) except in two places: a number's
//   unit must be on the number's line (`target 35\n  amber ...` never reads
//   `amber` as a unit), and an evidence clause's experiment name too.
// - Expressions are only ever entered where one is required, and every
//   operator commits (`must<operand>`), so an expression either matches or is
//   a located error: no rule backtracks over a half-built expression, which
//   keeps parsing linear and lets the AST builder use plain stacks.
// - Recursion only happens through parentheses and call arguments; chains of
//   unary operators and of `^` are loops, so the parser can bound the nesting.

#include <cstddef>
#include <string_view>
#include <utility>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "grammar/keywords.hpp"

namespace cxv::grammar {

namespace pg = tao::pegtl;
using pg::at;
using pg::blank;
using pg::digit;
using pg::eof;
using pg::eolf;
using pg::must;
using pg::not_at;
using pg::not_one;
using pg::one;
using pg::opt;
using pg::plus;
using pg::ranges;
using pg::rep;
using pg::seq;
using pg::sor;
using pg::space;
using pg::star;
using pg::until;

// ------------------------------------------------------------------ lexical

struct ident_first : ranges<'a', 'z', 'A', 'Z', '_'> {};
struct ident_other : ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
struct identifier : seq<ident_first, star<ident_other>> {};

// A keyword: the word from grammar/keywords.hpp, not followed by a name character.
namespace detail {
template <std::size_t I, typename = std::make_index_sequence<kReservedSorted[I].size()>>
struct keyword_chars;
template <std::size_t I, std::size_t... J>
struct keyword_chars<I, std::index_sequence<J...>> {
  using type = pg::string<kReservedSorted[I][J]...>;
};

// A string literal usable as a template argument: kw<"kpi">.
template <std::size_t N>
struct word {
  char text[N]{};
  consteval word(const char (&s)[N]) {
    for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
  }
  constexpr std::string_view view() const { return {text, N - 1}; }
};
}  // namespace detail

template <std::size_t I>
struct keyword_at : seq<typename detail::keyword_chars<I>::type, not_at<ident_other>> {};
template <detail::word W>
struct kw : keyword_at<keyword_index(W.view())> {};

// A name that is not a reserved word: declaration names, columns, units, labels.
// Hand-written (one scan and a binary search) because it runs for every word of
// the input; a `sor` over 64 keywords would dominate the parse time.
struct plain_name {
  using rule_t = plain_name;
  using subs_t = pg::empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* p = in.current();
    const char* end = in.end();
    auto is_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    auto is_other = [&](char c) { return is_first(c) || (c >= '0' && c <= '9'); };
    if (p == end || !is_first(*p)) return false;
    const char* q = p + 1;
    while (q != end && is_other(*q)) ++q;
    if (is_reserved(std::string_view(p, static_cast<std::size_t>(q - p)))) return false;
    in.bump_in_this_line(static_cast<std::size_t>(q - p));
    return true;
  }
};

// `# ...` to the end of the line. Comments are collected by a separate scan
// (syntax/prescan.cpp), so the grammar only needs to skip them.
struct comment : seq<one<'#'>, star<not_one<'\r', '\n'>>> {};
// Free whitespace inside a declaration: spaces, newlines, comments.
struct ws : star<sor<space, comment>> {};
// Between clauses and declarations `;` may also separate.
struct skip : star<sor<space, comment, one<';'>>> {};
// Spaces and tabs only: what may stand between a number and its unit.
struct blanks : star<blank> {};

// Strings: "..." on one line, with \" and \\ as the only escapes.
struct escape_char : one<'"', '\\'> {};
struct string_escape : seq<one<'\\'>, must<escape_char>> {};
struct string_char : sor<string_escape, not_one<'"', '\\', '\r', '\n'>> {};
struct string_close : one<'"'> {};
struct string_lit : seq<one<'"'>, star<string_char>, must<string_close>> {};

// Dates: `2027-03` (a month) or `2027-03-15`. Tried before numbers.
struct date_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, opt<one<'-'>, rep<2, digit>>, not_at<ident_other>> {};

// Numbers: digits with `_` separators, an optional fraction, an attached scale
// suffix (k M B), an attached `%` or `pp`, then an optional unit.
struct digits : seq<digit, star<opt<one<'_'>>, digit>> {};
struct number_core : seq<digits, opt<one<'.'>, digits>> {};
struct number_scale : seq<one<'k', 'M', 'B'>, not_at<ident_other>> {};
struct number_mark : sor<one<'%'>, seq<pg::string<'p', 'p'>, not_at<ident_other>>> {};
// Letters glued to a number (`450kUSD`, `3months`, `1e5`) are a mistake, not a unit.
struct number_end : not_at<ident_other> {};

// Units. The first word is any name (`USD`, `months`, `customers`); after `/`
// only a known unit word, so `100 / churn` stays a division; after `per` any
// label noun (`USD per customer`).
struct currency_code : seq<rep<3, ranges<'A', 'Z'>>, not_at<ident_other>> {};
struct known_unit_word
    : seq<sor<currency_code,
              seq<sor<pg::string<'d', 'a', 'y'>, pg::string<'h', 'o', 'u', 'r'>,
                      pg::string<'m', 'i', 'n', 'u', 't', 'e'>, pg::string<'m', 'o', 'n', 't', 'h'>,
                      pg::string<'q', 'u', 'a', 'r', 't', 'e', 'r'>, pg::string<'y', 'e', 'a', 'r'>,
                      pg::string<'p', 'o', 'i', 'n', 't'>>,
                  opt<one<'s'>>>,
              pg::string<'c', 'o', 'u', 'n', 't'>, pg::string<'r', 'a', 't', 'i', 'o'>>,
          not_at<ident_other>> {};
struct unit_word : plain_name {};
struct unit_head : seq<blanks, unit_word> {};
struct unit_after_per : unit_word {};
struct unit_divide : seq<blanks, one<'/'>, blanks, known_unit_word, not_at<blanks, one<'(', '.'>>> {};
struct unit_per : seq<blanks, kw<"per">, blanks, must<unit_after_per>> {};
struct unit_tail : sor<unit_divide, unit_per> {};
struct number_unit : seq<opt<unit_head>, star<unit_tail>> {};
struct number_lit : seq<number_core, opt<number_scale>, opt<number_mark>, must<number_end>, number_unit> {};

// ---------------------------------------------------------------- expressions
//
// Precedence, loosest first: or, and, not, comparison (non-associative),
// + -, * /, ^ (right-associative), unary - +, postfix (call, member), primary.

struct expr;

struct close_paren : one<')'> {};
struct paren_expr : seq<one<'('>, ws, must<expr>, ws, must<close_paren>> {};

// Keywords that read as names inside an expression (grammar/keywords.hpp).
namespace detail {
template <typename = std::make_index_sequence<kExpressionKeywords.size()>>
struct expression_keywords;
template <std::size_t... I>
struct expression_keywords<std::index_sequence<I...>> {
  using type = sor<keyword_at<keyword_index(kExpressionKeywords[I])>...>;
};
}  // namespace detail
struct expression_keyword : detail::expression_keywords<>::type {};
struct keyword_name : expression_keyword {};
struct name_ref : plain_name {};

struct primary : sor<paren_expr, date_lit, number_lit, string_lit, name_ref, keyword_name> {};

// Call arguments: positional or labelled (`limit: -0.8pp`); inside them, `where`
// filters an aggregate's rows (`share(customers where churned)`).
struct arg_label : seq<identifier, blanks, one<':'>, not_at<one<':'>>> {};
struct where_filter : seq<ws, kw<"where">, ws, must<expr>> {};
struct arg_value : seq<expr, opt<where_filter>> {};
struct labeled_arg : seq<arg_label, ws, must<arg_value>> {};
struct positional_arg : arg_value {};
struct call_arg : sor<labeled_arg, positional_arg> {};
struct close_call : one<')'> {};
struct call_suffix
    : seq<blanks, one<'('>, ws,
          sor<one<')'>, seq<must<call_arg>, star<ws, one<','>, ws, must<call_arg>>, ws, must<close_call>>>> {};
struct member_name : identifier {};
struct member_suffix : seq<one<'.'>, must<member_name>> {};
struct postfix : seq<primary, star<sor<member_suffix, call_suffix>>> {};

struct unary_op : one<'-', '+'> {};
struct unary : seq<star<unary_op, ws>, must<postfix>> {};

struct pow_op : one<'^'> {};
struct pow_tail : seq<ws, pow_op, ws, must<unary>> {};
struct pow_expr : seq<unary, star<pow_tail>> {};

struct mul_op : one<'*', '/'> {};
struct mul_tail : seq<ws, mul_op, ws, must<pow_expr>> {};
struct mul_expr : seq<pow_expr, star<mul_tail>> {};

struct add_op : sor<one<'+'>, seq<one<'-'>, not_at<one<'='>>>> {};
struct add_tail : seq<ws, add_op, ws, must<mul_expr>> {};
struct add_expr : seq<mul_expr, star<add_tail>> {};

struct cmp_op : sor<pg::string<'<', '='>, pg::string<'>', '='>, pg::string<'=', '='>, pg::string<'!', '='>, one<'<'>, one<'>'>> {};
struct cmp_tail : seq<ws, cmp_op, ws, must<add_expr>> {};
// `a < b < c` is rejected rather than read as `(a < b) < c`.
struct no_chained_comparison : not_at<ws, cmp_op> {};
struct cmp_expr : seq<add_expr, opt<cmp_tail, must<no_chained_comparison>>> {};

struct not_op : kw<"not"> {};
struct not_expr : seq<star<not_op, ws>, cmp_expr> {};

struct and_tail : seq<ws, kw<"and">, ws, must<not_expr>> {};
struct and_expr : seq<not_expr, star<and_tail>> {};

struct or_tail : seq<ws, kw<"or">, ws, must<and_expr>> {};
struct or_expr : seq<and_expr, star<or_tail>> {};

struct expr : or_expr {};

// ---------------------------------------------------------------- shared pieces

struct decl_name : plain_name {};
struct decl_title : string_lit {};
struct open_brace : one<'{'> {};
struct close_brace : one<'}'> {};
struct comma : one<','> {};
struct colon : one<':'> {};
struct equals : seq<one<'='>, not_at<one<'='>>> {};
struct path_string : string_lit {};
struct text_string : string_lit {};
struct date_value : date_lit {};
// A name as the value of a clause (`perspective customer`, `requires crm_upgrade`).
struct name_value : plain_name {};
struct name_list : seq<name_value, star<ws, comma, ws, must<name_value>>> {};

// `{ clause clause ... }`: the clause rule commits, so anything that is not a
// clause or the closing brace is reported (unknown clause, or a missing `}`).
template <typename Clause>
struct block : seq<must<open_brace>, skip, until<close_brace, must<Clause>, skip>> {};

// ---------------------------------------------------------------- declarations

// framework "Title" { currency USD  start 2027-01  horizon 36 months  discount 8% per year }
struct currency_code_value : plain_name {};
struct framework_currency : seq<kw<"currency">, ws, must<currency_code_value>> {};
struct framework_start : seq<kw<"start">, ws, must<date_value>> {};
struct framework_horizon : seq<kw<"horizon">, ws, must<expr>> {};
struct framework_discount : seq<kw<"discount">, ws, must<expr>> {};
struct framework_clause : sor<framework_currency, framework_start, framework_horizon, framework_discount> {};
struct framework_decl : seq<kw<"framework">, opt<ws, decl_title>, ws, block<framework_clause>> {};

// import "std/clv"
struct import_decl : seq<kw<"import">, ws, must<path_string>> {};

// stakeholder customers "Customers" { weight 30% }
struct stakeholder_weight : seq<kw<"weight">, ws, must<expr>> {};
struct stakeholder_clause : sor<stakeholder_weight> {};
struct stakeholder_decl
    : seq<kw<"stakeholder">, ws, must<decl_name>, opt<ws, decl_title>, ws, block<stakeholder_clause>> {};

// table customers from "data/customers.csv" { key id: text  nps: points optional  provenance first_party }
struct column_name : plain_name {};
struct column_type_word : plain_name {};
struct column_type : seq<column_type_word, star<unit_tail>> {};
struct column_optional : kw<"optional"> {};
struct column_decl : seq<column_name, blanks, must<colon>, ws, must<column_type>, opt<ws, column_optional>> {};
struct key_column : seq<kw<"key">, ws, must<column_decl>> {};
struct table_provenance : seq<kw<"provenance">, ws, must<name_value>> {};
struct table_clause : sor<table_provenance, key_column, column_decl> {};
struct from_keyword : kw<"from"> {};
struct table_decl : seq<kw<"table">, ws, must<decl_name>, opt<ws, decl_title>, ws, must<from_keyword>, ws,
                        must<path_string>, ws, block<table_clause>> {};

// kpi churn "Monthly churn rate" { perspective customer ... thresholds { green 1.5%  amber 2.0% } }
struct kpi_perspective : seq<kw<"perspective">, ws, must<name_value>> {};
struct kpi_category : seq<kw<"category">, ws, must<name_value>> {};
struct kpi_stakeholders : seq<kw<"stakeholders">, ws, must<name_list>> {};
struct kpi_measure : seq<kw<"measure">, ws, must<expr>> {};
struct kpi_better : seq<kw<"better">, ws, must<name_value>> {};
struct kpi_target : seq<kw<"target">, ws, must<expr>> {};
struct threshold_green : seq<kw<"green">, ws, must<expr>> {};
struct threshold_amber : seq<kw<"amber">, ws, must<expr>> {};
struct threshold_clause : sor<threshold_green, threshold_amber> {};
struct thresholds_keyword : kw<"thresholds"> {};
struct kpi_thresholds : seq<thresholds_keyword, ws, block<threshold_clause>> {};
struct kpi_clause : sor<kpi_perspective, kpi_category, kpi_stakeholders, kpi_measure, kpi_better, kpi_target,
                        kpi_thresholds> {};
struct kpi_decl : seq<kw<"kpi">, ws, must<decl_name>, opt<ws, decl_title>, ws, block<kpi_clause>> {};

// evidence correlational "2026 churn study"  |  evidence experiment onboarding_pilot
struct evidence_grade : sor<kw<"experiment">, plain_name> {};
struct evidence_source : plain_name {};
struct evidence_clause
    : seq<kw<"evidence">, ws, must<evidence_grade>, opt<blanks, evidence_source>, opt<ws, text_string>> {};

// driver nps_lowers_churn "..." { churn += saturate(...)  evidence correlational "..." }
struct driver_target : plain_name {};
struct plus_assign : pg::string<'+', '='> {};
struct driver_rule : seq<driver_target, ws, must<plus_assign>, ws, must<expr>> {};
struct driver_clause : sor<evidence_clause, driver_rule> {};
struct driver_decl : seq<kw<"driver">, ws, must<decl_name>, opt<ws, decl_title>, ws, block<driver_clause>> {};

// value retained_revenue "..." for shareholders = <expr>
struct value_for : seq<kw<"for">, ws, must<name_list>> {};
struct value_decl : seq<kw<"value">, ws, must<decl_name>, opt<ws, decl_title>, opt<ws, value_for>, ws,
                        must<equals>, ws, must<expr>> {};

// initiative onboarding "..." { owner "..."  cost 450k USD once + 20k USD per month  ... }
struct initiative_owner : seq<kw<"owner">, ws, must<text_string>> {};
struct cost_once : kw<"once"> {};
struct cost_term : seq<mul_expr, opt<ws, cost_once>> {};
struct cost_plus : one<'+'> {};
struct initiative_cost : seq<kw<"cost">, ws, must<cost_term>, star<ws, cost_plus, ws, must<cost_term>>> {};
struct initiative_start : seq<kw<"start">, ws, must<date_value>> {};
struct initiative_ramp : seq<kw<"ramp">, ws, must<expr>> {};
struct effect_member : seq<one<'.'>, must<member_name>> {};
struct effect_target : seq<name_ref, opt<effect_member>> {};
struct effect_range : seq<ws, kw<"to">, ws, must<expr>> {};
struct effect_where : seq<ws, kw<"where">, ws, must<expr>> {};
struct initiative_effect
    : seq<kw<"effect">, ws, must<effect_target>, ws, must<expr>, opt<effect_range>, opt<effect_where>> {};
struct initiative_activity : seq<kw<"activity">, ws, must<name_value>> {};
struct initiative_stage : seq<kw<"stage">, ws, must<name_value>> {};
struct initiative_requires : seq<kw<"requires">, ws, must<name_list>> {};
struct initiative_excludes : seq<kw<"excludes">, ws, must<name_list>> {};
struct initiative_clause
    : sor<initiative_owner, initiative_cost, initiative_start, initiative_ramp, initiative_effect, evidence_clause,
          initiative_activity, initiative_stage, initiative_requires, initiative_excludes> {};
struct initiative_decl
    : seq<kw<"initiative">, ws, must<decl_name>, opt<ws, decl_title>, ws, block<initiative_clause>> {};

// experiment onboarding_pilot "..." from "data/pilot.csv" { arm group: treatment "outreach", control "none" ... }
struct arm_side : sor<kw<"treatment">, kw<"control">> {};
struct arm_value : seq<arm_side, ws, must<text_string>> {};
struct arm_column : plain_name {};
struct experiment_arm
    : seq<kw<"arm">, ws, must<arm_column>, blanks, must<colon>, ws, must<arm_value>, opt<ws, comma, ws, must<arm_value>>> {};
struct experiment_outcome : seq<kw<"outcome">, ws, must<name_value>> {};
struct experiment_confidence : seq<kw<"confidence">, ws, must<expr>> {};
struct experiment_split : seq<kw<"split">, ws, must<expr>> {};
struct experiment_clause : sor<experiment_arm, experiment_outcome, experiment_confidence, experiment_split> {};
struct experiment_decl : seq<kw<"experiment">, ws, must<decl_name>, opt<ws, decl_title>, ws, must<from_keyword>, ws,
                             must<path_string>, ws, block<experiment_clause>> {};

// funding "FY2027" { budget 2.5M USD  objective net_npv  reject when ... "why"  require ...
//                    at least 30% of budget to stage strategic  must fund onboarding }
struct funding_budget : seq<kw<"budget">, ws, must<expr>> {};
struct funding_objective : seq<kw<"objective">, ws, must<expr>> {};
struct rule_reason : seq<ws, text_string> {};
struct when_keyword : kw<"when"> {};
struct funding_reject : seq<kw<"reject">, ws, must<when_keyword>, ws, must<expr>, opt<rule_reason>> {};
struct funding_require : seq<kw<"require">, ws, must<expr>, opt<rule_reason>> {};
struct share_bound : sor<kw<"least">, kw<"most">> {};
struct of_budget_to : seq<kw<"of">, ws, kw<"budget">, ws, kw<"to">> {};
struct share_dimension : sor<kw<"stage">, kw<"activity">, kw<"perspective">, kw<"category">> {};
struct funding_share : seq<kw<"at">, ws, must<share_bound>, ws, must<expr>, ws, must<of_budget_to>, ws,
                           must<share_dimension>, ws, must<name_value>> {};
struct fund_keyword : kw<"fund"> {};
struct funding_must : seq<kw<"must">, ws, must<fund_keyword>, ws, must<name_list>> {};
struct funding_clause
    : sor<funding_budget, funding_objective, funding_reject, funding_require, funding_share, funding_must> {};
struct funding_decl : seq<kw<"funding">, opt<ws, decl_title>, ws, block<funding_clause>> {};

// expect "onboarding is funded" { funded(onboarding) }
struct expect_title : string_lit {};
struct expect_condition : expr {};
struct expect_decl : seq<kw<"expect">, ws, must<expect_title>, ws, block<expect_condition>> {};

// function saturate "..." (x, limit: 1) = limit * (1 - exp(-x / limit))
// A parameter may be called like the keywords that read as names in
// expressions (`function gap(current, target) = target - current`).
struct param_name : sor<plain_name, expression_keyword> {};
struct param_default : seq<blanks, colon, ws, must<expr>> {};
struct param : seq<param_name, opt<param_default>> {};
struct open_params : one<'('> {};
struct close_params : one<')'> {};
struct param_list
    : seq<must<open_params>, ws,
          sor<close_params, seq<must<param>, star<ws, comma, ws, must<param>>, ws, must<close_params>>>> {};
struct function_decl : seq<kw<"function">, ws, must<decl_name>, opt<ws, decl_title>, ws, param_list, ws,
                           must<equals>, ws, must<expr>> {};

// ---------------------------------------------------------------- file

struct declaration : sor<framework_decl, import_decl, stakeholder_decl, table_decl, kpi_decl, driver_decl, value_decl,
                         initiative_decl, experiment_decl, funding_decl, expect_decl, function_decl> {};

// The whole file. The parser runs `declaration` one at a time (to recover after
// an error), but this is the language, and what analyze() checks.
struct file : seq<skip, until<eof, must<declaration>, skip>> {};

}  // namespace cxv::grammar

// plain_name is hand-written, so tell the grammar analysis what it does: it
// consumes input whenever it succeeds.
template <typename Name>
struct tao::pegtl::analyze_traits<Name, cxv::grammar::plain_name> : tao::pegtl::analyze_any_traits<> {};
