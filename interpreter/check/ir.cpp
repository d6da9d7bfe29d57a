// Names of the IR's enums, lookups, and the one-line rendering of expressions.
#include "check/ir.hpp"

#include <fmt/core.h>

namespace cxv::ir {

const char* to_string(Perspective v) {
  static const char* n[] = {"none", "financial", "customer", "process", "learning"};
  return n[static_cast<int>(v)];
}
const char* to_string(Category v) {
  static const char* n[] = {"none", "acquisition", "spend", "retention", "cost_to_serve"};
  return n[static_cast<int>(v)];
}
const char* to_string(Better v) { return v == Better::higher ? "higher" : "lower"; }
const char* to_string(Provenance v) {
  static const char* n[] = {"unspecified", "first_party", "third_party"};
  return n[static_cast<int>(v)];
}
const char* to_string(Grade v) {
  static const char* n[] = {"none", "assumed", "benchmark", "correlational", "experiment"};
  return n[static_cast<int>(v)];
}
const char* to_string(Activity v) {
  static const char* n[] = {"none", "know_customers", "develop_strategy", "bring_to_life", "monitor_success"};
  return n[static_cast<int>(v)];
}
const char* to_string(Stage v) {
  static const char* n[] = {"none", "cost_takeout", "continuous_improvement", "strategic"};
  return n[static_cast<int>(v)];
}
const char* to_string(Status v) {
  static const char* n[] = {"green", "amber", "red"};
  return n[static_cast<int>(v)];
}
const char* to_string(ValueKind v) {
  static const char* n[] = {"flow", "one_time", "non_money"};
  return n[static_cast<int>(v)];
}
const char* to_string(EffectKind v) {
  static const char* n[] = {"kpi_absolute", "kpi_relative", "column"};
  return n[static_cast<int>(v)];
}
const char* to_string(ShareDimension v) {
  static const char* n[] = {"stage", "activity", "perspective"};
  return n[static_cast<int>(v)];
}
const char* to_string(Builtin v) {
  static const char* n[] = {"count",  "sum",    "mean",   "median", "min",    "max",     "percentile",
                            "share",  "delta",  "cumulative", "exp", "ln",    "sqrt",    "abs",
                            "min",    "max",    "funded", "status", "effect", "cost",    "evidence",
                            "experience_impact", "baseline"};
  return n[static_cast<int>(v)];
}
const char* to_string(Op v) {
  static const char* n[] = {"", "-", "not", "or", "and", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "^"};
  return n[static_cast<int>(v)];
}

Index Table::find_column(const std::string& n) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == n) return static_cast<Index>(i);
  return kNone;
}

namespace {

template <class T>
Index find_by_name(const std::vector<T>& items, const std::string& name) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].name == name) return static_cast<Index>(i);
  return kNone;
}

void render(const Expr& e, const Program& p, const std::vector<std::string>* params, std::string& out) {
  auto sub = [&](const Expr& x) { render(x, p, params, out); };
  switch (e.kind) {
    case ExprKind::number:
      out += e.number.to_string();
      if (!e.unit.is_plain()) out += " [" + p.unit_text(e.unit) + "]";
      return;
    case ExprKind::text: out += "\"" + e.text + "\""; return;
    case ExprKind::date:
      out += fmt::format("{:04}-{:02}", e.date.year, e.date.month);
      if (e.date.day) out += fmt::format("-{:02}", e.date.day);
      return;
    case ExprKind::boolean: out += e.boolean ? "true" : "false"; return;
    case ExprKind::status_word: out += to_string(e.status); return;
    case ExprKind::grade_word: out += to_string(e.grade); return;
    case ExprKind::kpi_ref: out += e.ref < p.kpis.size() ? p.kpis[e.ref].name : "?"; return;
    case ExprKind::value_ref: out += e.ref < p.values.size() ? p.values[e.ref].name : "?"; return;
    case ExprKind::column_ref:
      if (e.table < p.tables.size() && e.ref < p.tables[e.table].columns.size())
        out += p.tables[e.table].name + "." + p.tables[e.table].columns[e.ref].name;
      else out += "?";
      return;
    case ExprKind::experiment_field: {
      static const char* f[] = {"effect", "low", "high", "n"};
      out += (e.ref < p.experiments.size() ? p.experiments[e.ref].name : "?") + "." + f[static_cast<int>(e.field)];
      return;
    }
    case ExprKind::initiative_ref: out += e.ref < p.initiatives.size() ? p.initiatives[e.ref].name : "?"; return;
    case ExprKind::portfolio_field: out += "portfolio." + e.text; return;
    case ExprKind::param: out += params && e.ref < params->size() ? (*params)[e.ref] : fmt::format("${}", e.ref); return;
    case ExprKind::unary:
      out += e.op == Op::not_ ? "not " : "-";
      sub(*e.operands[0]);
      return;
    case ExprKind::binary:
      out += "(";
      sub(*e.operands[0]);
      out += fmt::format(" {} ", to_string(e.op));
      sub(*e.operands[1]);
      out += ")";
      return;
    case ExprKind::builtin: {
      out += to_string(e.builtin);
      if (e.builtin == Builtin::cost || e.builtin == Builtin::evidence || e.builtin == Builtin::experience_impact) return;
      out += "(";
      if (e.table != kNone && e.operands.empty()) out += e.table < p.tables.size() ? p.tables[e.table].name : "?";
      for (std::size_t i = 0; i < e.operands.size(); ++i) {
        if (i) out += ", ";
        sub(*e.operands[i]);
      }
      if (e.where) {
        out += " where ";
        sub(*e.where);
      }
      out += ")";
      return;
    }
    case ExprKind::call: {
      const Function* f = e.ref < p.functions.size() ? &p.functions[e.ref] : nullptr;
      out += f ? f->name : "?";
      out += "(";
      for (std::size_t i = 0; i < e.operands.size(); ++i) {
        if (i) out += ", ";
        if (f && i < f->params.size()) out += f->params[i] + ": ";
        sub(*e.operands[i]);
      }
      out += ")";
      return;
    }
  }
}

}  // namespace

std::string to_string(const Expr& e, const Program& p) {
  std::string out;
  render(e, p, nullptr, out);
  return out;
}

Index Program::find_kpi(const std::string& n) const { return find_by_name(kpis, n); }
Index Program::find_value(const std::string& n) const { return find_by_name(values, n); }
Index Program::find_table(const std::string& n) const { return find_by_name(tables, n); }
Index Program::find_initiative(const std::string& n) const { return find_by_name(initiatives, n); }
Index Program::find_stakeholder(const std::string& n) const { return find_by_name(stakeholders, n); }
Index Program::find_experiment(const std::string& n) const { return find_by_name(experiments, n); }
Index Program::find_driver(const std::string& n) const { return find_by_name(drivers, n); }

}  // namespace cxv::ir
