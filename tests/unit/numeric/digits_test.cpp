// The integer helpers under Decimal: digit counts and digit strings at every
// power-of-ten and power-of-two boundary, on both coefficient types.

#include <doctest/doctest.h>

#include <string>

#include "numeric/big_integer.hpp"

using namespace cxv;
using namespace cxv::decimal_detail;

namespace {
// Digit strings built without any of the code under test.
std::string nines(int n) { return std::string(static_cast<std::size_t>(n), '9'); }
std::string power_of_ten(int n) {
  std::string text(static_cast<std::size_t>(n) + 1, '0');
  text[0] = '1';
  return text;
}

// The naive way, one digit per division. (Not cpp_int::str(): its inlined
// string code trips a false -Wrestrict in g++ 12 at -O3.)
std::string naive_digits(BigInt v) {
  if (v == 0) return "0";
  std::string reversed;
  while (v != 0) {
    reversed.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return std::string(reversed.rbegin(), reversed.rend());
}
}  // namespace

TEST_CASE("digit counts at powers of ten, up to 4100 digits") {
  // Every one up to 200 digits, then a sample (the big conversions are slow).
  for (int n = 1; n <= 4100; n += n < 200 ? 1 : 37) {
    CAPTURE(n);
    const BigInt below(nines(n));
    const BigInt at(power_of_ten(n));
    REQUIRE(digit_count(below) == n);
    REQUIRE(digit_count(at) == n + 1);
    if (n <= 38) {
      REQUIRE(digit_count(static_cast<u128>(below)) == n);
      REQUIRE(digit_count(static_cast<u128>(at)) == n + 1);
    }
  }
  CHECK(digit_count(u128{0}) == 1);
  CHECK(digit_count(BigInt(0)) == 1);
}

TEST_CASE("digit counts and digit strings at powers of two") {
  BigInt p = 1;
  for (int bits = 0; bits <= 13300; ++bits, p *= 2) {
    if (bits > 1000 && bits % 97 != 0) continue;  // every one to 1000 bits, then a sample
    CAPTURE(bits);
    for (const BigInt& v : {BigInt(p - 1), p, BigInt(p + 1)}) {
      const std::string digits = naive_digits(v);
      REQUIRE(digit_count(v) == static_cast<int>(digits.size()));
      REQUIRE(big_digits(v) == digits);
      if (bits < 128) REQUIRE(u128_digits(static_cast<u128>(v)) == digits);
    }
  }
}
