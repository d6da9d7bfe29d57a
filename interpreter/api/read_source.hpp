#pragma once
// Reading a source file from disk for check_file: every way that can fail
// (missing, a directory, unreadable, absurdly large) becomes a diagnostic that
// names the path as the user wrote it.

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"

namespace cxv::api_detail {

// The most a source file may hold. Spans are 32-bit offsets, and a framework
// this large is a mistake (a data file passed by accident), not a framework.
constexpr std::uintmax_t kMaxSourceBytes = std::uintmax_t{1} << 30;

// The file's bytes, or nothing with one E190/E191 diagnostic added.
std::optional<std::string> read_source(const std::string& path, Diagnostics& diags);

// A diagnostic about a file as a whole: located at the file, no line.
Diagnostic& file_problem(Diagnostics& diags, const char* code, const std::string& path, std::string message);

}  // namespace cxv::api_detail
