// Seeded draws and sample quantiles (see sampling.hpp).

#include "stats/sampling.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/distributions.hpp"
#include "stats/intervals.hpp"

namespace cxv::stats {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed) {
  for (auto& s : s_) s = splitmix64(seed);
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double standard_normal(Rng& rng) {
  double u = rng.uniform01();
  while (u == 0) u = rng.uniform01();   // the quantile of 0 is -infinity
  return normal_quantile(u);
}

double normal_from_interval(Rng& rng, double low, double high, double confidence) {
  const double z = z_for_confidence(confidence);
  return (low + high) / 2 + (high - low) / (2 * z) * standard_normal(rng);
}

double sample_quantile(std::vector<double>& values, double p) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const double h = static_cast<double>(values.size() - 1) * std::clamp(p, 0.0, 1.0);
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (h - static_cast<double>(below)) * (values[above] - values[below]);
}

}  // namespace cxv::stats
