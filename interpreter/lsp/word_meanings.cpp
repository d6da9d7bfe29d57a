// One-line meanings of the language's own words, for hover and completion.
#include <cctype>
#include <map>

#include "check/units.hpp"
#include "grammar/keywords.hpp"
#include "lsp/features.hpp"

namespace cxv::lsp {

namespace {

const std::map<std::string, std::string>& meanings() {
  static const std::map<std::string, std::string> m = {
      // declarations
      {"framework", "Declares the framework: its title, currency, start month, horizon and discount rate."},
      {"import", "Imports the declarations of another .cxv file (a path relative to this file) or a stdlib module (`std/clv`)."},
      {"stakeholder", "Declares a stakeholder group with its weight in the overall score; all weights sum to 100%."},
      {"table", "Declares a CSV table of customer-level data: its file, key and typed columns."},
      {"kpi", "Declares a KPI: a measure over the data with a perspective, a direction (`better`), a target and thresholds."},
      {"driver", "Declares how a change in one KPI induces changes in others (`churn += f(delta(nps))`)."},
      {"value", "Declares a value: a formula that turns KPI changes into money (or another unit) for stakeholders."},
      {"initiative", "Declares a CX initiative: its cost, effects on KPIs or columns, evidence and portfolio tags."},
      {"experiment", "Declares an A/B experiment read from a CSV file; its `.effect`, `.low` and `.high` size effects."},
      {"funding", "Declares the funding decision: budget, objective, rules and shares the portfolio must respect."},
      {"expect", "Declares conditions that must hold for the framework, checked on every run."},
      {"function", "Declares a function usable in formulas; checked at each call with its arguments' units."},
      // framework
      {"currency", "The framework's one currency (an ISO code such as USD); all money is in it."},
      {"start", "The first month: of the framework's timeline, or of an initiative (`start 2027-03`)."},
      {"horizon", "How long the timeline runs, e.g. `36 months`."},
      {"discount", "The yearly discount rate for present values, e.g. `8% per year`."},
      {"weight", "A stakeholder's share of the overall score."},
      // table
      {"from", "The CSV file a table or experiment reads, relative to this file."},
      {"key", "Marks the column that identifies a row; its values must be unique."},
      {"optional", "Marks a column whose cells may be empty (a missing value)."},
      {"provenance", "Where a table's data comes from: `first_party` or `third_party`."},
      // kpi
      {"perspective", "The balanced-scorecard perspective: financial, customer, process or learning."},
      {"category", "The customer-value category: acquisition, spend, retention or cost_to_serve."},
      {"stakeholders", "The stakeholders a KPI serves."},
      {"measure", "How the KPI is computed from the data, e.g. `share(customers where churned)`."},
      {"better", "Which direction is good: `lower` or `higher`."},
      {"target", "The KPI's target value, in its unit."},
      {"thresholds", "The status bands: `green` and `amber` bars; worse than amber is red."},
      {"green", "The green bar of a KPI's thresholds, or the status `green`."},
      {"amber", "The amber bar of a KPI's thresholds, or the status `amber`."},
      {"red", "The status `red`: worse than the amber bar."},
      // value
      {"for", "The stakeholders a value is for."},
      // driver and initiative
      {"evidence", "How strong the support for an effect is: assumed < benchmark < correlational < experiment."},
      {"owner", "Who runs the initiative."},
      {"cost", "An initiative's cost: amounts `once` and amounts `per month` (or quarter, year)."},
      {"once", "A one-time cost, booked at the initiative's start."},
      {"ramp", "How long an initiative takes to reach its full effect, e.g. `6 months`."},
      {"effect", "An initiative's effect on a KPI (`effect churn -0.2pp`) or a column (`effect customers.churned ...`)."},
      {"activity", "The CX activity: know_customers, develop_strategy, bring_to_life or monitor_success."},
      {"stage", "The investment stage: cost_takeout, continuous_improvement or strategic."},
      {"requires", "Initiatives that must be funded for this one to be funded."},
      {"excludes", "Initiatives that cannot be funded together with this one."},
      // experiment
      {"arm", "The column that tells the treatment arm from the control arm."},
      {"treatment", "The arm column's value for the treated group."},
      {"control", "The arm column's value for the control group."},
      {"outcome", "The column an experiment measures."},
      {"confidence", "The confidence level of an experiment's interval, e.g. `95%`."},
      {"split", "The treatment arm's planned share of the experiment."},
      // funding
      {"budget", "The money available for the costs in the first 12 months."},
      {"objective", "What the portfolio maximises; `net_npv` by default."},
      {"reject", "`reject when <condition>`: no initiative meeting the condition is funded."},
      {"when", "Introduces the condition of a `reject` rule."},
      {"require", "`require <condition>`: every funded initiative must meet the condition."},
      {"at", "`at least` / `at most`: a share of the budget for a stage, activity or perspective."},
      {"least", "`at least 30% of budget to stage strategic`."},
      {"most", "`at most 20% of budget to stage cost_takeout`."},
      {"of", "`... of budget to ...` in a budget share."},
      {"to", "A range of an uncertain effect (`-0.3pp to -0.1pp`), or the target of a budget share."},
      {"must", "`must fund <initiative>`: the portfolio must include it."},
      {"fund", "`must fund <initiative>`: the portfolio must include it."},
      // connectives
      {"and", "Both conditions hold."},
      {"or", "At least one condition holds."},
      {"not", "The condition does not hold."},
      {"where", "Keeps the rows of a table where the condition holds: `customers where tenure < 3 months`."},
      {"per", "Divides units: `USD per month`, `8% per year`."},
      // literals and words
      {"true", "The boolean true."},
      {"false", "The boolean false."},
      {"pp", "Percentage points: an absolute change of a share (1.5% - 0.25pp = 1.25%)."},
      {"lower", "`better lower`: smaller values are good."},
      {"higher", "`better higher`: larger values are good."},
      {"assumed", "Evidence grade: an assumption, the weakest."},
      {"benchmark", "Evidence grade: an outside benchmark or case study."},
      {"correlational", "Evidence grade: an analysis of the company's own data."},
      {"first_party", "Provenance: the company's own data."},
      {"third_party", "Provenance: data bought or received from others."},
      {"portfolio", "The chosen portfolio's figures: `portfolio.net_npv`, `.cost`, `.value_npv`, `.cost_pv`, `.joint_net_npv`, `.budget`."},
      {"net_npv", "The objective: the net present value of the funded initiatives."},
      {"experience_impact", "True when the candidate initiative moves a customer-perspective KPI."},
      // built-in functions
      {"count", "count(T) or count(T where c): the number of rows; also the unit of a plain count."},
      {"sum", "sum(T.column): the total over the rows."},
      {"mean", "mean(T.column): the average over the rows with a value."},
      {"median", "median(T.column): the middle value over the rows with a value."},
      {"min", "min(T.column): the smallest value; min(a, b): the smaller of two numbers."},
      {"max", "max(T.column): the largest value; max(a, b): the larger of two numbers."},
      {"percentile", "percentile(T.column, 90%): the value below which that share of rows falls."},
      {"share", "share(T where c): the share of rows where the condition holds, among rows where it is known."},
      {"delta", "delta(kpi): the KPI's scenario value minus its baseline."},
      {"cumulative", "cumulative(x): the sum of x over the periods so far."},
      {"exp", "exp(x): e to the power x."},
      {"ln", "ln(x): the natural logarithm."},
      {"sqrt", "sqrt(x): the square root."},
      {"abs", "abs(x): the absolute value."},
      {"funded", "funded(initiative): whether the portfolio funds it."},
      {"status", "status(kpi): green, amber or red."},
      {"baseline", "baseline(kpi): the KPI's value on the data."},
  };
  return m;
}

}  // namespace

std::string word_meaning(const std::string& word) {
  auto it = meanings().find(word);
  if (it != meanings().end()) return it->second;
  if (known_unit_word(word)) return "A unit word: `" + word + "`.";
  return "";
}

bool valid_new_name(const std::string& name) {
  if (name.empty()) return false;
  unsigned char first = static_cast<unsigned char>(name[0]);
  if (!(std::isalpha(first) || first == '_')) return false;
  for (unsigned char c : name)
    if (!(c < 0x80 && (std::isalnum(c) || c == '_'))) return false;
  for (std::string_view k : grammar::kKeywords)
    if (k == name) return false;
  return true;
}

}  // namespace cxv::lsp
