// KPIs, drivers and values. KPIs and values are checked lazily (a measure may
// read a KPI declared further down); a reference to one still being checked
// is a cycle, which cycles.cpp reports once with its whole path.
#include <algorithm>

#include <fmt/core.h>

#include "check/checker_state.hpp"
#include "check/graph.hpp"

namespace cxv::check {

namespace {

template <class T>
std::vector<T> unique_sorted(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::vector<ir::ColumnRef> unique_columns(std::vector<ir::ColumnRef> v) {
  std::sort(v.begin(), v.end(), [](auto a, auto b) { return std::pair(a.table, a.column) < std::pair(b.table, b.column); });
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// How a KPI's values are shown: the unit of the column it aggregates when it
// keeps that unit (a KPI over `minutes` shows minutes), else the unit itself.
DisplayUnit kpi_display(const ir::Expr& measure, const Unit& unit, const std::string& currency) {
  if (measure.kind == ir::ExprKind::builtin && !measure.operands.empty() &&
      measure.operands[0]->kind == ir::ExprKind::column_ref && measure.operands[0]->unit == unit &&
      !measure.operands[0]->display.text.empty())
    return measure.operands[0]->display;
  if (unit.is_ratio()) return DisplayUnit{"%", Decimal::pow10(-2)};
  if (unit.is_plain()) return DisplayUnit{"", Decimal(1)};
  return DisplayUnit{to_string(unit, currency), Decimal(1)};
}

// The declarations of `kind` an expression names, read from the syntax alone
// (without a stack: expressions may be 1000 levels deep).
std::vector<std::uint32_t> named(const ast::Expr* root, const Checker& c, SymbolKind kind) {
  std::vector<std::uint32_t> out;
  std::vector<const ast::Expr*> todo{root};
  while (!todo.empty()) {
    const ast::Expr* e = todo.back();
    todo.pop_back();
    if (!e) continue;
    if (e->kind == ast::ExprKind::name) {
      auto sym = c.lookup(e->text);
      if (sym && sym->kind == kind) out.push_back(sym->index);
    }
    for (const auto& o : e->operands) todo.push_back(o.get());
  }
  return out;
}

}  // namespace

namespace {
struct DepthGuard {
  int& depth;
  explicit DepthGuard(int& d) : depth(d) { ++depth; }
  ~DepthGuard() { --depth; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
};
}  // namespace

bool Checker::definition_too_deep(Span where, const std::string& what) {
  if (definition_depth_ < kMaxDefinitionDepth) return false;
  auto& d = error("E050", where,
                  fmt::format("checking {} means checking more than {} KPIs or values inside one another",
                              what, kMaxDefinitionDepth));
  d.help = "this is part of a cycle (reported separately) or a chain of definitions the checker "
           "could not order; break the cycle";
  return true;
}

const ir::Kpi* Checker::ensure_kpi(Index k) {
  switch (kpi_state_[k]) {
    case State::done: return &program_->kpis[k];
    case State::failed:
    case State::in_progress: return nullptr;
    case State::unchecked: break;
  }
  if (definition_too_deep(kpi_ast_[k]->name.span, "kpi '" + kpi_ast_[k]->name.text + "'")) {
    kpi_state_[k] = State::failed;
    return nullptr;
  }
  DepthGuard depth(definition_depth_);
  kpi_state_[k] = State::in_progress;
  const ast::Kpi& a = *kpi_ast_[k];
  ir::Kpi& out = program_->kpis[k];
  out.title = a.title ? a.title->value : "";
  out.span = a.span;
  if (a.perspective) {
    int w = check_word(*a.perspective, {"financial", "customer", "process", "learning"}, "perspective");
    if (w >= 0) out.perspective = static_cast<ir::Perspective>(w + 1);
  }
  if (a.category) {
    int w = check_word(*a.category, {"acquisition", "spend", "retention", "cost_to_serve"}, "category");
    if (w >= 0) out.category = static_cast<ir::Category>(w + 1);
  }
  for (const auto& s : a.stakeholders) {
    Index i = resolve_stakeholder(s);
    if (i != kNone) out.stakeholders.push_back(i);
  }
  if (a.better) {
    int w = check_word(*a.better, {"higher", "lower"}, "direction (`better higher` or `better lower`)");
    if (w >= 0) out.better = w == 0 ? ir::Better::higher : ir::Better::lower;
    out.better_written = true;
  }
  if (!a.measure) {
    auto& d = error("E053", a.name.span, fmt::format("kpi '{}' has no measure", a.name.text));
    d.help = "say how it is computed, e.g. `measure share(customers where churned)`";
    kpi_state_[k] = State::failed;
    return nullptr;
  }
  Reads reads;
  Scope scope;
  scope.context = Context::measure;
  scope.reads = &reads;
  auto measure = check_expr(*a.measure, scope);
  out.tables_read = unique_sorted(reads.tables);
  out.columns_read = unique_columns(reads.columns);
  out.kpis_read = unique_sorted(reads.kpis);
  if (measure && measure->type != ir::Type::number) {
    error("E055", measure->span, fmt::format("a KPI measures a number, but {} is a condition or a text", quote(measure->span)));
    measure.reset();
  }
  if (!measure) {
    kpi_state_[k] = State::failed;
    return nullptr;
  }
  out.unit = measure->unit;
  out.display = kpi_display(*measure, out.unit, program_->framework.currency);
  out.measure = std::move(measure);
  kpi_state_[k] = State::done;

  // Target and thresholds are levels in the KPI's own unit.
  auto level = [&](const ast::Expr& e, const char* what) -> std::optional<Decimal> {
    std::optional<Decimal> v;
    auto x = check_constant(e, v);
    if (!x) return std::nullopt;
    if (out.unit.is_ratio() && x->mark == ir::Mark::pp) {
      auto& d = error("E038", x->span, fmt::format("{} is a change (pp), but a {} is a level", quote(x->span), what));
      d.help = fmt::format("write {}%", (*v * Decimal(100)).to_string());
      return std::nullopt;
    }
    if (x->unit == out.unit) return v;
    const bool plain_literal = x->kind == ir::ExprKind::number && x->unit.is_plain() && x->mark == ir::Mark::none;
    if (plain_literal && out.unit == Unit::of(Dim::points)) return v;  // `target 35` on a score
    auto& d = error("E038", x->span,
                    fmt::format("the {} {} is {}, but '{}' is measured in {}", what, quote(x->span), unit_text(x->unit),
                                a.name.text, unit_text(out.unit)));
    if (out.unit.is_ratio() && x->unit.is_plain()) d.help = fmt::format("write {}%", (*v * Decimal(100)).to_string());
    else d.help = fmt::format("write it in {}", unit_text(out.unit));
    return std::nullopt;
  };
  if (a.target) out.target = level(*a.target, "target");
  if (a.thresholds) {
    if (a.thresholds->green) out.green = level(*a.thresholds->green, "threshold");
    if (a.thresholds->amber) out.amber = level(*a.thresholds->amber, "threshold");
    if (out.green && out.amber) {
      const bool lower = out.better == ir::Better::lower;
      if (lower ? *out.green > *out.amber : *out.green < *out.amber) {
        auto& d = error("E039", a.thresholds->span,
                        fmt::format("for '{}', better is {}, so green must be {} amber", a.name.text,
                                    lower ? "lower" : "higher", lower ? "at most" : "at least"));
        d.help = "swap the two thresholds, or fix `better`";
      }
    }
  }
  if ((a.target || a.thresholds) && !a.better) {
    auto& d = error("E053", a.name.span, fmt::format("kpi '{}' has a target but does not say which way is better", a.name.text));
    d.help = "add `better higher` or `better lower`";
  }
  return &out;
}

// KPIs are checked in dependency order, so that checking one rarely has to
// check another first: a chain of ten thousand KPIs each reading the next
// then never recurses deeply.
void Checker::check_kpis() {
  std::vector<std::vector<std::uint32_t>> deps(kpi_ast_.size());
  for (Index k = 0; k < kpi_ast_.size(); ++k) deps[k] = named(kpi_ast_[k]->measure.get(), *this, SymbolKind::kpi);
  for (std::uint32_t k : analyze_graph(deps).order) ensure_kpi(k);
}

void Checker::check_drivers() {
  for (Index i = 0; i < driver_ast_.size(); ++i) {
    const ast::Driver& a = *driver_ast_[i];
    ir::Driver& out = program_->drivers[i];
    out.title = a.title ? a.title->value : "";
    out.span = a.span;
    if (a.evidence) out.evidence = check_evidence(*a.evidence);
    for (const auto& rule : a.rules) {
      ir::DriverRule r;
      r.span = rule.span;
      r.kpi = resolve(rule.target, SymbolKind::kpi);
      Reads reads;
      Scope scope;
      scope.context = Context::driver;
      scope.reads = &reads;
      if (rule.formula) r.formula = check_expr(*rule.formula, scope);
      r.kpis_read = unique_sorted(reads.kpis);
      const ir::Kpi* target = r.kpi == kNone ? nullptr : ensure_kpi(r.kpi);
      if (target && r.formula) {
        if (r.formula->type != ir::Type::number) {
          error("E055", r.formula->span, "a driver adds a number to its KPI");
        } else if (!(r.formula->unit == target->unit)) {
          auto& d = error("E041", r.formula->span,
                          fmt::format("'{}' is in {}, but this formula gives {}", rule.target.text, unit_text(target->unit),
                                      unit_text(r.formula->unit)));
          d.help = target->unit.is_ratio()
                       ? fmt::format("a driver adds a change to '{}': make the formula a ratio in pp, e.g. delta(x) * -0.04pp/points",
                                     rule.target.text)
                       : fmt::format("make the formula come out in {}", unit_text(target->unit));
        }
      }
      out.rules.push_back(std::move(r));
    }
  }
}

const ir::Value* Checker::ensure_value(Index v) {
  switch (value_state_[v]) {
    case State::done: return &program_->values[v];
    case State::failed:
    case State::in_progress: return nullptr;
    case State::unchecked: break;
  }
  if (definition_too_deep(value_ast_[v]->name.span, "value '" + value_ast_[v]->name.text + "'")) {
    value_state_[v] = State::failed;
    return nullptr;
  }
  DepthGuard depth(definition_depth_);
  value_state_[v] = State::in_progress;
  const ast::Value& a = *value_ast_[v];
  ir::Value& out = program_->values[v];
  out.title = a.title ? a.title->value : "";
  out.span = a.span;
  for (const auto& s : a.stakeholders) {
    Index i = resolve_stakeholder(s);
    if (i != kNone) out.stakeholders.push_back(i);
  }
  Reads reads;
  Scope scope;
  scope.context = Context::value;
  scope.reads = &reads;
  ir::ExprPtr formula = a.formula ? check_expr(*a.formula, scope) : nullptr;
  out.kpis_read = unique_sorted(reads.kpis);
  out.values_read = unique_sorted(reads.values);
  if (!a.formula) {
    auto& d = error("E053", a.name.span, fmt::format("value '{}' has no formula", a.name.text));
    d.help = "write `value name for stakeholder = <formula>`";
  }
  if (formula && formula->type != ir::Type::number) {
    error("E055", formula->span, "a value is a number, not a condition or a text");
    formula.reset();
  }
  if (!formula) {
    value_state_[v] = State::failed;
    return nullptr;
  }
  out.unit = formula->unit;
  if (out.unit.is_money_per_month()) {
    out.kind = ir::ValueKind::flow;
  } else if (out.unit.is_money()) {
    out.kind = ir::ValueKind::one_time;
  } else if (out.unit.has_money()) {
    auto& d = error("E059", formula->span,
                    fmt::format("'{}' comes out in {}: money must be an amount or an amount per month", a.name.text,
                                unit_text(out.unit)));
    d.help = fmt::format("check the formula's units: {} is booked once, {} per month is booked every month",
                         program_->framework.currency, program_->framework.currency);
    value_state_[v] = State::failed;
    return nullptr;
  } else {
    out.kind = ir::ValueKind::non_money;
  }
  out.formula = std::move(formula);
  value_state_[v] = State::done;
  return &out;
}

void Checker::check_values() {
  std::vector<std::vector<std::uint32_t>> deps(value_ast_.size());
  for (Index v = 0; v < value_ast_.size(); ++v) deps[v] = named(value_ast_[v]->formula.get(), *this, SymbolKind::value);
  for (std::uint32_t v : analyze_graph(deps).order) ensure_value(v);
}

}  // namespace cxv::check
