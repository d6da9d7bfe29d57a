#pragma once
// Evaluates portfolio-context expressions: funding rules (`reject when`,
// `require`), the funding objective, and — once the portfolio is chosen —
// the conditions of `expect` blocks (docs/funding.md, "What a rule reads").
//
// Two scopes, set by the caller:
//   a candidate initiative (rules, objective): `cost`, `evidence`,
//     `experience_impact`, `effect(k)`, `delta(k)`, a KPI, a value and the
//     bare figures `net_npv`, `value_npv`, `cost_pv`, `roi` read that
//     initiative evaluated ALONE;
//   the portfolio (expect): `funded(i)`, `portfolio.net_npv` and the other
//     portfolio figures, `delta(k)`, a KPI and a value read the funded set
//     evaluated JOINTLY.
// With neither, a KPI reads its baseline, `status(k)` its baseline status and
// `baseline(k)` always the baseline. A figure that does not exist in the
// scope is an EvalError E162 located at the expression.

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "check/ir.hpp"
#include "eval/appraisal.hpp"
#include "eval/evaluator.hpp"
#include "eval/timeline_expr.hpp"

namespace cxv::eval {

// The chosen portfolio's figures, for `expect` blocks and `portfolio.*`.
struct PortfolioFigures {
  std::vector<bool> funded;        // by initiative
  Decimal net_npv;                 // sum of the funded initiatives' net NPVs alone
  Decimal value_npv, cost_pv;      // the joint evaluation's
  Decimal cost;                    // in the budget window
  Decimal joint_net_npv;
  std::optional<Decimal> budget;
  std::optional<Decimal> roi;      // joint net NPV / joint cost PV
  const Outcome* joint = nullptr;  // the funded set evaluated together
};

class PortfolioContext {
 public:
  using Result = std::variant<Decimal, bool, ir::Status, ir::Grade, std::string>;

  // `baseline` by KPI; `appraisal` gives each initiative alone; `data`
  // evaluates aggregates over the tables (null: an aggregate is E159).
  PortfolioContext(const ir::Program& program, const std::vector<Decimal>& baseline, const Appraisal& appraisal,
                   DataAggregates* data = nullptr);

  void set_candidate(ir::Index initiative) { candidate_ = initiative; }
  void clear_candidate() { candidate_.reset(); }
  void set_portfolio(const PortfolioFigures* portfolio) { portfolio_ = portfolio; }

  // Throw EvalError.
  bool test(const ir::Expr& e);
  Decimal number(const ir::Expr& e);
  // Any expression's value, whatever its type (`cxv test` shows the parts of
  // a failed condition with it).
  Result value(const ir::Expr& e);

 private:
  Result eval(const ir::Expr& e, std::span<const Result> params);
  Result eval_binary(const ir::Expr& e, std::span<const Result> params);
  Result eval_builtin(const ir::Expr& e, std::span<const Result> params);
  Result field(const ir::Expr& e);
  const Outcome* scenario() const;     // the candidate alone, or the portfolio jointly, or none
  [[noreturn]] void missing(const ir::Expr& e, std::string what, std::string help) const;

  const ir::Program& program_;
  const std::vector<Decimal>& baseline_;
  const Appraisal& appraisal_;
  DataAggregates* data_;
  std::optional<ir::Index> candidate_;
  const PortfolioFigures* portfolio_ = nullptr;
};

}  // namespace cxv::eval
