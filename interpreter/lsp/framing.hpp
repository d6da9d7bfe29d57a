#pragma once
// The LSP base protocol: each message is a header part ("Content-Length: N",
// optionally "Content-Type: ..."), an empty line ("\r\n\r\n"), and N bytes of
// UTF-8 JSON. This file only cuts the byte stream into message bodies; it
// knows nothing of JSON.

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

namespace cxv::lsp {

// Bodies larger than this are refused (read and discarded) rather than held
// in memory: a bad Content-Length must not make the server allocate gigabytes.
inline constexpr std::size_t kMaxMessageBytes = 64u * 1024u * 1024u;

struct Frame {
  enum class Kind {
    message,      // `body` holds one complete message
    bad_header,   // a header part without a usable Content-Length; `problem` says why
    end,          // the stream ended (cleanly, or in the middle of a message)
  } kind = Kind::end;
  std::string body;
  std::string problem;
};

// Reads the next frame. After a bad header the reader has consumed that header
// part (and the body, when its length was known but too large), so the next
// call continues with the next message.
Frame read_frame(std::istream& in);

// The bytes that carry one message body.
std::string frame(const std::string& body);

}  // namespace cxv::lsp
