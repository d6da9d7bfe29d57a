#pragma once
// `cxv test` output: a line per expect, each failed condition with its parts,
// then `N passed, N failed`; and JUnit XML for CI systems. Deterministic (no
// times, no dates), so the same run gives the same bytes.

#include <string>
#include <vector>

#include "expect/expect_run.hpp"
#include "source/source.hpp"

namespace cxv::expect {

// The expects of one file. `error_text` is set (already rendered
// diagnostics) when the file could not be run: its expects did not run.
struct FileResults {
  std::string path;
  const SourceMap* sources = nullptr;
  std::vector<ExpectResult> expects;
  std::string error_text;
  std::size_t filtered_out = 0;
};

struct Counts {
  std::size_t passed = 0;
  std::size_t failed = 0;       // false conditions, and conditions with no value
  std::size_t broken_files = 0; // files that could not be run
};
Counts count(const std::vector<FileResults>& files);

std::string render_text(const std::vector<FileResults>& files, bool color);
std::string render_junit(const std::vector<FileResults>& files);

// XML text with &, <, >, " and ' escaped, and characters XML 1.0 cannot hold
// (control characters other than tab, newline, carriage return) dropped.
std::string xml_escape(const std::string& text);

}  // namespace cxv::expect
