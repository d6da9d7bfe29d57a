// The columnar evaluator: one walk of the expression per aggregate, whole
// columns at each node.

#include "eval/evaluator.hpp"

#include <algorithm>
#include <compare>
#include <stdexcept>
#include <utility>

#include "eval/aggregates.hpp"
#include "eval/vector_ops.hpp"

namespace cxv::eval {

std::int32_t days_from_civil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int yoe = year - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

namespace {

const char* aggregate_word(ir::Builtin b) {
  switch (b) {
    case ir::Builtin::count: return "count";
    case ir::Builtin::sum: return "sum";
    case ir::Builtin::mean: return "mean";
    case ir::Builtin::median: return "median";
    case ir::Builtin::min: return "min";
    case ir::Builtin::max: return "max";
    case ir::Builtin::percentile: return "percentile";
    case ir::Builtin::share: return "share";
    default: return "aggregate";
  }
}

bool is_aggregate(ir::Builtin b) {
  switch (b) {
    case ir::Builtin::count:
    case ir::Builtin::sum:
    case ir::Builtin::mean:
    case ir::Builtin::median:
    case ir::Builtin::min:
    case ir::Builtin::max:
    case ir::Builtin::percentile:
    case ir::Builtin::share: return true;
    default: return false;
  }
}

bool is_comparison(ir::Op op) {
  return op == ir::Op::eq || op == ir::Op::ne || op == ir::Op::lt || op == ir::Op::le || op == ir::Op::gt ||
         op == ir::Op::ge;
}

int sign_of(std::strong_ordering c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

// A value passed to a function parameter is shared, not copied.
Value share_value(const Value& v) {
  return std::visit(
      [](const auto& x) -> Value {
        if constexpr (std::is_same_v<std::decay_t<decltype(x)>, NumberVector>) return x.borrow();
        else return x;
      },
      v);
}

void set_bit(Words& w, std::size_t i) { w[i >> 6] |= std::uint64_t{1} << (i & 63); }

}  // namespace

Evaluator::Evaluator(const ir::Program& program, const TableSet& tables, KpiLookup kpi_value)
    : program_(program), tables_(tables), kpi_value_(std::move(kpi_value)), restriction_(program.tables.size(), nullptr) {}

void Evaluator::restrict_rows(ir::Index table, const Words* rows) { restriction_.at(table) = rows; }

Decimal Evaluator::number(const ir::Expr& e) { return scalar_number(e, Frame{}); }

std::size_t Evaluator::rows_of(ir::Index table) const { return tables_.at(table).data->row_count(); }

void Evaluator::fail(const char* code, const ir::Expr& e, std::string message, std::string help) const {
  throw EvalError{code, e.span, std::move(message), std::move(help)};
}

Decimal Evaluator::scalar_number(const ir::Expr& e, const Frame& f) {
  Value v = eval(e, f);
  if (auto* d = std::get_if<Decimal>(&v)) return *d;
  if (auto* b = std::get_if<BoolScalar>(&v)) return Decimal(b->value ? 1 : 0);
  fail("E153", e, "this expression gives one value per row, but a single number is needed here",
       "wrap it in an aggregate such as sum(...) or mean(...)");
}

Value Evaluator::eval(const ir::Expr& e, const Frame& f) {
  switch (e.kind) {
    case ir::ExprKind::number: return e.number;
    case ir::ExprKind::boolean: return BoolScalar{e.boolean};
    case ir::ExprKind::text: return TextScalar{e.text};
    case ir::ExprKind::date: return DateScalar{days_from_civil(e.date.year, e.date.month, e.date.day == 0 ? 1 : e.date.day)};
    case ir::ExprKind::kpi_ref: {
      std::optional<Decimal> v = kpi_value_(e.ref);
      // The KPI it reads failed and already has its own diagnostic.
      if (!v) throw EvalError{"", e.span, {}, {}};
      return *v;
    }
    case ir::ExprKind::column_ref: return eval_column(e, f);
    case ir::ExprKind::param: return share_value(f.params[e.ref]);
    case ir::ExprKind::unary: return eval_unary(e, f);
    case ir::ExprKind::binary: return eval_binary(e, f);
    case ir::ExprKind::builtin: return eval_builtin(e, f);
    case ir::ExprKind::call: return eval_call(e, f);
    case ir::ExprKind::status_word:
    case ir::ExprKind::grade_word:
    case ir::ExprKind::value_ref:
    case ir::ExprKind::experiment_field:
    case ir::ExprKind::initiative_ref:
    case ir::ExprKind::portfolio_field: break;
  }
  fail("E153", e, "this has no value when a KPI is computed from the data",
       "a KPI's measure may read tables, numbers and other KPIs; values, experiments and the portfolio come later in a run");
}

Value Evaluator::eval_column(const ir::Expr& e, const Frame& f) {
  (void)f;
  if (changes_) {
    if (const ColumnChange* change = changes_->find(ir::ColumnRef{e.table, e.ref})) return changed_column(e, *change);
  }
  const BoundTable& t = tables_.at(e.table);
  const data::ColumnData& column = t.data->column(t.column_of.at(e.ref));
  if (const auto* n = std::get_if<data::NumberColumn>(&column)) return NumberVector::view(*n);
  if (const auto* b = std::get_if<data::BoolColumn>(&column)) {
    const std::size_t rows = b->size();
    Mask m{rows, Words(word_count(rows), 0), b->validity().words()};
    const std::uint8_t* v = b->values().data();
    for (std::size_t i = 0; i < rows; ++i) m.truth[i >> 6] |= static_cast<std::uint64_t>(v[i] != 0) << (i & 63);
    for (std::size_t w = 0; w < m.truth.size(); ++w) m.truth[w] &= m.known[w];
    return m;
  }
  if (const auto* t2 = std::get_if<data::TextColumn>(&column)) return TextVector{t2};
  return DateVector{&std::get<data::DateColumn>(column)};
}

namespace {

Mask to_mask(Value v, std::size_t rows) {
  if (auto* m = std::get_if<Mask>(&v)) return std::move(*m);
  if (auto* b = std::get_if<BoolScalar>(&v)) return constant_mask(rows, true, b->value);
  return constant_mask(rows, false, false);
}

NumberVector to_numbers(Value v, std::size_t rows) {
  if (auto* n = std::get_if<NumberVector>(&v)) return std::move(*n);
  if (auto* p = std::get_if<ProbabilityMask>(&v)) return probability_numbers(*p);
  if (auto* d = std::get_if<Decimal>(&v)) return NumberVector::constant(*d, rows);
  if (auto* m = std::get_if<Mask>(&v)) return mask_as_numbers(*m);
  if (auto* b = std::get_if<BoolScalar>(&v)) return NumberVector::constant(Decimal(b->value ? 1 : 0), rows);
  return NumberVector::constant(Decimal(), rows);
}

bool is_number(const Value& v) { return std::holds_alternative<Decimal>(v) || std::holds_alternative<NumberVector>(v); }
bool is_bool(const Value& v) {
  return std::holds_alternative<BoolScalar>(v) || std::holds_alternative<Mask>(v) || std::holds_alternative<ProbabilityMask>(v);
}
bool is_text(const Value& v) { return std::holds_alternative<TextScalar>(v) || std::holds_alternative<TextVector>(v); }
bool is_date(const Value& v) { return std::holds_alternative<DateScalar>(v) || std::holds_alternative<DateVector>(v); }

// Text comparison on every row; the dictionary codes are compared when one
// side is a literal and the column is dictionary-encoded.
Mask compare_text(ir::Op op, const Value& a, const Value& b, std::size_t rows) {
  const auto* col_a = std::get_if<TextVector>(&a);
  const auto* col_b = std::get_if<TextVector>(&b);
  const data::TextColumn* va = col_a ? col_a->column : nullptr;
  const data::TextColumn* vb = col_b ? col_b->column : nullptr;
  Words known = va && vb ? and_words(va->validity().words(), vb->validity().words())
                         : (va ? va->validity().words() : vb->validity().words());
  Mask m{rows, Words(word_count(rows), 0), std::move(known)};
  const std::string* lit_b = std::get_if<TextScalar>(&b) ? &std::get<TextScalar>(b).value : nullptr;
  const std::string* lit_a = std::get_if<TextScalar>(&a) ? &std::get<TextScalar>(a).value : nullptr;
  if ((op == ir::Op::eq || op == ir::Op::ne) && ((va && lit_b && va->is_dictionary()) || (vb && lit_a && vb->is_dictionary()))) {
    const data::TextColumn* col = va ? va : vb;
    const std::string& lit = lit_b ? *lit_b : *lit_a;
    std::uint32_t code = data::TextColumn::kMissingCode;
    for (std::uint32_t c = 0; c < col->dictionary_size(); ++c) {
      if (col->dictionary_entry(c) == lit) code = c;
    }
    // 64 rows per word, without a branch per row: true where known and
    // (code matches) == (op is eq). Column effects' selections run this once
    // per effect on every row (bench/rowlevel).
    const std::uint32_t* codes = col->codes().data();
    const bool eq = op == ir::Op::eq;
    for (std::size_t w = 0; w < m.truth.size(); ++w) {
      const std::size_t first = w * 64;
      const std::size_t n = std::min<std::size_t>(64, rows - first);
      std::uint64_t match = 0;
      for (std::size_t bit = 0; bit < n; ++bit) match |= static_cast<std::uint64_t>(codes[first + bit] == code) << bit;
      m.truth[w] = (eq ? match : ~match) & m.known[w];
    }
    return m;
  }
  for (std::size_t i = 0; i < rows; ++i) {
    if (!test(m.known, i)) continue;
    const std::string_view x = va ? va->value(i) : std::string_view(*lit_a);
    const std::string_view y = vb ? vb->value(i) : std::string_view(*lit_b);
    if (satisfies(op, sign_of(x <=> y))) set_bit(m.truth, i);
  }
  return m;
}

Mask compare_dates(ir::Op op, const Value& a, const Value& b, std::size_t rows) {
  const auto* col_a = std::get_if<DateVector>(&a);
  const auto* col_b = std::get_if<DateVector>(&b);
  // Two scalar dates never reach a row loop; saying so also lets g++ -O2 see that
  // col_b is set below (it reports a null dereference otherwise).
  if (!col_a && !col_b) throw std::logic_error("compare_dates: no date column on either side");
  Words known = col_a && col_b ? and_words(col_a->column->validity().words(), col_b->column->validity().words())
                               : (col_a ? col_a->column->validity().words() : col_b->column->validity().words());
  Mask m{rows, Words(word_count(rows), 0), std::move(known)};
  for (std::size_t i = 0; i < rows; ++i) {
    if (!test(m.known, i)) continue;
    const std::int32_t x = col_a ? col_a->column->days(i) : std::get<DateScalar>(a).days;
    const std::int32_t y = col_b ? col_b->column->days(i) : std::get<DateScalar>(b).days;
    if (satisfies(op, sign_of(x <=> y))) set_bit(m.truth, i);
  }
  return m;
}

}  // namespace

Value Evaluator::eval_unary(const ir::Expr& e, const Frame& f) {
  Value v = eval(*e.operands.at(0), f);
  if (e.op == ir::Op::not_) {
    if (auto* b = std::get_if<BoolScalar>(&v)) return BoolScalar{!b->value};
    if (auto* p = std::get_if<ProbabilityMask>(&v)) return negate(std::move(*p));
    return !to_mask(std::move(v), f.table == ir::kNone ? 0 : rows_of(f.table));
  }
  if (auto* d = std::get_if<Decimal>(&v)) return -*d;
  try {
    return negate(to_numbers(std::move(v), rows_of(f.table)));
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
}

Value Evaluator::eval_binary(const ir::Expr& e, const Frame& f) {
  Value a = eval(*e.operands.at(0), f);
  Value b = eval(*e.operands.at(1), f);
  const bool rowwise = is_rowwise(a) || is_rowwise(b);
  const std::size_t rows = rowwise ? rows_of(f.table) : 0;

  // A bool column changed by a column effect: one uncertain side at most.
  const bool uncertain_a = std::holds_alternative<ProbabilityMask>(a);
  if (uncertain_a || std::holds_alternative<ProbabilityMask>(b)) {
    if (uncertain_a && std::holds_alternative<ProbabilityMask>(b))
      uncertain_here(e, "two conditions that column effects made uncertain, combined");
    ProbabilityMask p = std::get<ProbabilityMask>(std::move(uncertain_a ? a : b));
    Value& other = uncertain_a ? b : a;
    if (e.op == ir::Op::and_ || e.op == ir::Op::or_) {
      const Mask m = to_mask(std::move(other), rows);
      return e.op == ir::Op::and_ ? and_certain(std::move(p), m) : or_certain(std::move(p), m);
    }
    if ((e.op == ir::Op::eq || e.op == ir::Op::ne) && std::holds_alternative<BoolScalar>(other)) {
      const bool same = std::get<BoolScalar>(other).value == (e.op == ir::Op::eq);   // `p == true`, `p != false`
      return same ? std::move(p) : negate(std::move(p));
    }
    uncertain_here(e, "a comparison of a condition that a column effect made uncertain");
  }

  if (e.op == ir::Op::and_ || e.op == ir::Op::or_) {
    if (!rowwise) {
      const bool x = std::get<BoolScalar>(a).value, y = std::get<BoolScalar>(b).value;
      return BoolScalar{e.op == ir::Op::and_ ? (x && y) : (x || y)};
    }
    Mask x = to_mask(std::move(a), rows), y = to_mask(std::move(b), rows);
    return e.op == ir::Op::and_ ? (x && y) : (x || y);
  }

  if (is_comparison(e.op)) {
    if (is_text(a) && is_text(b)) {
      if (!rowwise) return BoolScalar{satisfies(e.op, sign_of(std::get<TextScalar>(a).value <=> std::get<TextScalar>(b).value))};
      return compare_text(e.op, a, b, rows);
    }
    if (is_date(a) && is_date(b)) {
      if (!rowwise) return BoolScalar{satisfies(e.op, sign_of(std::get<DateScalar>(a).days <=> std::get<DateScalar>(b).days))};
      return compare_dates(e.op, a, b, rows);
    }
    if (is_bool(a) && is_bool(b) && (e.op == ir::Op::eq || e.op == ir::Op::ne)) {
      if (!rowwise) return BoolScalar{(std::get<BoolScalar>(a).value == std::get<BoolScalar>(b).value) == (e.op == ir::Op::eq)};
      Mask x = to_mask(std::move(a), rows), y = to_mask(std::move(b), rows);
      Mask same = (x && y) || (!x && !y);   // unknown when either side is
      return e.op == ir::Op::eq ? same : !same;
    }
    if (is_number(a) && is_number(b)) {
      if (!rowwise) return BoolScalar{satisfies(e.op, sign_of(std::get<Decimal>(a) <=> std::get<Decimal>(b)))};
      // Column against a literal (`nps >= 9`): compare coefficients in place.
      Mask m;
      if (const auto* v = std::get_if<NumberVector>(&a); v && std::holds_alternative<Decimal>(b) &&
                                                         compare_scalar(e.op, *v, std::get<Decimal>(b), m))
        return m;
      if (const auto* v = std::get_if<NumberVector>(&b); v && std::holds_alternative<Decimal>(a) &&
                                                         compare_scalar(mirrored(e.op), *v, std::get<Decimal>(a), m))
        return m;
      return compare(e.op, to_numbers(std::move(a), rows), to_numbers(std::move(b), rows));
    }
    fail("E153", e, "these two values cannot be compared when computing a KPI");
  }

  // Arithmetic.
  try {
    if (!rowwise) {
      const Decimal& x = std::get<Decimal>(a);
      const Decimal& y = std::get<Decimal>(b);
      switch (e.op) {
        case ir::Op::add: return x + y;
        case ir::Op::sub: return x - y;
        case ir::Op::mul: return x * y;
        case ir::Op::div:
          if (y.is_zero()) fail("E151", e, "division by zero", "the divisor is 0 on this data; guard it, or check the KPIs it reads");
          return x / y;
        case ir::Op::pow: return x.pow(y);
        default: break;
      }
      fail("E153", e, "this operation has no value when computing a KPI");
    }
    NumberVector x = to_numbers(std::move(a), rows);
    NumberVector y = to_numbers(std::move(b), rows);
    switch (e.op) {
      case ir::Op::add:
      case ir::Op::sub:
      case ir::Op::mul: return arithmetic(e.op, x, y);
      case ir::Op::div: {
        NumberVector out;
        std::size_t zero_row = 0;
        if (!divide(x, y, f.scope, out, zero_row)) {
          fail("E151", e,
               "division by zero in row " + std::to_string(zero_row + 1) + " of table '" + program_.tables.at(f.table).name + "'",
               "leave such rows out with `where`, e.g. `where <divisor column> > 0`");
        }
        return out;
      }
      case ir::Op::pow: return map_rows2(x, y, f.scope, [](const Decimal& p, const Decimal& q) { return p.pow(q); });
      default: break;
    }
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
  fail("E153", e, "this operation has no value when computing a KPI");
}

Value Evaluator::eval_builtin(const ir::Expr& e, const Frame& f) {
  if (is_aggregate(e.builtin)) return eval_aggregate(e, f);
  try {
    switch (e.builtin) {
      case ir::Builtin::delta:
        // A KPI's baseline is computed with no initiative in effect: every delta is exactly 0.
        return Decimal();
      case ir::Builtin::baseline: {
        std::optional<Decimal> v = kpi_value_(e.operands.at(0)->ref);
        if (!v) throw EvalError{"", e.span, {}, {}};
        return *v;
      }
      case ir::Builtin::exp:
      case ir::Builtin::ln:
      case ir::Builtin::sqrt:
      case ir::Builtin::abs: {
        Value v = eval(*e.operands.at(0), f);
        const ir::Builtin b = e.builtin;
        auto fn = [b](const Decimal& x) {
          switch (b) {
            case ir::Builtin::exp: return x.exp();
            case ir::Builtin::ln: return x.ln();
            case ir::Builtin::sqrt: return x.sqrt();
            default: return x.abs();
          }
        };
        if (auto* d = std::get_if<Decimal>(&v)) return fn(*d);
        return map_rows(to_numbers(std::move(v), rows_of(f.table)), f.scope, fn);
      }
      case ir::Builtin::min2:
      case ir::Builtin::max2: {
        Value a = eval(*e.operands.at(0), f);
        Value b = eval(*e.operands.at(1), f);
        const bool take_min = e.builtin == ir::Builtin::min2;
        auto fn = [take_min](const Decimal& x, const Decimal& y) { return (take_min ? (y < x) : (y > x)) ? y : x; };
        if (!is_rowwise(a) && !is_rowwise(b)) return fn(std::get<Decimal>(a), std::get<Decimal>(b));
        const std::size_t rows = rows_of(f.table);
        return map_rows2(to_numbers(std::move(a), rows), to_numbers(std::move(b), rows), f.scope, fn);
      }
      default: break;
    }
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
  fail("E153", e, "this has no value when a KPI is computed from the data",
       "funding rules, effects, statuses and the portfolio are evaluated later in a run, not inside a KPI's measure");
}

Value Evaluator::eval_call(const ir::Expr& e, const Frame& f) {
  std::vector<Value> args;
  args.reserve(e.operands.size());
  for (const auto& op : e.operands) args.push_back(eval(*op, f));
  Frame inner = f;
  inner.params = args;
  return eval(*e.body, inner);
}

Mask Evaluator::row_mask(ir::Index table, const ir::Expr& where) {
  const std::size_t rows = rows_of(table);
  Words scope = restriction_.at(table) ? *restriction_.at(table) : all_rows(rows);
  Frame inner{table, &scope, {}};
  Value v = eval(where, inner);
  if (std::holds_alternative<ProbabilityMask>(v)) uncertain_here(where, "a condition that selects the rows an effect changes");
  return to_mask(std::move(v), rows);
}

Value Evaluator::changed_column(const ir::Expr& e, const ColumnChange& change) {
  const BoundTable& t = tables_.at(e.table);
  const data::ColumnData& column = t.data->column(t.column_of.at(e.ref));
  try {
    if (const auto* n = std::get_if<data::NumberColumn>(&column)) return changed_numbers(*n, change);
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
  const auto& b = std::get<data::BoolColumn>(column);
  return changed_bool(change.loaded ? *change.loaded : mask_of(b), change);
}

std::optional<Decimal> Evaluator::changed_column_aggregate(const ir::Expr& e, const Words& scope) {
  const ir::Expr& column_ref = *e.operands.at(0);
  const ColumnChange* change = changes_->find(ir::ColumnRef{column_ref.table, column_ref.ref});
  if (!change) return std::nullopt;
  const BoundTable& t = tables_.at(column_ref.table);
  const auto* loaded = std::get_if<data::NumberColumn>(&t.data->column(t.column_of.at(column_ref.ref)));
  if (!loaded) return std::nullopt;
  const Words selected = and_words(scope, loaded->validity());
  try {
    const std::optional<Decimal> sum = changed_sum(*loaded, *change, selected);
    if (!sum || e.builtin == ir::Builtin::sum) return sum;
    const std::size_t n = popcount(selected);
    if (n == 0) return std::nullopt;   // the general path reports the empty mean
    return *sum / Decimal(static_cast<std::int64_t>(n));
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
}

void Evaluator::uncertain_here(const ir::Expr& e, const std::string& what) const {
  fail("E181", e, what + " cannot be computed: a yes/no column that a column effect changed holds probabilities here",
       "count, share, sum and mean read probabilities (as expected values); state the effect on the KPI instead, or "
       "keep the changed column out of order statistics and of conditions combined with another changed column");
}

RowCount Evaluator::count_rows(ir::Index table, const ir::Expr* where) {
  const std::size_t rows = rows_of(table);
  Words scope = restriction_.at(table) ? *restriction_.at(table) : all_rows(rows);
  RowCount out;
  out.rows = rows;
  out.scope = popcount(scope);
  out.truth = out.known = out.scope;
  if (where) {
    Frame inner{table, &scope, {}};
    Mask m = to_mask(eval(*where, inner), rows);
    out.truth = popcount(and_words(m.truth, scope));
    out.known = popcount(and_words(m.known, scope));
  }
  return out;
}

Value Evaluator::eval_aggregate(const ir::Expr& e, const Frame& f) {
  if (!trace_) return aggregate(e, f, nullptr);
  AggregateTrace trace;
  trace.expr = &e;
  trace.table = e.table;
  trace.table_rows = rows_of(e.table);
  trace.has_where = e.where != nullptr;
  Value v = aggregate(e, f, &trace);
  trace.result = std::get<Decimal>(v);
  trace_->aggregate(trace);
  return v;
}

Value Evaluator::aggregate(const ir::Expr& e, const Frame& f, AggregateTrace* trace) {
  const ir::Index t = e.table;
  const std::string& table_name = program_.tables.at(t).name;
  const std::size_t rows = rows_of(t);
  Words scope = restriction_.at(t) ? *restriction_.at(t) : all_rows(rows);
  Frame inner{t, &scope, f.params};
  const char* word = aggregate_word(e.builtin);
  if (trace) trace->scope_rows = trace->where_true = trace->where_known = popcount(scope);

  if (e.where) {
    Value where = eval(*e.where, inner);
    if (const auto* p = std::get_if<ProbabilityMask>(&where)) return aggregate_uncertain(e, inner, *p, scope);
    Mask m = to_mask(std::move(where), rows);
    if (e.builtin == ir::Builtin::share) {
      const std::size_t known = popcount(and_words(m.known, scope));
      const std::size_t yes = popcount(and_words(m.truth, scope));
      if (trace) {
        trace->where_true = yes;
        trace->where_known = known;
      }
      if (known == 0) {
        fail("E150", e, "share over table '" + table_name + "' has no rows where the condition is known",
             "every row is missing a value the condition reads (or the table is empty)");
      }
      return Decimal(static_cast<std::int64_t>(yes)) / Decimal(static_cast<std::int64_t>(known));
    }
    if (trace) trace->where_known = popcount(and_words(m.known, scope));
    scope = and_words(scope, m.truth);   // rows where the condition is true
    if (trace) trace->where_true = popcount(scope);
  }
  if (e.builtin == ir::Builtin::count) return Decimal(static_cast<std::int64_t>(popcount(scope)));
  if (e.builtin == ir::Builtin::share) {
    // share(T) without a condition: every known row is a match.
    if (popcount(scope) == 0) fail("E150", e, "share over table '" + table_name + "' has no rows");
    return Decimal(1);
  }

  // sum or mean of a column a column effect changed: from the loaded column
  // and the changed rows' classes, without rewriting the column.
  if (!trace && changes_ && (e.builtin == ir::Builtin::sum || e.builtin == ir::Builtin::mean) &&
      e.operands.at(0)->kind == ir::ExprKind::column_ref) {
    if (auto v = changed_column_aggregate(e, scope)) return *v;
  }

  NumberVector values = to_numbers(eval(*e.operands.at(0), inner), rows);
  const Words selected = and_words(scope, values.validity());
  const std::size_t n = popcount(selected);
  if (trace) {
    trace->values = n;
    if (e.builtin == ir::Builtin::sum || e.builtin == ir::Builtin::mean) trace->values_sum = sum_selected(values, selected);
  }
  auto empty = [&]() {
    fail("E150", e,
         std::string(word) + " over table '" + table_name + "' has no values" +
             (e.where ? " (every row is missing the value or excluded by `where`)" : " (every row is missing the value, or the table is empty)"),
         "an average or an order statistic of no values is undefined; check the filter and the data");
  };
  try {
    switch (e.builtin) {
      case ir::Builtin::sum: return sum_selected(values, selected);
      case ir::Builtin::mean:
        if (n == 0) empty();
        return sum_selected(values, selected) / Decimal(static_cast<std::int64_t>(n));
      case ir::Builtin::min: {
        auto v = min_selected(values, selected);
        if (!v) empty();
        return *v;
      }
      case ir::Builtin::max: {
        auto v = max_selected(values, selected);
        if (!v) empty();
        return *v;
      }
      case ir::Builtin::median:
      case ir::Builtin::percentile: {
        Decimal p = Decimal::from_scaled(5, 1);
        if (e.builtin == ir::Builtin::percentile) {
          p = scalar_number(*e.operands.at(1), f);
          if (p < Decimal(0) || p > Decimal(1)) {
            fail("E155", *e.operands.at(1), "percentile " + (p * Decimal(100)).to_string() + "% is outside 0% to 100%",
                 "write the percentile as a percentage between 0% and 100%, e.g. percentile(T.x, 90%)");
          }
        }
        auto v = percentile_selected(values, selected, p);
        if (!v) empty();
        return *v;
      }
      default: break;
    }
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
  fail("E153", e, "unknown aggregate");
}

// An aggregate whose `where` is uncertain: each uncertain row counts by its
// probability (column_effect_mask.hpp).
Value Evaluator::aggregate_uncertain(const ir::Expr& e, const Frame& inner, const ProbabilityMask& where, const Words& scope) {
  const std::string& table_name = program_.tables.at(e.table).name;
  try {
    switch (e.builtin) {
      case ir::Builtin::count: return expected_count(where, scope);
      case ir::Builtin::share: {
        const std::size_t known = known_count(where, scope);
        if (known == 0) {
          fail("E150", e, "share over table '" + table_name + "' has no rows where the condition is known",
               "every row is missing a value the condition reads (or the table is empty)");
        }
        return expected_count(where, scope) / Decimal(static_cast<std::int64_t>(known));
      }
      case ir::Builtin::sum:
      case ir::Builtin::mean: {
        const NumberVector values = to_numbers(eval(*e.operands.at(0), inner), rows_of(e.table));
        const Decimal sum = expected_sum(where, values, scope);
        if (e.builtin == ir::Builtin::sum) return sum;
        const Decimal n = expected_count_present(where, values, scope);
        if (n.is_zero()) {
          fail("E150", e, "mean over table '" + table_name + "' has no values (every row is missing the value or excluded by `where`)",
               "an average of no values is undefined; check the filter and the data");
        }
        return sum / n;
      }
      default: break;
    }
  } catch (const ArithmeticError& err) {
    fail("E152", e, err.what());
  }
  uncertain_here(e, std::string(aggregate_word(e.builtin)) + " over rows selected by a condition a column effect made uncertain");
}

}  // namespace cxv::eval
