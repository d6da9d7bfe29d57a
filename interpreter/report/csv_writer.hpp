#pragma once
// RFC 4180 records for the CSV reports: a field is quoted when it holds a
// comma, a quote or a line break, with quotes doubled; records end in CRLF.

#include <string>
#include <vector>

namespace cxv::report {

std::string csv_field(const std::string& s);
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace cxv::report
