// Seeded draws: reproducible, and their sample quantiles converge to the
// analytic ones (the test for simulation).

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "stats/distributions.hpp"
#include "stats/sampling.hpp"

using namespace cxv::stats;

TEST_CASE("xoshiro256**: the same seed gives the same draws; uniform01 is uniform on [0, 1)") {
  // Two generators with the same seed agree; different seeds differ.
  Rng a(42), b(42), c(43);
  for (int i = 0; i < 1000; ++i) {
    const std::uint64_t x = a.next();
    CHECK(x == b.next());
    if (i == 0) CHECK(x != c.next());
  }
  // uniform01 stays in [0, 1) and averages 1/2.
  Rng u(1);
  double sum = 0;
  int outside = 0;
  for (int i = 0; i < 100000; ++i) {
    const double v = u.uniform01();
    if (v < 0.0 || v >= 1.0) ++outside;
    sum += v;
  }
  CHECK(outside == 0);
  CHECK(sum / 100000 == doctest::Approx(0.5).epsilon(0.01));
}

TEST_CASE("sample quantiles of normal draws converge to the normal quantiles") {
  Rng rng(20261123);
  for (int n : {1000, 200000}) {
    std::vector<double> draws;
    draws.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) draws.push_back(standard_normal(rng));
    // The standard error of a sample quantile is sqrt(p (1 - p) / n) / density:
    // about 0.055 at n = 1,000 and 0.004 at n = 200,000 for P10 and P90.
    const double tolerance = n == 1000 ? 0.2 : 0.015;
    for (double p : {0.1, 0.5, 0.9}) {
      CAPTURE(n);
      CAPTURE(p);
      CHECK(std::fabs(sample_quantile(draws, p) - normal_quantile(p)) < tolerance);
    }
  }
}

TEST_CASE("a draw from an interval: the interval holds its confidence share of the draws") {
  // A range `-0.3pp to -0.1pp` read as a 90% interval.
  Rng rng(7);
  const int n = 200000;
  int inside = 0;
  std::vector<double> draws;
  for (int i = 0; i < n; ++i) {
    const double d = normal_from_interval(rng, -0.003, -0.001, 0.90);
    draws.push_back(d);
    if (d >= -0.003 && d <= -0.001) ++inside;
  }
  CHECK(static_cast<double>(inside) / n == doctest::Approx(0.90).epsilon(0.005));
  CHECK(sample_quantile(draws, 0.05) == doctest::Approx(-0.003).epsilon(0.01));
  CHECK(sample_quantile(draws, 0.95) == doctest::Approx(-0.001).epsilon(0.03));
  CHECK(sample_quantile(draws, 0.5) == doctest::Approx(-0.002).epsilon(0.01));
}

TEST_CASE("sample_quantile interpolates linearly (Hyndman & Fan type 7)") {
  std::vector<double> v{4, 1, 3, 2};   // sorted: 1 2 3 4
  CHECK(sample_quantile(v, 0) == 1.0);
  CHECK(sample_quantile(v, 1) == 4.0);
  CHECK(sample_quantile(v, 0.5) == 2.5);
  CHECK(sample_quantile(v, 0.1) == doctest::Approx(1.3));
  std::vector<double> one{7};
  CHECK(sample_quantile(one, 0.9) == 7.0);
  std::vector<double> none;
  CHECK(std::isnan(sample_quantile(none, 0.5)));
}
