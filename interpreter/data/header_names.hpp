#pragma once
// How a CSV header row names its columns: the one rule that `cxv check`
// (check/headers.cpp, which reads only the header) and `cxv run` (the loader)
// share, so a header that passes one passes the other.
//
// The header is the file's first record, read like any other (RFC 4180
// quoting, CRLF, a UTF-8 byte-order mark before it). Each field is one
// column's name, with the spaces and tabs around it removed, quoted or not:
// `customer_id, segment` names `customer_id` and `segment`. Nothing else is
// changed: names are matched to declarations exactly, case included.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cxv::data {

// A header field as a column name: without the spaces and tabs around it.
std::string_view header_name(std::string_view field);

// The column names of a CSV file's header row, or nullopt when the file
// cannot be opened, is empty, or its first record is not valid CSV (the
// loader reports those; the check does not).
std::optional<std::vector<std::string>> read_header_names(const std::string& path);

}  // namespace cxv::data
