#pragma once
// The storage of a cxv::Decimal, visible so that the columnar fast paths in
// data/ and eval/ can read coefficients without going through text.
//
// value = coefficient * 10^-scale, with 0 <= scale <= kMaxScale.
//
// Invariant: the coefficient lives in `small` whenever it fits in a signed
// 128-bit integer; only then is `big` empty. So two equal coefficients always
// have the same storage, and the fast path is taken whenever it can be.
// Trailing zeros are kept (1.50 has coefficient 150, scale 2): the scale an
// author wrote survives arithmetic, and equality ignores it.

#include <cstdint>
#include <memory>

namespace cxv {

// g++ -Wpedantic warns about __int128 unless it is introduced this way.
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

// A coefficient that does not fit in 128 bits: a Boost cpp_int, defined in
// numeric/big_integer.hpp so that users of Decimal do not compile Boost.
struct BigCoefficient;

struct DecimalRepr {
  i128 small = 0;                              // the coefficient, when `big` is empty
  std::shared_ptr<const BigCoefficient> big;   // immutable, shared between copies
  std::int32_t scale = 0;

  bool is_small() const { return !big; }
};

// Limits past which an operation throws ArithmeticError instead of growing
// without bound: a coefficient of at most kMaxDigits digits and a scale of at
// most kMaxScale (see docs/numbers.md).
inline constexpr int kMaxDigits = 4000;
inline constexpr std::int32_t kMaxScale = 1'000'000;

}  // namespace cxv
