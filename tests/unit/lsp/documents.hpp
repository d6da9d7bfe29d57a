#pragma once
// Small documents for the server tests. They are checked as files beside the
// flagship example, so their tables read examples/telecom/data/.

#include <string>

#include "lsp/uri.hpp"

namespace cxv::lsp::test {

inline std::string example_dir() { return std::string(CXV_SOURCE_DIR) + "/examples/telecom"; }
inline std::string uri_beside_example(const std::string& name) { return uri_from_path(example_dir() + "/" + name); }

// A complete little framework: a table, two KPIs (one named like a column),
// a value, an initiative, a function.
inline const char* kSmall =
    "framework \"Small\" {\n"                                   // 0
    "  currency USD\n"                                          // 1
    "  start 2027-01\n"                                         // 2
    "  horizon 12 months\n"                                     // 3
    "  discount 8% per year\n"                                  // 4
    "}\n"                                                       // 5
    "stakeholder customers \"Customers\" { weight 100% }\n"     // 6
    "table customers from \"data/customers.csv\" {\n"           // 7
    "  key customer_id: text\n"                                 // 8
    "  segment: text\n"                                         // 9
    "  monthly_revenue: USD/month\n"                            // 10
    "  tenure: months\n"                                        // 11
    "  nps: points optional\n"                                  // 12
    "  churned: bool\n"                                         // 13
    "  support_calls: count per month\n"                        // 14
    "  provenance first_party\n"                                // 15
    "}\n"                                                       // 16
    "kpi churn \"Monthly churn rate\" {\n"                      // 17
    "  perspective customer\n"                                  // 18
    "  stakeholders customers\n"                                // 19
    "  measure share(customers where churned)\n"                // 20
    "  better lower\n"                                          // 21
    "  target 1.5%\n"                                           // 22
    "}\n"                                                       // 23
    "kpi nps \"Net Promoter Score\" {\n"                        // 24
    "  perspective customer\n"                                  // 25
    "  stakeholders customers\n"                                // 26
    "  measure (share(customers where nps >= 9) - share(customers where nps <= 6)) * 100 points\n"  // 27
    "  better higher\n"                                         // 28
    "  target 35 points\n"                                      // 29
    "}\n"                                                       // 30
    "function halve(x, by: 2) = x / by\n"                       // 31
    "value kept \"Kept\" for customers = halve(-delta(churn) * count(customers)) * mean(customers.monthly_revenue)\n"  // 32
    "initiative calls \"Call back\" {\n"                        // 33
    "  cost 10k USD once\n"                                     // 34
    "  effect churn -0.1pp\n"                                   // 35
    "  evidence assumed \"guess\"\n"                            // 36
    "}\n";                                                      // 37

}  // namespace cxv::lsp::test
