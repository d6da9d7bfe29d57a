// The terminal renderer, asserted byte for byte on hand-built diagnostics.
#include <doctest/doctest.h>

#include "diag/render.hpp"

using namespace cxv;

namespace {

// The span of the first occurrence of `needle` in file `id`'s text.
Span span_of(const SourceMap& sm, FileId id, std::string_view needle, std::size_t from = 0) {
  auto pos = sm.file(id).text().find(needle, from);
  REQUIRE(pos != std::string::npos);
  return Span{id, static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + needle.size())};
}

TextOptions no_summary() {
  TextOptions o;
  o.summary = false;
  return o;
}

}  // namespace

TEST_CASE("an error shows the header, the source line and a caret under the span") {
  SourceMap sm;
  std::string text;
  for (int i = 1; i < 20; ++i) text += "# line " + std::to_string(i) + "\n";
  text += "  churn += chrun * 2\n";
  auto id = sm.add("telecom.cxv", text);
  Diagnostics ds;
  auto& d = ds.error("E031", span_of(sm, id, "chrun"), "unknown KPI 'chrun'");
  d.help = "did you mean 'churn'?";
  d.notes.push_back(Note{d.span, "not declared"});

  CHECK(render_text(sm, ds) ==
        "telecom.cxv:20:12: error[E031]: unknown KPI 'chrun'\n"
        "   |\n"
        "20 |   churn += chrun * 2\n"
        "   |            ^^^^^ not declared\n"
        "   = help: did you mean 'churn'?\n"
        "\n"
        "error: 1 error in telecom.cxv\n");
}

TEST_CASE("columns count code points and the caret lines up after multibyte characters") {
  SourceMap sm;
  auto id = sm.add("t.cxv", "framework \"Acme — CX\" { x }\n");
  Diagnostics ds;
  ds.error("E010", span_of(sm, id, "x"), "unexpected name");
  CHECK(render_text(sm, ds, no_summary()) ==
        "t.cxv:1:25: error[E010]: unexpected name\n"
        "  |\n"
        "1 | framework \"Acme — CX\" { x }\n"
        "  |                         ^\n"
        "\n");
}

TEST_CASE("tabs are expanded to four-column stops in the line and under it") {
  SourceMap sm;
  auto id = sm.add("t.cxv", "\tab\tcd\n");
  Diagnostics ds;
  ds.error("E010", span_of(sm, id, "cd"), "bad");
  // "\t" -> 4 spaces, "ab" ends at column 6, "\t" -> 2 spaces to reach column 8.
  CHECK(render_text(sm, ds, no_summary()) ==
        "t.cxv:1:5: error[E010]: bad\n"
        "  |\n"
        "1 |     ab  cd\n"
        "  |         ^^\n"
        "\n");
}

TEST_CASE("a span over several lines is underlined to the end of its first line") {
  SourceMap sm;
  auto id = sm.add("t.cxv", "kpi churn {\n  better lower\n");
  Diagnostics ds;
  ds.error("E002", Span{id, 4, static_cast<std::uint32_t>(sm.file(id).text().size())}, "unclosed");
  CHECK(render_text(sm, ds, no_summary()) ==
        "t.cxv:1:5: error[E002]: unclosed\n"
        "  |\n"
        "1 | kpi churn {\n"
        "  |     ^^^^^^^\n"
        "\n");
}

TEST_CASE("an empty span at the end of the file gets one caret after the last character") {
  SourceMap sm;
  auto id = sm.add("t.cxv", "kpi churn {");
  Diagnostics ds;
  ds.error("E002", Span{id, 11, 11}, "expected '}'");
  CHECK(render_text(sm, ds, no_summary()) ==
        "t.cxv:1:12: error[E002]: expected '}'\n"
        "  |\n"
        "1 | kpi churn {\n"
        "  |            ^\n"
        "\n");
}

TEST_CASE("notes with a place get their own header and snippet; plain notes and help go under the error") {
  SourceMap sm;
  auto id = sm.add("t.cxv", "kpi churn {}\nkpi churn {}\n");
  Diagnostics ds;
  auto& d = ds.error("E032", span_of(sm, id, "churn", 5), "'churn' is declared twice");
  d.notes.push_back(Note{span_of(sm, id, "churn"), "first declared here"});
  d.notes.push_back(Note{std::nullopt, "names are shared by KPIs, values and initiatives"});
  d.help = "rename one of them";
  CHECK(render_text(sm, ds, no_summary()) ==
        "t.cxv:2:5: error[E032]: 'churn' is declared twice\n"
        "  |\n"
        "2 | kpi churn {}\n"
        "  |     ^^^^^\n"
        "  = note: names are shared by KPIs, values and initiatives\n"
        "  = help: rename one of them\n"
        "t.cxv:1:5: note: first declared here\n"
        "  |\n"
        "1 | kpi churn {}\n"
        "  |     -----\n"
        "\n");
}

TEST_CASE("the gutter is as wide as the largest line number in the diagnostic") {
  SourceMap sm;
  std::string text = "kpi a {}\n";
  for (int i = 2; i < 10; ++i) text += "\n";
  text += "kpi a {}\n";
  auto id = sm.add("t.cxv", text);
  Diagnostics ds;
  auto& d = ds.error("E032", span_of(sm, id, "a", 5), "twice");
  d.notes.push_back(Note{span_of(sm, id, "a"), "first"});
  CHECK(render_text(sm, ds, no_summary()) ==
        "t.cxv:10:5: error[E032]: twice\n"
        "   |\n"
        "10 | kpi a {}\n"
        "   |     ^\n"
        "t.cxv:1:5: note: first\n"
        "   |\n"
        " 1 | kpi a {}\n"
        "   |     -\n"
        "\n");
}

TEST_CASE("a CSV problem is located in the CSV file and points back at the declaration") {
  SourceMap sm;
  auto id = sm.add("telecom.cxv", "table customers from \"customers.csv\" {\n  monthly_revenue: USD/month\n}\n");
  Diagnostics ds;
  Diagnostic d;
  d.code = "E104";
  d.message = "'fifty' is not a number (column monthly_revenue)";
  d.external_file = "data/customers.csv";
  d.external_line = 5;
  d.external_col = 2;
  d.span = span_of(sm, id, "monthly_revenue");
  ds.add(d);
  d.span.reset();
  d.external_line = 7;
  d.external_col = 0;
  ds.add(d);
  CHECK(render_text(sm, ds, no_summary()) ==
        "data/customers.csv:5:2: error[E104]: 'fifty' is not a number (column monthly_revenue)\n"
        " --> telecom.cxv:2:3\n"
        "  |\n"
        "2 |   monthly_revenue: USD/month\n"
        "  |   ^^^^^^^^^^^^^^^\n"
        "\n"
        "data/customers.csv:7: error[E104]: 'fifty' is not a number (column monthly_revenue)\n"
        "\n");
}

TEST_CASE("a diagnostic without any location is a bare header") {
  SourceMap sm;
  Diagnostics ds;
  ds.error("E190", std::nullopt, "cannot read the file");
  CHECK(render_text(sm, ds, no_summary()) == "error[E190]: cannot read the file\n\n");
}

TEST_CASE("a span into a file the map does not hold renders without a location instead of crashing") {
  SourceMap sm;
  sm.add("t.cxv", "x");
  Diagnostics ds;
  ds.error("E031", Span{7, 0, 1}, "odd");
  ds.error("E031", Span{0, 50, 40}, "past the end");
  CHECK(render_text(sm, ds, no_summary()) ==
        "error[E031]: odd\n\n"
        "t.cxv:1:2: error[E031]: past the end\n"
        "  |\n"
        "1 | x\n"
        "  |  ^\n"
        "\n");
}

TEST_CASE("control characters and invalid UTF-8 are replaced so they cannot reach the terminal") {
  SourceMap sm;
  auto id = sm.add("t.cxv", std::string("a\x1b[2Jb \xff c\0d", 12));
  Diagnostics ds;
  ds.error("E001", Span{id, 9, 10}, "bad byte \x1b");
  CHECK(render_text(sm, ds, no_summary()) ==
        "t.cxv:1:10: error[E001]: bad byte \xEF\xBF\xBD\n"
        "  |\n"
        "1 | a\xEF\xBF\xBD[2Jb \xEF\xBF\xBD c\xEF\xBF\xBD" "d\n"
        "  |          ^\n"
        "\n");
}

TEST_CASE("a very long line is cut to a window around the span") {
  SourceMap sm;
  std::string text(1000, 'a');
  text.replace(500, 3, "BAD");
  auto id = sm.add("t.cxv", text);
  Diagnostics ds;
  ds.error("E001", Span{id, 500, 503}, "bad");
  std::string out = render_text(sm, ds, no_summary());
  std::string expected_line = "1 | ..." + std::string(60, 'a') + "BAD" + std::string(137, 'a') + "...\n";
  CHECK(out.find(expected_line) != std::string::npos);
  CHECK(out.find("  | " + std::string(63, ' ') + "^^^\n") != std::string::npos);
}

TEST_CASE("quiet mode shows errors only; the summary still counts everything") {
  SourceMap sm;
  auto id = sm.add("t.cxv", "kpi a {}\n");
  Diagnostics ds;
  ds.warning("L001", Span{id, 0, 3}, "only one KPI");
  TextOptions o;
  o.show_warnings = false;
  CHECK(render_text(sm, ds, o) == "warning: 1 warning in t.cxv\n");
}

TEST_CASE("the summary line counts errors and warnings across files") {
  CHECK(render_summary({2, 1}, {"telecom.cxv"}) == "error: 2 errors, 1 warning in telecom.cxv\n");
  CHECK(render_summary({1, 0}, {"a.cxv", "b.cxv"}) == "error: 1 error in a.cxv, b.cxv\n");
  CHECK(render_summary({0, 3}, {"a.cxv"}) == "warning: 3 warnings in a.cxv\n");
  CHECK(render_summary({0, 0}, {"a.cxv", "b.cxv", "c.cxv", "d.cxv"}) == "ok: no problems in 4 files\n");
}

TEST_CASE("several sets render in order under one summary, each against its own sources") {
  SourceMap a;
  SourceMap b;
  auto ia = a.add("a.cxv", "kpi x {}\n");
  auto ib = b.add("b.cxv", "\nkpi y {}\n");
  Diagnostics da;
  Diagnostics db;
  da.error("E031", Span{ia, 4, 5}, "one");
  db.warning("L002", Span{ib, 5, 6}, "two");
  std::string out = render_text({{&a, &da, {}}, {&b, &db, {}}});
  CHECK(out ==
        "a.cxv:1:5: error[E031]: one\n"
        "  |\n"
        "1 | kpi x {}\n"
        "  |     ^\n"
        "\n"
        "b.cxv:2:5: warning[L002]: two\n"
        "  |\n"
        "2 | kpi y {}\n"
        "  |     ^\n"
        "\n"
        "error: 1 error, 1 warning in a.cxv, b.cxv\n");
}

TEST_CASE("a file that could not be read is named in the summary through the set's file") {
  SourceMap sm;
  Diagnostics ds;
  Diagnostic d;
  d.code = "E190";
  d.message = "file not found";
  d.external_file = "missing.cxv";
  ds.add(d);
  CHECK(render_text({{&sm, &ds, "missing.cxv"}}) ==
        "missing.cxv: error[E190]: file not found\n\nerror: 1 error in missing.cxv\n");
}

TEST_CASE("colour wraps severities and gutters in ANSI codes only when asked") {
  SourceMap sm;
  auto id = sm.add("t.cxv", "kpi a {}\n");
  Diagnostics ds;
  ds.error("E031", Span{id, 4, 5}, "m");
  TextOptions o;
  o.color = true;
  std::string out = render_text(sm, ds, o);
  CHECK(out.find("\x1b[1;31merror[E031]\x1b[0m") != std::string::npos);
  CHECK(out.find("\x1b[1;34m  |\x1b[0m") != std::string::npos);
  CHECK(render_text(sm, ds).find('\x1b') == std::string::npos);
}
