// The JSON form of an explanation (schema in docs/explain.md): the same tree,
// numbers exact (never through a double), each step's source location.

#include "explain/explanation.hpp"
#include "report/json_writer.hpp"

namespace cxv::explain {
namespace {

void source(report::JsonWriter& w, const SourceMap& sources, const Span& span) {
  const SourceFile& f = sources.file(span.file);
  const Position p = f.position(span.begin);
  w.key("source");
  w.begin_object();
  w.key("file");
  w.string(f.path());
  w.key("line");
  w.integer(p.line);
  w.key("column");
  w.integer(p.col);
  w.end_object();
}

void table(report::JsonWriter& w, const StepTable& t) {
  w.key("table");
  w.begin_object();
  w.key("columns");
  w.begin_array();
  for (const std::string& c : t.columns) w.string(c);
  w.end_array();
  w.key("units");
  w.begin_array();
  for (const std::string& u : t.units) u.empty() ? w.null() : w.string(u);
  w.end_array();
  w.key("rows");
  w.begin_array();
  for (const auto& row : t.rows) {
    w.begin_array();
    for (const Cell& c : row) c.value ? w.number(*c.value) : w.string(c.shown);
    w.end_array();
  }
  w.end_array();
  w.end_object();
}

void step(report::JsonWriter& w, const SourceMap& sources, const Step& s) {
  w.begin_object();
  w.key("label");
  w.string(s.label);
  if (!s.expression.empty()) {
    w.key("expression");
    w.string(s.expression);
  }
  if (s.value) {
    w.key("value");
    w.number(*s.value);
    w.key("unit");
    s.unit.empty() ? w.null() : w.string(s.unit);
  }
  if (!s.shown.empty()) {
    w.key("shown");
    w.string(s.shown);
  }
  if (s.span) source(w, sources, *s.span);
  if (s.table) table(w, *s.table);
  if (!s.steps.empty()) {
    w.key("steps");
    w.begin_array();
    for (const Step& c : s.steps) step(w, sources, c);
    w.end_array();
  }
  w.end_object();
}

}  // namespace

std::string render_json(const Explanation& x, const SourceMap& sources) {
  report::JsonWriter w;
  w.begin_object();
  w.key("kind");
  w.string(x.kind);
  w.key("name");
  w.string(x.name);
  w.key("title");
  w.string(x.title);
  if (x.span) source(w, sources, *x.span);
  w.key("steps");
  w.begin_array();
  for (const Step& s : x.steps) step(w, sources, s);
  w.end_array();
  w.end_object();
  return w.finish();
}

}  // namespace cxv::explain
