// Functions never called: their bodies cannot be checked for units (a
// function's units come from its arguments), but their names can be
// resolved, so a misspelt name is reported even before the first call.
#include <algorithm>

#include <fmt/core.h>

#include "check/checker_state.hpp"
#include "check/suggest.hpp"

namespace cxv::check {

namespace {

// Words a body may use without declaring them.
bool is_builtin_word(const std::string& n) {
  static const char* words[] = {"true",    "false",     "green",         "amber",         "red",
                                "assumed", "benchmark", "correlational", "experiment",    "cost",
                                "evidence", "experience_impact", "net_npv", "value_npv",  "cost_pv",
                                "roi",     "joint_net_npv", "budget", "portfolio"};
  for (const char* w : words)
    if (n == w) return true;
  return false;
}

bool is_builtin_function(const std::string& n) {
  static const char* names[] = {"count", "sum", "mean", "median", "min", "max", "percentile", "share", "delta",
                                "cumulative", "exp", "ln", "sqrt", "abs", "funded", "status", "effect", "baseline"};
  for (const char* w : names)
    if (n == w) return true;
  return false;
}

}  // namespace

void Checker::check_uncalled_functions() {
  function_called_.resize(function_ast_.size(), false);
  for (Index fn = 0; fn < function_ast_.size(); ++fn) {
    if (function_called_[fn] || !function_ast_[fn]->body) continue;
    const ast::Function& f = *function_ast_[fn];
    std::vector<std::string> params;
    for (const auto& p : f.params) params.push_back(p.name.text);
    std::vector<const ast::Expr*> todo{f.body.get()};
    while (!todo.empty()) {
      const ast::Expr* e = todo.back();
      todo.pop_back();
      if (!e) continue;
      if (e->kind == ast::ExprKind::name) {
        const std::string& n = e->text;
        bool known = std::find(params.begin(), params.end(), n) != params.end() || lookup(n) || is_builtin_word(n);
        for (const auto& t : program_->tables)
          if (t.find_column(n) != kNone) known = true;
        if (!known) {
          auto& d = error("E031", e->span, fmt::format("unknown name '{}' in function '{}'", n, f.name.text));
          std::vector<std::string> candidates = params;
          for (auto& k : names_of({SymbolKind::kpi, SymbolKind::value})) candidates.push_back(k);
          if (auto s = suggest(n, candidates)) d.help = fmt::format("did you mean '{}'?", *s);
        }
      } else if (e->kind == ast::ExprKind::call && !is_builtin_function(e->text) && !functions_.count(e->text)) {
        std::vector<std::string> names;
        for (const auto& [n, i] : functions_) names.push_back(n);
        auto& d = error("E031", e->text_span.size() ? e->text_span : e->span, fmt::format("unknown function '{}'", e->text));
        if (auto s = suggest(e->text, names)) d.help = fmt::format("did you mean '{}'?", *s);
      }
      // `a.b`: only the object is a name to resolve.
      if (e->kind == ast::ExprKind::member) {
        if (!e->operands.empty() && e->operands[0] && e->operands[0]->kind != ast::ExprKind::name)
          todo.push_back(e->operands[0].get());
        continue;
      }
      for (const auto& o : e->operands) todo.push_back(o.get());
    }
  }
}

}  // namespace cxv::check
