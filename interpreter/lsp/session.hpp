#pragma once
// A whole server session over two byte streams: read frames from `in`,
// answer them on `out`, until `exit` or the end of `in`. `cxv lsp` runs it on
// stdin and stdout; tests run it on string streams.

#include <istream>
#include <ostream>

namespace cxv::lsp {

// Returns the process exit code: 0 after shutdown + exit, 1 when `exit`
// came without `shutdown` or the input ended without `exit`.
int serve(std::istream& in, std::ostream& out);

}  // namespace cxv::lsp
