// Calls: aggregates over a table's rows, timeline builtins (delta,
// cumulative), math, portfolio-context builtins, and user/stdlib functions.
//
// Functions are kept as typed call nodes (ExprKind::call), not inlined: the
// node holds the checked arguments and the body checked for *these* argument
// units (a function is checked at each call, like a template), in which
// `param` nodes read the arguments. The evaluator evaluates the arguments
// once and the body against them; `explain` can show "saturate(x, limit)".
#include <algorithm>

#include <fmt/core.h>

#include "check/checker_state.hpp"
#include "check/suggest.hpp"

namespace cxv::check {

namespace {

using ir::Builtin;

struct BuiltinName {
  const char* name;
  Builtin builtin;
};

constexpr BuiltinName kBuiltins[] = {
    {"count", Builtin::count},   {"sum", Builtin::sum},       {"mean", Builtin::mean},
    {"median", Builtin::median}, {"min", Builtin::min},       {"max", Builtin::max},
    {"percentile", Builtin::percentile}, {"share", Builtin::share},
    {"delta", Builtin::delta},   {"cumulative", Builtin::cumulative},
    {"exp", Builtin::exp},       {"ln", Builtin::ln},         {"sqrt", Builtin::sqrt},
    {"abs", Builtin::abs},       {"funded", Builtin::funded}, {"status", Builtin::status},
    {"effect", Builtin::effect}, {"baseline", Builtin::baseline},
};

bool is_aggregate(Builtin b) {
  switch (b) {
    case Builtin::count: case Builtin::sum: case Builtin::mean: case Builtin::median:
    case Builtin::min: case Builtin::max: case Builtin::percentile: case Builtin::share:
      return true;
    default:
      return false;
  }
}

ir::ExprPtr make(ir::ExprKind kind, Span span, ir::Type type, Unit unit = {}) {
  auto e = std::make_unique<ir::Expr>();
  e->kind = kind;
  e->span = span;
  e->type = type;
  e->unit = unit;
  return e;
}

// The one table an aggregate's row expression reads, found through its
// `table.column` members; kNone and `several` set when it reads more than one.
void tables_in(const ast::Expr& e, const Checker& c, std::vector<std::string>& found) {
  if (e.kind == ast::ExprKind::member && !e.operands.empty() && e.operands[0] &&
      e.operands[0]->kind == ast::ExprKind::name) {
    auto sym = c.lookup(e.operands[0]->text);
    if (sym && sym->kind == SymbolKind::table) {
      if (std::find(found.begin(), found.end(), e.operands[0]->text) == found.end()) found.push_back(e.operands[0]->text);
    }
  }
  for (const auto& o : e.operands)
    if (o) tables_in(*o, c, found);
}

}  // namespace

ir::ExprPtr Checker::check_call(const ast::Expr& e, Scope& scope) {
  const std::string& name = e.text;
  std::optional<Builtin> builtin;
  for (const auto& b : kBuiltins)
    if (name == b.name) builtin = b.builtin;
  if (!builtin) {
    auto fn = functions_.find(name);
    if (fn != functions_.end()) return check_function_call(e, fn->second, scope);
    std::vector<std::string> names;
    for (const auto& [n, i] : functions_) names.push_back(n);
    for (const auto& b : kBuiltins) names.emplace_back(b.name);
    auto& d = error("E031", e.text_span.size() ? e.text_span : e.span, fmt::format("unknown function '{}'", name));
    if (auto s = suggest(name, names)) d.help = fmt::format("did you mean '{}'?", *s);
    return nullptr;
  }
  // Error recovery may leave holes; the parser has reported them.
  for (const auto& o : e.operands)
    if (!o || o->kind == ast::ExprKind::error) return nullptr;
  for (const auto& label : e.arg_labels) {
    if (!label.text.empty()) {
      error("E057", label.span, fmt::format("{}() takes no named arguments", name));
      return nullptr;
    }
  }
  const std::size_t argc = e.operands.size();
  if ((*builtin == Builtin::min || *builtin == Builtin::max) && argc == 2) {
    // min(a, b) of two numbers, not an aggregate.
    auto a = check_expr(*e.operands[0], scope);
    auto b = check_expr(*e.operands[1], scope);
    if (!a || !b) return nullptr;
    if (a->type != ir::Type::number || b->type != ir::Type::number) {
      error("E055", e.span, fmt::format("{}() of two values needs two numbers", name));
      return nullptr;
    }
    if (!units_agree(*a, *b, e.span, true)) return nullptr;
    auto out = make(ir::ExprKind::builtin, e.span, ir::Type::number, a->unit);
    out->builtin = *builtin == Builtin::min ? Builtin::min2 : Builtin::max2;
    out->operands.push_back(std::move(a));
    out->operands.push_back(std::move(b));
    return out;
  }
  if (is_aggregate(*builtin)) return check_aggregate(e, *builtin, scope);

  const std::size_t wanted = 1;
  if (argc != wanted) {
    error("E057", e.span, fmt::format("{}() takes one argument, not {}", name, argc));
    return nullptr;
  }
  const ast::Expr& arg = *e.operands[0];
  auto context_error = [&](const char* where) {
    auto& d = error("E062", e.span, fmt::format("{}() has no meaning here", name));
    d.help = fmt::format("{}() belongs in {}", name, where);
    return nullptr;
  };
  const Context c = scope.context;
  // Builtins whose argument names a KPI or an initiative.
  if (*builtin == Builtin::delta || *builtin == Builtin::status || *builtin == Builtin::effect ||
      *builtin == Builtin::baseline || *builtin == Builtin::funded) {
    if (*builtin == Builtin::delta && (c == Context::constant || c == Context::measure || c == Context::effect))
      return context_error("drivers, values, the funding objective and expect blocks (it is a change from the baseline)");
    if ((*builtin == Builtin::status || *builtin == Builtin::funded) &&
        !(c == Context::rule || c == Context::objective || c == Context::expect))
      return context_error("funding rules and expect blocks");
    if (*builtin == Builtin::effect && c != Context::rule)
      return context_error("funding rules (`reject when effect(nps) < 0 points`)");
    if (*builtin == Builtin::baseline && (c == Context::constant || c == Context::measure))
      return context_error("drivers, values, funding and expect blocks");
    if (arg.kind != ast::ExprKind::name) {
      error("E033", arg.span, fmt::format("{}() takes the name of {}", name, *builtin == Builtin::funded ? "an initiative" : "a KPI"));
      return nullptr;
    }
    const ast::Name n{arg.text, arg.span};
    auto target = make(ir::ExprKind::kpi_ref, arg.span, ir::Type::number);
    ir::ExprPtr out;
    if (*builtin == Builtin::funded) {
      Index i = resolve(n, SymbolKind::initiative);
      if (i == kNone) return nullptr;
      target->kind = ir::ExprKind::initiative_ref;
      target->type = ir::Type::boolean;
      target->ref = i;
      out = make(ir::ExprKind::builtin, e.span, ir::Type::boolean);
    } else {
      Index k = resolve(n, SymbolKind::kpi);
      if (k == kNone) return nullptr;
      if (scope.reads) scope.reads->kpis.push_back(k);
      const ir::Kpi* kpi = ensure_kpi(k);
      if (!kpi) return nullptr;
      target->ref = k;
      target->unit = kpi->unit;
      out = *builtin == Builtin::status ? make(ir::ExprKind::builtin, e.span, ir::Type::status)
                                        : make(ir::ExprKind::builtin, e.span, ir::Type::number, kpi->unit);
    }
    out->builtin = *builtin;
    out->operands.push_back(std::move(target));
    return out;
  }

  auto x = check_expr(arg, scope);
  if (!x) return nullptr;
  if (x->type != ir::Type::number) {
    error("E055", x->span, fmt::format("{}() needs a number", name));
    return nullptr;
  }
  auto out = make(ir::ExprKind::builtin, e.span, ir::Type::number, x->unit);
  out->builtin = *builtin;
  switch (*builtin) {
    case Builtin::cumulative:
      if (!(c == Context::value || c == Context::driver || c == Context::objective || c == Context::expect))
        return context_error("values and drivers (a running sum over the timeline)");
      break;
    case Builtin::exp:
    case Builtin::ln:
      if (!x->unit.is_plain()) {
        auto& d = error("E064", x->span,
                        fmt::format("{}() needs a plain number, but {} is {}", name, quote(x->span), unit_text(x->unit)));
        d.help = "divide it by a quantity of the same unit first, e.g. exp(-x / limit)";
        return nullptr;
      }
      break;
    case Builtin::sqrt:
      if (!x->unit.dimensionless()) {
        error("E064", x->span, fmt::format("sqrt() needs a number without a unit, but {} is {}", quote(x->span), unit_text(x->unit)));
        return nullptr;
      }
      break;
    default:
      break;
  }
  out->operands.push_back(std::move(x));
  return out;
}

ir::ExprPtr Checker::check_aggregate(const ast::Expr& e, ir::Builtin b, Scope& scope) {
  const std::string& name = e.text;
  if (scope.context == Context::constant) {
    auto& d = error("E061", e.span, fmt::format("this number must be written out; it cannot aggregate data with {}()", name));
    d.help = "write the figure itself";
    return nullptr;
  }
  if (scope.table != kNone) {
    error("E056", e.span, fmt::format("{}() inside another aggregate's rows", name));
    return nullptr;
  }
  const std::size_t want = b == Builtin::percentile ? 2 : 1;
  if (e.operands.size() != want || !e.operands[0]) {
    auto& d = error("E057", e.span, fmt::format("{}() takes {} argument{}, not {}", name, want, want == 1 ? "" : "s", e.operands.size()));
    d.help = b == Builtin::percentile ? "percentile(customers.monthly_revenue, 90%)" : fmt::format("{}(customers.column) or {}(customers where ...)", name, name);
    return nullptr;
  }
  const ast::Expr* source = e.operands[0].get();
  const ast::Expr* predicate = nullptr;
  if (source->kind == ast::ExprKind::where && source->operands.size() == 2 && source->operands[0] && source->operands[1]) {
    predicate = source->operands[1].get();
    source = source->operands[0].get();
  }
  // Which table's rows: `T`, `T.column`, or a row expression over `T.` members.
  Index table = kNone;
  bool whole_rows = false;
  if (source->kind == ast::ExprKind::name) {
    auto sym = lookup(source->text);
    if (sym && sym->kind == SymbolKind::table) {
      table = sym->index;
      whole_rows = true;
    }
  }
  if (table == kNone) {
    std::vector<std::string> found;
    tables_in(*source, *this, found);
    if (found.size() == 1) {
      table = lookup(found[0])->index;
    } else if (found.size() > 1) {
      error("E056", source->span, fmt::format("an aggregate reads one table's rows, but this reads '{}' and '{}'", found[0], found[1]));
      return nullptr;
    } else {
      if (source->kind == ast::ExprKind::name && !lookup(source->text)) {
        auto& d = error("E031", source->span, fmt::format("unknown table '{}'", source->text));
        if (auto s = suggest(source->text, names_of({SymbolKind::table}))) d.help = fmt::format("did you mean '{}'?", *s);
        return nullptr;
      }
      auto& d = error("E056", source->span, fmt::format("{}() reads a table's rows, but {} names no table", name, quote(source->span)));
      d.help = fmt::format("write {}(customers ...) or {}(customers.column)", name, name);
      return nullptr;
    }
  }
  Scope rows = scope;
  rows.table = table;
  if (scope.reads) scope.reads->tables.push_back(table);

  auto out = make(ir::ExprKind::builtin, e.span, ir::Type::number);
  out->builtin = b;
  out->table = table;
  const ir::Table& t = program_->tables[table];

  if (b == Builtin::count || b == Builtin::share) {
    if (!whole_rows) {
      auto& d = error("E056", source->span, fmt::format("{}() counts rows of a table, not values", name));
      d.help = fmt::format("write {}({} where ...)", name, t.name);
      return nullptr;
    }
    if (b == Builtin::share && !predicate) {
      auto& d = error("E056", e.span, fmt::format("share({}) is always 100%: say which rows", t.name));
      d.help = fmt::format("write share({} where <condition>)", t.name);
      return nullptr;
    }
    out->unit = b == Builtin::share ? Unit::ratio_unit() : Unit::plain();
  } else {
    if (whole_rows) {
      auto& d = error("E056", source->span, fmt::format("{}() needs a column to aggregate, not the whole table", name));
      d.help = fmt::format("write {}({}.column)", name, t.name);
      return nullptr;
    }
    auto row = check_expr(*source, rows);
    if (!row) return nullptr;
    if (row->type == ir::Type::boolean && (b == Builtin::mean || b == Builtin::sum)) {
      // mean of a yes/no column is the share of yes; sum counts them.
      out->unit = b == Builtin::mean ? Unit::ratio_unit() : Unit::plain();
    } else if (row->type != ir::Type::number) {
      error("E055", row->span, fmt::format("{}() needs numbers, but {} is not a number", name, quote(row->span)));
      return nullptr;
    } else {
      out->unit = row->unit;
    }
    out->operands.push_back(std::move(row));
    if (b == Builtin::percentile) {
      std::optional<Decimal> p;
      auto pct = check_constant(*e.operands[1], p);
      if (!pct) return nullptr;
      if (!pct->unit.is_ratio() || *p < Decimal(0) || *p > Decimal(1)) {
        auto& d = error("E063", pct->span, fmt::format("a percentile is between 0% and 100%, not {}", quote(pct->span)));
        d.help = "write e.g. 90%";
        return nullptr;
      }
      out->operands.push_back(std::move(pct));
    }
  }
  if (predicate) {
    auto cond = check_condition(*predicate, rows);
    if (!cond) return nullptr;
    out->where = std::move(cond);
  }
  return out;
}

ir::ExprPtr Checker::check_function_call(const ast::Expr& e, Index fn, Scope& scope) {
  const ast::Function& f = *function_ast_[fn];
  if (function_called_.size() <= fn) function_called_.resize(function_ast_.size(), false);
  function_called_[fn] = true;
  if (std::find(call_stack_.begin(), call_stack_.end(), fn) != call_stack_.end()) {
    std::string chain;
    auto it = std::find(call_stack_.begin(), call_stack_.end(), fn);
    for (; it != call_stack_.end(); ++it) chain += function_ast_[*it]->name.text + " → ";
    chain += f.name.text;
    auto& d = error("E051", e.span, fmt::format("function '{}' calls itself: {}", f.name.text, chain));
    d.help = "a function must be a closed formula; write the repetition out";
    return nullptr;
  }
  // Each call checks its function's body again, so a chain of functions
  // calling functions is bounded, like the parser bounds nesting.
  constexpr std::size_t kMaxCallDepth = 64;
  if (call_stack_.size() >= kMaxCallDepth) {
    auto& d = error("E051", e.span, fmt::format("functions call each other more than {} deep here", kMaxCallDepth));
    d.help = "flatten the chain of functions";
    return nullptr;
  }
  // Bind the arguments to the parameters: positional first, then by label.
  std::vector<const ast::Expr*> bound(f.params.size(), nullptr);
  std::size_t next = 0;
  bool ok = true;
  for (std::size_t i = 0; i < e.operands.size(); ++i) {
    const ast::Name* label = i < e.arg_labels.size() && !e.arg_labels[i].text.empty() ? &e.arg_labels[i] : nullptr;
    std::size_t slot = f.params.size();
    if (label) {
      for (std::size_t p = 0; p < f.params.size(); ++p)
        if (f.params[p].name.text == label->text) slot = p;
      if (slot == f.params.size()) {
        std::vector<std::string> names;
        for (const auto& p : f.params) names.push_back(p.name.text);
        auto& d = error("E057", label->span, fmt::format("'{}' has no parameter '{}'", f.name.text, label->text));
        if (auto s = suggest(label->text, names)) d.help = fmt::format("did you mean '{}'?", *s);
        ok = false;
        continue;
      }
    } else {
      while (next < bound.size() && bound[next]) ++next;
      slot = next;
      if (slot >= f.params.size()) {
        error("E057", e.operands[i] ? e.operands[i]->span : e.span,
              fmt::format("'{}' takes {} argument{}", f.name.text, f.params.size(), f.params.size() == 1 ? "" : "s"));
        ok = false;
        continue;
      }
    }
    if (bound[slot]) {
      error("E057", e.operands[i] ? e.operands[i]->span : e.span,
            fmt::format("'{}' is given twice in this call of '{}'", f.params[slot].name.text, f.name.text));
      ok = false;
      continue;
    }
    bound[slot] = e.operands[i].get();
  }
  for (std::size_t p = 0; p < bound.size(); ++p) {
    if (!bound[p] && !f.params[p].default_value) {
      auto& d = error("E057", e.span, fmt::format("this call of '{}' does not give '{}'", f.name.text, f.params[p].name.text));
      d.help = fmt::format("add it, e.g. {}(..., {}: ...)", f.name.text, f.params[p].name.text);
      ok = false;
    }
  }
  if (!ok) return nullptr;

  auto out = make(ir::ExprKind::call, e.span, ir::Type::number);
  out->ref = fn;
  std::vector<ParamBinding> params;
  for (std::size_t p = 0; p < bound.size(); ++p) {
    ir::ExprPtr arg;
    if (bound[p]) {
      arg = bound[p]->kind == ast::ExprKind::error ? nullptr : check_expr(*bound[p], scope);
    } else {
      Scope defaults;
      defaults.context = Context::constant;
      arg = check_expr(*f.params[p].default_value, defaults);
    }
    if (!arg) ok = false;
    out->operands.push_back(std::move(arg));
  }
  if (!ok) return nullptr;
  for (std::size_t p = 0; p < bound.size(); ++p) params.push_back(ParamBinding{f.params[p].name.text, out->operands[p].get()});
  if (!f.body) return nullptr;

  Scope body_scope = scope;
  body_scope.params = &params;
  const std::size_t before = diags_.all().size();
  call_stack_.push_back(fn);
  auto body = check_expr(*f.body, body_scope);
  call_stack_.pop_back();
  // A mistake inside the function is reported where it is, with the call that
  // gave it those arguments.
  for (std::size_t i = before; i < diags_.all().size(); ++i)
    diags_.all()[i].notes.push_back(Note{e.span, fmt::format("in this call of '{}'", f.name.text)});
  if (!body) return nullptr;
  out->type = body->type;
  out->unit = body->unit;
  out->display = body->display;
  out->body = std::move(body);
  return out;
}

}  // namespace cxv::check
