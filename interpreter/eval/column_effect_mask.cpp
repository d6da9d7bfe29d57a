// Changed columns as the evaluator reads them (see column_effect_mask.hpp).

#include "eval/column_effect_mask.hpp"

#include <algorithm>
#include <bit>
#include <limits>

#include "eval/aggregates.hpp"

namespace cxv::eval {
namespace {

template <class F>
void for_each_row(const Words& rows, F&& f) {
  for (std::size_t w = 0; w < rows.size(); ++w) {
    std::uint64_t bits = rows[w];
    while (bits != 0) {
      f(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
      bits &= bits - 1;
    }
  }
}

void set_rows(Words& target, const Words& rows) { or_into(target, rows); }
void clear_rows(Words& target, const Words& rows) {
  for (std::size_t i = 0; i < target.size(); ++i) target[i] &= ~rows[i];
}

// Keeps uncertain classes that still hold rows.
void drop_empty(ProbabilityMask& m) {
  std::erase_if(m.uncertain, [](const auto& part) { return !any_set(part.first); });
}

// The scale of `d` once trailing zeros are dropped, when its coefficient is small.
std::optional<int> tight_scale(const Decimal& d) {
  const DecimalRepr& r = d.repr();
  if (!r.is_small()) return std::nullopt;
  i128 c = r.small;
  int s = r.scale;
  while (s > 0 && c % 10 == 0) {
    c /= 10;
    --s;
  }
  return s;
}

constexpr int kMaxPow10 = 18;
constexpr i128 kInt64Max = std::numeric_limits<std::int64_t>::max();

i128 pow10_i128(int n) {
  i128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

bool fits_int64(i128 c) { return c <= kInt64Max && c >= -kInt64Max; }

// The int64 path: every value of the changed column at one scale. False when
// some value does not fit (the caller then goes wide).
bool changed_coefficients(const ScaledColumn& loaded, const ColumnChange& change, NumberVector& out) {
  if (loaded.is_wide()) return false;
  const int s = loaded.scale();
  int target = s;
  struct Map { std::int64_t factor; int factor_scale; std::int64_t shift; int shift_scale; };
  std::vector<Map> maps;
  for (const ChangedRows& part : change.parts) {
    const auto sf = tight_scale(part.factor), sb = tight_scale(part.shift);
    if (!sf || !sb || *sf > kMaxPow10 || *sb > kMaxPow10) return false;
    Map m{0, *sf, 0, *sb};
    if (!to_coefficient(part.factor, *sf, m.factor) || !to_coefficient(part.shift, *sb, m.shift)) return false;
    target = std::max({target, s + *sf, *sb});
    maps.push_back(m);
  }
  if (target - s > kMaxPow10) return false;
  const i128 up = pow10_i128(target - s);
  const auto base = loaded.coefficients();
  std::vector<std::int64_t> coef(base.size());
  for (std::size_t i = 0; i < base.size(); ++i) {
    const i128 c = static_cast<i128>(base[i]) * up;   // |base| < 2^63, up <= 10^18: no overflow
    if (!fits_int64(c)) return false;
    coef[i] = static_cast<std::int64_t>(c);
  }
  const auto validity = loaded.validity();
  for (std::size_t p = 0; p < change.parts.size(); ++p) {
    const Map& m = maps[p];
    // value = x * f + b at scale `target`: x * fc * 10^(target - s - sf) + bc * 10^(target - sb)
    const i128 fx = static_cast<i128>(m.factor) * pow10_i128(target - s - m.factor_scale);
    const i128 b = static_cast<i128>(m.shift) * pow10_i128(target - m.shift_scale);
    bool ok = true;
    for_each_row(change.parts[p].rows, [&](std::size_t i) {
      if (!ok || !test(validity, i)) return;
      i128 v;
      if (__builtin_mul_overflow(static_cast<i128>(base[i]), fx, &v) || __builtin_add_overflow(v, b, &v) || !fits_int64(v)) {
        ok = false;
        return;
      }
      coef[i] = static_cast<std::int64_t>(v);
    });
    if (!ok) return false;
  }
  out = NumberVector::scaled(std::move(coef), target, Words(validity.begin(), validity.end()));
  return true;
}

}  // namespace

Mask mask_of(const data::BoolColumn& column) {
  const std::size_t rows = column.size();
  Mask m{rows, Words(word_count(rows), 0), column.validity().words()};
  const std::uint8_t* v = column.values().data();
  for (std::size_t i = 0; i < rows; ++i) m.truth[i >> 6] |= static_cast<std::uint64_t>(v[i] != 0) << (i & 63);
  for (std::size_t w = 0; w < m.truth.size(); ++w) m.truth[w] &= m.known[w];
  return m;
}

ProbabilityMask changed_bool(const Mask& loaded, const ColumnChange& change) {
  ProbabilityMask m{loaded, {}};
  for (const ChangedRows& part : change.parts) {
    if (part.shift == Decimal(1)) {
      set_rows(m.certain.truth, part.rows);
    } else {
      clear_rows(m.certain.truth, part.rows);
      if (!part.shift.is_zero()) m.uncertain.emplace_back(part.rows, part.shift);
    }
  }
  return m;
}

NumberVector changed_numbers(const ScaledColumn& loaded, const ColumnChange& change) {
  NumberVector out;
  if (changed_coefficients(loaded, change, out)) return out;
  std::vector<Decimal> values(loaded.size());
  for (std::size_t i = 0; i < loaded.size(); ++i) values[i] = loaded.at(i).value_or(Decimal());
  const auto validity = loaded.validity();
  for (const ChangedRows& part : change.parts) {
    for_each_row(part.rows, [&](std::size_t i) {
      if (test(validity, i)) values[i] = values[i] * part.factor + part.shift;
    });
  }
  return NumberVector::wide(std::move(values), Words(validity.begin(), validity.end()));
}

std::optional<Decimal> changed_sum(const ScaledColumn& loaded, const ColumnChange& change, const Words& selected) {
  if (loaded.is_wide()) return std::nullopt;
  const NumberVector x = NumberVector::view(loaded);
  Decimal total = sum_selected(x, and_not(selected, change.changed));
  for (const ChangedRows& part : change.parts) {
    const Words rows = and_words(selected, part.rows);
    const std::size_t n = popcount(rows);
    if (n == 0) continue;
    total += part.factor * sum_selected(x, rows) + part.shift * Decimal(static_cast<std::int64_t>(n));
  }
  return total;
}

ProbabilityMask negate(ProbabilityMask a) {
  a.certain = !a.certain;
  for (auto& [rows, p] : a.uncertain) {
    clear_rows(a.certain.truth, rows);
    p = Decimal(1) - p;
  }
  return a;
}

ProbabilityMask and_certain(ProbabilityMask a, const Mask& b) {
  a.certain = a.certain && b;   // an uncertain row counts as false: right where b is false
  for (auto& [rows, p] : a.uncertain) {
    (void)p;
    clear_rows(a.certain.known, and_not(rows, b.known));   // p and unknown = unknown
    rows = and_words(rows, b.truth);                      // p and true = p
  }
  drop_empty(a);
  return a;
}

ProbabilityMask or_certain(ProbabilityMask a, const Mask& b) {
  a.certain = a.certain || b;   // an uncertain row counts as false: right where b is true or unknown
  for (auto& [rows, p] : a.uncertain) {
    (void)p;
    rows = and_words(rows, and_not(b.known, b.truth));   // p or false = p
  }
  drop_empty(a);
  return a;
}

NumberVector probability_numbers(const ProbabilityMask& m) {
  const std::size_t rows = m.certain.rows;
  int scale = 0;
  bool fits = true;
  for (const auto& [part, p] : m.uncertain) {
    const auto s = tight_scale(p);
    if (!s || *s > kMaxPow10) fits = false;
    else scale = std::max(scale, *s);
  }
  if (fits) {
    const std::int64_t one = static_cast<std::int64_t>(pow10_i128(scale));
    std::vector<std::int64_t> coef(rows, 0);
    for_each_row(m.certain.truth, [&](std::size_t i) { coef[i] = one; });
    for (const auto& [part, p] : m.uncertain) {
      std::int64_t c = 0;
      to_coefficient(p, scale, c);   // fits: 0 < p < 1 at a scale of at most 18
      for_each_row(part, [&](std::size_t i) { coef[i] = c; });
    }
    return NumberVector::scaled(std::move(coef), scale, m.certain.known);
  }
  std::vector<Decimal> values(rows);
  for_each_row(m.certain.truth, [&](std::size_t i) { values[i] = Decimal(1); });
  // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
  for (const auto& entry : m.uncertain) {
    const Decimal& p = entry.second;
    for_each_row(entry.first, [&](std::size_t i) { values[i] = p; });
  }
  return NumberVector::wide(std::move(values), m.certain.known);
}

Decimal expected_count(const ProbabilityMask& m, const Words& scope) {
  Decimal n(static_cast<std::int64_t>(popcount(and_words(m.certain.truth, scope))));
  for (const auto& [rows, p] : m.uncertain) n += p * Decimal(static_cast<std::int64_t>(popcount(and_words(rows, scope))));
  return n;
}

std::size_t known_count(const ProbabilityMask& m, const Words& scope) { return popcount(and_words(m.certain.known, scope)); }

Decimal expected_sum(const ProbabilityMask& m, const NumberVector& v, const Words& scope) {
  const Words present = and_words(scope, Words(v.validity().begin(), v.validity().end()));
  Decimal total = sum_selected(v, and_words(m.certain.truth, present));
  for (const auto& [rows, p] : m.uncertain) total += p * sum_selected(v, and_words(rows, present));
  return total;
}

Decimal expected_count_present(const ProbabilityMask& m, const NumberVector& v, const Words& scope) {
  return expected_count(m, and_words(scope, Words(v.validity().begin(), v.validity().end())));
}

}  // namespace cxv::eval
