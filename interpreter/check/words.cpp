// Keyword values: perspective, category, better, provenance, evidence grade,
// activity, stage. Each is one of a fixed set of words.
#include <fmt/core.h>

#include "check/checker_state.hpp"
#include "check/suggest.hpp"

namespace cxv::check {

int Checker::check_word(const ast::Name& n, std::initializer_list<std::string_view> allowed, const char* what) {
  int i = 0;
  for (auto w : allowed) {
    if (w == n.text) return i;
    ++i;
  }
  std::vector<std::string> words(allowed.begin(), allowed.end());
  auto& d = error("E058", n.span, fmt::format("'{}' is not a {}", n.text, what));
  if (auto s = suggest(n.text, words)) {
    d.help = fmt::format("did you mean '{}'?", *s);
  } else {
    d.help = "write one of:";
    for (auto& w : words) d.help += " " + w;
  }
  return -1;
}

ir::Evidence Checker::check_evidence(const ast::Evidence& e) {
  ir::Evidence out;
  out.span = e.span;
  int g = check_word(e.grade, {"assumed", "benchmark", "correlational", "experiment"}, "an evidence grade");
  if (g >= 0) out.grade = static_cast<ir::Grade>(g + 1);
  if (e.note) out.note = e.note->value;
  if (e.source) {
    out.experiment = resolve(*e.source, SymbolKind::experiment);
  } else if (out.grade == ir::Grade::experiment) {
    auto& d = error("E053", e.span, "`evidence experiment` must name the experiment");
    d.help = "write `evidence experiment <experiment name>`";
  }
  return out;
}

}  // namespace cxv::check
