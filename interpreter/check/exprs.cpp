// Expressions: names, members, operators, and the unit rules of + - * / and
// comparisons. Calls (builtins, aggregates, functions) are in calls.cpp.
//
// A check that fails returns null after reporting; callers propagate null
// without reporting again, so one mistake gives one diagnostic.
#include <fmt/core.h>

#include "check/checker_state.hpp"
#include "check/suggest.hpp"

namespace cxv::check {

namespace {

ir::ExprPtr make(ir::ExprKind kind, Span span, ir::Type type, Unit unit = {}) {
  auto e = std::make_unique<ir::Expr>();
  e->kind = kind;
  e->span = span;
  e->type = type;
  e->unit = unit;
  return e;
}

const char* type_name(ir::Type t) {
  switch (t) {
    case ir::Type::number: return "a number";
    case ir::Type::boolean: return "a condition (true/false)";
    case ir::Type::text: return "text";
    case ir::Type::date: return "a date";
    case ir::Type::status: return "a status (green/amber/red)";
    case ir::Type::grade: return "an evidence grade";
  }
  return "a value";
}

bool is_plain_literal(const ir::Expr& e) {
  return e.kind == ir::ExprKind::number && e.unit.is_plain() && e.mark == ir::Mark::none;
}

bool valid_date(int y, int m, int d) {
  if (y < 1 || m < 1 || m > 12 || d < 0) return false;
  if (d == 0) return true;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int max = m == 2 && leap ? 29 : days[m - 1];
  return d <= max;
}

std::optional<ir::Grade> grade_word(const std::string& w) {
  if (w == "assumed") return ir::Grade::assumed;
  if (w == "benchmark") return ir::Grade::benchmark;
  if (w == "correlational") return ir::Grade::correlational;
  if (w == "experiment") return ir::Grade::experiment;
  return std::nullopt;
}

std::optional<ir::Status> status_word(const std::string& w) {
  if (w == "green") return ir::Status::green;
  if (w == "amber") return ir::Status::amber;
  if (w == "red") return ir::Status::red;
  return std::nullopt;
}

bool portfolio_context(Context c) { return c == Context::rule || c == Context::objective || c == Context::expect; }

// Portfolio metrics readable as `portfolio.<field>` (and bare in the objective and rules).
std::optional<Unit> portfolio_field_unit(const std::string& f) {
  if (f == "net_npv" || f == "value_npv" || f == "cost_pv" || f == "cost" || f == "joint_net_npv" || f == "budget")
    return Unit::money();
  if (f == "roi") return Unit::plain();
  return std::nullopt;
}

}  // namespace

std::string Checker::quote(Span span) const {
  std::string text(sources_.file(span.file).slice(span));
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

ir::ExprPtr Checker::check_expr(const ast::Expr& e, Scope& scope) {
  switch (e.kind) {
    case ast::ExprKind::number: return check_number(e);
    case ast::ExprKind::string: {
      auto out = make(ir::ExprKind::text, e.span, ir::Type::text);
      out->text = e.text;
      return out;
    }
    case ast::ExprKind::date: {
      // The parser has already reported an impossible date (E006).
      if (!valid_date(e.date.year, e.date.month, e.date.day)) return nullptr;
      auto out = make(ir::ExprKind::date, e.span, ir::Type::date);
      out->date = ir::Date{e.date.year, e.date.month, e.date.day};
      return out;
    }
    case ast::ExprKind::name: break;
    case ast::ExprKind::member: break;
    case ast::ExprKind::call: return check_call(e, scope);
    case ast::ExprKind::where: {
      auto& d = error("E056", e.span, "`where` filters a table's rows, so it belongs inside an aggregate");
      d.help = "write it inside count, share, sum, mean...: share(customers where churned)";
      return nullptr;
    }
    case ast::ExprKind::range: {
      auto& d = error("E062", e.span, "a range `low to high` is only an initiative's effect size");
      d.help = "write one number here";
      return nullptr;
    }
    case ast::ExprKind::error: return nullptr;  // the parser has reported it
    case ast::ExprKind::unary: {
      if (e.operands.empty() || !e.operands[0]) return nullptr;
      auto operand = check_expr(*e.operands[0], scope);
      if (!operand) return nullptr;
      if (e.op == ast::Op::not_) {
        if (operand->type != ir::Type::boolean) {
          error("E055", operand->span, fmt::format("`not` needs a condition, but {} is {}", quote(operand->span), type_name(operand->type)));
          return nullptr;
        }
        auto out = make(ir::ExprKind::unary, e.span, ir::Type::boolean);
        out->op = ir::Op::not_;
        out->operands.push_back(std::move(operand));
        return out;
      }
      if (operand->type != ir::Type::number) {
        error("E055", operand->span, fmt::format("a sign needs a number, but {} is {}", quote(operand->span), type_name(operand->type)));
        return nullptr;
      }
      if (e.op == ast::Op::plus) {
        operand->span = e.span;
        return operand;
      }
      // A negated literal stays a literal, so `-8%` is still recognisably a
      // relative effect and folds without evaluation.
      if (operand->kind == ir::ExprKind::number) {
        operand->number = -operand->number;
        operand->span = e.span;
        return operand;
      }
      auto out = make(ir::ExprKind::unary, e.span, ir::Type::number, operand->unit);
      out->op = ir::Op::neg;
      out->operands.push_back(std::move(operand));
      return out;
    }
    case ast::ExprKind::binary: {
      if (e.operands.size() != 2 || !e.operands[0] || !e.operands[1]) return nullptr;
      auto a = check_expr(*e.operands[0], scope);
      auto b = check_expr(*e.operands[1], scope);
      if (!a || !b) return nullptr;
      ir::Op op = ir::Op::none;
      switch (e.op) {
        case ast::Op::or_: op = ir::Op::or_; break;
        case ast::Op::and_: op = ir::Op::and_; break;
        case ast::Op::eq: op = ir::Op::eq; break;
        case ast::Op::ne: op = ir::Op::ne; break;
        case ast::Op::lt: op = ir::Op::lt; break;
        case ast::Op::le: op = ir::Op::le; break;
        case ast::Op::gt: op = ir::Op::gt; break;
        case ast::Op::ge: op = ir::Op::ge; break;
        case ast::Op::add: op = ir::Op::add; break;
        case ast::Op::sub: op = ir::Op::sub; break;
        case ast::Op::mul: op = ir::Op::mul; break;
        case ast::Op::div: op = ir::Op::div; break;
        case ast::Op::pow: op = ir::Op::pow; break;
        default: return nullptr;
      }
      auto out = make(ir::ExprKind::binary, e.span, ir::Type::number);
      out->op = op;
      if (op == ir::Op::and_ || op == ir::Op::or_) {
        for (auto* side : {a.get(), b.get()}) {
          if (side->type != ir::Type::boolean) {
            auto& d = error("E055", side->span,
                            fmt::format("`{}` joins conditions, but {} is {}", op == ir::Op::and_ ? "and" : "or",
                                        quote(side->span), type_name(side->type)));
            d.help = "compare it to something: e.g. x > 0";
            return nullptr;
          }
        }
        out->type = ir::Type::boolean;
      } else if (op == ir::Op::eq || op == ir::Op::ne || op == ir::Op::lt || op == ir::Op::le || op == ir::Op::gt ||
                 op == ir::Op::ge) {
        const bool ordering = op != ir::Op::eq && op != ir::Op::ne;
        if (a->type != b->type) {
          error("E055", e.span,
                fmt::format("cannot compare {} ({}) with {} ({})", quote(a->span), type_name(a->type), quote(b->span),
                            type_name(b->type)));
          return nullptr;
        }
        if (ordering && (a->type == ir::Type::text || a->type == ir::Type::boolean || a->type == ir::Type::status)) {
          error("E055", e.span, fmt::format("{} has no order: compare it with == or !=", type_name(a->type)));
          return nullptr;
        }
        if (a->type == ir::Type::number && !units_agree(*a, *b, e.span, true)) return nullptr;
        out->type = ir::Type::boolean;
      } else {
        for (auto* side : {a.get(), b.get()}) {
          if (side->type != ir::Type::number) {
            error("E055", side->span, fmt::format("arithmetic needs numbers, but {} is {}", quote(side->span), type_name(side->type)));
            return nullptr;
          }
        }
        if (op == ir::Op::add || op == ir::Op::sub) {
          if (!units_agree(*a, *b, e.span, false)) return nullptr;
          out->unit = a->unit;
        } else if (op == ir::Op::mul) {
          out->unit = a->unit * b->unit;
        } else if (op == ir::Op::div) {
          out->unit = a->unit / b->unit;
        } else {  // pow
          if (!b->unit.is_plain()) {
            auto& d = error("E064", b->span, fmt::format("an exponent must be a plain number, but {} is {}", quote(b->span), unit_text(b->unit)));
            d.help = "divide it by its own unit first";
            return nullptr;
          }
          if (a->unit.dimensionless()) {
            out->unit = a->unit;
          } else if (auto n = fold_constant(*b); n && n->is_integer() && n->abs() <= Decimal(4)) {
            const int k = static_cast<int>(n->to_double());
            Unit u;
            for (std::size_t i = 0; i < kDimCount; ++i) u.exp[i] = static_cast<std::int8_t>(a->unit.exp[i] * k);
            u.ratio = a->unit.ratio;
            out->unit = u;
          } else {
            auto& d = error("E064", a->span,
                            fmt::format("{} has a unit ({}), so it can only be raised to a whole number written out",
                                        quote(a->span), unit_text(a->unit)));
            d.help = "divide it by a quantity of the same unit first, e.g. (x / half) ^ n";
            return nullptr;
          }
        }
      }
      out->operands.push_back(std::move(a));
      out->operands.push_back(std::move(b));
      return out;
    }
  }

  if (e.kind == ast::ExprKind::member) {
    if (e.operands.empty() || !e.operands[0]) return nullptr;
    const ast::Expr& object = *e.operands[0];
    if (object.kind != ast::ExprKind::name) {
      error("E031", e.span, fmt::format("cannot read '.{}' here", e.text));
      return nullptr;
    }
    const std::string& field = e.text;
    if (object.text == "portfolio" && !lookup("portfolio")) {
      auto unit = portfolio_field_unit(field);
      if (!unit) {
        auto& d = error("E031", e.text_span, fmt::format("the portfolio has no figure '{}'", field));
        if (auto s = suggest(field, {"net_npv", "value_npv", "cost_pv", "cost", "joint_net_npv", "budget", "roi"}))
          d.help = fmt::format("did you mean '{}'?", *s);
        return nullptr;
      }
      if (!portfolio_context(scope.context)) {
        auto& d = error("E062", e.span, "the portfolio's figures only exist once it is chosen");
        d.help = "read portfolio.* in the funding objective, funding rules or expect blocks";
        return nullptr;
      }
      auto out = make(ir::ExprKind::portfolio_field, e.span, ir::Type::number, *unit);
      out->text = field;
      return out;
    }
    auto sym = lookup(object.text);
    if (!sym) {
      auto& d = error("E031", object.span, fmt::format("unknown name '{}'", object.text));
      if (auto s = suggest(object.text, names_of({SymbolKind::table, SymbolKind::experiment}))) d.help = fmt::format("did you mean '{}'?", *s);
      return nullptr;
    }
    if (sym->kind == SymbolKind::table) {
      const ast::Table& t = *table_ast_[sym->index];
      Index col = kNone;
      for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].name.text == field) col = static_cast<Index>(i);
      if (col == kNone) {
        std::vector<std::string> cols;
        for (const auto& c : t.columns) cols.push_back(c.name.text);
        auto& d = error("E031", e.text_span, fmt::format("table '{}' has no column '{}'", object.text, field));
        if (auto s = suggest(field, cols)) d.help = fmt::format("did you mean '{}'?", *s);
        d.notes.push_back(Note{t.name.span, fmt::format("'{}' is declared here", object.text)});
        return nullptr;
      }
      if (scope.table == kNone) {
        auto& d = error("E066", e.span, fmt::format("{} has one value per row of '{}'", quote(e.span), object.text));
        d.help = fmt::format("aggregate it: mean({}), sum({}), ...", quote(e.span), quote(e.span));
        return nullptr;
      }
      if (scope.table != sym->index) {
        error("E056", e.span,
              fmt::format("this aggregate reads the rows of '{}', not of '{}'", program_->tables[scope.table].name, object.text));
        return nullptr;
      }
      const ir::Column& c = program_->tables[sym->index].columns[col];
      ir::Type type = c.kind == ir::ColumnKind::text      ? ir::Type::text
                      : c.kind == ir::ColumnKind::boolean ? ir::Type::boolean
                      : c.kind == ir::ColumnKind::date    ? ir::Type::date
                                                          : ir::Type::number;
      auto out = make(ir::ExprKind::column_ref, e.span, type, c.unit);
      out->table = sym->index;
      out->ref = col;
      out->display = c.display;
      if (scope.reads) scope.reads->columns.push_back(ir::ColumnRef{sym->index, col});
      return out;
    }
    if (sym->kind == SymbolKind::experiment) {
      ir::ExperimentField f;
      if (field == "effect") f = ir::ExperimentField::effect;
      else if (field == "low") f = ir::ExperimentField::low;
      else if (field == "high") f = ir::ExperimentField::high;
      else if (field == "n") f = ir::ExperimentField::n;
      else {
        auto& d = error("E031", e.text_span, fmt::format("an experiment has no '{}'", field));
        d.help = fmt::format("use {0}.effect, {0}.low or {0}.high", object.text);
        return nullptr;
      }
      Unit u;
      if (f != ir::ExperimentField::n) {
        if (!scope.experiment_unit) {
          auto& d = error("E062", e.span, fmt::format("{} is an effect size, read only in an initiative's effect", quote(e.span)));
          d.help = fmt::format("write `effect <kpi or table.column> {}` in an initiative", quote(e.span));
          return nullptr;
        }
        u = *scope.experiment_unit;
      }
      auto out = make(ir::ExprKind::experiment_field, e.span, ir::Type::number, u);
      out->ref = sym->index;
      out->field = f;
      if (scope.reads) scope.reads->experiments.push_back(sym->index);
      return out;
    }
    auto& d = error("E033", object.span,
                    fmt::format("'{}' is {}; only tables, experiments and `portfolio` have '.' fields", object.text, a_kind(sym->kind)));
    d.notes.push_back(Note{sym->span, fmt::format("'{}' is declared here", object.text)});
    return nullptr;
  }

  // ---- a bare name
  const std::string& name = e.text;
  if (scope.params) {
    for (std::size_t i = 0; i < scope.params->size(); ++i) {
      const ParamBinding& p = (*scope.params)[i];
      if (p.name != name) continue;
      auto out = make(ir::ExprKind::param, e.span, p.arg->type, p.arg->unit);
      out->ref = static_cast<Index>(i);
      return out;
    }
  }
  if (name == "true" || name == "false") {
    auto out = make(ir::ExprKind::boolean, e.span, ir::Type::boolean);
    out->boolean = name == "true";
    return out;
  }
  // Inside a `where` and an aggregate's rows, bare names are columns first.
  if (scope.table != kNone) {
    const ir::Table& t = program_->tables[scope.table];
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const ir::Column& c = t.columns[i];
      if (c.name != name) continue;
      ir::Type type = c.kind == ir::ColumnKind::text      ? ir::Type::text
                      : c.kind == ir::ColumnKind::boolean ? ir::Type::boolean
                      : c.kind == ir::ColumnKind::date    ? ir::Type::date
                                                          : ir::Type::number;
      auto out = make(ir::ExprKind::column_ref, e.span, type, c.unit);
      out->table = scope.table;
      out->ref = static_cast<Index>(i);
      out->display = c.display;
      if (scope.reads) scope.reads->columns.push_back(ir::ColumnRef{scope.table, static_cast<Index>(i)});
      return out;
    }
  }
  if (auto st = status_word(name)) {
    auto out = make(ir::ExprKind::status_word, e.span, ir::Type::status);
    out->status = *st;
    return out;
  }
  if (auto g = grade_word(name); g && !lookup(name)) {
    auto out = make(ir::ExprKind::grade_word, e.span, ir::Type::grade);
    out->grade = *g;
    return out;
  }
  // The candidate initiative's figures, in funding rules.
  if (scope.context == Context::rule && !lookup(name)) {
    if (name == "cost") {
      auto out = make(ir::ExprKind::builtin, e.span, ir::Type::number, Unit::money());
      out->builtin = ir::Builtin::cost;
      return out;
    }
    if (name == "evidence") {
      auto out = make(ir::ExprKind::builtin, e.span, ir::Type::grade);
      out->builtin = ir::Builtin::evidence;
      return out;
    }
    if (name == "experience_impact") {
      auto out = make(ir::ExprKind::builtin, e.span, ir::Type::boolean);
      out->builtin = ir::Builtin::experience_impact;
      return out;
    }
  }
  if (portfolio_context(scope.context) && !lookup(name) && name != "cost") {
    if (auto unit = portfolio_field_unit(name)) {
      auto out = make(ir::ExprKind::portfolio_field, e.span, ir::Type::number, *unit);
      out->text = name;
      return out;
    }
  }
  if (auto sym = lookup(name)) {
    switch (sym->kind) {
      case SymbolKind::kpi: {
        if (scope.context == Context::constant) {
          error("E061", e.span, fmt::format("this number must be written out; it cannot read the KPI '{}'", name));
          return nullptr;
        }
        if (scope.reads) scope.reads->kpis.push_back(sym->index);
        const ir::Kpi* k = ensure_kpi(sym->index);
        if (!k) return nullptr;  // its own error, or a cycle reported by cycles.cpp
        auto out = make(ir::ExprKind::kpi_ref, e.span, ir::Type::number, k->unit);
        out->ref = sym->index;
        return out;
      }
      case SymbolKind::value: {
        if (scope.context == Context::constant || scope.context == Context::measure || scope.context == Context::driver) {
          auto& d = error("E062", e.span, fmt::format("the value '{}' cannot be read here", name));
          d.help = "values are read by other values, the funding objective and expect blocks";
          return nullptr;
        }
        if (scope.reads) scope.reads->values.push_back(sym->index);
        const ir::Value* v = ensure_value(sym->index);
        if (!v) return nullptr;
        auto out = make(ir::ExprKind::value_ref, e.span, ir::Type::number, v->unit);
        out->ref = sym->index;
        return out;
      }
      case SymbolKind::table: {
        auto& d = error("E056", e.span, fmt::format("'{}' is a table, not a number", name));
        d.help = fmt::format("aggregate its rows: count({0}), share({0} where ...), mean({0}.column)", name);
        return nullptr;
      }
      case SymbolKind::experiment: {
        auto& d = error("E033", e.span, fmt::format("'{}' is an experiment, not a number", name));
        d.help = fmt::format("use {0}.effect, {0}.low or {0}.high as an initiative's effect size", name);
        return nullptr;
      }
      case SymbolKind::initiative: {
        auto& d = error("E033", e.span, fmt::format("'{}' is an initiative, not a number", name));
        d.help = fmt::format("ask whether it is chosen with funded({})", name);
        return nullptr;
      }
      case SymbolKind::driver: {
        auto& d = error("E033", e.span, fmt::format("'{}' is a driver, not a number", name));
        d.help = "read the KPI it drives instead";
        return nullptr;
      }
    }
  }
  // Unknown: suggest the closest name of a fitting kind, columns first.
  // (Column names are gathered only here, on the error path: a valid name
  // must not pay for a copy of every column's name.)
  std::vector<std::string> candidates;
  if (scope.table != kNone)
    for (const ir::Column& c : program_->tables[scope.table].columns) candidates.push_back(c.name);
  if (scope.params)
    for (const auto& p : *scope.params) candidates.push_back(p.name);
  for (auto& n : names_of({SymbolKind::kpi, SymbolKind::value})) candidates.push_back(n);
  if (scope.context == Context::rule) candidates.insert(candidates.end(), {"cost", "evidence", "experience_impact"});
  auto& d = scope.table != kNone
                ? error("E031", e.span, fmt::format("unknown name '{}': not a column of '{}' nor a KPI", name, program_->tables[scope.table].name))
                : error("E031", e.span, fmt::format("unknown name '{}'", name));
  if (auto s = suggest(name, candidates)) d.help = fmt::format("did you mean '{}'?", *s);
  return nullptr;
}

ir::ExprPtr Checker::check_condition(const ast::Expr& e, Scope& scope) {
  auto out = check_expr(e, scope);
  if (!out) return nullptr;
  if (out->type != ir::Type::boolean) {
    auto& d = error("E055", out->span, fmt::format("{} is {}, not a condition", quote(out->span), type_name(out->type)));
    d.help = "compare it to something, e.g. `nps >= 9`";
    return nullptr;
  }
  return out;
}

bool Checker::units_agree(ir::Expr& a, ir::Expr& b, Span where, bool comparison) {
  if (a.unit == b.unit) return true;
  // A plain number written out adapts: 0 to any unit (`x > 0`), and in a
  // comparison any number to a score or a count (`nps >= 9`).
  for (auto [lit, other] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    if (!is_plain_literal(*lit)) continue;
    const bool adapts = lit->number.is_zero() ||
                        (comparison && other->unit == Unit::of(Dim::points));
    if (adapts) {
      lit->unit = other->unit;
      return true;
    }
  }
  const char* verb = comparison ? "compare" : "add or subtract";
  for (auto [plain, ratio] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    if (!(plain->unit.is_plain() && ratio->unit.is_ratio())) continue;
    if (is_plain_literal(*plain)) {
      auto& d = error("E037", plain->span,
                      fmt::format("{} is a plain number but {} is a ratio", quote(plain->span), quote(ratio->span)));
      d.help = fmt::format("write {}%", (plain->number * Decimal(100)).to_string());
    } else {
      auto& d = error("E037", where,
                      fmt::format("cannot {} {} (a plain number) and {} (a ratio)", verb, quote(plain->span), quote(ratio->span)));
      d.help = "multiply the plain number by 100% or divide the ratio by 100%";
    }
    return false;
  }
  auto& d = error("E036", where,
                  fmt::format("cannot {} {} ({}) and {} ({})", verb, quote(a.span), unit_text(a.unit), quote(b.span),
                              unit_text(b.unit)));
  d.help = comparison ? "both sides of a comparison need the same unit" : "both sides of + and - need the same unit";
  return false;
}

std::optional<Decimal> Checker::fold_constant(const ir::Expr& e) const {
  try {
    switch (e.kind) {
      case ir::ExprKind::number: return e.number;
      case ir::ExprKind::unary: {
        if (e.op != ir::Op::neg) return std::nullopt;
        auto v = fold_constant(*e.operands[0]);
        if (!v) return std::nullopt;
        return -*v;
      }
      case ir::ExprKind::binary: {
        auto a = fold_constant(*e.operands[0]);
        auto b = fold_constant(*e.operands[1]);
        if (!a || !b) return std::nullopt;
        switch (e.op) {
          case ir::Op::add: return *a + *b;
          case ir::Op::sub: return *a - *b;
          case ir::Op::mul: return *a * *b;
          case ir::Op::div:
            if (b->is_zero()) return std::nullopt;
            return *a / *b;
          default: return std::nullopt;
        }
      }
      default: return std::nullopt;
    }
  } catch (const ArithmeticError&) {
    return std::nullopt;
  }
}

ir::ExprPtr Checker::check_constant(const ast::Expr& e, std::optional<Decimal>& value) {
  Scope scope;
  scope.context = Context::constant;
  auto out = check_expr(e, scope);
  if (!out) return nullptr;
  if (out->type != ir::Type::number) {
    error("E055", out->span, fmt::format("expected a number here, but {} is {}", quote(out->span), type_name(out->type)));
    return nullptr;
  }
  value = fold_constant(*out);
  if (!value) {
    auto& d = error("E061", out->span, fmt::format("{} must be a number written out", quote(out->span)));
    d.help = "write the figure itself, e.g. 450k USD";
    return nullptr;
  }
  return out;
}

}  // namespace cxv::check
