#pragma once
// The distribution functions the experiment intervals need, in double.
// Statistics are approximate by nature (docs/evidence.md): these are
// accurate to about 1e-9 relative or better (tests/unit/stats/), far
// below the 6 significant digits an interval is kept to.
//
//   normal_cdf / normal_quantile      the standard normal
//   student_t_cdf / student_t_quantile  Student's t with any real df > 0 (Welch
//                                        gives fractional degrees of freedom)
//   chi_square_1_survival             P(X > x) for chi-square with 1 df
//   regularized_beta                  I_x(a, b), which the t distribution rests on

namespace cxv::stats {

double normal_cdf(double x);
// The z with normal_cdf(z) = p, 0 < p < 1: a rational starting value
// (Abramowitz & Stegun 26.2.23) refined by Halley's method on erfc.
double normal_quantile(double p);

// I_x(a, b) for a, b > 0 and 0 <= x <= 1 (continued fraction, modified Lentz).
double regularized_beta(double x, double a, double b);

double student_t_cdf(double t, double df);
// The t with student_t_cdf(t, df) = p, 0 < p < 1, df > 0.
double student_t_quantile(double p, double df);

// The upper tail of chi-square with one degree of freedom: erfc(sqrt(x / 2)).
double chi_square_1_survival(double x);

}  // namespace cxv::stats
