#include "portfolio/milp.hpp"

#include <coin/Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <chrono>
#include <mutex>

namespace cxv::portfolio {
namespace {

struct ModelDeleter {
  void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};
using Model = std::unique_ptr<Cbc_Model, ModelDeleter>;

// Collects rows as sparse vectors, then hands them to CBC.
class RowAdder {
 public:
  explicit RowAdder(Cbc_Model* m) : model_(m) {}
  void add(const std::vector<int>& cols, const std::vector<double>& coefs, char sense, double rhs) {
    if (cols.empty()) {
      // 0 (sense) rhs: decided here, CBC is not asked.
      const bool ok = sense == 'L' ? 0 <= rhs : sense == 'G' ? 0 >= rhs : rhs == 0;
      if (!ok) trivially_infeasible_ = true;
      return;
    }
    Cbc_addRow(model_, "", static_cast<int>(cols.size()), cols.data(), coefs.data(), sense, rhs);
  }
  bool trivially_infeasible() const { return trivially_infeasible_; }

 private:
  Cbc_Model* model_;
  bool trivially_infeasible_ = false;
};

double as_double(std::int64_t v) { return static_cast<double>(v); }

}  // namespace

bool in_share(const Candidate& candidate, const ShareRule& rule) {
  const auto it = candidate.attributes.find(rule.dimension);
  return it != candidate.attributes.end() && it->second == rule.value;
}

namespace {
thread_local double cbc_seconds = 0;
}  // namespace

double cbc_seconds_on_this_thread() { return cbc_seconds; }

MilpAnswer solve_milp(const Problem& problem, const Grid& grid, const MilpRequest& request) {
  using Goal = MilpRequest::Goal;
  const std::size_t n = problem.candidates.size();
  const int ni = static_cast<int>(n);

  // Column bounds first: contradictory bounds (must fund a rejected one) are
  // answered without CBC, which does not promise to handle lb > ub.
  std::vector<double> lower(n, 0.0), upper(n, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    const Candidate& c = problem.candidates[i];
    if (c.rejected_by) upper[i] = 0.0;
    if (c.must_fund && (request.must_on.empty() || request.must_on[i])) lower[i] = 1.0;
  }
  for (const auto& [i, value] : request.fixed) {
    if (value) lower[i] = 1.0; else upper[i] = 0.0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (lower[i] > upper[i]) return {MilpAnswer::State::infeasible, {}};
  }

  Model model(Cbc_newModel());
  Cbc_Model* m = model.get();
  Cbc_setLogLevel(m, 0);  // nothing in the library prints
  for (std::size_t i = 0; i < n; ++i) {
    double obj = 0.0;
    if (request.goal == Goal::max_objective) obj = as_double(grid.objective[i]);
    if (request.goal == Goal::min_cost) obj = as_double(grid.cost[i]);
    Cbc_addCol(m, "", lower[i], upper[i], obj, 1, 0, nullptr, nullptr);
  }
  const bool budget_var = request.goal == Goal::min_budget;
  const int b = ni;  // the budget column, in min_budget mode
  if (budget_var) {
    const double floor = grid.budget ? as_double(*grid.budget) : 0.0;
    // An upper bound for b keeps the LP bounded and well scaled: the most a
    // set can need is all the costs, or an `at most` share's worth of them.
    double need = floor;
    for (std::int64_t c : grid.cost) need += c > 0 ? static_cast<double>(c) : 0.0;
    double smallest_share = 1.0;
    for (const ShareRule& rule : problem.shares) {
      const double s = rule.share.to_double();
      if (rule.bound == ShareRule::Bound::at_most && s > 0 && s < smallest_share) smallest_share = s;
    }
    Cbc_addCol(m, "", floor, 2.0 * need / smallest_share + 1.0, 1.0, 0, 0, nullptr, nullptr);
  }
  Cbc_setObjSense(m, request.goal == Goal::max_objective ? -1.0 : 1.0);

  RowAdder rows(m);
  std::vector<int> all(n);
  for (int i = 0; i < ni; ++i) all[i] = i;
  std::vector<double> costs(n);
  for (std::size_t i = 0; i < n; ++i) costs[i] = as_double(grid.cost[i]);

  if (budget_var) {
    std::vector<int> cols = all;
    std::vector<double> coefs = costs;
    cols.push_back(b);
    coefs.push_back(-1.0);
    rows.add(cols, coefs, 'L', 0.0);
  } else if (grid.budget && request.budget_on) {
    rows.add(all, costs, 'L', as_double(*grid.budget));
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j : problem.candidates[i].requires_) {  // x_i ≤ x_j
      rows.add({static_cast<int>(i), static_cast<int>(j)}, {1.0, -1.0}, 'L', 0.0);
    }
    for (std::size_t j : problem.candidates[i].excludes) {  // x_i + x_j ≤ 1
      if (j != i) rows.add({static_cast<int>(i), static_cast<int>(j)}, {1.0, 1.0}, 'L', 1.0);
      else rows.add({static_cast<int>(i)}, {1.0}, 'L', 0.0);
    }
  }
  if (grid.budget) {
    for (std::size_t r = 0; r < problem.shares.size(); ++r) {
      if (!request.share_on.empty() && !request.share_on[r]) continue;
      const ShareRule& rule = problem.shares[r];
      const bool at_least = rule.bound == ShareRule::Bound::at_least;
      std::vector<int> cols;
      std::vector<double> coefs;
      for (std::size_t i = 0; i < n; ++i) {
        if (in_share(problem.candidates[i], rule)) {
          cols.push_back(static_cast<int>(i));
          coefs.push_back(costs[i]);
        }
      }
      if (budget_var) {
        // Σ members − share·b (≥|≤) 0: the share of the budget being sought.
        cols.push_back(b);
        coefs.push_back(-rule.share.to_double());
        rows.add(cols, coefs, at_least ? 'G' : 'L', 0.0);
      } else {
        rows.add(cols, coefs, at_least ? 'G' : 'L', as_double(grid.share_bound[r]));
      }
    }
  }
  if (request.objective_floor) {
    // Objective units can reach 10^12; a row that large beside rows of ones
    // throws CBC's LP off (it has answered "infeasible" and fractional sets).
    // Dividing by a power of two is exact in doubles and brings the largest
    // coefficient near 1. The floor only guards the tie pool, so the slack
    // this leaves to CBC's tolerance can only admit more sets, each of them
    // then checked exactly.
    std::int64_t largest = 1;
    for (std::int64_t q : grid.objective) largest = std::max(largest, q < 0 ? -q : q);
    const double scale = std::ldexp(1.0, -std::ilogb(static_cast<double>(largest)));
    std::vector<double> q(n);
    for (std::size_t i = 0; i < n; ++i) q[i] = as_double(grid.objective[i]) * scale;
    rows.add(all, q, 'G', as_double(*request.objective_floor) * scale);
  }
  if (request.cost_ceiling) rows.add(all, costs, 'L', as_double(*request.cost_ceiling));
  for (const std::vector<bool>& set : request.excluded_sets) {
    // Σ_{i∉S} x_i − Σ_{i∈S} x_i ≥ 1 − |S|: at least one x_i differs from S.
    std::vector<double> coefs(n);
    double size = 0;
    for (std::size_t i = 0; i < n; ++i) {
      coefs[i] = set[i] ? -1.0 : 1.0;
      size += set[i] ? 1.0 : 0.0;
    }
    rows.add(all, coefs, 'G', 1.0 - size);
  }
  if (rows.trivially_infeasible()) return {MilpAnswer::State::infeasible, {}};
  // No candidates: every row was decided above; the empty set is the answer.
  if (n == 0 && !budget_var) return {MilpAnswer::State::optimal, {}};

  // Objectives are integers on the grid: a gap under one unit proves the
  // optimum. The relative gap is off so that large sums are not cut short.
  // The budget sought in min_budget mode is continuous: a tight gap instead.
  Cbc_setAllowableGap(m, budget_var ? 1e-7 : 0.5);
  Cbc_setAllowableFractionGap(m, 0.0);
  Cbc_setAllowablePercentageGap(m, 0.0);
  Cbc_setParameter(m, "integerTolerance", "1e-9");
  // CGL's two-phase MIR cut generator writes a debugging line to stdout on
  // some models ("2mir_test: ..."); nothing in the library may print.
  Cbc_setParameter(m, "twoMirCuts", "off");
  if (request.objective_cutoff && request.goal == Goal::max_objective) {
    // In the problem's own (maximising) sense. Half a unit below, and one
    // part in 10^9 more, so that CBC's pruning tolerance cannot cut off a
    // set exactly at the cutoff; sets it lets through are checked anyway.
    const double c = as_double(*request.objective_cutoff);
    Cbc_setCutoff(m, c - 0.5 - 1e-9 * std::fabs(c));
  }
  {
    // CBC 2.10's solve driver (CbcMain1) keeps static state: one solve at a
    // time, so that a host solving from several threads stays correct.
    static std::mutex cbc_driver;
    const std::lock_guard<std::mutex> lock(cbc_driver);
    const auto started = std::chrono::steady_clock::now();
    Cbc_solve(m);
    cbc_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }

  MilpAnswer answer;
  if (Cbc_isProvenInfeasible(m)) {
    answer.state = MilpAnswer::State::infeasible;
    return answer;
  }
  const double* best = Cbc_bestSolution(m);
  if (best == nullptr) {
    answer.state = MilpAnswer::State::failed;
    return answer;
  }
  answer.x.resize(n);
  for (std::size_t i = 0; i < n; ++i) answer.x[i] = best[i] > 0.5;
  answer.state = Cbc_isProvenOptimal(m) ? MilpAnswer::State::optimal : MilpAnswer::State::feasible;
  return answer;
}

}  // namespace cxv::portfolio
