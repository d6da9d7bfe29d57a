#include "syntax/literals.hpp"

namespace cxv::syntax {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Reads unit factors from text[i...]: an optional first word, then `/ word` and
// `per word` parts, with spaces and tabs between.
void read_factors(std::string_view text, std::size_t i, FileId file, std::uint32_t begin, ast::UnitExpr& unit) {
  auto skip_blanks = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  auto word = [&](int exponent) {
    std::size_t b = i;
    while (i < text.size() && is_name_char(text[i])) ++i;
    if (i == b) return;
    unit.factors.push_back(ast::UnitFactor{std::string(text.substr(b, i - b)), exponent,
                                           Span{file, begin + static_cast<std::uint32_t>(b),
                                                begin + static_cast<std::uint32_t>(i)}});
  };
  skip_blanks();
  std::size_t unit_begin = i;
  if (i < text.size() && is_name_char(text[i]) && text.substr(i, 3) != "per") word(+1);
  while (true) {
    skip_blanks();
    if (i >= text.size()) break;
    if (text[i] == '/') {
      ++i;
      skip_blanks();
      word(-1);
    } else if (text.substr(i, 3) == "per" && (i + 3 == text.size() || !is_name_char(text[i + 3]))) {
      i += 3;
      skip_blanks();
      word(-1);
    } else if (unit.factors.empty() && is_name_char(text[i])) {
      word(+1);  // a first word that starts with "per", like "person"
    } else {
      break;
    }
  }
  if (!unit.factors.empty())
    unit.span = Span{file, begin + static_cast<std::uint32_t>(unit_begin), unit.factors.back().span.end};
}

}  // namespace

ast::NumberLit read_number(std::string_view text, FileId file, std::uint32_t begin) {
  ast::NumberLit n;
  std::size_t i = 0;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '_' || text[i] == '.')) {
    if (text[i] != '_') n.digits.push_back(text[i]);
    ++i;
  }
  if (i < text.size() && (text[i] == 'k' || text[i] == 'M' || text[i] == 'B') &&
      (i + 1 == text.size() || !is_name_char(text[i + 1]))) {
    n.scale = text[i];
    ++i;
  }
  if (i < text.size() && text[i] == '%') {
    n.mark = ast::NumberMark::percent;
    ++i;
  } else if (text.substr(i, 2) == "pp" && (i + 2 == text.size() || !is_name_char(text[i + 2]))) {
    n.mark = ast::NumberMark::pp;
    i += 2;
  }
  read_factors(text, i, file, begin, n.unit);
  return n;
}

ast::UnitExpr read_unit(std::string_view text, FileId file, std::uint32_t begin) {
  ast::UnitExpr u;
  read_factors(text, 0, file, begin, u);
  return u;
}

std::string read_string(std::string_view quoted) {
  std::string out;
  if (quoted.size() < 2) return out;
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size()) ++i;
    out.push_back(body[i]);
  }
  return out;
}

bool read_date(std::string_view text, ast::Date& out) {
  auto num = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  out.year = num(0, 4);
  out.month = num(5, 2);
  out.day = text.size() >= 10 ? num(8, 2) : 0;
  if (out.month < 1 || out.month > 12) return false;
  if (text.size() < 10) return true;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (out.year % 4 == 0 && out.year % 100 != 0) || out.year % 400 == 0;
  int days = kDays[out.month - 1] + ((out.month == 2 && leap) ? 1 : 0);
  return out.day >= 1 && out.day <= days;
}

}  // namespace cxv::syntax
