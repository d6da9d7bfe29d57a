// Portfolio selection: cxv's solve against CBC alone on the same MILP.
//
//   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-rel -j2 --target bench_portfolio
//   build-rel/bench/portfolio/bench_portfolio [candidates] [seed]
//
// "CBC alone" builds the model straight from doubles with CBC's C interface
// and solves it once: the least any exact selection could cost. cxv's solve
// adds the integer grid, exact verification in decimals and the tie pool
// (docs/optimizer.md); the per-candidate analysis is switched off, as it is
// a separate question (timed on a 100-candidate instance at the end).

#include <coin/Cbc_C_Interface.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "portfolio/solve.hpp"

using namespace cxv::portfolio;
using cxv::Decimal;

namespace {

// CPU time of this process: the machine is shared, and CBC runs on one
// thread, so CPU seconds measure the work whatever else is running.
using Clock = double;
Clock now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}
double seconds_since(Clock start) { return now() - start; }

// Costs with cents; objectives with `places` decimals (10 for figures that
// come out of discounting, as net NPVs do).
Problem generate(std::size_t n, std::uint64_t seed, int places) {
  std::mt19937_64 rng(seed);
  auto below = [&](std::uint64_t k) { return static_cast<std::int64_t>(rng() % k); };
  const char* stages[] = {"cost_takeout", "continuous_improvement", "strategic"};
  const char* activities[] = {"know_customers", "develop_strategy", "bring_to_life",
                              "monitor_success"};
  Problem p;
  Decimal total;
  for (std::size_t i = 0; i < n; ++i) {
    Candidate c;
    c.name = "initiative_" + std::to_string(i);
    c.cost = Decimal::from_scaled(5'000'000 + below(195'000'000), 2);  // 50k..2M USD
    Decimal npv = Decimal::from_scaled(below(330'000'000) - 30'000'000, 2);  // -300k..3M
    if (places > 2) npv += Decimal::from_scaled(below(100'000'000), places);
    c.objective = npv;
    c.attributes["stage"] = stages[below(3)];
    c.attributes["activity"] = activities[below(4)];
    if (below(50) == 0) c.rejected_by = "reject when cost > 500k USD and evidence < correlational";
    total += c.cost;
    p.candidates.push_back(std::move(c));
  }
  for (int k = 0; k < 50; ++k) {
    const auto i = static_cast<std::size_t>(below(static_cast<std::int64_t>(n)));
    auto j = static_cast<std::size_t>(below(static_cast<std::int64_t>(n)));
    if (j == i) j = (j + 1) % n;
    p.candidates[i].requires_.push_back(j);
  }
  p.budget = (total / 4).round(2);
  p.budget_text = "budget " + p.budget->to_string() + " USD";
  p.shares.push_back({ShareRule::Bound::at_least, Decimal::from_scaled(20, 2), "stage", "strategic",
                      "at least 20% of budget to stage strategic"});
  p.shares.push_back({ShareRule::Bound::at_most, Decimal::from_scaled(40, 2), "stage",
                      "cost_takeout", "at most 40% of budget to stage cost_takeout"});
  p.shares.push_back({ShareRule::Bound::at_least, Decimal::from_scaled(10, 2), "activity",
                      "know_customers", "at least 10% of budget to activity know_customers"});
  return p;
}

// The same MILP, built directly: maximise Σ npv x subject to the budget, the
// requires links, the share rules and the rejections. Returns the objective.
double cbc_alone(const Problem& p, double& seconds) {
  const auto start = now();
  const int n = static_cast<int>(p.candidates.size());
  Cbc_Model* m = Cbc_newModel();
  Cbc_setLogLevel(m, 0);
  std::vector<double> cost(n);
  std::vector<int> all(n);
  for (int i = 0; i < n; ++i) {
    const Candidate& c = p.candidates[i];
    cost[i] = c.cost.to_double();
    all[i] = i;
    Cbc_addCol(m, "", 0.0, c.rejected_by ? 0.0 : 1.0, c.objective.to_double(), 1, 0, nullptr,
               nullptr);
  }
  Cbc_setObjSense(m, -1.0);
  const double budget = p.budget->to_double();
  Cbc_addRow(m, "", n, all.data(), cost.data(), 'L', budget);
  for (int i = 0; i < n; ++i) {
    for (std::size_t j : p.candidates[i].requires_) {
      const int cols[2] = {i, static_cast<int>(j)};
      const double coefs[2] = {1.0, -1.0};
      Cbc_addRow(m, "", 2, cols, coefs, 'L', 0.0);
    }
  }
  for (const ShareRule& r : p.shares) {
    std::vector<int> cols;
    std::vector<double> coefs;
    for (int i = 0; i < n; ++i) {
      const auto it = p.candidates[i].attributes.find(r.dimension);
      if (it != p.candidates[i].attributes.end() && it->second == r.value) {
        cols.push_back(i);
        coefs.push_back(cost[i]);
      }
    }
    const bool at_least = r.bound == ShareRule::Bound::at_least;
    Cbc_addRow(m, "", static_cast<int>(cols.size()), cols.data(), coefs.data(),
               at_least ? 'G' : 'L', r.share.to_double() * budget);
  }
  Cbc_solve(m);
  const double value = Cbc_getObjValue(m);
  const bool proven = Cbc_isProvenOptimal(m) != 0;
  Cbc_deleteModel(m);
  seconds = seconds_since(start);
  if (!proven) std::printf("  (CBC alone did not prove optimality)\n");
  return value;
}

void run(std::size_t n, std::uint64_t seed, int places) {
  const Problem p = generate(n, seed, places);
  std::printf("%zu candidates, budget %s, 50 requires, 3 share rules, objectives with %d decimals\n",
              n, p.budget->to_string().c_str(), places);

  // Best of three of each, alternating, so that neither gets a warmer cache.
  double cbc_best = 1e9, cxv_best = 1e9, cbc_value = 0;
  Solution s;
  SolveOptions options;
  options.analyse_unfunded = false;
  for (int rep = 0; rep < 3; ++rep) {
    double t = 0;
    cbc_value = cbc_alone(p, t);
    cbc_best = std::min(cbc_best, t);
    const auto start = now();
    s = solve(p, options);
    cxv_best = std::min(cxv_best, seconds_since(start));
  }
  std::printf("  CBC alone        %8.3f s   objective %.2f\n", cbc_best, cbc_value);
  std::printf("  cxv solve        %8.3f s   objective %s  (%s, %zu funded, %zu CBC solves)\n",
              cxv_best, s.objective.to_fixed(2).c_str(),
              s.status == Status::optimal ? "optimal" : s.note.c_str(), s.funded.size(),
              s.solver_calls);
  std::printf("  ratio            %8.2f x\n", cxv_best / cbc_best);

  if (n > 200) return;
  // The per-candidate analysis re-solves with each unfunded one forced in:
  // timed on small instances only.
  options.analyse_unfunded = true;
  const auto start = now();
  const Solution full = solve(p, options);
  std::size_t unfunded = 0;
  for (const Outcome& o : full.outcomes) unfunded += o.funded ? 0 : 1;
  std::printf("  every unfunded candidate analysed: %.2f s for %zu of them (%zu CBC solves)\n",
              seconds_since(start), unfunded, full.solver_calls);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000;
  const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2027;
  run(n, seed, 2);
  run(n, seed, 10);
  if (n > 200) run(100, seed, 10);
  return 0;
}
