#pragma once
// Experiments (docs/evidence.md): each `experiment` declaration's CSV is read
// through the data module and its two arms compared.
//
//   bool outcome     difference in proportions, Newcombe's hybrid score
//                    interval (method 10); the effect is a ratio (pp)
//   number outcome   difference in means, Welch's interval; the effect is in
//                    the unit of whatever the effect size moves
//
// The point estimate (treatment minus control) is exact Decimal arithmetic.
// The interval bounds and the sample-ratio p-value are statistics, computed in
// double and carried as Decimal rounded to kSignificantDigits significant
// digits, so the same input always gives the same digits.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "check/ir.hpp"
#include "diag/diagnostic.hpp"
#include "numeric/decimal.hpp"
#include "source/source.hpp"

namespace cxv::eval {

struct ExperimentResult {
  static constexpr int kSignificantDigits = 6;

  ir::Index experiment = ir::kNone;
  bool binary = false;                 // a bool outcome: proportions
  std::uint64_t n_treatment = 0, n_control = 0;
  std::uint64_t ignored_rows = 0;      // rows whose arm is neither label
  Decimal treatment_mean, control_mean;   // exact: the share of true outcomes, or the mean
  Decimal effect;                      // exact: treatment_mean - control_mean
  Decimal low, high;                   // the interval, rounded (see above)
  Decimal confidence;                  // as declared (0.95)
  std::optional<Decimal> welch_df;     // numeric outcomes: Welch-Satterthwaite df, rounded
  Decimal planned_share;               // the treatment arm's planned share (0.5 unless `split`)
  Decimal srm_p_value;                 // chi-square test of the arm sizes against the plan, rounded
  bool sample_ratio_mismatch = false;  // srm_p_value < 0.001 (a warning, E171)

  std::uint64_t n() const { return n_treatment + n_control; }
};

// Indexed like ir::Program::experiments.
struct Experiments {
  std::vector<ExperimentResult> results;
  const ExperimentResult& at(ir::Index experiment) const { return results.at(experiment); }
};

// Where an experiment's CSV is: as for tables (eval/tables.hpp), `data_dir`
// joined with the path as written, else the path the checker resolved.
std::string resolve_experiment_path(const ir::Experiment& experiment, const std::string& main_file,
                                    const std::optional<std::string>& data_dir);

// Reads and compares every experiment. Problems become diagnostics (data
// problems located in the CSV, with a note at the declaration); returns
// nullopt when any experiment failed.
std::optional<Experiments> evaluate_experiments(const ir::Program& program, const SourceMap& sources,
                                                const std::optional<std::string>& data_dir, Diagnostics& diags);

// Rounds a statistic to `digits` significant digits (half-even), as Decimal.
// Throws ArithmeticError for NaN or infinity.
Decimal round_statistic(double value, int digits = ExperimentResult::kSignificantDigits);

}  // namespace cxv::eval
