#pragma once
// A small .cxv declaration in a SourceMap, and the TableSchema an evaluator
// would make of it, with spans pointing at each column's declaration.

#include <string>

#include "data/schema.hpp"
#include "source/source.hpp"

namespace cxv::data::testing {

inline const char* kTelecomCxv =
    "# line 1\n"
    "table customers from \"customers.csv\" {\n"   // line 2
    "  key customer_id: text\n"                    // line 3
    "  segment: text\n"                            // line 4
    "  monthly_revenue: USD/month\n"               // line 5
    "  nps: points optional\n"                     // line 6
    "  churned: bool\n"                            // line 7
    "  signup: date optional\n"                    // line 8
    "}\n";

struct Declared {
  SourceMap sources;
  TableSchema schema;
};

inline Span span_of(const SourceMap& sources, const std::string& needle) {
  const std::string& text = sources.file(0).text();
  auto at = static_cast<std::uint32_t>(text.find(needle));
  return Span{0, at, at + static_cast<std::uint32_t>(needle.size())};
}

inline Declared telecom() {
  Declared d;
  d.sources.add("telecom.cxv", kTelecomCxv);
  auto col = [&](std::string name, ColumnKind kind, std::string unit, bool optional, bool key = false) {
    ColumnSchema c;
    c.name = name;
    c.kind = kind;
    c.unit = std::move(unit);
    c.optional = optional;
    c.key = key;
    c.declared_at = span_of(d.sources, name + ":");
    return c;
  };
  d.schema.name = "customers";
  d.schema.path = "customers.csv";
  d.schema.declared_at = span_of(d.sources, "\"customers.csv\"");
  d.schema.columns = {col("customer_id", ColumnKind::text, "", false, true),
                      col("segment", ColumnKind::text, "", false),
                      col("monthly_revenue", ColumnKind::number, "USD/month", false),
                      col("nps", ColumnKind::number, "points", true),
                      col("churned", ColumnKind::boolean, "", false),
                      col("signup", ColumnKind::date, "", true)};
  return d;
}

}  // namespace cxv::data::testing
