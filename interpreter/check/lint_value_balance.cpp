// L003, L004: a value framework mixes customer value and business value.
// Practice: a CX program has to prove value for customers *and* for the
// business; a scorecard of only one kind cannot fund initiatives by value
// across stakeholders.
//
// Business value, precisely: a KPI is business value when its perspective is
// `financial`, or when its category is a customer-lifetime-value lever
// (acquisition, spend, retention, cost_to_serve) and its `stakeholders` list a
// business stakeholder: one whose name or title contains "shareholder",
// "stockholder", "investor" or "business" (any case).
// Customer value: a KPI whose perspective is `customer`.

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "check/lint_passes.hpp"

namespace cxv::lint {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_business_stakeholder(const ir::Stakeholder& s) {
  static constexpr std::array<std::string_view, 4> kWords{"shareholder", "stockholder", "investor", "business"};
  const std::string text = lower(s.name) + " " + lower(s.title);
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return text.find(w) != std::string::npos; });
}

bool is_business_kpi(const ir::Program& p, const ir::Kpi& k) {
  if (k.perspective == ir::Perspective::financial) return true;
  if (k.category == ir::Category::none) return false;
  return std::any_of(k.stakeholders.begin(), k.stakeholders.end(), [&](ir::Index s) {
    return s < p.stakeholders.size() && is_business_stakeholder(p.stakeholders[s]);
  });
}

}  // namespace

void lint_value_balance(const ir::Program& p, LintReporter& out) {
  // With no KPI at all, L002 already says everything.
  if (!is_scorecard(p) || p.kpis.empty()) return;
  const bool business = std::any_of(p.kpis.begin(), p.kpis.end(),
                                    [&](const ir::Kpi& k) { return is_business_kpi(p, k); });
  const bool customer = std::any_of(p.kpis.begin(), p.kpis.end(), [](const ir::Kpi& k) {
    return k.perspective == ir::Perspective::customer;
  });
  if (!business)
    out.report("L003", scorecard_span(p),
               "no KPI measures business value: none is financial, and none is an acquisition, spend, "
               "retention or cost-to-serve KPI for shareholders",
               "add a KPI with `perspective financial` (e.g. revenue per customer), or give a lever KPI "
               "such as churn `category retention` and `stakeholders shareholders`");
  if (!customer)
    out.report("L004", scorecard_span(p), "no KPI measures customer value: none is in the customer perspective",
               "add a customer KPI (e.g. NPS, churn or customer effort) so the framework shows what "
               "customers gain, not only what the business saves");
}

}  // namespace cxv::lint
