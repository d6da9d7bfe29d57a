#pragma once
// Markdown table pieces for the Markdown reports: a cell with pipes escaped
// and line breaks folded (either would end the cell or the table), a row,
// and a header with its alignment row (`---:` for right-aligned columns).

#include <string>
#include <vector>

namespace cxv::report {

std::string md_cell(const std::string& s);
std::string md_row(const std::vector<std::string>& cells);
std::string md_header(const std::vector<std::string>& names, const std::vector<bool>& right);

}  // namespace cxv::report
