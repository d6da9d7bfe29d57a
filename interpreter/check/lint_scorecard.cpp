// L001, L002: the size of the scorecard. Practice: a value framework of 3 to 5
// KPIs keeps a CX program focused; more dilutes attention and the story to
// the board, fewer cannot show customer value and business value together.

#include <fmt/core.h>

#include "check/lint_passes.hpp"
#include "check/lint_text.hpp"

namespace cxv::lint {

namespace {
constexpr std::size_t kMinKpis = 3;
constexpr std::size_t kMaxKpis = 5;
}  // namespace

bool is_scorecard(const ir::Program& p) { return p.framework.span.size() > 0 || !p.kpis.empty(); }

Span scorecard_span(const ir::Program& p) {
  if (p.framework.span.size() > 0 || p.kpis.empty()) return p.framework.span;
  return p.kpis.front().span;
}

void lint_scorecard_size(const ir::Program& p, LintReporter& out) {
  if (!is_scorecard(p)) return;
  const std::size_t n = p.kpis.size();
  if (n > kMaxKpis) {
    // Point at the first KPI past the fifth: where the scorecard starts to sprawl.
    const ir::Kpi& first_extra = p.kpis[kMaxKpis];
    Diagnostic* d = out.report(
        "L001", first_extra.span,
        fmt::format("the scorecard has {} KPIs, more than the {} a focused value framework keeps", n, kMaxKpis),
        "keep the 3 to 5 KPIs that carry the value story (customer value and business value) and track "
        "the others outside the framework, or combine related ones into one KPI formula");
    if (d) d->notes.push_back(Note{first_extra.span, fmt::format("KPI {} is the sixth", quoted(first_extra.name))});
  } else if (n < kMinKpis) {
    const std::string count = n == 0 ? "no KPI" : n == 1 ? "1 KPI" : fmt::format("{} KPIs", n);
    out.report("L002", scorecard_span(p),
               fmt::format("the scorecard has {}, fewer than the {} a value framework needs", count, kMinKpis),
               "measure customer value and business value with 3 to 5 KPIs, e.g. a churn rate, an NPS and "
               "revenue per customer");
  }
}

}  // namespace cxv::lint
