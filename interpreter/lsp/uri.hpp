#pragma once
// Document URIs <-> file paths. Clients send `file:///home/a/b%20c.cxv`;
// cxv reads files by path. Other schemes (`untitled:Untitled-1`) have no file:
// such a document is checked under a made-up name and relative imports do not
// resolve.

#include <optional>
#include <string>

namespace cxv::lsp {

// The path of a `file:` URI, percent-decoded; nullopt for other schemes.
std::optional<std::string> path_from_uri(const std::string& uri);

// A `file://` URI for an absolute path, percent-encoding what RFC 3986 needs.
std::string uri_from_path(const std::string& path);

}  // namespace cxv::lsp
