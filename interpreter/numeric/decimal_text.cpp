// Decimal <-> text and double: parse, to_string, to_fixed, to_double, from_double.

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "numeric/big_integer.hpp"

namespace cxv {

using namespace decimal_detail;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Copies the digits of a run like "1_250" into `out`; false unless every `_`
// sits between two digits and the run is not empty.
bool take_digit_run(std::string_view text, std::size_t& i, std::string& out) {
  const std::size_t start = i;
  while (i < text.size()) {
    const char c = text[i];
    if (is_digit(c)) {
      out.push_back(c);
      ++i;
    } else if (c == '_' && i > start && is_digit(text[i - 1]) && i + 1 < text.size() &&
               is_digit(text[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return i > start;
}

// The digits of |coefficient|, most significant first.
std::string coefficient_digits(const DecimalRepr& r) {
  if (r.is_small()) return u128_digits(magnitude(r.small));
  return big_digits(abs(r.big->value));
}

// Places the point `scale` digits from the right, padding with zeros.
std::string with_point(std::string digits, std::int64_t scale, bool negative) {
  std::string out;
  if (negative) out.push_back('-');
  if (scale <= 0) return out + digits;
  const auto s = static_cast<std::size_t>(scale);
  if (digits.size() <= s) {
    out += "0.";
    out.append(s - digits.size(), '0');
    out += digits;
  } else {
    out.append(digits, 0, digits.size() - s);
    out.push_back('.');
    out.append(digits, digits.size() - s, std::string::npos);
  }
  return out;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  ParseError ignored;
  return parse(text, ignored);
}

std::optional<Decimal> Decimal::parse(std::string_view text, ParseError& error) {
  error = ParseError::syntax;
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::string digits;
  if (!take_digit_run(text, i, digits)) return std::nullopt;
  std::int64_t scale = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t before = digits.size();
    if (!take_digit_run(text, i, digits)) return std::nullopt;
    scale = static_cast<std::int64_t>(digits.size() - before);
  }
  if (i != text.size()) return std::nullopt;

  error = ParseError::too_large;
  // Leading zeros carry no value; they must not count against the limits.
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) {
    error = ParseError::none;
    return Decimal();
  }
  const std::string_view significant = std::string_view(digits).substr(first);
  if (scale > kMaxScale) return std::nullopt;
  try {
    Decimal d;
    if (significant.size() <= static_cast<std::size_t>(kMaxPow10Small)) {
      u128 c = 0;
      for (char ch : significant) c = c * 10 + static_cast<unsigned>(ch - '0');
      d = make_decimal(negative ? -static_cast<i128>(c) : static_cast<i128>(c), scale);
    } else {
      // Decide on the limit before converting: reading a million digits into
      // cpp_int costs seconds. Trailing zeros of the fraction do not count.
      std::size_t kept = significant.size();
      if (kept > static_cast<std::size_t>(kMaxDigits)) {
        while (scale > 0 && significant[kept - 1] == '0') {
          --kept;
          --scale;
        }
        if (kept > static_cast<std::size_t>(kMaxDigits)) return std::nullopt;
      }
      const BigInt c{std::string(significant.substr(0, kept))};
      d = make_decimal(negative ? BigInt(-c) : c, scale);
    }
    error = ParseError::none;
    return d;
  } catch (const ArithmeticError&) {
    return std::nullopt;
  }
}

std::string Decimal::to_string() const {
  if (is_zero()) return "0";
  std::string digits = coefficient_digits(repr_);
  std::int64_t scale = repr_.scale;
  // Minimal digits: trailing zeros after the point say nothing about the value.
  std::size_t keep = digits.size();
  while (scale > 0 && digits[keep - 1] == '0') {
    --keep;
    --scale;
  }
  digits.resize(keep);
  return with_point(std::move(digits), scale, sign() < 0);
}

std::string Decimal::to_fixed(int places) const {
  if (places < 0) places = 0;
  if (places > kMaxScale) throw_too_precise();  // would print more zeros than any number has places
  const Decimal r = round(places);
  std::string digits = coefficient_digits(r.repr());
  std::int64_t scale = r.repr().scale;
  // round() keeps a shorter scale as it is: pad to exactly `places` digits.
  if (scale < places) {
    digits.append(static_cast<std::size_t>(places - scale), '0');
    scale = places;
  }
  return with_point(std::move(digits), scale, r.sign() < 0);
}

double Decimal::to_double() const {
  // from_chars is correctly rounded and ignores the locale.
  const std::string text = to_string();
  double v = 0;
  const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
  if (res.ec == std::errc::result_out_of_range) {
    // Past double's range: infinity for huge numbers, zero for tiny ones.
    if (abs() < Decimal(1)) return 0.0;
    return sign() < 0 ? -HUGE_VAL : HUGE_VAL;
  }
  return v;
}

Decimal Decimal::from_double(double v) {
  if (!std::isfinite(v)) throw ArithmeticError("not a number: infinity or NaN cannot be exact");
  // fmt prints the shortest digits that read back as the same double, in
  // plain or exponent form ("0.1", "1e+22", "1.5e-07").
  const std::string text = fmt::format("{}", v);
  const std::size_t e = text.find('e');
  std::optional<Decimal> mantissa = parse(std::string_view(text).substr(0, e));
  if (!mantissa) throw ArithmeticError("cannot read the digits of " + text);
  if (e == std::string::npos) return *mantissa;
  const int exponent = std::stoi(text.substr(e + 1));
  return *mantissa * pow10(exponent);
}

}  // namespace cxv
