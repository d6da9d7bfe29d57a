// Wilson, Newcombe and Welch intervals and the sample-ratio test (see intervals.hpp).

#include "stats/intervals.hpp"

#include <cmath>

#include "stats/distributions.hpp"

namespace cxv::stats {

double z_for_confidence(double confidence) { return normal_quantile(1 - (1 - confidence) / 2); }

Interval wilson(std::uint64_t x, std::uint64_t n, double z) {
  const double nn = static_cast<double>(n);
  const double xx = static_cast<double>(x);
  const double z2 = z * z;
  // (x + z^2/2 ± z sqrt(x (n - x) / n + z^2 / 4)) / (n + z^2)
  const double centre = xx + z2 / 2;
  const double half = z * std::sqrt(xx * (nn - xx) / nn + z2 / 4);
  const double denominator = nn + z2;
  Interval out{(centre - half) / denominator, (centre + half) / denominator};
  // At x = 0 or x = n the bound is 0 or 1 exactly; rounding must not push it past.
  if (x == 0) out.low = 0;
  if (x == n) out.high = 1;
  return out;
}

Interval newcombe_difference(std::uint64_t x1, std::uint64_t n1, std::uint64_t x2, std::uint64_t n2, double confidence) {
  const double z = z_for_confidence(confidence);
  const double p1 = static_cast<double>(x1) / static_cast<double>(n1);
  const double p2 = static_cast<double>(x2) / static_cast<double>(n2);
  const Interval w1 = wilson(x1, n1, z);
  const Interval w2 = wilson(x2, n2, z);
  const double d = p1 - p2;
  // Newcombe (1998) method 10: delta = sqrt((p1 - l1)^2 + (u2 - p2)^2),
  // epsilon = sqrt((u1 - p1)^2 + (p2 - l2)^2); the interval is (d - delta, d + epsilon).
  const double delta = std::hypot(p1 - w1.low, w2.high - p2);
  const double epsilon = std::hypot(w1.high - p1, p2 - w2.low);
  return {d - delta, d + epsilon};
}

WelchResult welch_difference(const Sample& a, const Sample& b, double confidence) {
  const double va = a.variance / a.n;
  const double vb = b.variance / b.n;
  const double d = a.mean - b.mean;
  WelchResult out;
  out.se = std::sqrt(va + vb);
  if (out.se == 0) {
    out.interval = {d, d};
    return out;
  }
  // Welch-Satterthwaite: (va + vb)^2 / (va^2 / (na - 1) + vb^2 / (nb - 1)).
  out.df = (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
  const double t = student_t_quantile(1 - (1 - confidence) / 2, out.df);
  out.interval = {d - t * out.se, d + t * out.se};
  return out;
}

double sample_ratio_p_value(std::uint64_t n1, std::uint64_t n2, double planned_share1) {
  const double n = static_cast<double>(n1) + static_cast<double>(n2);
  if (n == 0) return 1;
  const double e1 = n * planned_share1;
  const double e2 = n - e1;
  const double d1 = static_cast<double>(n1) - e1;
  const double d2 = static_cast<double>(n2) - e2;
  return chi_square_1_survival(d1 * d1 / e1 + d2 * d2 / e2);
}

}  // namespace cxv::stats
