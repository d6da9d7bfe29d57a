#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "lsp/framing.hpp"
#include "lsp/uri.hpp"

using cxv::lsp::Frame;
using cxv::lsp::frame;
using cxv::lsp::read_frame;

TEST_CASE("frames: Content-Length delimits each body; other headers are ignored") {
  std::istringstream in(frame("{\"a\":1}") + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}");
  Frame a = read_frame(in);
  CHECK(a.kind == Frame::Kind::message);
  CHECK(a.body == "{\"a\":1}");
  Frame b = read_frame(in);
  CHECK(b.kind == Frame::Kind::message);
  CHECK(b.body == "{}");
  CHECK(read_frame(in).kind == Frame::Kind::end);
}

TEST_CASE("frames: the length counts bytes, not characters") {
  std::string body = "{\"t\":\"é😀\"}";
  CHECK(frame(body).rfind("Content-Length: 14\r\n\r\n", 0) == 0);
  std::istringstream in(frame(body) + frame("{}"));
  CHECK(read_frame(in).body == body);
  CHECK(read_frame(in).body == "{}");
}

TEST_CASE("frames: a bad header is reported and the next message still reads") {
  std::istringstream in("X-Nothing: 1\r\n\r\nContent-Length: abc\r\n\r\n" + frame("{}"));
  Frame a = read_frame(in);
  CHECK(a.kind == Frame::Kind::bad_header);
  CHECK(a.problem == "a message without a Content-Length header");
  Frame b = read_frame(in);
  CHECK(b.kind == Frame::Kind::bad_header);
  CHECK(b.problem == "Content-Length is not a number");
  CHECK(read_frame(in).body == "{}");
}

TEST_CASE("frames: a huge Content-Length is refused without allocating it; a short body is the end") {
  std::istringstream huge("Content-Length: 99999999999\r\n\r\n{}");
  Frame a = read_frame(huge);
  CHECK(a.kind == Frame::Kind::bad_header);
  CHECK(read_frame(huge).kind == Frame::Kind::end);
  std::istringstream short_body("Content-Length: 10\r\n\r\n{}");
  CHECK(read_frame(short_body).kind == Frame::Kind::end);
}

TEST_CASE("URIs: file URIs are percent-decoded to paths and back") {
  CHECK(cxv::lsp::path_from_uri("file:///home/a/b%20c.cxv") == "/home/a/b c.cxv");
  CHECK(cxv::lsp::path_from_uri("file://localhost/x.cxv") == "/x.cxv");
  CHECK(cxv::lsp::path_from_uri("file:///d/%C3%A9.cxv") == "/d/é.cxv");
  CHECK_FALSE(cxv::lsp::path_from_uri("untitled:Untitled-1").has_value());
  CHECK_FALSE(cxv::lsp::path_from_uri("file://server/share/x.cxv").has_value());
  CHECK(cxv::lsp::uri_from_path("/home/a/b c.cxv") == "file:///home/a/b%20c.cxv");
  CHECK(cxv::lsp::path_from_uri(cxv::lsp::uri_from_path("/d/é #1.cxv")) == "/d/é #1.cxv");
}
