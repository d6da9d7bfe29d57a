#include "lsp/symbol_index.hpp"

#include <algorithm>
#include <type_traits>

namespace cxv::lsp {

const char* kind_label(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::stakeholder: return "stakeholder";
    case SymbolKind::table: return "table";
    case SymbolKind::column: return "column";
    case SymbolKind::kpi: return "KPI";
    case SymbolKind::driver: return "driver";
    case SymbolKind::value: return "value";
    case SymbolKind::initiative: return "initiative";
    case SymbolKind::experiment: return "experiment";
    case SymbolKind::function: return "function";
    case SymbolKind::param: return "parameter";
    case SymbolKind::framework: return "framework";
    case SymbolKind::funding: return "funding";
    case SymbolKind::expect: return "expect";
    case SymbolKind::import: return "import";
  }
  return "name";
}

bool is_aggregate(const std::string& callee, std::size_t arguments) {
  if (callee == "min" || callee == "max") return arguments == 1;  // min(a, b) compares two numbers
  return callee == "count" || callee == "sum" || callee == "mean" || callee == "median" || callee == "percentile" ||
         callee == "share";
}

// Walks the ASTs: declarations first (all files), then the references of the document.
class IndexBuilder {
 public:
  explicit IndexBuilder(SymbolIndex& index) : index_(index) {}

  void declare(const ast::File& file, std::size_t file_index) {
    for (std::size_t d = 0; d < file.decls.size(); ++d) {
      std::visit([&](const auto& decl) { declare_one(decl, file_index, d); }, file.decls[d]);
    }
  }

  void resolve(const ast::File& file) {
    for (const ast::Decl& decl : file.decls) std::visit([&](const auto& d) { resolve_one(d); }, decl);
  }

 private:
  struct Scope {
    std::size_t table = kNoSymbol;     // a table symbol: bare names are its columns first
    std::size_t function = kNoSymbol;  // a function symbol: bare names are its parameters first
  };

  std::size_t add(SymbolKind kind, std::string name, Span name_span, Span decl_span, std::size_t file, std::size_t decl) {
    Symbol s;
    s.kind = kind;
    s.name = std::move(name);
    s.name_span = name_span;
    s.decl_span = decl_span;
    s.file = file;
    s.decl = decl;
    index_.symbols_.push_back(std::move(s));
    return index_.symbols_.size() - 1;
  }

  static std::string title_or(const std::optional<ast::String>& title, const char* fallback) {
    return title ? title->value : fallback;
  }

  // ---------------------------------------------------------------- declarations

  void declare_one(const ast::Framework& f, std::size_t file, std::size_t d) {
    if (file != 0) return;  // an imported file's framework block is not the document's
    add(SymbolKind::framework, title_or(f.title, "framework"), f.title ? f.title->span : f.keyword, f.span, file, d);
  }
  void declare_one(const ast::Import& i, std::size_t file, std::size_t d) {
    if (file != 0) return;
    add(SymbolKind::import, i.path.value, i.path.span, i.span, file, d);
  }
  void declare_one(const ast::Stakeholder& s, std::size_t file, std::size_t d) {
    add(SymbolKind::stakeholder, s.name.text, s.name.span, s.span, file, d);
  }
  void declare_one(const ast::Table& t, std::size_t file, std::size_t d) {
    std::size_t table = add(SymbolKind::table, t.name.text, t.name.span, t.span, file, d);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      std::size_t col = add(SymbolKind::column, t.columns[c].name.text, t.columns[c].name.span, t.columns[c].span, file, d);
      index_.symbols_[col].parent = table;
      index_.symbols_[col].member = c;
    }
  }
  void declare_one(const ast::Kpi& k, std::size_t file, std::size_t d) { add(SymbolKind::kpi, k.name.text, k.name.span, k.span, file, d); }
  void declare_one(const ast::Driver& k, std::size_t file, std::size_t d) { add(SymbolKind::driver, k.name.text, k.name.span, k.span, file, d); }
  void declare_one(const ast::Value& k, std::size_t file, std::size_t d) { add(SymbolKind::value, k.name.text, k.name.span, k.span, file, d); }
  void declare_one(const ast::Initiative& k, std::size_t file, std::size_t d) {
    add(SymbolKind::initiative, k.name.text, k.name.span, k.span, file, d);
  }
  void declare_one(const ast::Experiment& k, std::size_t file, std::size_t d) {
    add(SymbolKind::experiment, k.name.text, k.name.span, k.span, file, d);
  }
  void declare_one(const ast::Funding& f, std::size_t file, std::size_t d) {
    if (file != 0) return;
    add(SymbolKind::funding, title_or(f.title, "funding"), f.title ? f.title->span : f.span, f.span, file, d);
  }
  void declare_one(const ast::Expect& e, std::size_t file, std::size_t d) {
    if (file != 0) return;
    add(SymbolKind::expect, e.title.value, e.title.span, e.span, file, d);
  }
  void declare_one(const ast::Function& f, std::size_t file, std::size_t d) {
    std::size_t fn = add(SymbolKind::function, f.name.text, f.name.span, f.span, file, d);
    for (std::size_t p = 0; p < f.params.size(); ++p) {
      Span span = f.params[p].name.span;
      if (f.params[p].default_value) span = Span::cover(span, f.params[p].default_value->span);
      std::size_t param = add(SymbolKind::param, f.params[p].name.text, f.params[p].name.span, span, file, d);
      index_.symbols_[param].parent = fn;
      index_.symbols_[param].member = p;
    }
  }

  // ---------------------------------------------------------------- references

  void ref(Span span, std::size_t symbol) {
    if (symbol != kNoSymbol) index_.references_.push_back(Reference{span, symbol});
  }

  void ref(const ast::Name& name, std::initializer_list<SymbolKind> kinds) { ref(name.span, index_.find(name.text, kinds)); }

  std::size_t member_of(std::size_t parent, const std::string& name) const {
    for (std::size_t i = parent + 1; i < index_.symbols_.size() && index_.symbols_[i].parent == parent; ++i)
      if (index_.symbols_[i].name == name) return i;
    return kNoSymbol;
  }

  // The table whose rows an aggregate reads: `T`, or the one table of `T.column` members.
  std::size_t rows_table(const ast::Expr& source) const {
    if (source.kind == ast::ExprKind::name) {
      std::size_t t = index_.find(source.text, {SymbolKind::table});
      if (t != kNoSymbol) return t;
    }
    if (source.kind == ast::ExprKind::member && !source.operands.empty() && source.operands[0] &&
        source.operands[0]->kind == ast::ExprKind::name) {
      std::size_t t = index_.find(source.operands[0]->text, {SymbolKind::table});
      if (t != kNoSymbol) return t;
    }
    for (const auto& op : source.operands)
      if (op) {
        std::size_t t = rows_table(*op);
        if (t != kNoSymbol) return t;
      }
    return kNoSymbol;
  }

  void expr(const ast::ExprPtr& e, Scope scope) {
    if (e) expr(*e, scope);
  }

  void expr(const ast::Expr& e, Scope scope) {
    switch (e.kind) {
      case ast::ExprKind::name: name(e, scope); return;
      case ast::ExprKind::member: member(e, scope); return;
      case ast::ExprKind::call: call(e, scope); return;
      default:
        for (const auto& op : e.operands) expr(op, scope);
        return;
    }
  }

  void name(const ast::Expr& e, Scope scope) {
    if (scope.function != kNoSymbol) {
      std::size_t p = member_of(scope.function, e.text);
      if (p != kNoSymbol) return ref(e.span, p);
    }
    if (scope.table != kNoSymbol) {
      std::size_t c = member_of(scope.table, e.text);
      if (c != kNoSymbol) return ref(e.span, c);
    }
    ref(e.span, index_.find(e.text, kExpressionKinds));
  }

  void member(const ast::Expr& e, Scope scope) {
    if (e.operands.empty() || !e.operands[0]) return;
    const ast::Expr& object = *e.operands[0];
    if (object.kind != ast::ExprKind::name) return expr(object, scope);
    std::size_t owner = index_.find(object.text, {SymbolKind::table, SymbolKind::experiment});
    if (owner == kNoSymbol) return name(object, scope);
    ref(object.span, owner);
    if (index_.symbols_[owner].kind == SymbolKind::table) ref(e.text_span, member_of(owner, e.text));
  }

  void call(const ast::Expr& e, Scope scope) {
    std::size_t fn = index_.find(e.text, {SymbolKind::function});
    if (fn != kNoSymbol) {
      ref(e.text_span, fn);
      for (const ast::Name& label : e.arg_labels)
        if (!label.text.empty()) ref(label.span, member_of(fn, label.text));
    }
    if (fn == kNoSymbol && is_aggregate(e.text, e.operands.size()) && !e.operands.empty() && e.operands[0]) {
      const ast::Expr& first = *e.operands[0];
      const ast::Expr* source = &first;
      const ast::Expr* predicate = nullptr;
      if (first.kind == ast::ExprKind::where && first.operands.size() == 2 && first.operands[0] && first.operands[1]) {
        source = first.operands[0].get();
        predicate = first.operands[1].get();
      }
      Scope rows = scope;
      rows.table = rows_table(*source);
      expr(*source, rows);
      if (predicate) expr(*predicate, rows);
      for (std::size_t i = 1; i < e.operands.size(); ++i) expr(e.operands[i], scope);
      return;
    }
    for (const auto& op : e.operands) expr(op, scope);
  }

  void names(const std::vector<ast::Name>& list, std::initializer_list<SymbolKind> kinds) {
    for (const ast::Name& n : list) ref(n, kinds);
  }

  void evidence(const std::optional<ast::Evidence>& e) {
    if (e && e->source) ref(*e->source, {SymbolKind::experiment});
  }

  void resolve_one(const ast::Framework& f) {
    expr(f.horizon, {});
    expr(f.discount, {});
  }
  void resolve_one(const ast::Import&) {}
  void resolve_one(const ast::Stakeholder& s) {
    expr(s.weight, {});
  }
  void resolve_one(const ast::Table&) {}
  void resolve_one(const ast::Kpi& k) {
    names(k.stakeholders, {SymbolKind::stakeholder});
    expr(k.measure, {});
    expr(k.target, {});
    if (k.thresholds) {
      expr(k.thresholds->green, {});
      expr(k.thresholds->amber, {});
    }
  }
  void resolve_one(const ast::Driver& d) {
    for (const ast::DriverRule& r : d.rules) {
      ref(r.target, {SymbolKind::kpi});
      expr(r.formula, {});
    }
    evidence(d.evidence);
  }
  void resolve_one(const ast::Value& v) {
    names(v.stakeholders, {SymbolKind::stakeholder});
    expr(v.formula, {});
  }
  void resolve_one(const ast::Initiative& i) {
    for (const ast::CostTerm& c : i.cost) expr(c.amount, {});
    expr(i.ramp, {});
    for (const ast::Effect& fx : i.effects) {
      expr(fx.target, {});
      expr(fx.value, {});
      Scope rows;
      if (fx.target) rows.table = rows_table(*fx.target);
      expr(fx.where, rows);
    }
    evidence(i.evidence);
    names(i.requires_, {SymbolKind::initiative});
    names(i.excludes, {SymbolKind::initiative});
  }
  void resolve_one(const ast::Experiment& x) {
    expr(x.confidence, {});
    expr(x.split, {});
  }
  void resolve_one(const ast::Funding& f) {
    expr(f.budget, {});
    expr(f.objective, {});
    for (const ast::Rule& r : f.rejects) expr(r.condition, {});
    for (const ast::Rule& r : f.requires_) expr(r.condition, {});
    for (const ast::BudgetShare& s : f.shares) expr(s.share, {});
    names(f.must_fund, {SymbolKind::initiative});
  }
  void resolve_one(const ast::Expect& e) {
    for (const auto& c : e.conditions) expr(c, {});
  }
  void resolve_one(const ast::Function& f) {
    Scope scope;
    scope.function = index_.find(f.name.text, {SymbolKind::function});
    for (const ast::Param& p : f.params) expr(p.default_value, {});
    expr(f.body, scope);
  }

  SymbolIndex& index_;
};

SymbolIndex SymbolIndex::build(const std::vector<const ast::File*>& files) {
  SymbolIndex index;
  IndexBuilder builder(index);
  for (std::size_t f = 0; f < files.size(); ++f)
    if (files[f]) builder.declare(*files[f], f);
  if (!files.empty() && files[0]) builder.resolve(*files[0]);
  std::sort(index.references_.begin(), index.references_.end(),
            [](const Reference& a, const Reference& b) { return a.span.begin < b.span.begin; });
  return index;
}

std::size_t SymbolIndex::find(const std::string& name, std::initializer_list<SymbolKind> kinds) const {
  // The document's own declarations come first in symbols_, so they win over
  // an imported one of the same name (the checker reports the clash).
  for (std::size_t i = 0; i < symbols_.size(); ++i) {
    const Symbol& s = symbols_[i];
    if (s.parent != kNoSymbol || s.name != name) continue;
    if (std::find(kinds.begin(), kinds.end(), s.kind) != kinds.end()) return i;
  }
  return kNoSymbol;
}

std::optional<std::size_t> SymbolIndex::symbol_at(std::uint32_t offset) const {
  for (const Reference& r : references_)
    if (r.span.begin <= offset && offset <= r.span.end) return r.symbol;
  for (std::size_t i = 0; i < symbols_.size(); ++i) {
    const Symbol& s = symbols_[i];
    if (s.file == 0 && s.name_span.begin <= offset && offset <= s.name_span.end) return i;
  }
  return std::nullopt;
}

std::vector<Span> SymbolIndex::references_to(std::size_t symbol) const {
  std::vector<Span> out;
  for (const Reference& r : references_)
    if (r.symbol == symbol) out.push_back(r.span);
  return out;
}

std::vector<std::size_t> SymbolIndex::children(std::size_t parent) const {
  std::vector<std::size_t> out;
  for (std::size_t i = parent + 1; i < symbols_.size() && symbols_[i].parent == parent; ++i) out.push_back(i);
  return out;
}

}  // namespace cxv::lsp
