// check_program: the checker's driver. The passes run in a fixed order so
// that each finds what it needs: the framework first (its currency gives
// money its meaning), then tables (columns are needed by measures), KPIs,
// drivers, values, initiatives, funding; cycles and CSV headers last. Every
// pass keeps going after an error, so one run reports every problem.
#include "check/checker.hpp"

#include "check/checker_state.hpp"
#include "check/lints.hpp"
#include "syntax/node_arena.hpp"

namespace cxv {

namespace check {

Checker::Checker(SourceMap& sources, FileId main, Diagnostics& diags, const CheckOptions& options)
    : sources_(sources), main_(main), diags_(diags), options_(options), program_(std::make_shared<ir::Program>()) {}

Diagnostic& Checker::error(const char* code, Span span, std::string message) {
  if (explained_by_syntax_error(code, span)) {
    dropped_ = Diagnostic{};   // callers still add notes and help to what they get
    return dropped_;
  }
  return diags_.error(code, span, std::move(message));
}

std::shared_ptr<const ir::Program> Checker::run() {
  const std::size_t errors_before = diags_.error_count();
  // The IR's expression nodes share one arena, freed with the last of them
  // (when the Program goes); the AST's have the parser's own.
  syntax::NodeArena<ir::Expr>::Scope arena;
  program_->main_file = main_;
  try {
    load_files();
    note_syntax_losses();
    declare_all();
    check_framework();
    check_stakeholders();
    check_tables();
    check_experiments();
    check_kpis();
    check_drivers();
    check_values();
    check_initiatives();
    check_funding();
    check_expects();
    check_uncalled_functions();
    check_cycles();
    validate_headers();
  } catch (const ArithmeticError& e) {
    // Literals are checked where they are written; this is the backstop for
    // sums of them (costs, weights) that outgrow the decimal type.
    auto& d = error("E061", Span{main_, 0, 0}, std::string("a number in this framework is too large to work with: ") + e.what());
    d.help = "numbers may have at most a few thousand digits";
  }
  if (diags_.error_count() > errors_before) return nullptr;
  run_lints(*program_, options_, diags_);
  if (diags_.error_count() > errors_before) return nullptr;  // a lint promoted to an error
  return program_;
}

}  // namespace check

std::shared_ptr<const ir::Program> check_program(SourceMap& sources, FileId main, Diagnostics& diags,
                                                 const CheckOptions& options) {
  check::Checker checker(sources, main, diags, options);
  return checker.run();
}

}  // namespace cxv
