#include "report/text_table.hpp"

#include <algorithm>

#include "report/display.hpp"

namespace cxv::report {

const char* status_color(const std::string& status) {
  if (status == "green") return "\x1b[32m";
  if (status == "amber") return "\x1b[33m";
  if (status == "red") return "\x1b[31m";
  return nullptr;
}

namespace {

// A line break inside a cell (a quoted CSV field may hold one) would break the
// table: show it as the two characters \n instead.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

}  // namespace

std::string layout(const TextTable& input, bool color, int indent) {
  TextTable table = input;
  for (auto& row : table.rows)
    for (auto& cell : row) cell.text = one_line(cell.text);
  const std::size_t n = table.header.size();
  std::vector<std::size_t> width(n, 0);
  for (std::size_t c = 0; c < n; ++c) width[c] = display_width(table.header[c]);
  for (const auto& row : table.rows)
    for (std::size_t c = 0; c < n && c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c].text));

  const std::string pad(static_cast<std::size_t>(indent), ' ');
  auto line = [&](const std::vector<Cell>& cells) {
    std::string out = pad;
    for (std::size_t c = 0; c < n; ++c) {
      const Cell empty{};
      const Cell& cell = c < cells.size() ? cells[c] : empty;
      const std::string fill(width[c] - display_width(cell.text), ' ');
      const bool right = c < table.right.size() && table.right[c];
      std::string text = color && cell.color ? std::string(cell.color) + cell.text + "\x1b[0m" : cell.text;
      out += right ? fill + text : text + (c + 1 == n ? "" : fill);
      if (c + 1 != n) out += "  ";
    }
    return out + "\n";
  };

  std::vector<Cell> header;
  for (const auto& h : table.header) header.push_back(Cell{h});
  std::string out = line(header);
  std::string rule = pad;
  for (std::size_t c = 0; c < n; ++c) rule += std::string(width[c], '-') + (c + 1 == n ? "" : "  ");
  out += rule + "\n";
  for (const auto& row : table.rows) out += line(row);
  return out;
}

}  // namespace cxv::report
