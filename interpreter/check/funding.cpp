// The funding block (budget, objective, rules, balance, must fund) and the
// expect blocks.
#include <fmt/core.h>

#include "check/checker_state.hpp"

namespace cxv::check {

void Checker::check_funding() {
  if (!funding_ast_) return;
  const ast::Funding& a = *funding_ast_;
  ir::Funding out;
  out.title = a.title ? a.title->value : "";
  out.span = a.span;
  if (a.budget) {
    std::optional<Decimal> v;
    if (auto b = check_constant(*a.budget, v)) {
      if (!b->unit.is_money() || *v < Decimal(0)) {
        auto& d = error("E043", b->span, fmt::format("the budget {} is not an amount of {}", quote(b->span), program_->framework.currency));
        d.help = fmt::format("write e.g. `budget 2.5M {}`: what may be spent in the first 12 months", program_->framework.currency);
      } else {
        out.budget = v;
      }
    }
  }
  if (a.objective) {
    Scope scope;
    scope.context = Context::objective;
    Reads reads;
    scope.reads = &reads;
    auto obj = check_expr(*a.objective, scope);
    if (obj && (obj->type != ir::Type::number || !obj->unit.is_money())) {
      auto& d = error("E065", obj->span,
                      fmt::format("the objective must be money, but {} is {}", quote(obj->span),
                                  obj->type == ir::Type::number ? unit_text(obj->unit) : "not a number"));
      d.help = fmt::format("combine other units through an explicit rate, e.g. net_npv + 40 {} * promoters_gained",
                           program_->framework.currency);
    } else if (obj) {
      out.objective = std::move(obj);
    }
  }
  auto rules = [&](const std::vector<ast::Rule>& in, std::vector<ir::Rule>& into) {
    for (const auto& r : in) {
      if (!r.condition) continue;
      Scope scope;
      scope.context = Context::rule;
      Reads reads;
      scope.reads = &reads;
      auto cond = check_condition(*r.condition, scope);
      if (!cond) continue;
      into.push_back(ir::Rule{std::move(cond), r.reason ? r.reason->value : "", r.span});
    }
  };
  rules(a.rejects, out.rejects);
  rules(a.requires_, out.requires_);
  for (const auto& s : a.shares) {
    ir::BudgetShare share;
    share.at_least = s.at_least;
    share.span = s.span;
    std::optional<Decimal> v;
    if (!s.share) continue;
    auto x = check_constant(*s.share, v);
    if (!x) continue;
    if (!x->unit.is_ratio() || *v < Decimal(0) || *v > Decimal(1)) {
      auto& d = error("E063", x->span, fmt::format("{} is not a share of the budget between 0% and 100%", quote(x->span)));
      d.help = "write e.g. `at least 30% of budget to stage strategic`";
      continue;
    }
    share.share = *v;
    int dim = check_word(s.dimension, {"stage", "activity", "perspective"}, "budget dimension (stage, activity or perspective)");
    if (dim < 0) continue;
    share.dimension = static_cast<ir::ShareDimension>(dim);
    int w = -1;
    if (dim == 0) w = check_word(s.value, {"cost_takeout", "continuous_improvement", "strategic"}, "program stage");
    if (dim == 1) w = check_word(s.value, {"know_customers", "develop_strategy", "bring_to_life", "monitor_success"}, "CX activity");
    if (dim == 2) w = check_word(s.value, {"financial", "customer", "process", "learning"}, "perspective");
    if (w < 0) continue;
    share.value = s.value.text;
    out.shares.push_back(std::move(share));
  }
  for (const auto& n : a.must_fund) {
    Index i = resolve(n, SymbolKind::initiative);
    if (i != kNone) out.must_fund.push_back(i);
  }
  program_->funding = std::move(out);
}

void Checker::check_expects() {
  for (std::size_t i = 0; i < expect_ast_.size(); ++i) {
    const ast::Expect& a = *expect_ast_[i];
    ir::Expect& out = program_->expects[i];
    out.title = a.title.value;
    out.span = a.span;
    for (const auto& c : a.conditions) {
      if (!c) continue;
      Scope scope;
      scope.context = Context::expect;
      Reads reads;
      scope.reads = &reads;
      if (auto cond = check_condition(*c, scope)) out.conditions.push_back(std::move(cond));
    }
  }
}

}  // namespace cxv::check
