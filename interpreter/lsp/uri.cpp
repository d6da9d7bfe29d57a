#include "lsp/uri.hpp"

#include <cctype>

namespace cxv::lsp {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

}  // namespace

std::optional<std::string> path_from_uri(const std::string& uri) {
  const std::string scheme = "file://";
  if (uri.compare(0, scheme.size(), scheme) != 0) return std::nullopt;
  std::string rest = uri.substr(scheme.size());
  // `file://host/path`: only the local host (empty or "localhost") is a path here.
  auto slash = rest.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::string host = rest.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  std::string encoded = rest.substr(slash);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '%') {
      int hi = i + 1 < encoded.size() ? hex_value(encoded[i + 1]) : -1;
      int lo = i + 2 < encoded.size() ? hex_value(encoded[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    if (encoded[i] == '?' || encoded[i] == '#') break;  // a query or fragment is not part of the path
    out.push_back(encoded[i]);
  }
  return out;
}

std::string uri_from_path(const std::string& path) {
  static const char* digits = "0123456789ABCDEF";
  std::string out = "file://";
  if (path.empty() || path.front() != '/') out.push_back('/');
  for (unsigned char c : path) {
    if (unreserved(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(digits[c >> 4]);
      out.push_back(digits[c & 15]);
    }
  }
  return out;
}

}  // namespace cxv::lsp
