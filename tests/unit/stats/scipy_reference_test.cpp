// Random cases checked against an independent computation with SciPy
// (scipy_reference.txt, written by make_scipy_reference.py with a fixed seed).

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "stats/distributions.hpp"
#include "stats/intervals.hpp"

using namespace cxv::stats;

namespace {

std::vector<std::string> reference_lines() {
  std::ifstream in(std::string(CXV_SOURCE_DIR) + "/tests/unit/stats/scipy_reference.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

Sample sample_of(std::istringstream& in) {
  std::vector<double> v;
  for (std::string word; in >> word && word != "|";) v.push_back(std::stod(word));
  double sum = 0;
  for (double x : v) sum += x;
  Sample s;
  s.n = static_cast<double>(v.size());
  s.mean = sum / s.n;
  double ss = 0;
  for (double x : v) ss += (x - s.mean) * (x - s.mean);
  s.variance = ss / (s.n - 1);
  return s;
}

}  // namespace

TEST_CASE("every kind of case agrees with SciPy") {
  const auto lines = reference_lines();
  REQUIRE(lines.size() == 260);
  int seen_t = 0, seen_z = 0, seen_beta = 0, seen_srm = 0, seen_welch = 0, seen_newcombe = 0;
  for (const std::string& line : lines) {
    CAPTURE(line);
    std::istringstream in(line);
    std::string kind;
    in >> kind;
    if (kind == "t") {
      double p, df, q;
      in >> p >> df >> q;
      CHECK(student_t_quantile(p, df) == doctest::Approx(q).epsilon(1e-9));
      ++seen_t;
    } else if (kind == "z") {
      double p, q;
      in >> p >> q;
      CHECK(normal_quantile(p) == doctest::Approx(q).epsilon(1e-12));
      ++seen_z;
    } else if (kind == "beta") {
      double x, a, b, v;
      in >> x >> a >> b >> v;
      CHECK(regularized_beta(x, a, b) == doctest::Approx(v).epsilon(1e-10));
      ++seen_beta;
    } else if (kind == "srm") {
      std::uint64_t n1, n2;
      double share, p;
      in >> n1 >> n2 >> share >> p;
      CHECK(sample_ratio_p_value(n1, n2, share) == doctest::Approx(p).epsilon(1e-9));
      ++seen_srm;
    } else if (kind == "welch") {
      double conf, low, high, df;
      std::string bar;
      in >> conf >> low >> high >> df >> bar;
      const Sample a = sample_of(in);
      const Sample b = sample_of(in);
      const WelchResult r = welch_difference(a, b, conf);
      CHECK(r.df == doctest::Approx(df).epsilon(1e-9));
      CHECK(r.interval.low == doctest::Approx(low).epsilon(1e-9));
      CHECK(r.interval.high == doctest::Approx(high).epsilon(1e-9));
      ++seen_welch;
    } else if (kind == "newcombe") {
      double conf, low, high;
      std::uint64_t x1, n1, x2, n2;
      in >> conf >> x1 >> n1 >> x2 >> n2 >> low >> high;
      const Interval d = newcombe_difference(x1, n1, x2, n2, conf);
      CHECK(d.low == doctest::Approx(low).epsilon(1e-10));
      CHECK(d.high == doctest::Approx(high).epsilon(1e-10));
      ++seen_newcombe;
    } else {
      FAIL("unknown line kind " << kind);
    }
  }
  CHECK(seen_t == 60);
  CHECK(seen_z == 30);
  CHECK(seen_beta == 40);
  CHECK(seen_srm == 30);
  CHECK(seen_welch == 40);
  CHECK(seen_newcombe == 60);
}
