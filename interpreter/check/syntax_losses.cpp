// Errors that an earlier syntax error already explains.
//
// The parser abandons a declaration at its first syntax error (and a whole
// file whose text is not readable), so the checker never sees it. Reporting
// what then seems missing — "there is no framework block", "unknown KPI
// 'churn'", weights that no longer add up — would be a second error for the
// same mistake, pointing somewhere else. The checker remembers what was lost
// and stays quiet about exactly that.
#include "check/checker_state.hpp"

namespace cxv::check {

void Checker::note_syntax_losses() {
  for (const ast::File& f : files_) {
    if (f.unreadable) any_file_unreadable_ = true;
    for (const ast::AbandonedDecl& a : f.abandoned) {
      if (!a.keyword.empty()) lost_keywords_.insert(a.keyword);
      if (!a.name.empty()) lost_names_.insert(a.name);
    }
  }
}

bool Checker::declaration_lost(std::string_view keyword) const {
  return any_file_unreadable_ || lost_keywords_.count(std::string(keyword)) > 0;
}

bool Checker::explained_by_syntax_error(std::string_view code, Span span) const {
  if (!any_file_unreadable_ && lost_names_.empty()) return false;   // the usual case: nothing was lost
  // An unknown name (E031 is always reported at the name as written) that an
  // abandoned declaration would have declared, or any unknown name once a
  // file could not be read at all.
  if (code == "E031") return any_file_unreadable_ || lost_names_.count(std::string(sources_.file(span.file).slice(span))) > 0;
  return false;
}

}  // namespace cxv::check
