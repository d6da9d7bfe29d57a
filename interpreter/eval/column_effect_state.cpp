// Changed columns as classes of rows (see column_effect_state.hpp).

#include "eval/column_effect_state.hpp"

#include <functional>
#include <utility>

namespace cxv::eval {

bool any_set(const Words& w) {
  for (std::uint64_t x : w)
    if (x != 0) return true;
  return false;
}

Words and_not(const Words& a, const Words& b) {
  Words out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = a[i] & ~b[i];
  return out;
}

void or_into(Words& a, const Words& b) {
  for (std::size_t i = 0; i < a.size(); ++i) a[i] |= b[i];
}

namespace {

Decimal clamp01(const Decimal& p) {
  if (p.sign() < 0) return Decimal();
  if (p > Decimal(1)) return Decimal(1);
  return p;
}

// Moves the selected rows of every existing class to the class `step` maps it
// to, and gives the selected rows no class holds yet the classes `fresh`
// returns; then joins classes that ended up equal, so that their number
// stays small however many effects compose.
void apply(ColumnChange& column, const Words& selected, const std::function<ChangedRows(const ChangedRows&)>& step,
           const std::function<void(const Words&, std::vector<ChangedRows>&)>& fresh) {
  if (column.changed.empty()) column.changed.assign(selected.size(), 0);
  std::vector<ChangedRows> next;
  next.reserve(column.parts.size() * 2 + 2);
  for (ChangedRows& part : column.parts) {
    Words hit = and_words(part.rows, selected);
    if (!any_set(hit)) {
      next.push_back(std::move(part));
      continue;
    }
    ChangedRows moved = step(part);
    moved.rows = std::move(hit);
    part.rows = and_not(part.rows, selected);
    if (any_set(part.rows)) next.push_back(std::move(part));
    next.push_back(std::move(moved));
  }
  const Words untouched = and_not(selected, column.changed);
  if (any_set(untouched)) fresh(untouched, next);
  or_into(column.changed, selected);

  std::vector<ChangedRows> joined;
  joined.reserve(next.size());
  for (ChangedRows& part : next) {
    bool merged = false;
    for (ChangedRows& j : joined) {
      if (j.factor == part.factor && j.shift == part.shift) {
        or_into(j.rows, part.rows);
        merged = true;
        break;
      }
    }
    if (!merged) joined.push_back(std::move(part));
  }
  column.parts = std::move(joined);
}

}  // namespace

void apply_bool_change(ColumnChange& column, const Words& selected, const Words& base_truth, bool relative,
                       const Decimal& size) {
  auto move = [&](const Decimal& p) { return clamp01(relative ? p * size : p + size); };
  apply(
      column, selected,
      [&](const ChangedRows& part) {
        ChangedRows out;
        out.shift = move(part.shift);
        return out;
      },
      [&](const Words& untouched, std::vector<ChangedRows>& parts) {
        // A loaded cell is certain: probability 1 when true, 0 when false.
        ChangedRows was_true, was_false;
        was_true.rows = and_words(untouched, base_truth);
        was_true.shift = move(Decimal(1));
        was_false.rows = and_not(untouched, base_truth);
        was_false.shift = move(Decimal(0));
        if (any_set(was_true.rows)) parts.push_back(std::move(was_true));
        if (any_set(was_false.rows)) parts.push_back(std::move(was_false));
      });
}

void apply_number_change(ColumnChange& column, const Words& selected, bool relative, const Decimal& size) {
  apply(
      column, selected,
      [&](const ChangedRows& part) {
        // (x * a + b) * f = x * (a * f) + b * f;  (x * a + b) + d = x * a + (b + d)
        ChangedRows out;
        out.factor = relative ? part.factor * size : part.factor;
        out.shift = relative ? part.shift * size : part.shift + size;
        return out;
      },
      [&](const Words& untouched, std::vector<ChangedRows>& parts) {
        ChangedRows out;
        out.rows = untouched;
        if (relative) out.factor = size;
        else out.shift = size;
        parts.push_back(std::move(out));
      });
}

const ColumnChange* ColumnChanges::find(ir::ColumnRef column) const {
  for (const ColumnChange& c : columns_)
    if (c.column == column) return &c;
  return nullptr;
}

ColumnChange& ColumnChanges::get(ir::ColumnRef column, bool boolean, std::size_t rows) {
  for (ColumnChange& c : columns_)
    if (c.column == column) return c;
  ColumnChange c;
  c.column = column;
  c.boolean = boolean;
  c.changed.assign(word_count(rows), 0);
  columns_.push_back(std::move(c));
  return columns_.back();
}

}  // namespace cxv::eval
