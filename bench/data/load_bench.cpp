// Times loading a customers table from CSV.
//
//   bench_data_load [ROWS] [DIR] [ROUNDS] [shuffled]
//
// Writes DIR/customers_<ROWS>.csv (default: the system temp dir) if it is not
// there yet, deterministically, with the columns of the flagship example: a
// key, a segment, money with cents, tenure in months, an optional score, a
// bool and a count; ids in order, or permuted with `shuffled` (the key check
// then needs its hash table instead of one sequential pass). Then reports, best of three: the bare CSV scan
// (CsvReader only) and the full typed load (load_table), in MB/s and rows/s.
// Peak memory: run it under /usr/bin/time -v with ROUNDS = 1.

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "data/csv_reader.hpp"
#include "data/table_loader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this process: on a shared, busy machine it says more than the wall clock.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void generate(const std::string& path, long rows, bool shuffled) {
  std::mt19937_64 rng(20270101);
  const char* segments[] = {"consumer", "small_business", "enterprise", "public_sector", "wholesale"};
  std::ofstream out(path, std::ios::binary);
  out << "customer_id,segment,monthly_revenue,tenure,nps,churned,support_calls\n";
  std::string line;
  char buf[160];
  for (long i = 0; i < rows; ++i) {
    auto r = rng();
    int cents = static_cast<int>(r % 30000) + 500;
    int tenure = static_cast<int>((r >> 16) % 120);
    int nps = static_cast<int>((r >> 24) % 11);
    bool has_nps = (r >> 32) % 10 != 0;
    bool churned = (r >> 36) % 50 == 0;
    int calls = static_cast<int>((r >> 40) % 7);
    // 1000003 is prime, so i -> i * 1000003 mod rows is a permutation unless rows is a multiple of it.
    long id = shuffled ? (i * 1000003L) % rows : i;
    int n = std::snprintf(buf, sizeof buf, "C%08ld,%s,%d.%02d,%d,", id + 1, segments[(r >> 44) % 5], cents / 100,
                          cents % 100, tenure);
    out.write(buf, n);
    if (has_nps) out << nps;
    out << ',' << (churned ? "true" : "false") << ',' << calls << '\n';
  }
}

cxv::data::TableSchema schema() {
  using cxv::data::ColumnKind;
  cxv::data::TableSchema s;
  s.name = "customers";
  s.path = "customers.csv";
  auto col = [](const char* name, ColumnKind kind, bool optional, bool key = false) {
    cxv::data::ColumnSchema c;
    c.name = name;
    c.kind = kind;
    c.optional = optional;
    c.key = key;
    c.declared_at = cxv::Span{99, 0, 0};   // no source map: a host-made schema
    return c;
  };
  s.columns = {col("customer_id", ColumnKind::text, false, true), col("segment", ColumnKind::text, false),
               col("monthly_revenue", ColumnKind::number, false), col("tenure", ColumnKind::number, false),
               col("nps", ColumnKind::number, true),          col("churned", ColumnKind::boolean, false),
               col("support_calls", ColumnKind::number, false)};
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  long rows = argc > 1 ? std::stol(argv[1]) : 1'000'000;
  std::filesystem::path dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path();
  const bool shuffled = argc > 4 && std::string(argv[4]) == "shuffled";
  std::string path =
      (dir / ("customers_" + std::to_string(rows) + (shuffled ? "_shuffled" : "") + ".csv")).string();
  if (!std::filesystem::exists(path)) generate(path, rows, shuffled);
  const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::printf("%s: %ld rows, %.1f MB\n", path.c_str(), rows, mb);

  const int rounds = argc > 3 ? std::stoi(argv[3]) : 3;
  double best_scan = 1e9, best_load = 1e9, best_scan_cpu = 1e9, best_load_cpu = 1e9;
  for (int round = 0; round < rounds; ++round) {
    auto t0 = Clock::now();
    double c0 = cpu_seconds();
    cxv::data::CsvOpenError err;
    auto reader = cxv::data::CsvReader::open(path, err);
    std::size_t fields = 0;
    while (reader && reader->next_record()) fields += reader->field_count();
    best_scan = std::min(best_scan, std::chrono::duration<double>(Clock::now() - t0).count());
    best_scan_cpu = std::min(best_scan_cpu, cpu_seconds() - c0);
    if (fields == 0) return 1;

    t0 = Clock::now();
    c0 = cpu_seconds();
    cxv::SourceMap sources;
    cxv::Diagnostics diags;
    auto table = cxv::data::load_table(schema(), path, sources, diags);
    best_load = std::min(best_load, std::chrono::duration<double>(Clock::now() - t0).count());
    best_load_cpu = std::min(best_load_cpu, cpu_seconds() - c0);
    if (!table || table->row_count() != static_cast<std::size_t>(rows)) {
      std::printf("load failed: %zu diagnostics\n", diags.all().size());
      for (const auto& d : diags.all()) std::printf("  %s %s\n", d.code.c_str(), d.message.c_str());
      return 1;
    }
    if (round == rounds - 1) std::printf("revenue sum: %s\n", table->number("monthly_revenue")->sum().to_string().c_str());
  }
  auto report = [&](const char* what, double wall, double cpu) {
    std::printf("%-10s wall %.3f s %6.0f MB/s %5.1f M rows/s | cpu %.3f s %6.0f MB/s\n", what, wall, mb / wall,
                static_cast<double>(rows) / wall / 1e6, cpu, mb / cpu);
  };
  report("csv scan", best_scan, best_scan_cpu);
  report("typed load", best_load, best_load_cpu);
  return 0;
}
