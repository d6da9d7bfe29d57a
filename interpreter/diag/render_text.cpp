// Terminal text: a gcc-style header line (what problem matchers parse), then the
// source line with a gutter and a caret under the span, rustc-style.
//
//   telecom.cxv:20:11: error[E031]: unknown KPI 'chrun'
//      |
//   20 |   churn += chrun * 2
//      |            ^^^^^ not declared
//      = help: did you mean 'churn'?

#include <algorithm>
#include <string>
#include <string_view>

#include "diag/render.hpp"
#include "diag/render_location.hpp"

namespace cxv {
namespace {

using render_detail::Location;

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kBlue = "\x1b[1;34m";
constexpr std::string_view kGreen = "\x1b[1;32m";

// Wraps text in an ANSI colour only when colour is on, so the plain output
// stays byte-for-byte what the golden tests pin.
class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(std::string_view style, std::string_view text) const {
    if (!on_ || text.empty()) return std::string(text);
    std::string s(style);
    s += text;
    s += kReset;
    return s;
  }

 private:
  bool on_;
};

std::string_view severity_style(Severity s) {
  switch (s) {
    case Severity::error: return kRed;
    case Severity::warning: return kYellow;
    case Severity::note: return kCyan;
  }
  return kRed;
}

// One source line made ready to show: tabs expanded to 4-column stops, unsafe
// bytes replaced, and very long lines (a minified or generated file) cut to a
// window around the span. Columns here are display columns, 0-based.
struct SnippetLine {
  std::string text;
  std::uint32_t caret_col = 0;
  std::uint32_t caret_len = 1;
};

constexpr std::size_t kMaxShownBytes = 200;  // wider than any sane terminal line
constexpr std::size_t kContextBytes = 60;    // kept before the span when cutting
constexpr std::uint32_t kTabStop = 4;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

SnippetLine make_snippet(const Location& loc) {
  const SourceFile& f = *loc.source;
  std::string_view line = f.line_text(loc.line);
  std::uint32_t line_begin = f.line_start(loc.line);
  std::size_t start = std::min<std::size_t>(loc.span.begin - line_begin, line.size());
  // A span running onto later lines is underlined to the end of its first line.
  std::size_t end = loc.span.end > line_begin + line.size() ? line.size() : loc.span.end - line_begin;
  end = std::max(end, start);

  std::size_t shown_begin = 0;
  std::size_t shown_end = line.size();
  if (line.size() > kMaxShownBytes) {
    shown_begin = start > kContextBytes ? start - kContextBytes : 0;
    while (shown_begin > 0 && is_continuation(line[shown_begin])) --shown_begin;
    shown_end = std::min(line.size(), shown_begin + kMaxShownBytes);
    while (shown_end < line.size() && is_continuation(line[shown_end])) ++shown_end;
  }

  SnippetLine out;
  std::uint32_t col = 0;
  if (shown_begin > 0) {
    out.text = "...";
    col = 3;
  }
  constexpr std::uint32_t unset = 0xFFFFFFFFu;
  std::uint32_t caret_begin = unset;
  std::uint32_t caret_end = unset;
  for (std::size_t i = shown_begin; i < shown_end;) {
    if (caret_begin == unset && i >= start) caret_begin = col;
    if (caret_end == unset && i >= end) caret_end = col;
    if (line[i] == '\t') {
      std::uint32_t width = kTabStop - col % kTabStop;
      out.text.append(width, ' ');
      col += width;
      ++i;
      continue;
    }
    std::size_t n = render_detail::utf8_sequence_length(line, i);
    if (n == 0) n = 1;  // one replacement character per invalid byte
    out.text += render_detail::printable(line.substr(i, n));
    col += 1;
    i += n;
  }
  if (caret_begin == unset) caret_begin = col;
  if (caret_end == unset) caret_end = col;
  if (shown_end < line.size()) out.text += "...";
  out.caret_col = caret_begin;
  out.caret_len = std::max<std::uint32_t>(1, caret_end > caret_begin ? caret_end - caret_begin : 0);
  return out;
}

std::uint32_t digits(std::uint32_t n) {
  std::uint32_t d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}

class TextRenderer {
 public:
  TextRenderer(const SourceMap& sources, const Painter& paint) : sources_(sources), paint_(paint) {}

  std::string render(const Diagnostic& d) {
    Location primary = render_detail::locate(sources_, d);
    Location span_loc = render_detail::locate(sources_, d.span);

    // A note pointing exactly at the primary span is its label, shown after the carets.
    std::string label;
    std::vector<const Note*> located_notes;
    std::vector<const Note*> plain_notes;
    for (const Note& n : d.notes) {
      if (n.span && d.span && *n.span == *d.span && label.empty() && span_loc.source) {
        label = n.message;
      } else if (render_detail::locate(sources_, n.span).source) {
        located_notes.push_back(&n);
      } else {
        plain_notes.push_back(&n);
      }
    }

    // One gutter width for the whole diagnostic, so all its snippets line up.
    std::uint32_t widest = span_loc.source ? span_loc.line : 0;
    for (const Note* n : located_notes) widest = std::max(widest, render_detail::locate(sources_, n->span).line);
    pad_ = std::string(digits(widest), ' ');

    std::string out = header(primary, d.severity, d.code, d.message);
    if (span_loc.source) {
      if (!d.external_file.empty()) out += paint_(kBlue, pad_ + "--> ") + render_detail::format_location(span_loc) + '\n';
      out += snippet(span_loc, '^', severity_style(d.severity), label);
    }
    for (const Note* n : plain_notes) out += paint_(kBlue, pad_ + " = ") + paint_(kBold, "note") + ": " + render_detail::printable(n->message) + '\n';
    if (!d.help.empty()) out += paint_(kBlue, pad_ + " = ") + paint_(kBold, "help") + ": " + render_detail::printable(d.help) + '\n';
    for (const Note* n : located_notes) {
      Location loc = render_detail::locate(sources_, n->span);
      out += header(loc, Severity::note, "", n->message);
      out += snippet(loc, '-', kBlue, "");
    }
    return out;
  }

 private:
  std::string header(const Location& loc, Severity severity, const std::string& code, const std::string& message) {
    std::string out;
    std::string where = render_detail::format_location(loc);
    if (!where.empty()) out += paint_(kBold, where + ":") + ' ';
    std::string kind = render_detail::severity_name(severity);
    if (!code.empty()) kind += '[' + code + ']';
    out += paint_(severity_style(severity), kind) + ": " + paint_(kBold, render_detail::printable(message)) + '\n';
    return out;
  }

  std::string snippet(const Location& loc, char marker, std::string_view marker_style, const std::string& label) {
    SnippetLine line = make_snippet(loc);
    std::string number = std::to_string(loc.line);
    number.insert(0, pad_.size() - number.size(), ' ');
    std::string out = paint_(kBlue, pad_ + " |") + '\n';
    out += paint_(kBlue, number + " |");
    if (!line.text.empty()) out += ' ' + line.text;
    out += '\n';
    std::string marks = std::string(line.caret_len, marker);
    if (!label.empty()) marks += ' ' + render_detail::printable(label);
    out += paint_(kBlue, pad_ + " |") + ' ' + std::string(line.caret_col, ' ') + paint_(marker_style, marks) + '\n';
    return out;
  }

  const SourceMap& sources_;
  const Painter& paint_;
  std::string pad_;
};

std::string plural(std::size_t n, std::string_view word) {
  std::string s = std::to_string(n) + ' ' + std::string(word);
  if (n != 1) s += 's';
  return s;
}

}  // namespace

std::string checked_file(const DiagnosticSet& set) {
  if (!set.file.empty()) return set.file;
  return set.sources && set.sources->size() > 0 ? set.sources->file(0).path() : std::string();
}

DiagnosticCounts count_diagnostics(const std::vector<DiagnosticSet>& sets) {
  DiagnosticCounts c;
  for (const DiagnosticSet& set : sets) {
    if (!set.diagnostics) continue;
    c.errors += set.diagnostics->error_count();
    c.warnings += set.diagnostics->warning_count();
  }
  return c;
}

std::string render_summary(DiagnosticCounts counts, const std::vector<std::string>& files, bool color) {
  Painter paint(color);
  std::string where;
  if (files.size() > 3) {
    where = std::to_string(files.size()) + " files";
  } else {
    for (const std::string& f : files) {
      if (!where.empty()) where += ", ";
      where += render_detail::printable(f);
    }
  }
  std::string in = where.empty() ? "" : " in " + where;
  if (counts.errors > 0) {
    std::string what = plural(counts.errors, "error");
    if (counts.warnings > 0) what += ", " + plural(counts.warnings, "warning");
    return paint(kRed, "error") + ": " + what + in + '\n';
  }
  if (counts.warnings > 0) return paint(kYellow, "warning") + ": " + plural(counts.warnings, "warning") + in + '\n';
  return paint(kGreen, "ok") + ": no problems" + in + '\n';
}

std::string render_text(const std::vector<DiagnosticSet>& sets, const TextOptions& options) {
  Painter paint(options.color);
  std::string out;
  for (const DiagnosticSet& set : sets) {
    if (!set.sources || !set.diagnostics) continue;
    TextRenderer renderer(*set.sources, paint);
    for (const Diagnostic& d : set.diagnostics->all()) {
      if (!options.show_warnings && d.severity != Severity::error) continue;
      out += renderer.render(d);
      out += '\n';
    }
  }
  if (options.summary) {
    std::vector<std::string> files;
    for (const DiagnosticSet& set : sets) {
      std::string f = checked_file(set);
      if (!f.empty()) files.push_back(f);
    }
    out += render_summary(count_diagnostics(sets), files, options.color);
  }
  return out;
}

std::string render_text(const SourceMap& sources, const Diagnostics& diagnostics, const TextOptions& options) {
  return render_text(std::vector<DiagnosticSet>{{&sources, &diagnostics, {}}}, options);
}

}  // namespace cxv
