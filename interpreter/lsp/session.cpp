#include "lsp/session.hpp"

#include "lsp/framing.hpp"
#include "lsp/server.hpp"

namespace cxv::lsp {

int serve(std::istream& in, std::ostream& out) {
  Server server([&out](const json& message) {
    // Invalid UTF-8 in a document's text is replaced rather than thrown on.
    out << frame(message.dump(-1, ' ', false, json::error_handler_t::replace));
    out.flush();
  });
  while (!server.exited()) {
    Frame f = read_frame(in);
    if (f.kind == Frame::Kind::end) return 1;  // the client went away without `exit`
    if (f.kind == Frame::Kind::bad_header) server.bad_frame(f.problem);
    else server.handle(f.body);
  }
  return server.exit_code();
}

}  // namespace cxv::lsp
