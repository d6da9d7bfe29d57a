#include "expect/render.hpp"

#include <fmt/format.h>

namespace cxv::expect {

namespace {

const char* kGreen = "\x1b[32m";
const char* kRed = "\x1b[31m";
const char* kBold = "\x1b[1m";
const char* kReset = "\x1b[0m";

std::string location(const FileResults& f, Span span) {
  const Position p = f.sources->file(span.file).position(span.begin);
  return fmt::format("{}:{}:{}", f.sources->file(span.file).path(), p.line, p.col);
}

std::string paint(const std::string& text, const char* colour, bool color) {
  return color ? std::string(colour) + text + kReset : text;
}

void render_condition(const FileResults& f, const ConditionResult& c, bool color, std::string& out) {
  if (c.passed) return;
  if (!c.error_code.empty()) {
    out += fmt::format("      {}: {}[{}]: {}\n", location(f, c.span), paint("error", kRed, color), c.error_code,
                       c.error);
    out += fmt::format("        {}\n", c.text);
    return;
  }
  out += fmt::format("      {}: {}\n", location(f, c.span), c.text);
  for (const Part& p : c.parts) out += fmt::format("        {} = {}\n", p.text, p.value);
}

}  // namespace

Counts count(const std::vector<FileResults>& files) {
  Counts c;
  for (const FileResults& f : files) {
    if (!f.error_text.empty()) ++c.broken_files;
    for (const ExpectResult& e : f.expects) (e.passed ? c.passed : c.failed)++;
  }
  return c;
}

std::string render_text(const std::vector<FileResults>& files, bool color) {
  std::string out;
  for (const FileResults& f : files) {
    out += color ? std::string(kBold) + f.path + kReset + "\n" : f.path + "\n";
    if (!f.error_text.empty()) {
      out += f.error_text;
      out += "  its expects did not run: the file has errors\n";
      continue;
    }
    if (f.expects.empty())
      out += f.filtered_out ? "  no expect matches the filter\n" : "  no expect blocks\n";
    for (const ExpectResult& e : f.expects) {
      out += fmt::format("  {}  {}\n", e.passed ? paint("PASS", kGreen, color) : paint("FAIL", kRed, color), e.title);
      for (const ConditionResult& c : e.conditions) render_condition(f, c, color, out);
    }
    if (f.filtered_out) out += fmt::format("  ({} filtered out)\n", f.filtered_out);
  }
  const Counts c = count(files);
  out += fmt::format("{} passed, {} failed", c.passed, c.failed);
  if (c.broken_files) out += fmt::format(", {} {} with errors", c.broken_files, c.broken_files == 1 ? "file" : "files");
  out += "\n";
  return out;
}

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const unsigned char u = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;
        out += ch;
    }
  }
  return out;
}

std::string render_junit(const std::vector<FileResults>& files) {
  const Counts total = count(files);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"cxv test\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                     total.passed + total.failed, total.failed, total.broken_files);
  for (const FileResults& f : files) {
    const Counts c = count({f});
    const std::string file = xml_escape(f.path);
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", file,
                       c.passed + c.failed, c.failed, c.broken_files);
    if (!f.error_text.empty())
      out += fmt::format("    <error message=\"the file has errors; its expects did not run\">{}</error>\n",
                         xml_escape(f.error_text));
    for (const ExpectResult& e : f.expects) {
      const Position p = f.sources->file(e.span.file).position(e.span.begin);
      out += fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"", xml_escape(e.title), file,
                         file, p.line);
      if (e.passed) {
        out += "/>\n";
        continue;
      }
      out += ">\n";
      for (const ConditionResult& cond : e.conditions) {
        if (cond.passed) continue;
        std::string body;
        render_condition(f, cond, false, body);
        const char* kind = cond.error_code.empty() ? "failure" : "error";
        out += fmt::format("      <{} message=\"{}\" type=\"{}\">{}</{}>\n", kind, xml_escape(cond.text),
                           cond.error_code.empty() ? "expect" : cond.error_code, xml_escape(body), kind);
      }
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace cxv::expect
