#pragma once
// Whole-column operations: arithmetic and comparisons over NumberVectors.
// A result row is missing when either operand row is missing (SQL NULL).
// The int64 path is used whenever the result fits; otherwise the operation
// is redone in Decimals, so results are exact either way.

#include <cstddef>
#include <functional>

#include "check/ir.hpp"
#include "eval/bitmap.hpp"
#include "eval/number_vector.hpp"

namespace cxv::eval {

// a (op) b for op in add, sub, mul. Throws ArithmeticError past Decimal's limits.
NumberVector arithmetic(ir::Op op, const NumberVector& a, const NumberVector& b);

// a / b, rounded as Decimal division. Only rows in `scope` (null: all) are
// computed; others become missing. Returns false with `zero_row` set when a
// present row in scope divides by zero.
bool divide(const NumberVector& a, const NumberVector& b, const Words* scope, NumberVector& out,
            std::size_t& zero_row);

NumberVector negate(const NumberVector& a);

// fn applied to every present row in scope, in Decimals (exp, ln, powers...).
NumberVector map_rows(const NumberVector& a, const Words* scope, const std::function<Decimal(const Decimal&)>& fn);
NumberVector map_rows2(const NumberVector& a, const NumberVector& b, const Words* scope,
                       const std::function<Decimal(const Decimal&, const Decimal&)>& fn);

// The comparison `a (op) b` for op in eq, ne, lt, le, gt, ge: unknown where
// either side is missing.
Mask compare(ir::Op op, const NumberVector& a, const NumberVector& b);

// `a (op) s` against one number, without materializing it: false (and
// nothing written) when `s` has no exact int64 coefficient at a's scale.
bool compare_scalar(ir::Op op, const NumberVector& a, const Decimal& s, Mask& out);

// The operator that gives the same answer with the operands swapped (< for >).
ir::Op mirrored(ir::Op op);

// 1 for true, 0 for false, missing for unknown: a bool in arithmetic.
NumberVector mask_as_numbers(const Mask& m);

// Whether `c` (a three-way comparison result) satisfies op.
inline bool satisfies(ir::Op op, int c) {
  switch (op) {
    case ir::Op::eq: return c == 0;
    case ir::Op::ne: return c != 0;
    case ir::Op::lt: return c < 0;
    case ir::Op::le: return c <= 0;
    case ir::Op::gt: return c > 0;
    case ir::Op::ge: return c >= 0;
    default: return false;
  }
}

}  // namespace cxv::eval
