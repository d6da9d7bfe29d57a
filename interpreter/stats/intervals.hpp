#pragma once
// Confidence intervals for comparing two groups (docs/evidence.md gives the
// formulas and where they come from). All in double: intervals are
// approximate by nature; the caller rounds them for display and carries the
// exact point estimate separately.

#include <cstdint>

namespace cxv::stats {

struct Interval {
  double low = 0;
  double high = 0;
};

// The two-sided z for a confidence level: 0.95 -> 1.959964.
double z_for_confidence(double confidence);

// Wilson's score interval for one proportion x / n (Wilson 1927), n > 0.
Interval wilson(std::uint64_t x, std::uint64_t n, double z);

// Newcombe's hybrid score interval for p1 - p2 = x1/n1 - x2/n2 (Newcombe
// 1998, method 10): Wilson intervals of each proportion combined by the
// square-and-add rule. n1, n2 > 0.
Interval newcombe_difference(std::uint64_t x1, std::uint64_t n1, std::uint64_t x2, std::uint64_t n2, double confidence);

// The summary of one group for Welch's interval.
struct Sample {
  double n = 0;         // at least 2
  double mean = 0;
  double variance = 0;  // the unbiased sample variance (divisor n - 1)
};

struct WelchResult {
  Interval interval;
  double df = 0;        // Welch-Satterthwaite degrees of freedom (0 when both variances are 0)
  double se = 0;        // standard error of the difference
};

// Welch's interval for mean1 - mean2 with unequal variances (Welch 1947),
// degrees of freedom by the Welch-Satterthwaite equation. When both
// variances are zero the interval collapses to the difference itself.
WelchResult welch_difference(const Sample& a, const Sample& b, double confidence);

// Sample-ratio-mismatch test: chi-square goodness of fit of the arm sizes
// against the planned share of the first arm. Returns the p-value.
double sample_ratio_p_value(std::uint64_t n1, std::uint64_t n2, double planned_share1);

}  // namespace cxv::stats
