#pragma once
// A small streaming JSON writer: keys in the order written, two-space
// indentation, numbers written as the exact decimal text they are given
// (never through a double), strings escaped per RFC 8259.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "numeric/decimal.hpp"

namespace cxv::report {

class JsonWriter {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);

  void string(std::string_view s);
  void number(const Decimal& d);              // exact digits, no exponent
  void integer(long long v);
  void boolean(bool b);
  void null();
  void number_or_null(const std::optional<Decimal>& d) { d ? number(*d) : null(); }
  void string_or_null(const char* s) { s ? string(s) : null(); }

  // The document, ending with a newline.
  std::string finish();

 private:
  void before_value();
  void newline();
  struct Level { bool array; bool empty; };
  std::string out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

std::string json_escape(std::string_view s);

}  // namespace cxv::report
