#pragma once
// The language server: JSON-RPC 2.0 messages in, messages out, over the LSP
// 3.17 lifecycle (initialize, requests, shutdown, exit). It owns the open
// documents and one Analysis per document version.
//
// It never touches stdin or stdout: messages go out through the `Send`
// callback (the `cxv lsp` command frames them onto stdout; tests collect
// them). Every request is answered, in order, before the next is read.

#include <functional>
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "lsp/analysis.hpp"
#include "lsp/document.hpp"

namespace cxv::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
};

class Server {
 public:
  using Send = std::function<void(const json& message)>;
  explicit Server(Send send);
  ~Server();

  // One message body as received (any bytes: malformed JSON is answered
  // with a ParseError, never a crash).
  void handle(const std::string& body);
  // A frame whose header could not be read.
  void bad_frame(const std::string& problem);

  // True once `exit` arrived; the process then ends with exit_code():
  // 0 after a `shutdown` request, 1 without one (LSP 3.17, "exit").
  bool exited() const { return exited_; }
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Open {
    Document document;
    std::unique_ptr<Analysis> analysis;
  };

  void request(const json& id, const std::string& method, const json& params);
  void notification(const std::string& method, const json& params);
  json answer(const std::string& method, const json& params);  // throws RequestError

  void reply(const json& id, json result);
  void reply_error(const json& id, int code, const std::string& message);
  void notify(const std::string& method, json params);

  void open(const std::string& uri, const std::string& text, int version);
  void reanalyse(Open& doc);
  Open& document(const json& params);  // throws RequestError for an unknown document

  Send send_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  std::map<std::string, Open> documents_;
};

}  // namespace cxv::lsp
