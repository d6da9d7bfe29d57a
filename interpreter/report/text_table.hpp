#pragma once
// Aligned plain-text tables: columns padded to their widest cell (counted in
// code points), numbers right-aligned, an optional ANSI colour per cell that
// does not disturb the alignment.

#include <string>
#include <vector>

namespace cxv::report {

struct Cell {
  std::string text;
  const char* color = nullptr;   // an ANSI SGR sequence, e.g. "\x1b[31m"; null for none
};

struct TextTable {
  std::vector<std::string> header;
  std::vector<bool> right;             // right-align this column
  std::vector<std::vector<Cell>> rows;
};

// The table with a header, a rule under it and one line per row; each line
// indented by `indent` spaces. Colours only when `color` is true.
std::string layout(const TextTable& table, bool color, int indent = 0);

// ANSI colours of the status words.
const char* status_color(const std::string& status);

}  // namespace cxv::report
