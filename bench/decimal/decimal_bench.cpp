// Measures, in one run, what exactness costs:
//   - summing 10M money values (cents) as double, int64 cents, ScaledColumn,
//     Decimal and boost cpp_dec_float_50;
//   - parsing 10M money cells into a ScaledColumn (MB/s of text);
//   - multiply and divide throughput, Decimal vs cpp_dec_float_50.
// Times are CPU time of the benchmark thread, best of three.
// Prints a table of times and ratios relative to double, and the sums, which
// must agree (double's may differ in the last digits: that is the point).
//
// Build in Release:
//   cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-release -j2 --target bench_decimal
//   ./build-release/bench/decimal/bench_decimal [rows]

#include <boost/multiprecision/cpp_dec_float.hpp>
#include <fmt/core.h>

#include <ctime>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "numeric/decimal.hpp"
#include "numeric/scaled_column.hpp"

namespace {

using DecFloat = boost::multiprecision::cpp_dec_float_50;

// Keeps the optimizer from dropping a computation whose result is unused.
template <class T>
void keep(const T& value) {
  asm volatile("" : : "g"(&value) : "memory");
}

// CPU time of this thread, not wall time: the build machines are shared, and
// time spent waiting for a core is not time spent computing.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

template <class F>
double seconds(F&& f) {
  const double start = cpu_seconds();
  f();
  return cpu_seconds() - start;
}

// Best of three: the machine is shared, the minimum is the least disturbed.
template <class F>
double best_of_3(F&& f) {
  double best = seconds(f);
  for (int i = 0; i < 2; ++i) best = std::min(best, seconds(f));
  return best;
}

// A cpp_dec_float_50 money total as a Decimal: 50 digits hold it exactly.
// (Not through str(), whose inlined string code trips a false g++ 12 warning.)
cxv::Decimal cents_of(const DecFloat& total) {
  return cxv::Decimal::from_scaled(DecFloat(total * 100).convert_to<long long>(), 2);
}

struct Row {
  std::string name;
  double time;
  std::string result;
};

void print_table(const std::string& title, const std::vector<Row>& rows, double baseline) {
  fmt::print("\n{}\n", title);
  fmt::print("  {:<44} {:>10} {:>10}  {}\n", "method", "time ms", "vs double", "result");
  for (const Row& r : rows) {
    fmt::print("  {:<44} {:>10.1f} {:>9.1f}x  {}\n", r.name, r.time * 1e3, r.time / baseline, r.result);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t rows = argc > 1 ? std::stoull(argv[1]) : 10'000'000;
  // Types without a compact layout (Decimal is 48 bytes, cpp_dec_float_50
  // larger) are summed over a pool of this many values, repeated.
  const std::size_t pool = std::min<std::size_t>(rows, 1'000'000);
  const std::size_t passes = rows / pool;

  std::mt19937_64 rng(2027);
  std::uniform_int_distribution<std::int64_t> cents_dist(0, 999'999);  // 0.00 .. 9999.99
  std::vector<std::int64_t> cents(rows);
  for (auto& c : cents) c = cents_dist(rng);

  // The same values as CSV-like text, one per line.
  std::string text;
  text.reserve(rows * 8);
  for (std::int64_t c : cents) {
    text += std::to_string(c / 100);
    text += '.';
    text += static_cast<char>('0' + c / 10 % 10);
    text += static_cast<char>('0' + c % 10);
    text += '\n';
  }

  std::vector<double> doubles(rows);
  for (std::size_t i = 0; i < rows; ++i) doubles[i] = static_cast<double>(cents[i]) / 100.0;

  cxv::ScaledColumn column;
  const double parse_time = best_of_3([&] {
    column = cxv::ScaledColumn();
    column.reserve(rows);
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t end = text.find('\n', start);
      if (!column.append(std::string_view(text).substr(start, end - start))) std::abort();
      start = end + 1;
    }
  });

  std::vector<cxv::Decimal> decimals(pool);
  std::vector<DecFloat> dec_floats(pool);
  for (std::size_t i = 0; i < pool; ++i) {
    decimals[i] = cxv::Decimal::from_scaled(cents[i], 2);
    dec_floats[i] = DecFloat(cents[i]) / 100;
  }

  double sum_double = 0;
  std::int64_t sum_cents = 0;
  cxv::Decimal sum_column;
  cxv::Decimal sum_decimal;
  DecFloat sum_dec_float;
  std::vector<Row> sums;
  const double t_double = best_of_3([&] {
    double s = 0;
    for (double v : doubles) s += v;
    sum_double = s;
    keep(sum_double);
  });
  sums.push_back({"double", t_double, fmt::format("{:.2f}", sum_double)});
  sums.push_back({"int64 cents", best_of_3([&] {
                    std::int64_t s = 0;
                    for (std::int64_t c : cents) s += c;
                    sum_cents = s;
                    keep(sum_cents);
                  }),
                  cxv::Decimal::from_scaled(sum_cents, 2).to_fixed(2)});
  sums.push_back({"ScaledColumn::sum (int64, 128-bit total)", best_of_3([&] {
                    sum_column = column.sum();
                    keep(sum_column);
                  }),
                  sum_column.to_fixed(2)});
  sums.push_back({fmt::format("Decimal += ({}k pool x {})", pool / 1000, passes), best_of_3([&] {
                    cxv::Decimal s;
                    for (std::size_t p = 0; p < passes; ++p)
                      for (const cxv::Decimal& d : decimals) s += d;
                    sum_decimal = s;
                    keep(sum_decimal);
                  }),
                  sum_decimal.to_fixed(2)});
  sums.push_back({fmt::format("cpp_dec_float_50 += ({}k pool x {})", pool / 1000, passes), best_of_3([&] {
                    DecFloat s = 0;
                    for (std::size_t p = 0; p < passes; ++p)
                      for (const DecFloat& d : dec_floats) s += d;
                    sum_dec_float = s;
                    keep(sum_dec_float);
                  }),
                  cents_of(sum_dec_float).to_fixed(2)});
  print_table(fmt::format("Sum of {} money values (0.00 .. 9999.99)", rows), sums, t_double);

  const double mb = static_cast<double>(text.size()) / 1e6;
  fmt::print("\nParsing {} cells ({:.1f} MB of text) into a ScaledColumn: {:.1f} ms, {:.0f} MB/s, {:.1f} M cells/s\n",
             rows, mb, parse_time * 1e3, mb / parse_time, static_cast<double>(rows) / parse_time / 1e6);

  // Multiply and divide: money times a rate, money divided by a count, on the pool.
  std::vector<cxv::Decimal> rates(pool);
  std::vector<DecFloat> rates_f(pool);
  std::vector<double> rates_d(pool);
  std::uniform_int_distribution<std::int64_t> rate_dist(1, 99'999);  // 0.00001 .. 0.99999
  for (std::size_t i = 0; i < pool; ++i) {
    const std::int64_t r = rate_dist(rng);
    rates[i] = cxv::Decimal::from_scaled(r, 5);
    rates_f[i] = DecFloat(r) / 100000;
    rates_d[i] = static_cast<double>(r) / 1e5;
  }
  std::vector<Row> ops;
  const double t_mul_double = best_of_3([&] {
    double s = 0;
    for (std::size_t i = 0; i < pool; ++i) s += doubles[i] * rates_d[i];
    keep(s);
  });
  ops.push_back({"double  a*b", t_mul_double, ""});
  ops.push_back({"Decimal a*b (exact)", best_of_3([&] {
                   for (std::size_t i = 0; i < pool; ++i) keep(decimals[i] * rates[i]);
                 }),
                 ""});
  ops.push_back({"cpp_dec_float_50 a*b (rounded)", best_of_3([&] {
                   for (std::size_t i = 0; i < pool; ++i) keep(DecFloat(dec_floats[i] * rates_f[i]));
                 }),
                 ""});
  ops.push_back({"double  a/b", best_of_3([&] {
                   double s = 0;
                   for (std::size_t i = 0; i < pool; ++i) s += doubles[i] / rates_d[i];
                   keep(s);
                 }),
                 ""});
  ops.push_back({"Decimal a/b (34 digits, half-even)", best_of_3([&] {
                   for (std::size_t i = 0; i < pool; ++i) keep(decimals[i] / rates[i]);
                 }),
                 ""});
  ops.push_back({"cpp_dec_float_50 a/b", best_of_3([&] {
                   for (std::size_t i = 0; i < pool; ++i) keep(DecFloat(dec_floats[i] / rates_f[i]));
                 }),
                 ""});
  print_table(fmt::format("{} multiplications / divisions (money x rate)", pool), ops, t_mul_double);

  // Rounded functions: discount factors and response curves.
  std::vector<Row> functions;
  const std::size_t calls = 2000;
  const cxv::Decimal twelfth = cxv::Decimal(1) / cxv::Decimal(12);
  const double t_exp_double = best_of_3([&] {
    double s = 0;
    for (std::size_t i = 0; i < calls; ++i) s += std::exp(rates_d[i]);
    keep(s);
  });
  functions.push_back({"double exp(x)", t_exp_double, ""});
  functions.push_back({"Decimal exp(x)", best_of_3([&] {
                         for (std::size_t i = 0; i < calls; ++i) keep(rates[i].exp());
                       }),
                       ""});
  functions.push_back({"Decimal ln(x)", best_of_3([&] {
                         for (std::size_t i = 0; i < calls; ++i) keep(rates[i].ln());
                       }),
                       ""});
  functions.push_back({"Decimal sqrt(x)", best_of_3([&] {
                         for (std::size_t i = 0; i < calls; ++i) keep(rates[i].sqrt());
                       }),
                       ""});
  functions.push_back({"Decimal (1 + r)^(1/12)", best_of_3([&] {
                         for (std::size_t i = 0; i < calls; ++i) keep((cxv::Decimal(1) + rates[i]).pow(twelfth));
                       }),
                       ""});
  functions.push_back({"cpp_dec_float_50 exp(x)", best_of_3([&] {
                         for (std::size_t i = 0; i < calls; ++i) keep(DecFloat(exp(rates_f[i])));
                       }),
                       ""});
  print_table(fmt::format("{} calls of the rounded functions", calls), functions, t_exp_double);

  // The pooled sums cover the first `pool` values `passes` times.
  std::int64_t pool_cents = 0;
  for (std::size_t i = 0; i < pool; ++i) pool_cents += cents[i];
  const cxv::Decimal pooled = cxv::Decimal::from_scaled(pool_cents, 2) * cxv::Decimal(static_cast<std::int64_t>(passes));
  const bool agree = sum_column == cxv::Decimal::from_scaled(sum_cents, 2) && sum_decimal == pooled &&
                     cents_of(sum_dec_float) == pooled;
  fmt::print("\nExact sums agree: {}\n", agree ? "yes" : "NO");
  return 0;
}
