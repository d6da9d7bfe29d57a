// The terminal outline of an explanation: one line per step, its sub-steps
// indented under it, tables aligned (report/text_table.hpp).

#include <functional>

#include "explain/explanation.hpp"
#include "report/text_table.hpp"

namespace cxv::explain {
namespace {

std::string location(const SourceMap& sources, const Span& span) {
  const SourceFile& f = sources.file(span.file);
  return f.path() + ":" + std::to_string(f.position(span.begin).line);
}

bool is_number_column(const StepTable& t, std::size_t c) { return c < t.units.size() && !t.units[c].empty(); }

void table_text(const StepTable& t, int indent, std::string& out) {
  report::TextTable tt;
  tt.header = t.columns;
  for (std::size_t c = 0; c < t.columns.size(); ++c) tt.right.push_back(is_number_column(t, c));
  for (const auto& row : t.rows) {
    std::vector<report::Cell> cells;
    for (const Cell& c : row) cells.push_back(report::Cell{c.shown});
    tt.rows.push_back(std::move(cells));
  }
  out += report::layout(tt, false, indent);
}

void step_text(const Step& s, const SourceMap& sources, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string line = pad + "- " + s.label;
  if (!s.shown.empty()) line += ": " + s.shown;
  if (s.span) line += "   [" + location(sources, *s.span) + "]";
  out += line + "\n";
  if (!s.expression.empty()) out += pad + "    " + s.expression + "\n";
  if (s.table) table_text(*s.table, indent + 4, out);
  for (const Step& c : s.steps) step_text(c, sources, indent + 2, out);
}

const char* kind_title(const std::string& kind) {
  if (kind == "kpi") return "KPI";
  if (kind == "value") return "Value";
  if (kind == "initiative") return "Initiative";
  if (kind == "driver") return "Driver";
  if (kind == "experiment") return "Experiment";
  if (kind == "stakeholder") return "Stakeholder";
  if (kind == "table") return "Table";
  return "Portfolio";
}

}  // namespace

std::string render_text(const Explanation& x, const SourceMap& sources) {
  std::string out = std::string(kind_title(x.kind)) + (x.kind == "portfolio" ? "" : " " + x.name);
  if (!x.title.empty()) out += " — " + x.title;
  if (x.span) out += "   [" + location(sources, *x.span) + "]";
  out += "\n\n";
  for (const Step& s : x.steps) step_text(s, sources, 0, out);
  return out;
}

std::string render_markdown(const Explanation& x, const SourceMap& sources) {
  std::string out = "# " + std::string(kind_title(x.kind)) + " `" + x.name + "`";
  if (!x.title.empty()) out += " — " + x.title;
  out += "\n\n";
  if (x.span) out += "Declared at `" + location(sources, *x.span) + "`.\n\n";
  // Nested lists; a table ends the list it belongs to and starts again below it.
  std::function<void(const Step&, int)> step = [&](const Step& s, int depth) {
    const std::string pad(static_cast<std::size_t>(depth * 2), ' ');
    std::string line = pad + "- " + s.label;
    if (!s.shown.empty()) line += ": **" + s.shown + "**";
    if (!s.expression.empty()) line += " — `" + s.expression + "`";
    if (s.span) line += " (" + location(sources, *s.span) + ")";
    out += line + "\n";
    if (s.table) {
      out += "\n";
      const StepTable& t = *s.table;
      std::string head = "|", rule = "|";
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        head += " " + t.columns[c] + " |";
        rule += is_number_column(t, c) ? " ---: |" : " --- |";
      }
      out += head + "\n" + rule + "\n";
      for (const auto& row : t.rows) {
        std::string r = "|";
        for (const Cell& c : row) r += " " + c.shown + " |";
        out += r + "\n";
      }
      out += "\n";
    }
    for (const Step& c : s.steps) step(c, depth + 1);
  };
  for (const Step& s : x.steps) step(s, 0);
  return out;
}

}  // namespace cxv::explain
