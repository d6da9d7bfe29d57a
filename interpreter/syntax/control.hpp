#pragma once
// The PEGTL control class of the parser: it turns a failed must<> into a
// located SyntaxError (via grammar/errors.hpp), bounds the recursion depth, and
// keeps the bookkeeping the actions need at a rule's start (stack frames, the
// open parenthesis, the opening quote, which declaration is being read).

#include <type_traits>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "grammar/cxv_grammar.hpp"
#include "grammar/errors.hpp"
#include "syntax/parse_state.hpp"
#include "syntax/syntax_errors.hpp"

namespace cxv::syntax {

namespace g = cxv::grammar;

// Rules whose action needs the stack heights at their start.
template <typename Rule>
inline constexpr bool kFramed = std::is_same_v<Rule, g::call_suffix> || std::is_same_v<Rule, g::unary> ||
                                std::is_same_v<Rule, g::not_expr> || std::is_same_v<Rule, g::pow_expr>;

// Rules that open a '(' an error may have to name.
template <typename Rule>
inline constexpr bool kOpensParen = std::is_same_v<Rule, g::paren_expr> || std::is_same_v<Rule, g::call_suffix> ||
                                    std::is_same_v<Rule, g::param_list>;

// Every declaration rule, with the AST node it builds and its keyword.
template <typename Rule>
struct DeclInfo {
  static constexpr bool is_decl = false;
};
#define CXV_DECL(rule, node, word)                 \
  template <>                                      \
  struct DeclInfo<g::rule> {                       \
    static constexpr bool is_decl = true;          \
    using type = ast::node;                        \
    static constexpr std::string_view keyword = word; \
  };
CXV_DECL(framework_decl, Framework, "framework")
CXV_DECL(import_decl, Import, "import")
CXV_DECL(stakeholder_decl, Stakeholder, "stakeholder")
CXV_DECL(table_decl, Table, "table")
CXV_DECL(kpi_decl, Kpi, "kpi")
CXV_DECL(driver_decl, Driver, "driver")
CXV_DECL(value_decl, Value, "value")
CXV_DECL(initiative_decl, Initiative, "initiative")
CXV_DECL(experiment_decl, Experiment, "experiment")
CXV_DECL(funding_decl, Funding, "funding")
CXV_DECL(expect_decl, Expect, "expect")
CXV_DECL(function_decl, Function, "function")
#undef CXV_DECL

template <typename Rule>
struct Control : tao::pegtl::normal<Rule> {
  template <typename Input>
  static void start(const Input& in, State& st) {
    if constexpr (kFramed<Rule>) st.frames.push_back(Frame{st.exprs.size(), st.ops.size()});
    if constexpr (kOpensParen<Rule>) {
      const char* p = in.current();
      while (p != in.end() && (*p == ' ' || *p == '\t')) ++p;
      st.parens.push_back(st.offset(p));
    }
    if constexpr (std::is_base_of_v<g::string_lit, Rule> || std::is_same_v<Rule, g::string_lit>)
      st.string_begin = st.offset(in.current());
    if constexpr (std::is_same_v<Rule, g::expr>) {
      if (++st.nesting > kMaxNesting) {
        throw SyntaxError{"E017", token_at(st.file(), st.offset(in.current())), "expression nested too deeply",
                          fmt::format("the limit is {} levels of parentheses and calls; split it into named values",
                                      kMaxNesting),
                          {}};
      }
    }
    if constexpr (DeclInfo<Rule>::is_decl) {
      // `declaration` tries each alternative in turn: set up only the one whose
      // keyword is actually there.
      constexpr std::string_view word = DeclInfo<Rule>::keyword;
      if (static_cast<std::size_t>(in.end() - in.current()) < word.size() ||
          std::string_view(in.current(), word.size()) != word)
        return;
      st.current.template emplace<typename DeclInfo<Rule>::type>();
      st.decl_keyword = DeclInfo<Rule>::keyword;
      st.decl_name = {};
      st.decl_title = {};
      st.decl_begin = st.offset(in.current());
    }
  }

  template <typename Input>
  static void success(const Input& /*in*/, State& st) {
    end(st);
  }

  template <typename Input>
  static void failure(const Input& /*in*/, State& st) {
    end(st);
  }

  template <typename Input>
  [[noreturn]] static void raise(const Input& in, State& st) {
    constexpr const g::ErrorPoint& point = g::error_point<Rule>;
    static_assert(!point.code.empty(), "a must<> point of the grammar has no entry in grammar/errors.hpp");
    throw describe_error(point, st.offset(in.current()), st);
  }

 private:
  static void end(State& st) {
    if constexpr (kFramed<Rule>) st.frames.pop_back();
    if constexpr (kOpensParen<Rule>) st.parens.pop_back();
    if constexpr (std::is_same_v<Rule, g::expr>) --st.nesting;
  }
};

}  // namespace cxv::syntax
