#include "check/stdlib.hpp"

namespace cxv {

std::optional<std::string_view> stdlib_module(std::string_view name) {
  constexpr std::string_view ext = ".cxv";
  if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext)
    name.remove_suffix(ext.size());
  for (const auto& [module, text] : stdlib_modules())
    if (module == name) return text;
  return std::nullopt;
}

}  // namespace cxv
