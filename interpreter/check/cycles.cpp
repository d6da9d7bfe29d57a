// Cycles among KPIs (a measure reading a KPI; a driver on A reading B adds
// the edge A ← B) and among values, each reported once with its path in
// order ("churn → nps → churn"); then the evaluation orders of the IR.
#include <algorithm>

#include <fmt/core.h>

#include "check/checker_state.hpp"
#include "check/graph.hpp"

namespace cxv::check {

void Checker::check_cycles() {
  ir::Program& p = *program_;

  // ---- KPIs and drivers: one graph, since a driver's delta feeds its KPI.
  std::vector<std::vector<std::uint32_t>> kpi_deps(p.kpis.size());
  for (Index k = 0; k < p.kpis.size(); ++k) kpi_deps[k] = p.kpis[k].kpis_read;
  for (const auto& d : p.drivers)
    for (const auto& r : d.rules)
      if (r.kpi != kNone)
        for (Index read : r.kpis_read) kpi_deps[r.kpi].push_back(read);
  for (auto& v : kpi_deps) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  // How `from` comes to depend on `to`, for the notes.
  auto kpi_edge_note = [&](Index from, Index to) -> Note {
    const auto& reads = p.kpis[from].kpis_read;
    if (std::find(reads.begin(), reads.end(), to) != reads.end())
      return Note{kpi_ast_[from]->measure ? kpi_ast_[from]->measure->span : kpi_ast_[from]->name.span,
                  fmt::format("the measure of '{}' reads '{}'", p.kpis[from].name, p.kpis[to].name)};
    for (Index di = 0; di < p.drivers.size(); ++di)
      for (const auto& r : p.drivers[di].rules)
        if (r.kpi == from && std::find(r.kpis_read.begin(), r.kpis_read.end(), to) != r.kpis_read.end())
          return Note{r.span, fmt::format("driver '{}' changes '{}' from '{}'", p.drivers[di].name, p.kpis[from].name,
                                          p.kpis[to].name)};
    return Note{std::nullopt, ""};
  };
  GraphResult kg = analyze_graph(kpi_deps);
  for (const auto& cycle : kg.cycles) {
    std::string path;
    for (Index k : cycle) path += p.kpis[k].name + " → ";
    path += p.kpis[cycle.front()].name;
    auto& d = error("E050", kpi_ast_[cycle.front()]->name.span,
                    cycle.size() == 1 ? fmt::format("KPI '{}' depends on itself: {}", p.kpis[cycle.front()].name, path)
                                      : fmt::format("these KPIs depend on each other in a circle: {}", path));
    for (std::size_t i = 0; i < cycle.size(); ++i) {
      Note n = kpi_edge_note(cycle[i], cycle[(i + 1) % cycle.size()]);
      if (!n.message.empty()) d.notes.push_back(std::move(n));
    }
    d.help = "break the circle: one of these must be measured from data or driven by something outside it";
  }
  p.kpi_order.assign(kg.order.begin(), kg.order.end());

  // Driver rules in the order of their target KPIs.
  std::vector<std::size_t> position(p.kpis.size(), 0);
  for (std::size_t i = 0; i < kg.order.size(); ++i) position[kg.order[i]] = i;
  p.driver_order.clear();
  for (Index di = 0; di < p.drivers.size(); ++di)
    for (Index ri = 0; ri < p.drivers[di].rules.size(); ++ri)
      if (p.drivers[di].rules[ri].kpi != kNone) p.driver_order.push_back({di, ri});
  std::stable_sort(p.driver_order.begin(), p.driver_order.end(), [&](const auto& a, const auto& b) {
    return position[p.drivers[a.driver].rules[a.rule].kpi] < position[p.drivers[b.driver].rules[b.rule].kpi];
  });

  // ---- values
  std::vector<std::vector<std::uint32_t>> value_deps(p.values.size());
  for (Index v = 0; v < p.values.size(); ++v) value_deps[v] = p.values[v].values_read;
  GraphResult vg = analyze_graph(value_deps);
  for (const auto& cycle : vg.cycles) {
    std::string path;
    for (Index v : cycle) path += p.values[v].name + " → ";
    path += p.values[cycle.front()].name;
    auto& d = error("E050", value_ast_[cycle.front()]->name.span,
                    cycle.size() == 1 ? fmt::format("value '{}' depends on itself: {}", p.values[cycle.front()].name, path)
                                      : fmt::format("these values depend on each other in a circle: {}", path));
    d.help = "break the circle: compute one of them from KPIs only";
  }
  p.value_order.assign(vg.order.begin(), vg.order.end());
}

}  // namespace cxv::check
