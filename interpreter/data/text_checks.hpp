#pragma once
// Text helpers for loading: UTF-8 validation of text cells, and showing a cell
// inside a diagnostic message safely (a cell can hold anything: control
// characters, invalid bytes, a megabyte of text).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cxv::data {

// The byte offset of the first byte that is not part of well-formed UTF-8
// (overlong forms, surrogates and code points past U+10FFFF are not), or
// nullopt when `text` is valid. ASCII runs are skipped eight bytes at a time.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// `text` quoted for a message: 'fifty'. Control characters are escaped (\n,
// \r, \t, \x01), invalid UTF-8 bytes shown as \xFF, and long text cut after
// 40 code points with an ellipsis.
std::string quote_cell(std::string_view text);

// The candidate closest to `name` for a did-you-mean: an exact match ignoring
// letter case first, else the smallest edit distance if it is at most a third
// of the name's length (at least 1). Nullopt when nothing is close.
std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace cxv::data
