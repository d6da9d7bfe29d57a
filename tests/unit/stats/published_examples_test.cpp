// Intervals and quantiles against published worked examples and tables.
// Each case names its source; the tolerances are those of the printed digits.

#include <doctest/doctest.h>

#include <cmath>

#include "stats/distributions.hpp"
#include "stats/intervals.hpp"

using namespace cxv::stats;

namespace {
const double z95 = z_for_confidence(0.95);
}

TEST_CASE("Wilson score interval: Newcombe (1998a) Table I, method 3 (score, no continuity correction)") {
  // R. G. Newcombe, "Two-sided confidence intervals for the single proportion:
  // comparison of seven methods", Statistics in Medicine 17 (1998) 857-872, Table I.
  struct Case { unsigned x, n; double low, high; };
  const Case cases[] = {{81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605}, {0, 20, 0.0, 0.1611}, {1, 29, 0.0061, 0.1718}};
  for (const Case& c : cases) {
    CAPTURE(c.x);
    CAPTURE(c.n);
    const Interval w = wilson(c.x, c.n, z95);
    CHECK(std::abs(w.low - c.low) < 0.00005);
    CHECK(std::abs(w.high - c.high) < 0.00005);
  }
  // x = 0 and x = n reach exactly 0 and 1.
  CHECK(wilson(0, 20, z95).low == 0.0);
  CHECK(wilson(20, 20, z95).high == 1.0);
}

TEST_CASE("Newcombe hybrid score interval: Newcombe (1998b) Table II, method 10") {
  // R. G. Newcombe, "Interval estimation for the difference between independent
  // proportions: comparison of eleven methods", Statistics in Medicine 17 (1998)
  // 873-890, Table II, examples (a)-(h), method 10 (score, no continuity correction).
  struct Case { unsigned x1, n1, x2, n2; double low, high; };
  const Case cases[] = {
      {56, 70, 48, 80, 0.0524, 0.3339},   // (a)
      {9, 10, 3, 10, 0.1705, 0.8090},     // (b)
      {6, 7, 2, 7, 0.0582, 0.8062},       // (c)
      {5, 56, 0, 29, -0.0381, 0.1926},    // (d)
      {0, 10, 0, 20, -0.1611, 0.2775},    // (e)
      {0, 10, 0, 10, -0.2775, 0.2775},    // (f)
      {10, 10, 0, 20, 0.6791, 1.0000},    // (g)
      {10, 10, 0, 10, 0.6075, 1.0000},    // (h)
  };
  for (const Case& c : cases) {
    CAPTURE(c.x1);
    CAPTURE(c.n1);
    CAPTURE(c.x2);
    CAPTURE(c.n2);
    const Interval d = newcombe_difference(c.x1, c.n1, c.x2, c.n2, 0.95);
    CHECK(std::abs(d.low - c.low) < 0.00005);
    CHECK(std::abs(d.high - c.high) < 0.00005);
  }
}

TEST_CASE("Welch interval: a published worked example (wyzant.com answer 838275, 99% interval)") {
  // Ulcer vs normal subjects: mean 18.9700, sd 8.06488, n 10 against mean
  // 3.75625, sd 2.01659, n 16. The worked answer gives SE 2.59969, df 9.708,
  // t 3.1906 and the interval [6.9192, 23.5083] (printed to 4 decimals; its t
  // was rounded, so the bounds agree to about 0.0005).
  const Sample ulcer{10, 18.9700, 8.06488 * 8.06488};
  const Sample normal{16, 3.75625, 2.01659 * 2.01659};
  const WelchResult r = welch_difference(ulcer, normal, 0.99);
  CHECK(r.se == doctest::Approx(2.59969).epsilon(1e-5));
  CHECK(r.df == doctest::Approx(9.708).epsilon(1e-4));
  CHECK(std::abs(r.interval.low - 6.9192) < 0.0005);
  CHECK(std::abs(r.interval.high - 23.5083) < 0.0005);
  // Equal, zero variances: the interval is the difference itself.
  const WelchResult flat = welch_difference(Sample{5, 2, 0}, Sample{7, 1.5, 0}, 0.95);
  CHECK(flat.interval.low == 0.5);
  CHECK(flat.interval.high == 0.5);
}

TEST_CASE("Student t quantiles: the standard table (Abramowitz & Stegun Table 26.10)") {
  // The table prints 3-6 decimals; the full digits here are the roots of the
  // regularized incomplete beta found with mpmath at 30 digits (SciPy 1.10's
  // t.ppf differs from them by up to 2e-9 relative, e.g. 3.169272667 for
  // 3.1692726726 at p = 0.995, df = 10).
  struct Case { double p, df, t; };
  const Case cases[] = {{0.975, 1, 12.706204736}, {0.975, 2, 4.302652730}, {0.975, 5, 2.570581837},
                        {0.975, 10, 2.228138852}, {0.975, 30, 2.042272456}, {0.975, 120, 1.979930405},
                        {0.995, 10, 3.1692726726}, {0.95, 7, 1.894578605},   {0.9995, 1, 636.6192487687}};
  for (const Case& c : cases) {
    CAPTURE(c.p);
    CAPTURE(c.df);
    CHECK(student_t_quantile(c.p, c.df) == doctest::Approx(c.t).epsilon(1e-9));
    CHECK(student_t_quantile(1 - c.p, c.df) == doctest::Approx(-c.t).epsilon(1e-9));
    CHECK(student_t_cdf(c.t, c.df) == doctest::Approx(c.p).epsilon(1e-9));
  }
  // Very many degrees of freedom approach the normal quantile.
  CHECK(student_t_quantile(0.975, 1e6) == doctest::Approx(1.9599663568).epsilon(1e-9));
}

TEST_CASE("normal quantiles and the chi-square tail: standard table values") {
  CHECK(normal_quantile(0.975) == doctest::Approx(1.959963984540054).epsilon(1e-13));
  CHECK(normal_quantile(0.995) == doctest::Approx(2.5758293035489004).epsilon(1e-13));
  CHECK(normal_quantile(0.999) == doctest::Approx(3.090232306167813).epsilon(1e-13));
  CHECK(normal_quantile(1e-10) == doctest::Approx(-6.361340902404056).epsilon(1e-12));
  CHECK(normal_quantile(0.5) == 0.0);
  CHECK(z_for_confidence(0.95) == doctest::Approx(1.959963984540054).epsilon(1e-13));
  // chi-square(1): the 5% and 0.1% critical values 3.841459 and 10.827566.
  CHECK(chi_square_1_survival(3.841458820694124) == doctest::Approx(0.05).epsilon(1e-10));
  CHECK(chi_square_1_survival(10.827566170662733) == doctest::Approx(0.001).epsilon(1e-9));
  CHECK(chi_square_1_survival(0) == 1.0);
}

TEST_CASE("sample-ratio test: a balanced split passes, a lopsided one does not") {
  CHECK(sample_ratio_p_value(500, 500, 0.5) == 1.0);
  // 5,100 vs 4,900 against 50/50: chi-square 4 -> p = 0.0455.
  CHECK(sample_ratio_p_value(5100, 4900, 0.5) == doctest::Approx(0.04550026389635842).epsilon(1e-10));
  CHECK(sample_ratio_p_value(5300, 4700, 0.5) < 0.001);
  // The planned split counts: 3,000 vs 7,000 is exactly a 30% plan.
  CHECK(sample_ratio_p_value(3000, 7000, 0.3) == 1.0);
}

TEST_CASE("outside the domain: NaN rather than a made-up number") {
  CHECK(std::isnan(normal_quantile(0)));
  CHECK(std::isnan(normal_quantile(1)));
  CHECK(std::isnan(student_t_quantile(0.5 + 0.1, 0)));
  CHECK(std::isnan(regularized_beta(1.5, 1, 1)));
}
