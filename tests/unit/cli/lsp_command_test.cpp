// `cxv lsp` in-process: the command hands main.cpp a session to run on the
// process's streams; here it runs on string streams.
#include <doctest/doctest.h>

#include <sstream>

#include "cli/app.hpp"
#include "lsp/framing.hpp"

using namespace cxv::cli;

namespace {

std::string message(const std::string& json) { return cxv::lsp::frame(json); }

}  // namespace

TEST_CASE("cxv lsp returns a session to run on the streams, printing nothing itself") {
  Outcome o = run({"lsp"}, Terminal{});
  CHECK(o.exit_code == kExitClean);
  CHECK(o.out.empty());
  CHECK(o.err.empty());
  REQUIRE(o.serve);

  std::istringstream in(message(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})") +
                        message(R"({"jsonrpc":"2.0","method":"initialized","params":{}})") +
                        message(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
                        message(R"({"jsonrpc":"2.0","method":"exit"})"));
  std::ostringstream out;
  CHECK(o.serve(in, out) == 0);
  std::string written = out.str();
  CHECK(written.rfind("Content-Length: ", 0) == 0);
  CHECK(written.find("\"capabilities\"") != std::string::npos);
  CHECK(written.find(R"("id":2,"jsonrpc":"2.0","result":null)") != std::string::npos);
}

TEST_CASE("cxv lsp: input that ends without exit is exit status 1; the help lists lsp") {
  Outcome o = run({"lsp"}, Terminal{});
  std::istringstream in(message(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})"));
  std::ostringstream out;
  CHECK(o.serve(in, out) == 1);
  CHECK(run({"--help"}, Terminal{}).out.find("lsp ") != std::string::npos);
  // --stdio (what some clients add) is accepted; another transport is a usage error.
  CHECK(run({"lsp", "--stdio"}, Terminal{}).serve);
  Outcome socket = run({"lsp", "--socket", "5007"}, Terminal{});
  CHECK(socket.exit_code == kExitUsage);
  CHECK_FALSE(socket.serve);
}
