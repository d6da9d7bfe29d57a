// Which declaration a name means, and its explanation (see explanation.hpp).

#include <algorithm>

#include "check/suggest.hpp"
#include "explain/explanation.hpp"
#include "explain/kinds.hpp"

namespace cxv::explain {
namespace {

// Kinds in the order a bare name is looked up: the figures of `cxv run`
// first, so `customers` is the stakeholder before the table.
constexpr const char* kKinds[] = {"kpi", "value", "initiative", "driver", "experiment", "stakeholder", "table"};

template <class T>
std::vector<std::string> names_of(const std::vector<T>& decls) {
  std::vector<std::string> out;
  for (const T& d : decls) out.push_back(d.name);
  return out;
}

ir::Index find_in(const ir::Program& p, const std::string& kind, const std::string& name) {
  if (kind == "kpi") return p.find_kpi(name);
  if (kind == "value") return p.find_value(name);
  if (kind == "initiative") return p.find_initiative(name);
  if (kind == "driver") return p.find_driver(name);
  if (kind == "experiment") return p.find_experiment(name);
  if (kind == "stakeholder") return p.find_stakeholder(name);
  if (kind == "table") return p.find_table(name);
  return ir::kNone;
}

Explanation build(Context& ctx, const std::string& kind, ir::Index i) {
  if (kind == "kpi") return explain_kpi(ctx, i);
  if (kind == "value") return explain_value(ctx, i);
  if (kind == "initiative") return explain_initiative(ctx, i);
  if (kind == "driver") return explain_driver(ctx, i);
  if (kind == "experiment") return explain_experiment(ctx, i);
  if (kind == "stakeholder") return explain_stakeholder(ctx, i);
  return explain_table(ctx, i);
}

std::string listing(const ir::Program& p) {
  std::string out;
  for (const auto& [kind, names] : explainable_names(p)) {
    if (names.empty()) continue;
    out += "\n  " + kind + ": ";
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::vector<std::string>>> explainable_names(const ir::Program& p) {
  return {{"kpi", names_of(p.kpis)},
          {"value", names_of(p.values)},
          {"initiative", names_of(p.initiatives)},
          {"driver", names_of(p.drivers)},
          {"experiment", names_of(p.experiments)},
          {"stakeholder", names_of(p.stakeholders)},
          {"table", names_of(p.tables)},
          {"portfolio", p.funding ? std::vector<std::string>{"portfolio"} : std::vector<std::string>{}}};
}

ExplainOutcome explain(const RunResult& run, const std::string& name) {
  ExplainOutcome out;
  if (!run.ok() || !run.tables) {
    out.error = ExplainError{"the framework could not be run, so there is nothing to explain",
                             "fix the errors `cxv run` reports first"};
    return out;
  }
  const ir::Program& p = *run.program;
  std::string kind, bare = name;
  if (const auto colon = name.find(':'); colon != std::string::npos) {
    kind = name.substr(0, colon);
    bare = name.substr(colon + 1);
    const bool known_kind = std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds) || kind == "portfolio";
    if (!known_kind) {
      out.error = ExplainError{"'" + kind + "' is not a kind of name",
                               "write kpi:, value:, initiative:, driver:, experiment:, stakeholder: or table: before the name"};
      return out;
    }
  }
  Context ctx(run);
  std::vector<std::string> others;   // other kinds with the same name
  std::string found_kind;
  ir::Index found = ir::kNone;
  for (const char* k : kKinds) {
    if (!kind.empty() && kind != k) continue;
    const ir::Index i = find_in(p, k, bare);
    if (i == ir::kNone) continue;
    if (found == ir::kNone) {
      found_kind = k;
      found = i;
    } else {
      others.push_back(k);
    }
  }
  if (found != ir::kNone) {
    out.explanation = build(ctx, found_kind, found);
    for (const std::string& k : others)
      out.explanation->steps.push_back(text_step("note", "'" + bare + "' is also a " + k + ": `cxv explain FILE " + k + ":" + bare + "`"));
    return out;
  }
  if (bare == "portfolio" && (kind.empty() || kind == "portfolio")) {
    if (run.portfolio && p.funding) {
      out.explanation = explain_portfolio(ctx);
      return out;
    }
    out.error = ExplainError{"this framework has no `funding` block, so there is no portfolio",
                             "add a funding block (docs/funding.md) to select a portfolio"};
    return out;
  }
  std::vector<std::string> candidates;
  for (const auto& [k, names] : explainable_names(p))
    if (kind.empty() || kind == k) candidates.insert(candidates.end(), names.begin(), names.end());
  std::string message = "'" + bare + "' names no " + (kind.empty() ? std::string("KPI, value, initiative, driver, experiment, stakeholder or table") : kind) +
                        " in " + run.sources.file(p.main_file).path();
  ExplainError err{message, ""};
  if (auto s = suggest(bare, candidates)) err.message += "; did you mean '" + *s + "'?";
  err.help = "names it can explain:" + listing(p);
  out.error = std::move(err);
  return out;
}

}  // namespace cxv::explain
