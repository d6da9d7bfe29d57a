#pragma once
// Small helpers to write portfolio problems in tests.

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "numeric/decimal.hpp"
#include "portfolio/problem.hpp"
#include "portfolio/solution.hpp"

namespace doctest {
template <>
struct StringMaker<std::optional<cxv::Decimal>> {
  static String convert(const std::optional<cxv::Decimal>& d) {
    return d ? String(d->to_string().c_str()) : String("nullopt");
  }
};
template <>
struct StringMaker<cxv::Decimal> {
  static String convert(const cxv::Decimal& d) { return String(d.to_string().c_str()); }
};
}  // namespace doctest

namespace portfolio_test {

inline cxv::Decimal dec(const char* text) {
  auto v = cxv::Decimal::parse(text);
  REQUIRE_MESSAGE(v.has_value(), text);
  return *v;
}

// Adds a candidate and returns its index.
inline std::size_t add(cxv::portfolio::Problem& p, std::string name, const char* cost,
                       const char* objective) {
  cxv::portfolio::Candidate c;
  c.name = std::move(name);
  c.cost = dec(cost);
  c.objective = dec(objective);
  p.candidates.push_back(std::move(c));
  return p.candidates.size() - 1;
}

inline std::vector<std::string> funded_names(const cxv::portfolio::Problem& p,
                                             const cxv::portfolio::Solution& s) {
  std::vector<std::string> out;
  for (std::size_t i : s.funded) out.push_back(p.candidates[i].name);
  return out;
}

using Names = std::vector<std::string>;

}  // namespace portfolio_test
