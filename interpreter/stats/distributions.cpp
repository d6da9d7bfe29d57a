// Normal, Student t and chi-square functions (see distributions.hpp).

#include "stats/distributions.hpp"

#include <cmath>
#include <limits>
#include <numbers>

namespace cxv::stats {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

// The continued fraction of I_x(a, b) (Numerical Recipes 6.4, modified
// Lentz's method), valid for x < (a + 1) / (a + b + 2).
double beta_fraction(double x, double a, double b) {
  constexpr double kTiny = 1e-300;
  constexpr double kEps = 1e-16;
  const double qab = a + b, qap = a + 1, qam = a - 1;
  double c = 1, d = 1 - qab * x / qap;
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1 / d;
  double h = d;
  // The number of terms grows like sqrt(max(a, b)); a million is far beyond
  // any degrees of freedom an experiment file gives.
  for (int m = 1; m <= 1000000; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double step = d * c;
    h *= step;
    if (std::fabs(step - 1) < kEps) break;
  }
  return h;
}

// I_x(a, b) given both x and y = 1 - x, so that callers who know 1 - x more
// precisely than 1 - (computed x) lose nothing to cancellation.
double beta_regularized(double x, double y, double a, double b) {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log(y);
  const double front = std::exp(log_front);
  if (x < (a + 1) / (a + b + 2)) return front * beta_fraction(x, a, b) / a;
  return 1 - front * beta_fraction(y, b, a) / b;
}

// P(T > t) for t >= 0: half of I_{df/(df+t^2)}(df/2, 1/2).
double t_upper_tail(double t, double df) {
  const double t2 = t * t;
  const double x = df / (df + t2);
  const double y = t2 / (df + t2);
  return 0.5 * beta_regularized(x, y, df / 2, 0.5);
}

double t_density(double t, double df) {
  const double log_c = std::lgamma((df + 1) / 2) - std::lgamma(df / 2) - 0.5 * std::log(df * std::numbers::pi);
  return std::exp(log_c - (df + 1) / 2 * std::log1p(t * t / df));
}

// The z >= 0 with P(Z > z) = q, 0 < q <= 0.5.
double normal_upper_quantile(double q) {
  // Abramowitz & Stegun 26.2.23: |error| < 4.5e-4, a good start for Halley.
  const double t = std::sqrt(-2 * std::log(q));
  double z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  for (int i = 0; i < 6; ++i) {
    const double tail = 0.5 * std::erfc(z / std::numbers::sqrt2);
    const double density = std::exp(-0.5 * z * z) / std::sqrt(2 * std::numbers::pi);
    if (density == 0) break;
    // Halley on f(z) = tail(z) - q: f' = -density, f'' = z * density.
    const double r = (tail - q) / density;
    const double step = r / (1 - 0.5 * z * r);
    z += step;
    if (std::fabs(step) <= 1e-15 * std::fmax(1.0, std::fabs(z))) break;
  }
  return z;
}

}  // namespace

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

double normal_quantile(double p) {
  if (!(p > 0 && p < 1)) return kNan;
  if (p == 0.5) return 0;
  // 1 - p is exact for p >= 0.5 (Sterbenz), so the upper half loses nothing.
  return p > 0.5 ? normal_upper_quantile(1 - p) : -normal_upper_quantile(p);
}

double regularized_beta(double x, double a, double b) {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) return kNan;
  return beta_regularized(x, 1 - x, a, b);
}

double student_t_cdf(double t, double df) {
  if (!(df > 0) || std::isnan(t)) return kNan;
  const double upper = t_upper_tail(std::fabs(t), df);
  return t >= 0 ? 1 - upper : upper;
}

double student_t_quantile(double p, double df) {
  if (!(p > 0 && p < 1) || !(df > 0)) return kNan;
  if (p == 0.5) return 0;
  const double q = p > 0.5 ? 1 - p : p;   // the upper-tail probability to reach
  // Bracket the root of tail(t) = q in [lo, hi], then Newton steps, falling
  // back to bisection whenever a step leaves the bracket.
  double lo = 0, hi = std::fmax(1.0, 2 * normal_upper_quantile(q));
  while (t_upper_tail(hi, df) > q) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return p > 0.5 ? hi : -hi;
  }
  double t = 0.5 * (lo + hi);
  for (int i = 0; i < 400; ++i) {
    const double f = t_upper_tail(t, df) - q;   // decreasing in t
    if (f == 0) break;
    if (f > 0) lo = t;
    else hi = t;
    const double density = t_density(t, df);
    double next = density > 0 ? t + f / density : 0.5 * (lo + hi);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const bool converged = std::fabs(next - t) <= 1e-14 * std::fmax(1.0, t);
    t = next;
    if (converged || hi - lo <= 1e-15 * std::fmax(1.0, t)) break;
  }
  return p > 0.5 ? t : -t;
}

double chi_square_1_survival(double x) {
  if (std::isnan(x)) return kNan;
  if (x <= 0) return 1;
  return std::erfc(std::sqrt(x / 2));
}

}  // namespace cxv::stats
