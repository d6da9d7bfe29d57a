// Writes a deterministic customers table for the scorecard benchmark:
//
//   customer_id,segment,monthly_revenue,nps,churned,support_calls
//   C00000001,consumer,80.05,8,false,0
//
// segment: one of four texts; monthly_revenue: money with cents (0.40 to
// ~2,000.00, skewed by segment); nps: 0-10, empty in ~12% of rows (an optional
// column); churned: true/false (~2%); support_calls: a count 0-9.
// The same arguments always give the same bytes (a fixed splitmix64 stream),
// so every peer of the benchmark reads exactly the same file.
//
//   bench_scorecard_gen ROWS OUT.csv
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
};

struct Segment {
  const char* name;
  unsigned weight;          // out of 100
  std::uint64_t base_cents; // revenue floor
  std::uint64_t span_cents; // plus up to this
};

constexpr Segment kSegments[] = {
    {"consumer", 70, 40, 12000},
    {"small_business", 20, 5000, 40000},
    {"enterprise", 5, 50000, 150000},
    {"public_sector", 5, 20000, 60000},
};

const Segment& pick_segment(SplitMix64& rng) {
  unsigned roll = static_cast<unsigned>(rng.below(100));
  for (const Segment& s : kSegments) {
    if (roll < s.weight) return s;
    roll -= s.weight;
  }
  return kSegments[0];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s ROWS OUT.csv\n", argv[0]);
    return 2;
  }
  const long long rows = std::atoll(argv[1]);
  if (rows < 0) {
    std::fprintf(stderr, "ROWS must be >= 0\n");
    return 2;
  }
  std::FILE* out = std::fopen(argv[2], "wb");
  if (!out) {
    std::perror(argv[2]);
    return 1;
  }
  static char buffer[1 << 20];
  std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
  std::fputs("customer_id,segment,monthly_revenue,nps,churned,support_calls\n", out);
  SplitMix64 rng{20261123};
  char line[160];
  for (long long i = 1; i <= rows; ++i) {
    const Segment& seg = pick_segment(rng);
    // Skewed revenue: the smaller of two draws, so the median sits below the mean.
    std::uint64_t a = rng.below(seg.span_cents + 1), b = rng.below(seg.span_cents + 1);
    std::uint64_t cents = seg.base_cents + (a < b ? a : b);
    std::uint64_t nps_roll = rng.below(100);
    char nps[4] = "";
    if (nps_roll >= 12) std::snprintf(nps, sizeof nps, "%u", static_cast<unsigned>(rng.below(11)));
    const bool churned = rng.below(1000) < 20;
    const unsigned calls = static_cast<unsigned>(rng.below(10) * rng.below(10) / 9);
    int n = std::snprintf(line, sizeof line, "C%08lld,%s,%llu.%02llu,%s,%s,%u\n", i, seg.name,
                          static_cast<unsigned long long>(cents / 100), static_cast<unsigned long long>(cents % 100),
                          nps, churned ? "true" : "false", calls);
    std::fwrite(line, 1, static_cast<std::size_t>(n), out);
  }
  if (std::fclose(out) != 0) {
    std::perror(argv[2]);
    return 1;
  }
  return 0;
}
