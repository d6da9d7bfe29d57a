#pragma once
// Dependency graphs: an iterative depth-first search (no recursion, so ten
// thousand chained KPIs cannot overflow the stack) giving a dependencies-
// first order and every cycle met on the way.

#include <cstdint>
#include <vector>

namespace cxv::check {

struct GraphResult {
  std::vector<std::uint32_t> order;                 // every node, each after the nodes it depends on
  std::vector<std::vector<std::uint32_t>> cycles;   // each as a path a → b → ... (back to the first)
};

// `deps[n]` lists the nodes n depends on. Nodes are visited in index order, so
// the result is deterministic. Each cycle is rotated to start at its smallest
// node and reported once.
GraphResult analyze_graph(const std::vector<std::vector<std::uint32_t>>& deps);

}  // namespace cxv::check
