#include "report/markdown_writer.hpp"

namespace cxv::report {

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

std::string md_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + md_cell(c) + " |";
  return out + "\n";
}

std::string md_header(const std::vector<std::string>& names, const std::vector<bool>& right) {
  std::string out = md_row(names) + "|";
  for (std::size_t i = 0; i < names.size(); ++i) out += right[i] ? " ---: |" : " --- |";
  return out + "\n";
}

}  // namespace cxv::report
