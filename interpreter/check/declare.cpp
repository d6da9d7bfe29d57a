// The symbol table: every declaration gets its IR slot and its name, and a
// name declared twice is reported at the second with a note at the first.
#include <algorithm>

#include <fmt/core.h>

#include "check/checker_state.hpp"
#include "check/suggest.hpp"

namespace cxv::check {

const char* kind_name(SymbolKind k) {
  switch (k) {
    case SymbolKind::kpi: return "KPI";
    case SymbolKind::value: return "value";
    case SymbolKind::table: return "table";
    case SymbolKind::experiment: return "experiment";
    case SymbolKind::initiative: return "initiative";
    case SymbolKind::driver: return "driver";
  }
  return "declaration";
}

std::string a_kind(SymbolKind k) {
  const std::string n = kind_name(k);
  return (k == SymbolKind::initiative || k == SymbolKind::experiment ? "an " : "a ") + n;
}

namespace {

template <class T>
std::string title_of(const T& d) {
  return d.title ? d.title->value : std::string();
}

}  // namespace

void Checker::declare_all() {
  auto& p = *program_;
  auto declare = [&](const ast::Name& name, SymbolKind kind, Index index) {
    auto [it, inserted] = symbols_.emplace(name.text, Symbol{kind, index, name.span});
    if (!inserted) {
      auto& d = error("E032", name.span,
                      fmt::format("'{}' is already declared (as {})", name.text, a_kind(it->second.kind)));
      d.notes.push_back(Note{it->second.span, fmt::format("'{}' is first declared here", name.text)});
      d.help = "give each KPI, value, table, experiment, initiative and driver its own name";
    }
  };

  for (std::size_t f = 0; f < files_.size(); ++f) {
    const bool prelude = from_prelude_[f];
    for (const auto& decl : files_[f].decls) {
      if (const auto* fw = std::get_if<ast::Framework>(&decl)) {
        if (framework_ast_) {
          auto& d = error("E054", fw->keyword, "a second framework block");
          d.notes.push_back(Note{framework_ast_->keyword, "the first framework block is here"});
          d.help = "a framework has one currency, start and horizon: keep one framework block";
        } else {
          framework_ast_ = fw;
        }
      } else if (const auto* fu = std::get_if<ast::Funding>(&decl)) {
        if (funding_ast_) {
          auto& d = error("E054", fu->span, "a second funding block");
          d.notes.push_back(Note{funding_ast_->span, "the first funding block is here"});
          d.help = "put every budget and rule in one funding block";
        } else {
          funding_ast_ = fu;
        }
      } else if (const auto* s = std::get_if<ast::Stakeholder>(&decl)) {
        const auto index = static_cast<Index>(stakeholder_ast_.size());
        auto [it, inserted] = stakeholders_.emplace(s->name.text, index);
        if (!inserted) {
          auto& d = error("E032", s->name.span, fmt::format("stakeholder '{}' is already declared", s->name.text));
          d.notes.push_back(Note{stakeholder_ast_[it->second]->name.span, "first declared here"});
          continue;
        }
        stakeholder_ast_.push_back(s);
        p.stakeholders.push_back(ir::Stakeholder{s->name.text, title_of(*s), Decimal(), s->span});
      } else if (const auto* t = std::get_if<ast::Table>(&decl)) {
        declare(t->name, SymbolKind::table, static_cast<Index>(table_ast_.size()));
        table_ast_.push_back(t);
      } else if (const auto* k = std::get_if<ast::Kpi>(&decl)) {
        declare(k->name, SymbolKind::kpi, static_cast<Index>(kpi_ast_.size()));
        kpi_ast_.push_back(k);
      } else if (const auto* dr = std::get_if<ast::Driver>(&decl)) {
        declare(dr->name, SymbolKind::driver, static_cast<Index>(driver_ast_.size()));
        driver_ast_.push_back(dr);
      } else if (const auto* v = std::get_if<ast::Value>(&decl)) {
        declare(v->name, SymbolKind::value, static_cast<Index>(value_ast_.size()));
        value_ast_.push_back(v);
      } else if (const auto* i = std::get_if<ast::Initiative>(&decl)) {
        declare(i->name, SymbolKind::initiative, static_cast<Index>(initiative_ast_.size()));
        initiative_ast_.push_back(i);
      } else if (const auto* e = std::get_if<ast::Experiment>(&decl)) {
        declare(e->name, SymbolKind::experiment, static_cast<Index>(experiment_ast_.size()));
        experiment_ast_.push_back(e);
      } else if (const auto* x = std::get_if<ast::Expect>(&decl)) {
        expect_ast_.push_back(x);
      } else if (const auto* fn = std::get_if<ast::Function>(&decl)) {
        auto it = functions_.find(fn->name.text);
        if (it != functions_.end()) {
          // The prelude never competes with the author's own functions.
          if (prelude) continue;
          auto& d = error("E032", fn->name.span, fmt::format("function '{}' is already declared", fn->name.text));
          d.notes.push_back(Note{function_ast_[it->second]->name.span, "first declared here"});
          continue;
        }
        functions_.emplace(fn->name.text, static_cast<Index>(function_ast_.size()));
        function_ast_.push_back(fn);
        ir::Function out{fn->name.text, title_of(*fn), {}, fn->span};
        for (const auto& prm : fn->params) out.params.push_back(prm.name.text);
        p.functions.push_back(std::move(out));
      }
    }
  }
  p.tables.resize(table_ast_.size());
  p.kpis.resize(kpi_ast_.size());
  p.drivers.resize(driver_ast_.size());
  p.values.resize(value_ast_.size());
  p.initiatives.resize(initiative_ast_.size());
  p.experiments.resize(experiment_ast_.size());
  p.expects.resize(expect_ast_.size());
  kpi_state_.assign(kpi_ast_.size(), State::unchecked);
  value_state_.assign(value_ast_.size(), State::unchecked);
  // Names first, so that messages can use them before the declaration is checked.
  for (std::size_t i = 0; i < table_ast_.size(); ++i) p.tables[i].name = table_ast_[i]->name.text;
  for (std::size_t i = 0; i < kpi_ast_.size(); ++i) p.kpis[i].name = kpi_ast_[i]->name.text;
  for (std::size_t i = 0; i < driver_ast_.size(); ++i) p.drivers[i].name = driver_ast_[i]->name.text;
  for (std::size_t i = 0; i < value_ast_.size(); ++i) p.values[i].name = value_ast_[i]->name.text;
  for (std::size_t i = 0; i < initiative_ast_.size(); ++i) p.initiatives[i].name = initiative_ast_[i]->name.text;
  for (std::size_t i = 0; i < experiment_ast_.size(); ++i) p.experiments[i].name = experiment_ast_[i]->name.text;
}

std::optional<Symbol> Checker::lookup(const std::string& name) const {
  const auto* entry = symbols_.find(name);
  if (!entry) return std::nullopt;
  return entry->second;
}

std::vector<std::string> Checker::names_of(std::initializer_list<SymbolKind> kinds) const {
  std::vector<std::string> out;
  for (SymbolKind k : kinds) {
    const auto first = out.size();
    for (const auto& [name, sym] : symbols_.entries())
      if (sym.kind == k) out.push_back(name);
    // By kind, then by name: the hash map's order must not pick among equally close suggestions.
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
  }
  return out;
}

Index Checker::resolve(const ast::Name& name, SymbolKind kind) {
  auto sym = lookup(name.text);
  if (sym && sym->kind == kind) return sym->index;
  if (sym) {
    auto& d = error("E033", name.span,
                    fmt::format("'{}' is {}, not {}", name.text, a_kind(sym->kind), a_kind(kind)));
    d.notes.push_back(Note{sym->span, fmt::format("'{}' is declared here", name.text)});
    if (auto s = suggest(name.text, names_of({kind}))) d.help = fmt::format("did you mean the {} '{}'?", kind_name(kind), *s);
    else d.help = fmt::format("name {} here", a_kind(kind));
    return kNone;
  }
  auto& d = error("E031", name.span, fmt::format("unknown {} '{}'", kind_name(kind), name.text));
  if (auto s = suggest(name.text, names_of({kind}))) d.help = fmt::format("did you mean '{}'?", *s);
  return kNone;
}

Index Checker::resolve_stakeholder(const ast::Name& name) {
  auto it = stakeholders_.find(name.text);
  if (it != stakeholders_.end()) return it->second;
  std::vector<std::string> names;
  for (const auto& [n, i] : stakeholders_) names.push_back(n);
  auto& d = error("E031", name.span, fmt::format("unknown stakeholder '{}'", name.text));
  if (auto s = suggest(name.text, names)) d.help = fmt::format("did you mean '{}'?", *s);
  else if (!names.empty()) d.help = "declare it with `stakeholder " + name.text + " \"...\" { weight ...% }`";
  return kNone;
}

}  // namespace cxv::check
