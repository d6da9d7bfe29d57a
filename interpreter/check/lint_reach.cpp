#include "check/lint_reach.hpp"

#include <algorithm>

namespace cxv::lint {

namespace {

bool valid(ir::Index k, std::size_t n) { return k < n; }

// Marks everything reachable from the marked KPIs along `edges` (iterative,
// so a 10,000-deep chain of formulas cannot overflow the stack).
void spread(KpiSet& marked, const std::vector<std::vector<ir::Index>>& edges) {
  std::vector<ir::Index> todo;
  for (ir::Index k = 0; k < marked.size(); ++k)
    if (marked[k]) todo.push_back(k);
  while (!todo.empty()) {
    const ir::Index k = todo.back();
    todo.pop_back();
    for (ir::Index next : edges[k]) {
      if (marked[next]) continue;
      marked[next] = true;
      todo.push_back(next);
    }
  }
}

// KPIs ordered so that each comes after the KPIs its measure reads (a
// post-order of the reads graph; the checker has proved it has no cycle, and
// a back edge, should one slip through, is simply not followed).
std::vector<ir::Index> reads_first_order(const ir::Program& p) {
  const std::size_t n = p.kpis.size();
  enum : unsigned char { unseen, open, done };
  std::vector<unsigned char> state(n, unseen);
  std::vector<ir::Index> order;
  order.reserve(n);
  // (kpi, index of the next read to visit)
  std::vector<std::pair<ir::Index, std::size_t>> stack;
  for (ir::Index root = 0; root < n; ++root) {
    if (state[root] != unseen) continue;
    stack.push_back({root, 0});
    state[root] = open;
    while (!stack.empty()) {
      auto& [k, next] = stack.back();
      const std::vector<ir::Index>& reads = p.kpis[k].kpis_read;
      if (next < reads.size()) {
        const ir::Index r = reads[next++];
        if (valid(r, n) && state[r] == unseen) {
          state[r] = open;
          stack.push_back({r, 0});
        }
        continue;
      }
      state[k] = done;
      order.push_back(k);
      stack.pop_back();
    }
  }
  return order;
}

}  // namespace

KpiFlow::KpiFlow(const ir::Program& p) : flows_to_(p.kpis.size()), flows_from_(p.kpis.size()) {
  const std::size_t n = p.kpis.size();
  auto edge = [&](ir::Index from, ir::Index to) {
    if (!valid(from, n) || !valid(to, n)) return;
    flows_to_[from].push_back(to);
    flows_from_[to].push_back(from);
  };
  for (ir::Index k = 0; k < n; ++k)
    for (ir::Index read : p.kpis[k].kpis_read) edge(read, k);
  for (const ir::Driver& d : p.drivers)
    for (const ir::DriverRule& r : d.rules)
      for (ir::Index read : r.kpis_read) edge(read, r.kpi);
}

KpiSet KpiFlow::reach(const std::vector<ir::Index>& seeds) const {
  KpiSet marked(flows_to_.size(), false);
  for (ir::Index k : seeds)
    if (valid(k, marked.size())) marked[k] = true;
  spread(marked, flows_to_);
  return marked;
}

KpiSet KpiFlow::reaches_any_of(const KpiSet& targets) const {
  KpiSet marked = targets;
  marked.resize(flows_from_.size(), false);
  spread(marked, flows_from_);
  return marked;
}

KpiSet kpis_moved_by_anything(const ir::Program& p, const KpiFlow& flow) {
  std::vector<ir::Index> seeds;
  for (const ir::Initiative& i : p.initiatives) seeds.insert(seeds.end(), i.kpis_moved.begin(), i.kpis_moved.end());
  for (const ir::Driver& d : p.drivers)
    for (const ir::DriverRule& r : d.rules)
      if (r.kpis_read.empty()) seeds.push_back(r.kpi);
  return flow.reach(seeds);
}

KpiSet rests_only_on_third_party(const ir::Program& p) {
  const std::size_t n = p.kpis.size();
  // Per KPI, over everything behind it: is there a table, and is any table not third-party?
  std::vector<bool> has_table(n, false), has_other(n, false);
  for (ir::Index k : reads_first_order(p)) {
    const ir::Kpi& x = p.kpis[k];
    for (ir::Index t : x.tables_read) {
      has_table[k] = true;
      if (!valid(t, p.tables.size()) || p.tables[t].provenance != ir::Provenance::third_party) has_other[k] = true;
    }
    for (ir::Index r : x.kpis_read) {
      if (!valid(r, n)) continue;
      if (has_table[r]) has_table[k] = true;
      if (has_other[r]) has_other[k] = true;
    }
  }
  KpiSet out(n, false);
  for (ir::Index k = 0; k < n; ++k) out[k] = has_table[k] && !has_other[k];
  return out;
}

}  // namespace cxv::lint
