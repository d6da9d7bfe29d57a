// Robustness of `cxv check` through the public API (cxv::check_source): input
// nested 10,000 deep, very large files, NUL bytes, invalid UTF-8, and random
// bytes. Whatever the input, the result is diagnostics that point inside the
// file — never a crash, a hang, an exception or a program built from bad text.
//
// Sizes: the large inputs here are 2 to 5 MB, so that the Debug and ASan runs
// stay within seconds (50 MB took minutes in Debug on a shared machine);
// bench/check/run.sh checks the generated 9 MB and 50 MB frameworks with the
// Release build, and the fuzzer covers small inputs far more thoroughly.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "check/ir.hpp"
#include "cxv/cxv.hpp"

using namespace cxv;

namespace {

// A valid framework with one table, to which the tests append declarations.
const std::string kHeader = R"(framework "Robustness" {
  currency USD
  start 2027-01
  horizon 36 months
  discount 8% per year
}
stakeholder customers "Customers" { weight 100% }
table customers from "data/customers.csv" {
  key customer_id: text
  churned: bool
  tenure: months
  nps: points optional
  monthly_revenue: USD/month
}
)";

CheckResult check(std::string text) {
  CheckOptions options;
  options.validate_data_headers = false;  // no file system: the text is all there is
  return check_source("robustness.cxv", std::move(text), options);
}

// What every result must satisfy, whatever the input: each diagnostic has a
// registered code and a message, its span lies inside a file of the result,
// and a program is handed out exactly when there is no error. Returns the
// first violation, or "" (one CHECK per input keeps thousands of cases fast).
std::string violation(const CheckResult& r) {
  if (r.ok() != (r.program != nullptr)) return "a program with errors, or no program and no error";
  for (const Diagnostic& d : r.diagnostics.all()) {
    if (find_code(d.code) == nullptr) return "unregistered code " + d.code;
    if (d.message.empty()) return d.code + " has no message";
    if (!d.span) continue;
    if (d.span->file >= r.sources.size()) return d.code + " points to an unknown file";
    const SourceFile& f = r.sources.file(d.span->file);
    if (d.span->begin > d.span->end || d.span->end > f.text().size())
      return fmt::format("{} span [{}, {}) outside a file of {} bytes", d.code, d.span->begin, d.span->end,
                         f.text().size());
    (void)f.position(d.span->begin);  // must not throw
  }
  return "";
}

bool has(const CheckResult& r, std::string_view code) {
  for (const Diagnostic& d : r.diagnostics.all())
    if (d.code == code) return true;
  return false;
}

// "line:col" of the first diagnostic with this code, or "none".
std::string where(const CheckResult& r, std::string_view code) {
  for (const Diagnostic& d : r.diagnostics.all()) {
    if (d.code != code || !d.span) continue;
    Position p = r.sources.file(d.span->file).position(d.span->begin);
    return fmt::format("{}:{}", p.line, p.col);
  }
  return "none";
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The line a text appended to kHeader starts on.
const int kFirstLine = 15;

std::string kpi_with_measure(const std::string& measure) {
  return kHeader + "kpi k {\n  measure " + measure + "\n}\n";
}

constexpr std::size_t kDeep = 10'000;

}  // namespace

TEST_CASE("the header used below is a valid framework") {
  CheckResult r = check(kHeader + "kpi k {\n  measure share(customers where churned)\n}\n");
  CHECK(violation(r) == "");
  CHECK(r.ok());
}

// ---------------------------------------------------------------- nesting

TEST_CASE("10,000 nested parentheses are E017, not a stack overflow") {
  SUBCASE("balanced") {
    CheckResult r = check(kpi_with_measure(repeat("(", kDeep) + "1" + repeat(")", kDeep)));
    CHECK(violation(r) == "");
    CHECK(has(r, "E017"));
    CHECK(where(r, "E017").rfind(std::to_string(kFirstLine + 1) + ":", 0) == 0);
  }
  SUBCASE("never closed") {
    CheckResult r = check(kpi_with_measure(repeat("(", kDeep)));
    CHECK(violation(r) == "");
    CHECK(has(r, "E017"));
  }
  SUBCASE("inside calls") {
    CheckResult r = check(kpi_with_measure(repeat("abs(", kDeep) + "1" + repeat(")", kDeep)));
    CHECK(violation(r) == "");
    CHECK(has(r, "E017"));
  }
  SUBCASE("inside aggregates") {
    CheckResult r = check(kpi_with_measure(repeat("count(", kDeep) + "customers" + repeat(")", kDeep)));
    CHECK(violation(r) == "");
    CHECK(has(r, "E017"));
  }
}

TEST_CASE("10,000 prefix operators in a row are E017") {
  SUBCASE("unary minus with spaces") {
    CheckResult r = check(kpi_with_measure(repeat("- ", kDeep) + "1"));
    CHECK(violation(r) == "");
    CHECK(has(r, "E017"));
  }
  SUBCASE("unary minus glued together") {
    CheckResult r = check(kpi_with_measure(repeat("-", kDeep) + "1"));
    CHECK(violation(r) == "");
    CHECK_FALSE(r.ok());
  }
  SUBCASE("unary plus") {
    CheckResult r = check(kpi_with_measure(repeat("+", kDeep) + "1"));
    CHECK(violation(r) == "");
    CHECK_FALSE(r.ok());
  }
  SUBCASE("not") {
    CheckResult r = check(kHeader + "expect \"deep\" { " + repeat("not ", kDeep) + "true }\n");
    CHECK(violation(r) == "");
    CHECK(has(r, "E017"));
  }
}

TEST_CASE("10,000 operators in one chain are refused as too deep, not recursed into") {
  SUBCASE("a sum") {
    CheckResult r = check(kpi_with_measure("1" + repeat(" + 1", kDeep)));
    CHECK(violation(r) == "");
    CHECK(has(r, "E017"));
  }
  SUBCASE("a power tower") {
    CheckResult r = check(kpi_with_measure("2" + repeat("^2", kDeep)));
    CHECK(violation(r) == "");
    CHECK(has(r, "E017"));
  }
  SUBCASE("a condition") {
    CheckResult r =
        check(kpi_with_measure("share(customers where churned" + repeat(" and churned", kDeep) + ")"));
    CHECK(violation(r) == "");
    CHECK(has(r, "E017"));
  }
}

TEST_CASE("10,000 nested braces are errors") {
  SUBCASE("at the top level") {
    CheckResult r = check(kHeader + repeat("{", kDeep) + repeat("}", kDeep));
    CHECK(violation(r) == "");
    CHECK(where(r, "E007") == std::to_string(kFirstLine) + ":1");
  }
  SUBCASE("in a declaration's body") {
    CheckResult r = check(kHeader + "kpi k {\n" + repeat("{", kDeep) + repeat("}", kDeep) + "\n}\n");
    CHECK(violation(r) == "");
    CHECK_FALSE(r.ok());
  }
  SUBCASE("in thresholds") {
    CheckResult r = check(kHeader + "kpi k {\n  thresholds " + repeat("{ ", kDeep) + "\n}\n");
    CHECK(violation(r) == "");
    CHECK_FALSE(r.ok());
  }
  SUBCASE("in an expect block") {
    CheckResult r = check(kHeader + "expect \"x\" " + repeat("{", kDeep) + "true" + repeat("}", kDeep) + "\n");
    CHECK(violation(r) == "");
    CHECK_FALSE(r.ok());
  }
}

TEST_CASE("a file of only '{{{{' is an error at its first byte") {
  for (std::string text : {std::string("{{{{"), repeat("{", kDeep), std::string("{{{{\n")}) {
    CheckResult r = check(text);
    CHECK(violation(r) == "");
    CHECK(where(r, "E007") == "1:1");
    CHECK(r.program == nullptr);
  }
}

// ------------------------------------------------ long chains in the checker

TEST_CASE("10,000 KPIs each reading the next check without deep recursion") {
  std::string text = kHeader;
  for (std::size_t i = 0; i < kDeep; ++i) text += fmt::format("kpi k{} {{\n  measure k{} + 1%\n}}\n", i, i + 1);
  text += fmt::format("kpi k{} {{\n  measure share(customers where churned)\n}}\n", kDeep);
  CheckResult r = check(text);
  CHECK(violation(r) == "");
  REQUIRE(r.ok());
  CHECK(r.program->kpis.size() == kDeep + 1);
}

// A cycle is an error (E050) with well-formed diagnostics, whatever its length.
static void check_reports_cycle(const std::string& text) {
  CheckResult r = check(text);
  CHECK(violation(r) == "");
  CHECK_FALSE(r.ok());
  bool cycle_reported = false;
  for (const auto& d : r.diagnostics.all()) cycle_reported |= d.code == "E050";
  CHECK(cycle_reported);
}

// The checker follows a cycle recursively (Checker::ensure_kpi -> check_expr ->
// ensure_kpi) until a depth limit (kMaxDefinitionDepth), which used to be a
// stack overflow at about 10,000 KPIs.
TEST_CASE("a cycle through 10,000 KPIs is reported, not followed forever") {
  std::string text = kHeader;
  for (std::size_t i = 0; i < kDeep; ++i)
    text += fmt::format("kpi k{} {{\n  measure k{} + 1%\n}}\n", i, (i + 1) % kDeep);
  check_reports_cycle(text);
}

TEST_CASE("a cycle through 10,000 values is reported, not followed forever") {
  std::string text = kHeader;
  for (std::size_t i = 0; i < kDeep; ++i)
    text += fmt::format("value v{} for customers = v{} + 1 USD\n", i, (i + 1) % kDeep);
  check_reports_cycle(text);
}

TEST_CASE("10,000 initiatives each requiring the previous one check") {
  std::string text = kHeader + "kpi churn {\n  measure share(customers where churned)\n}\n";
  for (std::size_t i = 0; i < kDeep; ++i) {
    text += fmt::format("initiative i{} {{\n  cost 1k USD once\n  effect churn -0.1pp\n", i);
    if (i > 0) text += fmt::format("  requires i{}\n", i - 1);
    text += "}\n";
  }
  CheckResult r = check(text);
  CHECK(violation(r) == "");
  REQUIRE(r.ok());
  CHECK(r.program->initiatives.size() == kDeep);
}

// ---------------------------------------------------------------- size

TEST_CASE("a 2 MB framework of 1,000 KPIs and 1,000 initiatives checks clean") {
  // bench/check/ measures the same kind of file at 10 and 50 MB in Release.
  std::string text = kHeader;
  std::size_t n = 0;
  while (text.size() < 2'000'000) {
    text += fmt::format(
        "# KPI and initiative number {}\n"
        "kpi k{} \"Churn after {} months\" {{\n  perspective customer\n  category retention\n"
        "  stakeholders customers\n  measure share(customers where churned and tenure > {} months)\n"
        "  better lower\n  target 1.5%\n  thresholds {{ green 1.5%  amber 2.0% }}\n}}\n"
        "initiative i{} \"Outreach {}\" {{\n  owner \"Team {}\"\n  cost {}k USD once + 2k USD per month\n"
        "  start 2027-{:02}\n  ramp 3 months\n  effect k{} -0.{}pp\n  evidence correlational \"study {}\"\n"
        "  stage continuous_improvement\n}}\n\n",
        n, n, n % 24, n % 24, n, n, n % 97, 10 + n % 500, 1 + n % 12, n, 1 + n % 9, n);
    ++n;
  }
  CheckResult r = check(text);
  CHECK(violation(r) == "");
  INFO(r.diagnostics.error_count(), " errors");
  REQUIRE(r.ok());
  CHECK(r.program->kpis.size() == n);
  CHECK(r.program->initiatives.size() == n);
  CHECK(n > 800);
}

TEST_CASE("5 MB of comments check") {
  const std::string line = "# a comment line of some length, as long files have them: 0123456789\n";
  const std::size_t lines = 5'000'000 / line.size() + 1;
  std::string text = kHeader + "kpi k {\n  measure share(customers where churned)\n}\n" + repeat(line, lines);
  REQUIRE(text.size() > 5'000'000);
  CheckResult r = check(std::move(text));
  CHECK(violation(r) == "");
  CHECK(r.ok());
}

TEST_CASE("a 5 MB line is one located error") {
  SUBCASE("of letters: one long name, then no declaration") {
    CheckResult r = check(kHeader + std::string(5'000'000, 'x'));
    CHECK(violation(r) == "");
    CHECK(where(r, "E007") == std::to_string(kFirstLine) + ":1");
  }
  SUBCASE("an unterminated string") {
    CheckResult r = check(kHeader + "initiative a {\n  owner \"" + std::string(5'000'000, 'x'));
    CHECK(violation(r) == "");
    CHECK(where(r, "E003") == std::to_string(kFirstLine + 1) + ":9");
  }
}

// ---------------------------------------------------------- bytes and text

TEST_CASE("a NUL byte is E002 where it is, in every part of the text") {
  struct Case {
    const char* where;
    std::string before, after;
  };
  const Case cases[] = {
      {"first byte", "", kHeader},
      {"in a name", kHeader + "kpi ch", "urn {\n  measure share(customers where churned)\n}\n"},
      {"in a string", kHeader + "kpi k \"Churn", " rate\" {\n  measure share(customers where churned)\n}\n"},
      {"in a comment", kHeader + "# note", "\nkpi k {\n  measure share(customers where churned)\n}\n"},
      {"in a number", kHeader + "kpi k {\n  target 1", ".5%\n}\n"},
      {"last byte", kHeader, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.where);
    std::string text = c.before + std::string(1, '\0') + c.after;
    CheckResult r = check(text);
    CHECK(violation(r) == "");
    REQUIRE(has(r, "E002"));
    const Diagnostic* d = nullptr;
    for (const Diagnostic& x : r.diagnostics.all())
      if (x.code == "E002") d = &x;
    REQUIRE(d->span);
    CHECK(d->span->begin == c.before.size());
    CHECK(r.program == nullptr);
  }
}

TEST_CASE("a file of NUL bytes gives a bounded number of errors") {
  CheckResult r = check(std::string(1'000'000, '\0'));
  CHECK(violation(r) == "");
  CHECK(has(r, "E002"));
  CHECK(r.diagnostics.all().size() <= 20);  // not a million
}

TEST_CASE("invalid UTF-8 is E001 at the offending byte, in strings, comments and names") {
  // Each is invalid by RFC 3629: what a lenient decoder would accept must be refused.
  const std::pair<const char*, std::string> bad[] = {
      {"overlong '/' in 2 bytes", "\xC0\xAF"},
      {"overlong '/' in 3 bytes", "\xE0\x80\xAF"},
      {"overlong '/' in 4 bytes", "\xF0\x80\x80\xAF"},
      {"overlong NUL", "\xC0\x80"},
      {"high surrogate", "\xED\xA0\x80"},
      {"low surrogate", "\xED\xBF\xBF"},
      {"above U+10FFFF", "\xF4\x90\x80\x80"},
      {"lead byte F5", "\xF5\x80\x80\x80"},
      {"byte FF", "\xFF"},
      {"lone continuation byte", "\x80"},
      {"truncated 2-byte sequence", "\xC3"},
      {"truncated 3-byte sequence", "\xE2\x82"},
      {"truncated 4-byte sequence", "\xF0\x9F\x98"},
  };
  const std::pair<const char*, std::string> places[] = {
      {"string", kHeader + "kpi k \"Churn "},
      {"comment", kHeader + "# note "},
      {"name", kHeader + "kpi chu"},
  };
  for (const auto& [what, bytes] : bad) {
    for (const auto& [place, before] : places) {
      CAPTURE(what);
      CAPTURE(place);
      // The sequence is followed by ASCII, so a truncated one stays truncated.
      std::string text = before + bytes + "x\" {\n  measure share(customers where churned)\n}\n";
      CheckResult r = check(text);
      CHECK(violation(r) == "");
      CHECK(r.program == nullptr);
      REQUIRE(has(r, "E001"));
      // The first E001 is at the sequence's first byte (its other bytes may
      // be reported too, as lone continuation bytes).
      const Diagnostic* first = nullptr;
      for (const Diagnostic& d : r.diagnostics.all())
        if (d.code == "E001" && (!first || d.span->begin < first->span->begin)) first = &d;
      CHECK(first->span->begin == before.size());
      // At the very end of the file too.
      CheckResult at_end = check(before + bytes);
      CHECK(violation(at_end) == "");
      CHECK(has(at_end, "E001"));
    }
  }
}

TEST_CASE("valid UTF-8 of every length passes in strings and comments") {
  // 2, 3 and 4 byte sequences, the largest code point and a BOM at the start.
  std::string text = "\xEF\xBB\xBF" + kHeader +
                     "# caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF\n"
                     "kpi k \"Churn \xE2\x80\x94 caf\xC3\xA9 \xF0\x9F\x98\x80\" {\n"
                     "  measure share(customers where churned)\n}\n";
  CheckResult r = check(text);
  CHECK(violation(r) == "");
  CHECK(r.ok());
}

TEST_CASE("a valid non-ASCII letter in a name is an error, not an encoding error") {
  CheckResult r = check(kHeader + "kpi caf\xC3\xA9 {\n  measure share(customers where churned)\n}\n");
  CHECK(violation(r) == "");
  CHECK_FALSE(r.ok());
  CHECK_FALSE(has(r, "E001"));
}

// ---------------------------------------------------------------- random

TEST_CASE("random bytes give diagnostics, never a crash") {
  std::mt19937 rng(20270315);
  int rejected = 0;
  const int cases = 3000;
  for (int i = 0; i < cases; ++i) {
    std::string text(rng() % 600, '\0');
    for (char& c : text) c = static_cast<char>(rng() & 0xFF);
    CheckResult r = check(text);
    INFO("case ", i);
    REQUIRE(violation(r) == "");
    if (!r.ok()) ++rejected;
  }
  // Almost every random text is wrong; the empty one, at least, is not.
  CHECK(rejected > cases * 9 / 10);
}

TEST_CASE("random sequences of cxv's own tokens give diagnostics, never a crash") {
  // Token soup reaches deeper than random bytes: past the encoding scan into
  // the grammar's error points and, when it parses, the checker.
  const char* const tokens[] = {
      "kpi", "initiative", "driver", "value", "table", "framework", "stakeholder", "funding", "expect",
      "experiment", "import", "function", "measure", "effect", "cost", "once", "per", "month", "months",
      "requires", "excludes", "target", "thresholds", "green", "amber", "where", "and", "or", "not",
      "share", "count", "mean", "delta", "saturate", "cumulative", "customers", "churned", "tenure", "k",
      "i0", "(", ")", "{", "}", ",", ":", ".", "=", "+=", "+", "-", "*", "/", "^", "<", ">=", "==", "!=",
      "1", "1.5%", "0.25pp", "450k", "1.2M", "USD", "points", "2027-03", "2027-13-40", "\"t\"", "\"",
      "\\", "#", "\n", " ", "\t", ";", "\r\n", "_", "\xC3\xA9", "99999999999999999999999999999999999",
      "currency", "start", "horizon", "discount", "weight", "100%", "for", "key", "text", "bool", "optional"};
  constexpr std::size_t kTokens = sizeof(tokens) / sizeof(tokens[0]);
  std::mt19937 rng(20270401);
  int parsed = 0;
  const int cases = 2000;
  for (int i = 0; i < cases; ++i) {
    // Half the cases start from a valid header, so the checker sees the rest.
    std::string text = (i % 2 == 0) ? kHeader : std::string();
    std::size_t n = rng() % 80;
    for (std::size_t t = 0; t < n; ++t) {
      text += tokens[rng() % kTokens];
      text += ' ';
    }
    CheckResult r = check(text);
    INFO("case ", i, ": ", text.substr(text.size() > 4000 ? text.size() - 4000 : 0));
    REQUIRE(violation(r) == "");
    if (r.ok()) ++parsed;
  }
  CHECK(parsed < cases);
}
