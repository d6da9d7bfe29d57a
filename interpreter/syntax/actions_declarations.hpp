#pragma once
// PEGTL actions for declarations and their clauses: each clause takes the
// expressions, names and strings its rules left on State's stacks and stores
// them in the declaration being built; once-only clauses report repeats (E016).

#include <fmt/format.h>

#include "grammar/cxv_grammar.hpp"
#include "syntax/action_support.hpp"
#include "syntax/literals.hpp"
#include "syntax/parse_state.hpp"

namespace cxv::syntax {

// ------------------------------------------------------------------ declarations: shared

template <>
struct Action<g::decl_name> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    std::visit(
        [&](auto& d) {
          if constexpr (requires { d.name.span; }) d.name = detail::name_of(in, st);
        },
        st.current);
    st.decl_name = in.string_view();
  }
};

template <>
struct Action<g::decl_title> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    ast::String title{read_string(in.string_view()), detail::span_of(in, st)};
    st.decl_title = in.string_view();
    std::visit(
        [&](auto& d) {
          if constexpr (requires { d.title; }) d.title = std::move(title);
        },
        st.current);
  }
};

template <>
struct Action<g::expect_title> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::decl<ast::Expect>(st).title = ast::String{read_string(in.string_view()), detail::span_of(in, st)};
    st.decl_title = in.string_view();
  }
};

template <>
struct Action<g::open_brace> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    st.blocks.push_back(OpenBlock{st.next_block_label, st.offset(in.begin())});
    st.next_block_label = {};
  }
};

template <>
struct Action<g::close_brace> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    if (!st.blocks.empty()) st.blocks.pop_back();
  }
};

template <>
struct Action<g::evidence_clause> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    ast::Evidence ev;
    ev.span = detail::span_of(in, st);
    auto names = detail::take_names(st);
    if (!names.empty()) ev.grade = std::move(names[0]);
    if (names.size() > 1) ev.source = std::move(names[1]);
    ev.note = detail::take_optional_string(st);
    std::visit(
        [&](auto& d) {
          if constexpr (requires { d.evidence; }) detail::set_once(st, "evidence", ev.span, d.evidence, std::move(ev));
        },
        st.current);
  }
};

// Finishes the declaration: gives it its span (parser.cpp then moves it into the file).
template <>
struct Action<g::declaration> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    Span s = detail::span_of(in, st);
    std::visit([&](auto& d) { d.span = s; }, st.current);
  }
};

// ------------------------------------------------------------------ framework, import, stakeholder

template <>
struct Action<g::framework_decl> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::decl<ast::Framework>(st).keyword = st.span(in.begin(), in.begin() + 9);
  }
};

template <>
struct Action<g::framework_currency> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "currency", detail::span_of(in, st), detail::decl<ast::Framework>(st).currency, st.take_name());
  }
};

template <>
struct Action<g::framework_start> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "start", detail::span_of(in, st), detail::decl<ast::Framework>(st).start, st.date);
  }
};

template <>
struct Action<g::framework_horizon> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    auto e = st.pop();
    detail::set_once(st, "horizon", detail::span_of(in, st), detail::decl<ast::Framework>(st).horizon, std::move(e));
  }
};

template <>
struct Action<g::framework_discount> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "discount", detail::span_of(in, st), detail::decl<ast::Framework>(st).discount, st.pop());
  }
};

template <>
struct Action<g::import_decl> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    if (auto s = detail::take_optional_string(st)) detail::decl<ast::Import>(st).path = std::move(*s);
  }
};

template <>
struct Action<g::stakeholder_weight> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "weight", detail::span_of(in, st), detail::decl<ast::Stakeholder>(st).weight, st.pop());
  }
};

// ------------------------------------------------------------------ table

template <>
struct Action<g::column_type> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    ast::ColumnType t;
    t.span = detail::span_of(in, st);
    std::string_view w = in.string_view();
    if (w == "text") t.kind = ast::ColumnType::text;
    else if (w == "bool") t.kind = ast::ColumnType::boolean;
    else if (w == "date") t.kind = ast::ColumnType::date;
    else {
      t.kind = ast::ColumnType::quantity;
      t.unit = read_unit(w, st.file().id(), st.offset(in.begin()));
    }
    st.column_type = std::move(t);
  }
};

template <>
struct Action<g::column_optional> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    st.column_optional = true;
  }
};

template <>
struct Action<g::column_decl> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    ast::Column c;
    c.span = detail::span_of(in, st);
    c.name = st.take_name();
    c.type = std::move(st.column_type);
    c.optional = st.column_optional;
    st.column_type = ast::ColumnType{};
    st.column_optional = false;
    auto& table = detail::decl<ast::Table>(st);
    for (const auto& other : table.columns) {
      if (other.name.text == c.name.text) {
        auto& d = st.diags().error("E016", c.name.span, fmt::format("column '{}' is declared twice in {}", c.name.text, st.decl_label()));
        d.notes.push_back(Note{other.name.span, fmt::format("the first '{}' is here", c.name.text)});
        d.help = "keep one of them";
        return;
      }
    }
    table.columns.push_back(std::move(c));
  }
};

template <>
struct Action<g::key_column> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    auto& table = detail::decl<ast::Table>(st);
    if (!table.columns.empty() && table.columns.back().span.end == st.offset(in.end())) {
      table.columns.back().key = true;
      table.columns.back().span = detail::span_of(in, st);
    }
  }
};

template <>
struct Action<g::table_provenance> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "provenance", detail::span_of(in, st), detail::decl<ast::Table>(st).provenance, st.take_name());
  }
};

template <>
struct Action<g::table_decl> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    if (auto s = detail::take_optional_string(st)) detail::decl<ast::Table>(st).path = std::move(*s);
  }
};

// ------------------------------------------------------------------ kpi

template <>
struct Action<g::kpi_perspective> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "perspective", detail::span_of(in, st), detail::decl<ast::Kpi>(st).perspective, st.take_name());
  }
};

template <>
struct Action<g::kpi_category> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "category", detail::span_of(in, st), detail::decl<ast::Kpi>(st).category, st.take_name());
  }
};

template <>
struct Action<g::kpi_better> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "better", detail::span_of(in, st), detail::decl<ast::Kpi>(st).better, st.take_name());
  }
};

template <>
struct Action<g::kpi_stakeholders> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "stakeholders", detail::span_of(in, st), detail::decl<ast::Kpi>(st).stakeholders,
                     detail::take_names(st));
  }
};

template <>
struct Action<g::kpi_measure> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "measure", detail::span_of(in, st), detail::decl<ast::Kpi>(st).measure, st.pop());
  }
};

template <>
struct Action<g::kpi_target> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "target", detail::span_of(in, st), detail::decl<ast::Kpi>(st).target, st.pop());
  }
};

template <>
struct Action<g::thresholds_keyword> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    st.next_block_label = "thresholds";
    st.thresholds.emplace();
  }
};

template <>
struct Action<g::threshold_green> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "green", detail::span_of(in, st), st.thresholds->green, st.pop());
  }
};

template <>
struct Action<g::threshold_amber> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "amber", detail::span_of(in, st), st.thresholds->amber, st.pop());
  }
};

template <>
struct Action<g::kpi_thresholds> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    st.thresholds->span = detail::span_of(in, st);
    detail::set_once(st, "thresholds", st.thresholds->span, detail::decl<ast::Kpi>(st).thresholds,
                     std::move(st.thresholds));
    st.thresholds.reset();
  }
};

// ------------------------------------------------------------------ driver, value

template <>
struct Action<g::driver_rule> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    ast::DriverRule r;
    r.span = detail::span_of(in, st);
    r.formula = st.pop();
    r.target = st.take_name();
    detail::decl<ast::Driver>(st).rules.push_back(std::move(r));
  }
};

template <>
struct Action<g::value_for> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    detail::decl<ast::Value>(st).stakeholders = detail::take_names(st);
  }
};

template <>
struct Action<g::value_decl> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    detail::decl<ast::Value>(st).formula = st.pop();
  }
};

// ------------------------------------------------------------------ initiative

template <>
struct Action<g::initiative_owner> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "owner", detail::span_of(in, st), detail::decl<ast::Initiative>(st).owner,
                     detail::take_optional_string(st));
  }
};

template <>
struct Action<g::cost_once> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    st.cost_once = true;
  }
};

template <>
struct Action<g::cost_term> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    ast::CostTerm t;
    t.span = detail::span_of(in, st);
    t.amount = st.pop();
    t.once = st.cost_once;
    st.cost_once = false;
    st.cost_terms.push_back(std::move(t));
  }
};

template <>
struct Action<g::initiative_cost> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    auto& ini = detail::decl<ast::Initiative>(st);
    Span s = detail::span_of(in, st);
    if (st.first_time("cost", s)) {
      ini.cost = std::move(st.cost_terms);
      ini.cost_span = s;
    }
    st.cost_terms.clear();
  }
};

template <>
struct Action<g::initiative_start> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "start", detail::span_of(in, st), detail::decl<ast::Initiative>(st).start, st.date);
  }
};

template <>
struct Action<g::initiative_ramp> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    auto e = st.pop();
    detail::set_once(st, "ramp", detail::span_of(in, st), detail::decl<ast::Initiative>(st).ramp, std::move(e));
  }
};

template <>
struct Action<g::effect_range> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    detail::reduce_binary(st, ast::Op::none, ast::ExprKind::range);
  }
};

template <>
struct Action<g::effect_where> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    st.effect_where = st.pop();
  }
};

template <>
struct Action<g::initiative_effect> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    ast::Effect eff;
    eff.span = detail::span_of(in, st);
    eff.value = st.pop();
    eff.target = st.pop();
    eff.where = std::move(st.effect_where);
    st.effect_where.reset();
    detail::decl<ast::Initiative>(st).effects.push_back(std::move(eff));
  }
};

template <>
struct Action<g::initiative_activity> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "activity", detail::span_of(in, st), detail::decl<ast::Initiative>(st).activity, st.take_name());
  }
};

template <>
struct Action<g::initiative_stage> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "stage", detail::span_of(in, st), detail::decl<ast::Initiative>(st).stage, st.take_name());
  }
};

template <>
struct Action<g::initiative_requires> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    auto& v = detail::decl<ast::Initiative>(st).requires_;
    for (auto& n : detail::take_names(st)) v.push_back(std::move(n));
  }
};

template <>
struct Action<g::initiative_excludes> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    auto& v = detail::decl<ast::Initiative>(st).excludes;
    for (auto& n : detail::take_names(st)) v.push_back(std::move(n));
  }
};

// ------------------------------------------------------------------ experiment

template <>
struct Action<g::arm_value> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    auto& ex = detail::decl<ast::Experiment>(st);
    bool treatment = in.string_view().substr(0, 9) == "treatment";
    auto s = detail::take_optional_string(st);
    Span sp = detail::span_of(in, st);
    if (treatment)
      detail::set_once(st, "treatment", sp, ex.treatment, std::move(s));
    else
      detail::set_once(st, "control", sp, ex.control, std::move(s));
  }
};

template <>
struct Action<g::experiment_arm> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "arm", detail::span_of(in, st), detail::decl<ast::Experiment>(st).arm_column, st.take_name());
  }
};

template <>
struct Action<g::experiment_outcome> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "outcome", detail::span_of(in, st), detail::decl<ast::Experiment>(st).outcome, st.take_name());
  }
};

template <>
struct Action<g::experiment_confidence> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "confidence", detail::span_of(in, st), detail::decl<ast::Experiment>(st).confidence, st.pop());
  }
};

template <>
struct Action<g::experiment_split> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "split", detail::span_of(in, st), detail::decl<ast::Experiment>(st).split, st.pop());
  }
};

template <>
struct Action<g::experiment_decl> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    if (auto s = detail::take_optional_string(st)) detail::decl<ast::Experiment>(st).path = std::move(*s);
  }
};

// ------------------------------------------------------------------ funding

template <>
struct Action<g::funding_budget> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    auto e = st.pop();
    detail::set_once(st, "budget", detail::span_of(in, st), detail::decl<ast::Funding>(st).budget, std::move(e));
  }
};

template <>
struct Action<g::funding_objective> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::set_once(st, "objective", detail::span_of(in, st), detail::decl<ast::Funding>(st).objective, st.pop());
  }
};

inline ast::Rule make_rule(State& st, Span span) {
  ast::Rule r;
  r.span = span;
  r.reason = detail::take_optional_string(st);
  r.condition = st.pop();
  return r;
}

template <>
struct Action<g::funding_reject> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::decl<ast::Funding>(st).rejects.push_back(make_rule(st, detail::span_of(in, st)));
  }
};

template <>
struct Action<g::funding_require> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    detail::decl<ast::Funding>(st).requires_.push_back(make_rule(st, detail::span_of(in, st)));
  }
};

template <>
struct Action<g::share_bound> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    st.share_at_least = in.string_view() == "least";
  }
};

template <>
struct Action<g::funding_share> {
  template <typename Input>
  static void apply(const Input& in, State& st) {
    ast::BudgetShare b;
    b.span = detail::span_of(in, st);
    b.at_least = st.share_at_least;
    b.share = st.pop();
    b.value = st.take_name();
    b.dimension = st.take_name();
    detail::decl<ast::Funding>(st).shares.push_back(std::move(b));
  }
};

template <>
struct Action<g::funding_must> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    auto& v = detail::decl<ast::Funding>(st).must_fund;
    for (auto& n : detail::take_names(st)) v.push_back(std::move(n));
  }
};

// ------------------------------------------------------------------ expect, function

template <>
struct Action<g::expect_condition> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    detail::decl<ast::Expect>(st).conditions.push_back(st.pop());
  }
};

template <>
struct Action<g::param_default> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    st.param_has_default = true;
  }
};

template <>
struct Action<g::param> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    ast::Param p;
    if (st.param_has_default) p.default_value = st.pop();
    st.param_has_default = false;
    p.name = st.take_name();
    auto& fn = detail::decl<ast::Function>(st);
    for (const auto& other : fn.params) {
      if (other.name.text == p.name.text) {
        auto& d = st.diags().error("E016", p.name.span, fmt::format("parameter '{}' appears twice in {}", p.name.text, st.decl_label()));
        d.notes.push_back(Note{other.name.span, fmt::format("the first '{}' is here", p.name.text)});
        return;
      }
    }
    fn.params.push_back(std::move(p));
  }
};

template <>
struct Action<g::function_decl> {
  template <typename Input>
  static void apply(const Input& /*in*/, State& st) {
    detail::decl<ast::Function>(st).body = st.pop();
  }
};

}  // namespace cxv::syntax
