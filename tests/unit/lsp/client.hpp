#pragma once
// A test client: drives a Server in-process and keeps what it sends.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/server.hpp"

namespace cxv::lsp::test {

using json = nlohmann::json;

class Client {
 public:
  Client() : server_([this](const json& m) { sent_.push_back(m); }) {}

  // Sends a request and returns its response (the last message with its id).
  json request(const std::string& method, json params) {
    int id = ++next_id_;
    server_.handle(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}}.dump());
    for (auto it = sent_.rbegin(); it != sent_.rend(); ++it)
      if (it->contains("id") && (*it)["id"] == id) return *it;
    return nullptr;
  }
  void notify(const std::string& method, json params) {
    server_.handle(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump());
  }
  void raw(const std::string& body) { server_.handle(body); }

  void initialize() {
    request("initialize", json{{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}});
    notify("initialized", json::object());
  }
  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen",
           json{{"textDocument", {{"uri", uri}, {"languageId", "cxv"}, {"version", version}, {"text", text}}}});
  }
  // The diagnostics last published for a document.
  json diagnostics(const std::string& uri) const {
    for (auto it = sent_.rbegin(); it != sent_.rend(); ++it)
      if (it->value("method", "") == "textDocument/publishDiagnostics" && (*it)["params"]["uri"] == uri)
        return (*it)["params"]["diagnostics"];
    return nullptr;
  }
  json at(const std::string& method, const std::string& uri, int line, int character, json extra = json::object()) {
    json params{{"textDocument", {{"uri", uri}}}, {"position", {{"line", line}, {"character", character}}}};
    params.update(extra);
    return request(method, params);
  }

  const std::vector<json>& sent() const { return sent_; }
  Server& server() { return server_; }

 private:
  std::vector<json> sent_;
  Server server_;
  int next_id_ = 0;
};

}  // namespace cxv::lsp::test
