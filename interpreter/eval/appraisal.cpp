// Each initiative alone over the timeline (see appraisal.hpp).

#include "eval/appraisal.hpp"

#include <memory>
#include <set>
#include <tuple>

namespace cxv::eval {
namespace {

// Every kind of effect is evaluated now (E158 and E160 are retired); an
// error that leaves an initiative out with a warning would be listed here.
bool not_yet_supported(const EvalError&) { return false; }

void report(const EvalError& error, const ir::Initiative& initiative, Diagnostics& diags, bool warning = false) {
  if (error.code.empty()) return;
  Diagnostic& d = warning || not_yet_supported(error) ? diags.warning(error.code, error.span, error.message)
                                                      : diags.error(error.code, error.span, error.message);
  d.help = error.help;
  d.notes.push_back(Note{initiative.span, "while evaluating initiative '" + initiative.name + "'"});
}

}  // namespace

std::optional<Appraisal> appraise_initiatives(const ir::Program& program, const TableSet& tables,
                                              const Baselines& baselines, Diagnostics& diags,
                                              const Experiments* experiments) {
  std::vector<Decimal> baseline;
  baseline.reserve(baselines.values.size());
  for (const auto& v : baselines.values) baseline.push_back(v.value_or(Decimal()));

  // Aggregates in values and drivers read the data as loaded.
  Evaluator evaluator(program, tables, [&baselines](ir::Index k) { return baselines.values.at(k); });
  DataAggregates data{&evaluator, {}, experiments};
  // Column effects: selections cached across initiatives, and kept in each
  // initiative's DirectEffects for joint evaluation.
  auto columns = std::make_shared<ColumnEffects>(program, tables, baseline);
  // The same failing expression is reported once, not once per initiative.
  std::set<std::tuple<std::string, FileId, std::uint32_t>> reported;

  Appraisal out;
  bool failed = false;
  out.effects.resize(program.initiatives.size());
  for (DirectEffects& e : out.effects) e.delta.assign(program.kpis.size(), Decimal());
  out.initiatives.resize(program.initiatives.size());
  for (ir::Index i = 0; i < program.initiatives.size(); ++i) {
    const ir::Initiative& ini = program.initiatives[i];
    InitiativeAppraisal& a = out.initiatives[i];
    a.initiative = i;
    try {
      out.effects[i] = direct_effects(program, ini, baseline, &data, columns);
      for (const EvalError& w : columns->take_warnings()) report(w, ini, diags, /*warning=*/true);
      const ir::Index members[] = {i};
      a.alone = run_timeline(program, baseline, members, out.effects, &data);
      a.evaluated = true;
    } catch (const EvalError& error) {
      for (const EvalError& w : columns->take_warnings()) report(w, ini, diags, /*warning=*/true);
      if (reported.emplace(error.code, error.span.file, error.span.begin).second) report(error, ini, diags);
      out.effects[i] = DirectEffects{};
      out.effects[i].delta.assign(program.kpis.size(), Decimal());
      if (not_yet_supported(error)) a.not_evaluated = error.message;
      else failed = true;
    }
  }
  if (failed) return std::nullopt;
  return out;
}

}  // namespace cxv::eval
