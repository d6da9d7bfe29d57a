#pragma once
// Does a funding rule certainly reject an initiative, on what is known before
// any data is read? Lints use this to stay quiet about a risk the author has
// already ruled out: L008 does not flag a big bet on weak evidence that a
// `reject when cost > 500k USD and evidence < correlational` rule rejects.
//
// Only `cost` (the initiative's cost in the budget window), `evidence` (its
// grade), literals, comparisons and and/or/not are known here. Everything
// else (effect(), status(), experiments, ...) is unknown, and the rule is
// evaluated in three-valued logic: it certainly rejects only when it is true
// whatever the unknown parts turn out to be.

#include "check/ir.hpp"

namespace cxv::lint {

bool rule_certainly_rejects(const ir::Expr& condition, const Decimal& cost_in_window, ir::Grade evidence);

}  // namespace cxv::lint
