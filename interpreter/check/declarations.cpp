// The framework block, stakeholders, tables and experiments.
#include <filesystem>

#include <fmt/core.h>

#include "check/checker_state.hpp"

namespace cxv::check {

namespace {

bool valid_month(const ast::Date& d) { return d.year >= 1 && d.month >= 1 && d.month <= 12; }

std::string percent_text(const Decimal& ratio) { return (ratio * Decimal(100)).to_string() + "%"; }

}  // namespace

std::string Checker::resolve_data_path(const std::string& written, FileId from) const {
  namespace fs = std::filesystem;
  fs::path p(written);
  if (p.is_relative()) {
    const fs::path base = options_.data_dir ? fs::path(*options_.data_dir) : fs::path(sources_.file(from).path()).parent_path();
    p = base / p;
  }
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal().string();
}

void Checker::check_framework() {
  ir::Framework& fw = program_->framework;
  const Span file_start{main_, 0, 0};
  if (!framework_ast_) {
    if (declaration_lost("framework")) return;   // the syntax error in it is reported
    auto& d = error("E053", file_start, "there is no framework block");
    d.help = "start the file with `framework \"Title\" { currency USD  start 2027-01  horizon 36 months  discount 8% per year }`";
    return;
  }
  const ast::Framework& a = *framework_ast_;
  fw.span = a.span;
  if (a.title) fw.title = a.title->value;
  if (!a.currency) {
    auto& d = error("E053", a.keyword, "the framework does not say its currency");
    d.help = "add `currency USD` (the ISO code of the one currency of every amount)";
  } else if (!looks_like_currency(a.currency->text)) {
    auto& d = error("E035", a.currency->span, fmt::format("'{}' is not a currency code", a.currency->text));
    d.help = "write the ISO code in three upper-case letters, e.g. USD or EUR";
  } else {
    fw.currency = a.currency->text;
    currency_ok_ = true;
  }
  if (!a.start) {
    auto& d = error("E053", a.keyword, "the framework does not say when it starts");
    d.help = "add `start 2027-01` (the first month of the timeline)";
  } else if (valid_month(*a.start)) {  // else the parser has reported it (E006)
    fw.start_year = a.start->year;
    fw.start_month = a.start->month;
  }
  if (!a.horizon) {
    auto& d = error("E053", a.keyword, "the framework does not say its horizon");
    d.help = "add `horizon 36 months`";
  } else {
    std::optional<Decimal> v;
    if (auto h = check_constant(*a.horizon, v)) {
      if (!h->unit.is_calendar_time() || !v->is_integer() || *v <= Decimal(0) || *v > Decimal(1200)) {
        auto& d = error("E048", h->span, fmt::format("the horizon {} is not a whole number of months", quote(h->span)));
        d.help = "write it in calendar time: `horizon 36 months` or `horizon 3 years` (at most 100 years)";
      } else {
        fw.horizon_months = static_cast<int>(v->to_double());
      }
    }
  }
  if (a.discount) {
    std::optional<Decimal> v;
    if (auto r = check_constant(*a.discount, v)) {
      Unit per_month = Unit::ratio_unit() / Unit::of(Dim::month);
      if (!(r->unit == per_month) || *v < Decimal(0)) {
        auto& d = error("E060", r->span, fmt::format("the discount rate {} is not a percentage per period", quote(r->span)));
        d.help = "write e.g. `discount 8% per year`";
      } else if (a.discount->kind == ast::ExprKind::number) {
        // Recompute from the number as written so `8% per year` stays
        // exactly 0.08: per year = written * 12 * num / den, and 12 * num /
        // den is whole for month (12), quarter (4) and year (1) periods.
        UnitResult u = check_unit(a.discount->number.unit, Unit::ratio_unit());
        fw.discount_per_year = written_number(a.discount->number) * (Decimal(12) * u.num / u.den);
      } else {
        fw.discount_per_year = *v * Decimal(12);
      }
    }
  }
}

void Checker::check_stakeholders() {
  Decimal total;
  bool all_ok = !stakeholder_ast_.empty();
  for (std::size_t i = 0; i < stakeholder_ast_.size(); ++i) {
    const ast::Stakeholder& a = *stakeholder_ast_[i];
    if (!a.weight) {
      auto& d = error("E053", a.name.span, fmt::format("stakeholder '{}' has no weight", a.name.text));
      d.help = "add `{ weight 25% }`; the weights of all stakeholders add up to 100%";
      all_ok = false;
      continue;
    }
    std::optional<Decimal> v;
    auto w = check_constant(*a.weight, v);
    if (!w) {
      all_ok = false;
      continue;
    }
    if (!w->unit.is_ratio() || w->mark == ir::Mark::pp || *v < Decimal(0)) {
      auto& d = error("E045", w->span, fmt::format("the weight {} is not a percentage", quote(w->span)));
      if (w->unit.is_plain()) d.help = fmt::format("write {}", percent_text(*v));
      else d.help = "write a share of 100%, e.g. `weight 30%`";
      all_ok = false;
      continue;
    }
    program_->stakeholders[i].weight = *v;
    total += *v;
  }
  // A stakeholder abandoned at a syntax error would change the sum.
  if (all_ok && !(total == Decimal(1)) && !declaration_lost("stakeholder")) {
    auto& d = error("E044", stakeholder_ast_.front()->name.span,
                    fmt::format("the stakeholder weights add up to {}, not 100%", percent_text(total)));
    for (std::size_t i = 0; i < stakeholder_ast_.size(); ++i)
      d.notes.push_back(Note{stakeholder_ast_[i]->weight->span,
                             fmt::format("'{}' weighs {}", stakeholder_ast_[i]->name.text,
                                         percent_text(program_->stakeholders[i].weight))});
    d.help = "adjust the weights so that they add up to exactly 100%";
  }
}

void Checker::check_tables() {
  for (std::size_t i = 0; i < table_ast_.size(); ++i) {
    const ast::Table& a = *table_ast_[i];
    ir::Table& t = program_->tables[i];
    t.title = a.title ? a.title->value : "";
    t.written_path = a.path.value;
    t.path = resolve_data_path(a.path.value, a.path.span.file);
    t.span = a.span;
    if (a.provenance) {
      int w = check_word(*a.provenance, {"first_party", "third_party"}, "provenance");
      if (w >= 0) t.provenance = static_cast<ir::Provenance>(w + 1);
    }
    for (const auto& c : a.columns) {
      ir::Column col;
      col.name = c.name.text;
      col.key = c.key;
      col.optional = c.optional;
      col.span = c.span;
      switch (c.type.kind) {
        case ast::ColumnType::text: col.kind = ir::ColumnKind::text; break;
        case ast::ColumnType::boolean: col.kind = ir::ColumnKind::boolean; break;
        case ast::ColumnType::date: col.kind = ir::ColumnKind::date; break;
        case ast::ColumnType::quantity: {
          col.kind = ir::ColumnKind::number;
          UnitResult u = check_unit(c.type.unit);
          col.unit = u.unit;
          col.display = u.display;
          // Cells are read as written, in the unit's base (months, minutes,
          // money per month). A column in years or hours would be compared
          // with `6 months` as if its cells were months: refuse it rather
          // than give a silently wrong number.
          if (u.display.factor != Decimal(1) && !u.display.text.empty()) {
            const std::string base = cxv::to_string(col.unit, program_->framework.currency);
            auto& d = error("E067", c.type.span,
                            fmt::format("column '{}' is declared in {}, but cxv reads number cells only in base units ({})",
                                        col.name, u.display.text, base));
            d.help = fmt::format("declare it as `{}: {}` and write its cells in {}; cxv does not convert cells between units",
                                 col.name, base, base);
          }
          break;
        }
      }
      if (Index prev = t.find_column(col.name); prev != kNone) {
        auto& d = error("E032", c.name.span, fmt::format("table '{}' declares column '{}' twice", a.name.text, col.name));
        d.notes.push_back(Note{t.columns[prev].span, "first declared here"});
        continue;
      }
      if (col.key) {
        if (t.has_key()) {
          auto& d = error("E032", c.name.span, fmt::format("table '{}' has a second key", a.name.text));
          d.notes.push_back(Note{t.columns[t.key].span, "the key is declared here"});
          d.help = "a table has one key column: the id of one customer, one call...";
        } else {
          t.key = static_cast<Index>(t.columns.size());
        }
      }
      t.columns.push_back(std::move(col));
    }
  }
}

void Checker::check_experiments() {
  for (std::size_t i = 0; i < experiment_ast_.size(); ++i) {
    const ast::Experiment& a = *experiment_ast_[i];
    ir::Experiment& x = program_->experiments[i];
    x.title = a.title ? a.title->value : "";
    x.written_path = a.path.value;
    x.path = resolve_data_path(a.path.value, a.path.span.file);
    x.span = a.span;
    if (!a.arm_column || !a.treatment || !a.control) {
      auto& d = error("E053", a.name.span, fmt::format("experiment '{}' does not say its arms", a.name.text));
      d.help = "add `arm <column>: treatment \"<label>\", control \"<label>\"`";
    } else {
      x.arm_column = a.arm_column->text;
      x.treatment = a.treatment->value;
      x.control = a.control->value;
    }
    if (!a.outcome) {
      auto& d = error("E053", a.name.span, fmt::format("experiment '{}' does not say its outcome", a.name.text));
      d.help = "add `outcome <column>`: the column compared between the arms";
    } else {
      x.outcome = a.outcome->text;
    }
    auto share = [&](const ast::Expr& e, const char* what, bool closed) -> std::optional<Decimal> {
      std::optional<Decimal> v;
      auto c = check_constant(e, v);
      if (!c) return std::nullopt;
      const bool in_range = closed ? (*v >= Decimal(0) && *v <= Decimal(1)) : (*v > Decimal(0) && *v < Decimal(1));
      if (!c->unit.is_ratio() || !in_range) {
        auto& d = error("E063", c->span, fmt::format("the {} {} is not a percentage between 0% and 100%", what, quote(c->span)));
        d.help = c->unit.is_plain() ? fmt::format("write {}", percent_text(*v)) : "write e.g. 95%";
        return std::nullopt;
      }
      return v;
    };
    if (a.confidence)
      if (auto v = share(*a.confidence, "confidence", false)) x.confidence = *v;
    if (a.split) x.split = share(*a.split, "split", false);
  }
}

}  // namespace cxv::check
