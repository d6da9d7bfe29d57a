#include "check/graph.hpp"

#include <algorithm>
#include <set>

namespace cxv::check {

GraphResult analyze_graph(const std::vector<std::vector<std::uint32_t>>& deps) {
  enum Color : std::uint8_t { white, gray, black };
  const std::size_t n = deps.size();
  std::vector<Color> color(n, white);
  GraphResult out;
  std::set<std::vector<std::uint32_t>> seen;
  struct Frame {
    std::uint32_t node;
    std::size_t next;
  };
  std::vector<Frame> stack;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (color[root] != white) continue;
    stack.push_back({root, 0});
    color[root] = gray;
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next < deps[f.node].size()) {
        const std::uint32_t d = deps[f.node][f.next++];
        if (d >= n) continue;
        if (color[d] == white) {
          color[d] = gray;
          stack.push_back({d, 0});
        } else if (color[d] == gray) {
          // A back edge: the stack from d to the top is a cycle.
          std::vector<std::uint32_t> cycle;
          auto it = std::find_if(stack.begin(), stack.end(), [&](const Frame& x) { return x.node == d; });
          for (; it != stack.end(); ++it) cycle.push_back(it->node);
          std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
          if (seen.insert(cycle).second) out.cycles.push_back(cycle);
        }
        continue;
      }
      color[f.node] = black;
      out.order.push_back(f.node);
      stack.pop_back();
    }
  }
  return out;
}

}  // namespace cxv::check
