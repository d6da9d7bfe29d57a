#include "lsp/framing.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

namespace cxv::lsp {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// One header line without its "\r\n" (a bare "\n" is accepted too). False at
// the end of the stream before any byte of the line.
bool read_line(std::istream& in, std::string& line) {
  line.clear();
  int c;
  bool any = false;
  while ((c = in.get()) != std::char_traits<char>::eof()) {
    any = true;
    if (c == '\n') break;
    // A header line is short; a stream of garbage without newlines must not
    // grow without bound.
    if (line.size() < 4096) line.push_back(static_cast<char>(c));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return any;
}

void skip(std::istream& in, std::size_t n) {
  char buffer[8192];
  while (n > 0 && in) {
    std::size_t chunk = std::min(n, sizeof buffer);
    in.read(buffer, static_cast<std::streamsize>(chunk));
    n -= static_cast<std::size_t>(in.gcount());
    if (in.gcount() == 0) break;
  }
}

}  // namespace

Frame read_frame(std::istream& in) {
  Frame f;
  std::string line;
  std::optional<std::size_t> length;
  std::string problem;
  bool saw_header = false;
  for (;;) {
    if (!read_line(in, line)) {
      f.kind = Frame::Kind::end;
      return f;
    }
    if (line.empty()) {
      if (!saw_header) continue;  // stray blank lines between messages
      break;
    }
    saw_header = true;
    auto colon = line.find(':');
    if (colon == std::string::npos) {
      problem = "a header line without ':'";
      continue;
    }
    std::string name = lower(trim(std::string_view(line).substr(0, colon)));
    std::string_view value = trim(std::string_view(line).substr(colon + 1));
    if (name == "content-length") {
      std::size_t n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
        problem = "Content-Length is not a number";
      } else {
        length = n;
      }
    }
    // Content-Type and any other header are accepted and ignored: the body is UTF-8 JSON.
  }
  if (!length) {
    f.kind = Frame::Kind::bad_header;
    f.problem = problem.empty() ? "a message without a Content-Length header" : problem;
    return f;
  }
  if (*length > kMaxMessageBytes) {
    skip(in, *length);
    f.kind = Frame::Kind::bad_header;
    f.problem = "a message of " + std::to_string(*length) + " bytes, more than the server accepts";
    return f;
  }
  f.body.resize(*length);
  in.read(f.body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in.gcount()) != *length) {
    f.kind = Frame::Kind::end;  // the client went away in the middle of a message
    f.body.clear();
    return f;
  }
  f.kind = Frame::Kind::message;
  return f;
}

std::string frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace cxv::lsp
