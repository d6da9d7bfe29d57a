#include "lsp/server.hpp"

#include <exception>

#include "cxv/cxv.hpp"
#include "lsp/features.hpp"
#include "lsp/uri.hpp"

namespace cxv::lsp {

namespace {

// A request that cannot be answered: the error the client gets.
struct RequestError {
  int code;
  std::string message;
};

const json& member(const json& object, const char* name) {
  static const json null_value;
  if (!object.is_object()) return null_value;
  auto it = object.find(name);
  return it == object.end() ? null_value : *it;
}

std::string string_param(const json& params, const char* name) {
  const json& v = member(params, name);
  if (!v.is_string()) throw RequestError{kInvalidParams, std::string("'") + name + "' must be a string"};
  return v.get<std::string>();
}

LspPosition position_param(const json& params) {
  auto p = position_from_json(member(params, "position"));
  if (!p) throw RequestError{kInvalidParams, "'position' must be {line, character} with non-negative integers"};
  return *p;
}

json capabilities() {
  return json{
      {"positionEncoding", "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 2 /* Incremental */}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"documentSymbolProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"completionProvider", {{"triggerCharacters", json::array({"."})}}},
      {"documentFormattingProvider", true},
  };
}

}  // namespace

Server::Server(Send send) : send_(std::move(send)) {}
Server::~Server() = default;

void Server::reply(const json& id, json result) {
  send_(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::reply_error(const json& id, int code, const std::string& message) {
  send_(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::notify(const std::string& method, json params) {
  send_(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Server::bad_frame(const std::string& problem) { reply_error(nullptr, kParseError, problem); }

void Server::handle(const std::string& body) {
  // Invalid UTF-8 or JSON: a ParseError with a null id (JSON-RPC 2.0, section 5).
  json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) return reply_error(nullptr, kParseError, "the message is not valid JSON");
  if (!message.is_object()) return reply_error(nullptr, kInvalidRequest, "a message must be a JSON object");
  const json& id = member(message, "id");
  const json& method = member(message, "method");
  bool has_id = message.contains("id");
  if (has_id && !id.is_string() && !id.is_number_integer() && !id.is_null())
    return reply_error(nullptr, kInvalidRequest, "'id' must be a number or a string");
  if (!method.is_string()) {
    // A response to a request of ours (we send none) or garbage.
    if (has_id && (message.contains("result") || message.contains("error"))) return;
    return reply_error(has_id ? id : json(nullptr), kInvalidRequest, "a request needs a 'method' string");
  }
  const json& params = member(message, "params");
  if (has_id) request(id, method.get<std::string>(), params);
  else notification(method.get<std::string>(), params);
}

void Server::request(const json& id, const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) return reply_error(id, kInvalidRequest, "initialize was already sent");
    initialized_ = true;
    return reply(id, json{{"capabilities", capabilities()}, {"serverInfo", {{"name", "cxv"}, {"version", version()}}}});
  }
  if (!initialized_) return reply_error(id, kServerNotInitialized, "the server has not been initialized");
  if (shutdown_) return reply_error(id, kInvalidRequest, "the server is shutting down");
  if (method == "shutdown") {
    shutdown_ = true;
    documents_.clear();
    return reply(id, nullptr);
  }
  try {
    reply(id, answer(method, params));
  } catch (const RequestError& e) {
    reply_error(id, e.code, e.message);
  } catch (const std::exception& e) {
    // A bug in cxv: the client gets an error and the session goes on.
    reply_error(id, kInternalError, std::string("internal error in cxv: ") + e.what());
  }
}

json Server::answer(const std::string& method, const json& params) {
  if (method == "textDocument/hover") {
    Open& doc = document(params);
    return hover(*doc.analysis, position_param(params));
  }
  if (method == "textDocument/definition") {
    Open& doc = document(params);
    return definition(*doc.analysis, doc.document.uri, position_param(params));
  }
  if (method == "textDocument/references") {
    Open& doc = document(params);
    bool include = member(member(params, "context"), "includeDeclaration") == true;
    return references(*doc.analysis, doc.document.uri, position_param(params), include);
  }
  if (method == "textDocument/documentSymbol") return document_symbols(*document(params).analysis);
  if (method == "textDocument/completion") {
    Open& doc = document(params);
    return completion(*doc.analysis, position_param(params));
  }
  if (method == "textDocument/prepareRename") {
    Open& doc = document(params);
    return prepare_rename(*doc.analysis, position_param(params));
  }
  if (method == "textDocument/rename") {
    Open& doc = document(params);
    std::string error;
    json edit = rename(*doc.analysis, doc.document.uri, position_param(params), string_param(params, "newName"), error);
    if (!error.empty()) throw RequestError{kRequestFailed, error};
    return edit;
  }
  if (method == "textDocument/formatting") {
    Open& doc = document(params);
    std::string error;
    json edits = formatting(doc.document.path, doc.document.text, error);
    if (!error.empty()) throw RequestError{kRequestFailed, error};
    return edits;
  }
  throw RequestError{kMethodNotFound, "cxv lsp does not handle '" + method + "'"};
}

Server::Open& Server::document(const json& params) {
  std::string uri = string_param(member(params, "textDocument"), "uri");
  auto it = documents_.find(uri);
  if (it == documents_.end()) throw RequestError{kInvalidParams, "the document " + uri + " is not open"};
  return it->second;
}

void Server::open(const std::string& uri, const std::string& text, int version) {
  Open& doc = documents_[uri];
  doc.document.uri = uri;
  // A document without a file (untitled:) is checked under its URI; its
  // relative imports and data paths then resolve from the working directory.
  doc.document.path = path_from_uri(uri).value_or(uri);
  doc.document.text = text;
  doc.document.version = version;
  reanalyse(doc);
}

void Server::reanalyse(Open& doc) {
  doc.analysis = std::make_unique<Analysis>(doc.document.path, doc.document.text);
  notify("textDocument/publishDiagnostics", publish_diagnostics(*doc.analysis, doc.document.uri, doc.document.version));
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  // Before initialize, notifications are dropped (LSP 3.17, "initialize").
  if (!initialized_ || shutdown_) return;
  try {
    if (method == "textDocument/didOpen") {
      const json& item = member(params, "textDocument");
      const json& version = member(item, "version");
      open(string_param(item, "uri"), string_param(item, "text"), version.is_number_integer() ? version.get<int>() : 0);
    } else if (method == "textDocument/didChange") {
      Open& doc = document(params);
      std::vector<TextChange> changes;
      const json& list = member(params, "contentChanges");
      if (!list.is_array()) return;
      for (const json& c : list) {
        TextChange change;
        change.text = string_param(c, "text");
        if (c.contains("range")) {
          change.range = range_from_json(c["range"]);
          if (!change.range) return;  // a malformed change is dropped rather than applied somewhere else
        }
        changes.push_back(std::move(change));
      }
      doc.document.apply(changes);
      const json& version = member(member(params, "textDocument"), "version");
      if (version.is_number_integer()) doc.document.version = version.get<int>();
      reanalyse(doc);
    } else if (method == "textDocument/didSave") {
      reanalyse(document(params));  // the files it imports or reads may have changed too
    } else if (method == "textDocument/didClose") {
      std::string uri = string_param(member(params, "textDocument"), "uri");
      if (documents_.erase(uri) > 0) notify("textDocument/publishDiagnostics", json{{"uri", uri}, {"diagnostics", json::array()}});
    } else if (method == "workspace/didChangeWatchedFiles") {
      // A .cxv it imports or a CSV it reads changed on disk: check every open document again.
      for (auto& [uri, doc] : documents_) reanalyse(doc);
    }
    // Other notifications (initialized, $/cancelRequest, $/setTrace, ...) need nothing.
  } catch (const RequestError&) {
    // A notification has no answer: a malformed one is ignored.
  } catch (const std::exception& e) {
    // A bug in cxv: say so in the client's log and keep serving.
    notify("window/logMessage", json{{"type", 1}, {"message", std::string("internal error in cxv: ") + e.what()}});
  }
}

}  // namespace cxv::lsp
