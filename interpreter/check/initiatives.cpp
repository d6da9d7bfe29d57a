// Initiatives: costs, start and ramp, effects (the percent-vs-pp rule),
// evidence, links to other initiatives.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/core.h>

#include "check/checker_state.hpp"

namespace cxv::check {

namespace {

std::string month_text(int year, int month) { return fmt::format("{:04}-{:02}", year, month); }

bool is_plain_literal(const ir::Expr& e) {
  return e.kind == ir::ExprKind::number && e.unit.is_plain() && e.mark == ir::Mark::none;
}

bool is_percent_literal(const ir::Expr& e) {
  return e.kind == ir::ExprKind::number && e.mark == ir::Mark::percent && e.unit.is_ratio();
}

Index experiment_of(const ir::Expr* e) {
  return e && e->kind == ir::ExprKind::experiment_field ? e->ref : kNone;
}

}  // namespace

namespace {

// What an effect changes, for the unit rules and the messages.
struct EffectTarget {
  std::string name;     // as written: "churn", "customers.churned"
  Unit unit;            // the unit an absolute change must have
  bool ratio = false;   // absolute changes in pp
};

struct EffectSize {
  ir::ExprPtr value;
  bool relative = false;
};

}  // namespace

// One effect size (one end of a range): a `%` literal is relative, anything
// else is absolute in the target's unit (pp for ratios).
static EffectSize effect_size(Checker& c, const ast::Expr& v, const EffectTarget& t, Reads& reads) {
  Scope scope;
  scope.context = Context::effect;
  scope.experiment_unit = t.unit;
  scope.reads = &reads;
  auto x = c.check_expr(v, scope);
  if (!x) return {};
  if (x->type != ir::Type::number) {
    c.error("E055", x->span, fmt::format("an effect size is a number, but {} is not", c.quote(x->span)));
    return {};
  }
  if (is_percent_literal(*x)) return {std::move(x), true};
  if (x->unit == t.unit) return {std::move(x), false};
  const std::string written = c.quote(x->span);
  if (t.ratio && is_plain_literal(*x)) {
    auto& d = c.error("E040", x->span, fmt::format("'{}' is a ratio: {} is a plain number", t.name, written));
    d.help = fmt::format("write {}pp for an absolute change or {}% for a relative one", x->number.to_string(),
                         (x->number * Decimal(100)).to_string());
    return {};
  }
  if (!t.ratio && x->mark == ir::Mark::pp) {
    auto& d = c.error("E040", x->span,
                      fmt::format("pp is a change of a ratio, but '{}' is in {}", t.name, c.unit_text(t.unit)));
    d.help = fmt::format("write the change in {} for an absolute change, or a % for a relative one", c.unit_text(t.unit));
    return {};
  }
  auto& d = c.error("E040", x->span,
                    fmt::format("an effect on '{}' is in {}, but {} is {}", t.name,
                                t.ratio ? "pp" : c.unit_text(t.unit), written, c.unit_text(x->unit)));
  d.help = t.ratio ? "write an absolute change in pp (-0.25pp) or a relative one in % (-25%)"
                   : fmt::format("write an absolute change in {} or a relative one in %", c.unit_text(t.unit));
  return {};
}

static ir::ExprPtr midpoint(const Checker& c, const ir::Expr& lo, const ir::Expr& hi, Span span) {
  auto a = c.fold_constant(lo);
  auto b = c.fold_constant(hi);
  auto out = std::make_unique<ir::Expr>();
  out->span = span;
  out->type = ir::Type::number;
  out->unit = lo.unit;
  if (a && b) {
    out->kind = ir::ExprKind::number;
    out->number = (*a + *b) / Decimal(2);
    out->mark = lo.mark;
    out->display = lo.display;
    return out;
  }
  // (lo + hi) / 2 over experiment fields: evaluated like any expression.
  auto copy = [](const ir::Expr& e) {
    auto n = std::make_unique<ir::Expr>();
    n->kind = e.kind;
    n->span = e.span;
    n->type = e.type;
    n->unit = e.unit;
    n->number = e.number;
    n->mark = e.mark;
    n->ref = e.ref;
    n->field = e.field;
    return n;
  };
  auto sum = std::make_unique<ir::Expr>();
  sum->kind = ir::ExprKind::binary;
  sum->op = ir::Op::add;
  sum->span = span;
  sum->unit = lo.unit;
  sum->operands.push_back(copy(lo));
  sum->operands.push_back(copy(hi));
  auto two = std::make_unique<ir::Expr>();
  two->span = span;
  two->number = Decimal(2);
  out->kind = ir::ExprKind::binary;
  out->op = ir::Op::div;
  out->operands.push_back(std::move(sum));
  out->operands.push_back(std::move(two));
  return out;
}

void Checker::check_initiatives() {
  const ir::Framework& fw = program_->framework;
  for (std::size_t i = 0; i < initiative_ast_.size(); ++i) {
    const ast::Initiative& a = *initiative_ast_[i];
    ir::Initiative& out = program_->initiatives[i];
    out.title = a.title ? a.title->value : "";
    out.owner = a.owner ? a.owner->value : "";
    out.span = a.span;

    // ---- cost
    for (const auto& term : a.cost) {
      if (!term.amount) continue;
      std::optional<Decimal> v;
      auto x = check_constant(*term.amount, v);
      if (!x) continue;
      const std::string& cur = fw.currency;
      if (term.once) {
        if (!x->unit.is_money()) {
          auto& d = error("E042", x->span, fmt::format("a `once` cost is an amount of {}, but {} is {}", cur, quote(x->span), unit_text(x->unit)));
          d.help = x->unit.is_money_per_month() ? "drop `once` for a recurring cost, or the period for a one-time one"
                                                : fmt::format("write e.g. 450k {} once", cur);
          continue;
        }
        out.cost.push_back(ir::CostTerm{*v, true, 0, term.span});
        out.cost_once += *v;
        continue;
      }
      if (!x->unit.is_money_per_month()) {
        auto& d = error("E042", x->span, fmt::format("{} is not a one-time or a monthly cost", quote(x->span)));
        d.help = x->unit.is_money() ? fmt::format("say when it is paid: `{} once` or `{} per month`", quote(x->span), quote(x->span))
                                    : fmt::format("write an amount of {} `once`, or {} per month (or per quarter, per year)", cur, cur);
        continue;
      }
      ir::CostTerm t{*v, false, 1, term.span};
      if (term.amount->kind == ast::ExprKind::number) {
        // Keep the amount as written and its period, so `120k USD per year`
        // can be booked exactly; cost_per_month holds it per month.
        UnitResult u = check_unit(term.amount->number.unit);
        t.amount = written_number(term.amount->number);
        const Decimal period = u.den / u.num;
        if (period.is_integer()) t.period_months = static_cast<int>(period.to_double());
        else t.amount = *v;
      }
      out.cost.push_back(t);
      out.cost_per_month += *v;
    }

    // ---- start and ramp
    if (a.start) {
      const ast::Date& d = *a.start;
      if (d.month >= 1 && d.month <= 12 && d.year >= 1) {  // else the parser has reported it (E006)
        out.start = ir::Date{d.year, d.month, d.day};
        const int index = (d.year - fw.start_year) * 12 + (d.month - fw.start_month);
        if (fw.horizon_months > 0 && fw.start_year > 0) {
          if (index < 0) {
            auto& diag = error("E047", d.span,
                               fmt::format("'{}' starts in {}, before the framework's start {}", a.name.text,
                                           month_text(d.year, d.month), month_text(fw.start_year, fw.start_month)));
            diag.help = fmt::format("start it in {} or later", month_text(fw.start_year, fw.start_month));
          } else if (index >= fw.horizon_months) {
            const int last = fw.start_year * 12 + (fw.start_month - 1) + fw.horizon_months - 1;
            auto& diag = error("E047", d.span,
                               fmt::format("'{}' starts in {}, after the horizon ends ({})", a.name.text,
                                           month_text(d.year, d.month), month_text(last / 12, last % 12 + 1)));
            diag.help = "start it earlier, or lengthen the framework's horizon";
          } else {
            out.start_index = index;
          }
        }
      }
    }
    if (a.ramp) {
      std::optional<Decimal> v;
      if (auto r = check_constant(*a.ramp, v)) {
        if (!r->unit.is_calendar_time() || !v->is_integer() || *v < Decimal(0) || *v > Decimal(1200)) {
          auto& d = error("E048", r->span, fmt::format("the ramp {} is not a whole number of months", quote(r->span)));
          d.help = "write it in calendar time: `ramp 6 months` or `ramp 1 year`";
        } else {
          out.ramp_months = static_cast<int>(v->to_double());
        }
      }
    }

    // ---- effects
    for (const auto& fx : a.effects) {
      if (!fx.target || !fx.value) continue;
      ir::Effect e;
      e.span = fx.span;
      EffectTarget target;
      target.name = quote(fx.target->span);
      Index table = kNone;
      if (fx.target->kind == ast::ExprKind::name) {
        e.kind = ir::EffectKind::kpi_absolute;
        e.kpi = resolve(ast::Name{fx.target->text, fx.target->span}, SymbolKind::kpi);
        const ir::Kpi* k = e.kpi == kNone ? nullptr : ensure_kpi(e.kpi);
        if (!k) continue;
        target.unit = k->unit;
        target.ratio = k->unit.is_ratio();
        if (fx.where) {
          auto& d = error("E062", fx.where->span, "`where` selects rows of a table, but this effect changes a KPI");
          d.help = "to change some rows, write `effect table.column <change> where <condition>`";
          continue;
        }
      } else if (fx.target->kind == ast::ExprKind::member && !fx.target->operands.empty() && fx.target->operands[0] &&
                 fx.target->operands[0]->kind == ast::ExprKind::name) {
        e.kind = ir::EffectKind::column;
        const ast::Expr& obj = *fx.target->operands[0];
        table = resolve(ast::Name{obj.text, obj.span}, SymbolKind::table);
        if (table == kNone) continue;
        const ir::Table& t = program_->tables[table];
        Index col = t.find_column(fx.target->text);
        if (col == kNone) {
          error("E031", fx.target->text_span, fmt::format("table '{}' has no column '{}'", t.name, fx.target->text));
          continue;
        }
        const ir::Column& c = t.columns[col];
        if (c.kind == ir::ColumnKind::text || c.kind == ir::ColumnKind::date) {
          auto& d = error("E040", fx.target->span, fmt::format("an effect changes numbers or yes/no values, but '{}' is a {} column", target.name,
                                                               c.kind == ir::ColumnKind::text ? "text" : "date"));
          d.help = "change a numeric or bool column";
          continue;
        }
        e.column = ir::ColumnRef{table, col};
        // A yes/no column becomes a probability: it changes in pp.
        target.unit = c.kind == ir::ColumnKind::boolean ? Unit::ratio_unit() : c.unit;
        target.ratio = target.unit.is_ratio();
      } else {
        auto& d = error("E033", fx.target->span, fmt::format("an effect changes a KPI or a table's column, not {}", quote(fx.target->span)));
        d.help = "write `effect churn -0.1pp` or `effect customers.churned ... where ...`";
        continue;
      }

      Reads reads;
      bool ok = true;
      if (fx.value->kind == ast::ExprKind::range && fx.value->operands.size() == 2 && fx.value->operands[0] &&
          fx.value->operands[1]) {
        EffectSize lo = effect_size(*this, *fx.value->operands[0], target, reads);
        EffectSize hi = effect_size(*this, *fx.value->operands[1], target, reads);
        if (!lo.value || !hi.value) continue;
        if (lo.relative != hi.relative) {
          auto& d = error("E040", fx.value->span, "a range mixes a relative change (%) with an absolute one");
          d.help = target.ratio ? "write both ends in pp, or both in %" : "write both ends in the same way";
          continue;
        }
        e.relative = lo.relative;
        e.value = midpoint(*this, *lo.value, *hi.value, fx.value->span);
        if (e.experiment == kNone) e.experiment = experiment_of(lo.value.get());
        if (e.experiment == kNone) e.experiment = experiment_of(hi.value.get());
        e.low = std::move(lo.value);
        e.high = std::move(hi.value);
      } else {
        EffectSize s = effect_size(*this, *fx.value, target, reads);
        if (!s.value) continue;
        e.relative = s.relative;
        e.experiment = experiment_of(s.value.get());
        e.value = std::move(s.value);
      }
      if (e.relative) {
        auto factor = [](const ir::ExprPtr& x) -> std::optional<Decimal> {
          if (!x) return std::nullopt;
          return Decimal(1) + x->number;
        };
        e.factor = factor(e.value);
        e.low_factor = factor(e.low);
        e.high_factor = factor(e.high);
        if (e.kind == ir::EffectKind::kpi_absolute) e.kind = ir::EffectKind::kpi_relative;
      }
      if (fx.where && table != kNone) {
        Scope rows;
        rows.context = Context::effect;
        rows.table = table;
        rows.reads = &reads;
        e.where = check_condition(*fx.where, rows);
        if (!e.where) ok = false;
      }
      if (ok) out.effects.push_back(std::move(e));
    }

    // ---- evidence, activity, stage
    if (a.evidence) out.evidence = check_evidence(*a.evidence);
    if (a.activity) {
      int w = check_word(*a.activity, {"know_customers", "develop_strategy", "bring_to_life", "monitor_success"}, "CX activity");
      if (w >= 0) out.activity = static_cast<ir::Activity>(w + 1);
    }
    if (a.stage) {
      int w = check_word(*a.stage, {"cost_takeout", "continuous_improvement", "strategic"}, "program stage");
      if (w >= 0) out.stage = static_cast<ir::Stage>(w + 1);
    }

    // ---- requires / excludes
    auto link = [&](const std::vector<ast::Name>& names, std::vector<Index>& into, const char* verb) {
      for (const auto& n : names) {
        if (n.text == a.name.text) {
          auto& d = error("E049", n.span, fmt::format("'{}' {} itself", a.name.text, verb));
          d.help = fmt::format("remove '{}' from its own list", n.text);
          continue;
        }
        Index j = resolve(n, SymbolKind::initiative);
        if (j != kNone && std::find(into.begin(), into.end(), j) == into.end()) into.push_back(j);
      }
    };
    link(a.requires_, out.requires_, "requires");
    link(a.excludes, out.excludes, "excludes");
  }

  // ---- KPIs each initiative moves: its KPI effects, every KPI whose measure
  // reads a column it changes, then every KPI formula over those. Reverse
  // edges are built once, so this stays linear in what each initiative
  // reaches (ten thousand initiatives over ten thousand KPIs stay fast).
  const auto& kpis = program_->kpis;
  std::map<std::pair<Index, Index>, std::vector<Index>> readers_of_column;
  std::vector<std::vector<Index>> readers_of_kpi(kpis.size());
  for (Index k = 0; k < kpis.size(); ++k) {
    for (const auto& c : kpis[k].columns_read) readers_of_column[{c.table, c.column}].push_back(k);
    for (Index r : kpis[k].kpis_read)
      if (r < kpis.size()) readers_of_kpi[r].push_back(k);
  }
  for (auto& ini : program_->initiatives) {
    std::set<Index> moved;
    std::vector<Index> todo;
    auto reach = [&](Index k) {
      if (moved.insert(k).second) todo.push_back(k);
    };
    for (const auto& e : ini.effects) {
      if (e.kind != ir::EffectKind::column) {
        reach(e.kpi);
        continue;
      }
      auto it = readers_of_column.find({e.column.table, e.column.column});
      if (it != readers_of_column.end())
        for (Index k : it->second) reach(k);
    }
    while (!todo.empty()) {
      const Index k = todo.back();
      todo.pop_back();
      for (Index r : readers_of_kpi[k]) reach(r);
    }
    ini.kpis_moved.assign(moved.begin(), moved.end());
  }
}

}  // namespace cxv::check
