#pragma once
// Test helpers: check a .cxv text through the real parser and checker, and
// describe diagnostics as "line:col code message" for exact assertions.
#include <memory>
#include <string>

#include <fmt/core.h>

#include "check/checker.hpp"
#include "check/ir.hpp"

namespace cxv::test {

struct Checked {
  SourceMap sources;
  Diagnostics diags;
  std::shared_ptr<const ir::Program> program;

  // "12:5 E031 unknown name 'chrun'" for diagnostic i.
  std::string describe(std::size_t i) const {
    const Diagnostic& d = diags.all().at(i);
    if (!d.span) return fmt::format("- {} {}", d.code, d.message);
    const auto pos = sources.file(d.span->file).position(d.span->begin);
    return fmt::format("{}:{} {} {}", pos.line, pos.col, d.code, d.message);
  }
  // Every diagnostic, one per line, for failure messages.
  std::string all() const {
    std::string out;
    for (std::size_t i = 0; i < diags.all().size(); ++i) out += describe(i) + " | help: " + diags.all()[i].help + "\n";
    return out;
  }
  // The first diagnostic with this code, or null.
  const Diagnostic* find(const std::string& code) const {
    for (const auto& d : diags.all())
      if (d.code == code) return &d;
    return nullptr;
  }
  std::string describe_code(const std::string& code) const {
    for (std::size_t i = 0; i < diags.all().size(); ++i)
      if (diags.all()[i].code == code) return describe(i);
    return "(no " + code + ")\n" + all();
  }
};

// The path anchors relative imports and data paths; by default a directory
// of the test tree so that no CSV file exists next to it.
inline std::unique_ptr<Checked> check_text(std::string text, CheckOptions options = {},
                                           std::string path = std::string(CXV_SOURCE_DIR) + "/tests/unit/check/inline.cxv") {
  auto c = std::make_unique<Checked>();
  FileId id = c->sources.add(path, std::move(text));
  c->program = check_program(c->sources, id, c->diags, options);
  return c;
}

// A minimal valid framework header to prepend to snippets.
inline const char* kHeader = R"(framework "Test" {
  currency USD
  start 2027-01
  horizon 36 months
  discount 8% per year
}
stakeholder customers "Customers" { weight 60% }
stakeholder shareholders "Shareholders" { weight 40% }
table customers from "data/none.csv" {
  key customer_id: text
  segment: text
  monthly_revenue: USD/month
  tenure: months
  nps: points optional
  churned: bool
  support_calls: count per month
  handle_time: minutes
  provenance first_party
}
kpi churn "Churn" {
  perspective customer
  stakeholders customers
  measure share(customers where churned)
  better lower
  target 1.5%
}
kpi nps "NPS" {
  perspective customer
  measure (share(customers where nps >= 9) - share(customers where nps <= 6)) * 100 points
  better higher
}
)";

// kHeader has 31 lines: a snippet appended after it starts on line 32.
inline constexpr int kHeaderLines = 31;

}  // namespace cxv::test
