// Column effects: selections, composition, recomputed KPIs (see column_effects.hpp).

#include "eval/column_effects.hpp"

#include "eval/column_effect_mask.hpp"

#include <algorithm>
#include <utility>

namespace cxv::eval {
namespace {

bool is_formula_kpi(const ir::Kpi& k) { return k.tables_read.empty() && !k.kpis_read.empty(); }

std::pair<ir::Index, ir::Index> key(ir::ColumnRef c) { return {c.table, c.column}; }

}  // namespace

ColumnEffects::ColumnEffects(const ir::Program& program, const TableSet& tables, std::vector<Decimal> baseline)
    : program_(program), tables_(tables), baseline_(std::move(baseline)) {
  const std::size_t nk = program.kpis.size();
  formula_.assign(nk, false);
  readers_of_kpi_.resize(nk);
  order_of_.assign(nk, 0);
  for (ir::Index k = 0; k < nk; ++k) {
    const ir::Kpi& kpi = program.kpis[k];
    formula_[k] = is_formula_kpi(kpi);
    for (const ir::ColumnRef& c : kpi.columns_read) readers_of_column_[key(c)].push_back(k);
    for (ir::Index r : kpi.kpis_read)
      if (r < nk) readers_of_kpi_[r].push_back(k);
  }
  for (std::size_t i = 0; i < program.kpi_order.size(); ++i) order_of_.at(program.kpi_order[i]) = i;
}

bool ColumnEffects::has_column_effects(const ir::Initiative& initiative) {
  return std::any_of(initiative.effects.begin(), initiative.effects.end(),
                     [](const ir::Effect& e) { return e.kind == ir::EffectKind::column; });
}

std::size_t ColumnEffects::rows_of(ir::Index table) const { return tables_.at(table).data->row_count(); }

const Mask& ColumnEffects::loaded_bool(ir::ColumnRef column) {
  auto [it, fresh] = loaded_bools_.try_emplace(key(column));
  if (fresh) {
    const BoundTable& t = tables_.at(column.table);
    it->second = std::make_shared<const Mask>(mask_of(std::get<data::BoolColumn>(t.data->column(t.column_of.at(column.column)))));
  }
  return *it->second;
}

const Words& ColumnEffects::selection(const ir::Effect& effect) {
  auto found = selections_.find(&effect);
  if (found != selections_.end()) return found->second;

  const ir::ColumnRef c = effect.column;
  const BoundTable& t = tables_.at(c.table);
  const data::ColumnData& column = t.data->column(t.column_of.at(c.column));
  Words known;
  if (const auto* n = std::get_if<data::NumberColumn>(&column)) known.assign(n->validity().begin(), n->validity().end());
  else known = std::get<data::BoolColumn>(column).validity().words();

  Words selected = known;
  if (effect.where) {
    // On the data as loaded: no column is changed while a `where` is read.
    Evaluator ev(program_, tables_, [this](ir::Index k) -> std::optional<Decimal> { return baseline_.at(k); });
    selected = and_words(ev.row_mask(c.table, *effect.where).truth, known);
  }
  if (!any_set(selected)) {
    const ir::Table& table = program_.tables.at(c.table);
    const std::string& name = table.columns.at(c.column).name;
    if (effect.where) {
      warnings_.push_back(EvalError{"E180", effect.where->span,
                                    "this `where` selects no row of table '" + table.name + "' with a known '" + name +
                                        "', so the effect changes nothing",
                                    "the condition is read on the data as loaded; check it against the data"});
    } else {
      warnings_.push_back(EvalError{"E180", effect.span,
                                    "table '" + table.name + "' has no row with a known '" + name + "', so the effect changes nothing",
                                    "every cell of the column is missing, or the table is empty"});
    }
  }
  return selections_.emplace(&effect, std::move(selected)).first->second;
}

void ColumnEffects::apply(const ir::Initiative& initiative, DataAggregates* data, ColumnChanges& changes,
                          std::vector<ir::ColumnRef>& touched) {
  // Effect sizes are read on the baseline, as for KPI effects.
  TimelineScope scope;
  scope.program = &program_;
  scope.baseline = &baseline_;
  scope.scenario = &baseline_;
  scope.data = data;
  for (const ir::Effect& effect : initiative.effects) {
    if (effect.kind != ir::EffectKind::column) continue;
    // Read once: a set evaluated jointly reuses the size (it does not depend on the set).
    auto [cached, fresh] = sizes_.try_emplace(&effect);
    if (fresh) {
      try {
        cached->second = timeline_number(*effect.value, scope);
      } catch (...) {
        sizes_.erase(cached);
        throw;
      }
    }
    const Decimal size = cached->second;
    const Decimal amount = effect.relative ? Decimal(1) + size : size;   // -8% -> factor 0.92
    const Words& selected = selection(effect);
    const bool boolean = program_.tables.at(effect.column.table).columns.at(effect.column.column).kind == ir::ColumnKind::boolean;
    ColumnChange& change = changes.get(effect.column, boolean, rows_of(effect.column.table));
    if (boolean) {
      const Mask& loaded = loaded_bool(effect.column);
      if (!change.loaded) change.loaded = loaded_bools_.at(key(effect.column));
      apply_bool_change(change, selected, loaded.truth, effect.relative, amount);
    } else {
      apply_number_change(change, selected, effect.relative, amount);
    }
    if (std::find(touched.begin(), touched.end(), effect.column) == touched.end()) touched.push_back(effect.column);
  }
}

void ColumnEffects::recompute(const ColumnChanges& changes, const std::vector<ir::ColumnRef>& touched,
                              std::vector<Decimal>& current) {
  std::vector<ir::Index> affected;
  std::vector<bool> seen(program_.kpis.size(), false);
  auto reach = [&](ir::Index k) {
    if (!seen[k]) {
      seen[k] = true;
      affected.push_back(k);
    }
  };
  for (const ir::ColumnRef& c : touched) {
    auto it = readers_of_column_.find(key(c));
    if (it != readers_of_column_.end())
      for (ir::Index k : it->second) reach(k);
  }
  for (std::size_t i = 0; i < affected.size(); ++i)
    for (ir::Index r : readers_of_kpi_[affected[i]]) reach(r);
  if (affected.empty()) return;
  // Dependencies first: a KPI reads the recomputed values of the KPIs it reads.
  std::sort(affected.begin(), affected.end(), [this](ir::Index a, ir::Index b) { return order_of_[a] < order_of_[b]; });

  Evaluator ev(program_, tables_, [&current](ir::Index k) -> std::optional<Decimal> { return current.at(k); });
  ev.set_column_changes(&changes);
  for (ir::Index k : affected) current[k] = ev.number(*program_.kpis[k].measure);
}

std::vector<Decimal> ColumnEffects::alone(const ir::Initiative& initiative, DataAggregates* data) {
  std::vector<Decimal> delta(program_.kpis.size());
  ColumnChanges changes;
  std::vector<ir::ColumnRef> touched;
  apply(initiative, data, changes, touched);
  std::vector<Decimal> current = baseline_;
  recompute(changes, touched, current);
  for (std::size_t k = 0; k < delta.size(); ++k)
    if (!formula_[k]) delta[k] = current[k] - baseline_[k];
  return delta;
}

std::vector<std::vector<Decimal>> ColumnEffects::jointly(std::span<const ir::Index> members, DataAggregates* data) {
  std::vector<ir::Index> order(members.begin(), members.end());
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end()), order.end());

  std::map<ir::Index, std::vector<Decimal>> marginal;
  ColumnChanges changes;   // shared: each member applies on top of the ones before it
  std::vector<Decimal> current = baseline_;
  for (ir::Index i : order) {
    std::vector<ir::ColumnRef> touched;
    apply(program_.initiatives.at(i), data, changes, touched);
    const std::vector<Decimal> before = current;
    recompute(changes, touched, current);
    std::vector<Decimal> delta(program_.kpis.size());
    for (std::size_t k = 0; k < delta.size(); ++k)
      if (!formula_[k]) delta[k] = current[k] - before[k];
    marginal.emplace(i, std::move(delta));
  }
  std::vector<std::vector<Decimal>> out;
  out.reserve(members.size());
  for (ir::Index i : members) out.push_back(marginal.at(i));
  return out;
}

std::vector<EvalError> ColumnEffects::take_warnings() { return std::exchange(warnings_, {}); }

}  // namespace cxv::eval
