#pragma once
// Seeded random draws for simulating uncertain effects (issue 5, item 3):
// the same seed gives the same draws on every run and every machine with the
// same libm. Not wired into `cxv run` yet; see docs/evidence.md.
//
//   Rng                  xoshiro256** seeded through splitmix64 (Blackman & Vigna)
//   standard_normal      by inverting the normal distribution function
//   normal_from_interval a normal whose central `confidence` interval is [low, high]
//   sample_quantile      the quantile of a sample, linear interpolation (Hyndman & Fan type 7)

#include <cstdint>
#include <vector>

namespace cxv::stats {

class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  std::uint64_t next();
  // Uniform on [0, 1) with 53 random bits.
  double uniform01();

 private:
  std::uint64_t s_[4];
};

double standard_normal(Rng& rng);

// A draw from the normal distribution whose central `confidence` interval is
// [low, high]: mean (low + high) / 2, standard deviation (high - low) / (2 z).
// This is how a range `a to b` (a 90% interval) or an experiment's interval
// becomes a distribution to draw from.
double normal_from_interval(Rng& rng, double low, double high, double confidence);

// The p-quantile (0 <= p <= 1) of the values, which are sorted in place:
// x[h] interpolated linearly at h = (n - 1) p. Empty input gives NaN.
double sample_quantile(std::vector<double>& values, double p);

}  // namespace cxv::stats
