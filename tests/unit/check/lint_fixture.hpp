#pragma once
// Builds checked IR programs by hand for the lint tests, so each lint's logic
// is tested on exactly the facts it reads (the IR), independent of the parser
// and checker. `healthy()` is a small framework that breaks no practice; each
// test changes one thing and asserts which lint appears.

#include <algorithm>
#include <string>
#include <vector>

#include "check/ir.hpp"
#include "check/lints.hpp"
#include "check/options.hpp"
#include "diag/diagnostic.hpp"

namespace cxv::lint_test {

using ir::Index;

struct Builder {
  ir::Program p;
  std::uint32_t next_offset = 100;

  // Distinct, increasing spans so that declarations can be told apart.
  Span span() {
    Span s{0, next_offset, next_offset + 5};
    next_offset += 10;
    return s;
  }

  Index stakeholder(const std::string& name, const std::string& title = "") {
    ir::Stakeholder s;
    s.name = name;
    s.title = title.empty() ? name : title;
    s.span = span();
    p.stakeholders.push_back(std::move(s));
    return static_cast<Index>(p.stakeholders.size() - 1);
  }

  Index table(const std::string& name, ir::Provenance provenance = ir::Provenance::first_party,
              bool keyed = true) {
    ir::Table t;
    t.name = name;
    t.provenance = provenance;
    t.span = span();
    ir::Column c;
    c.name = keyed ? "customer_id" : "month";
    c.kind = ir::ColumnKind::text;
    c.key = keyed;
    t.columns.push_back(c);
    if (keyed) t.key = 0;
    p.tables.push_back(std::move(t));
    return static_cast<Index>(p.tables.size() - 1);
  }

  // What a KPI reads and says, set fluently: KpiSpec().in(financial).serves({s}).
  struct KpiSpec {
    ir::Perspective perspective_ = ir::Perspective::customer;
    ir::Category category_ = ir::Category::none;
    std::vector<Index> stakeholders_, tables_, kpis_;
    bool target_ = true;
    KpiSpec& in(ir::Perspective p) { perspective_ = p; return *this; }
    KpiSpec& category(ir::Category c) { category_ = c; return *this; }
    KpiSpec& serves(std::vector<Index> s) { stakeholders_ = std::move(s); return *this; }
    KpiSpec& reads_tables(std::vector<Index> t) { tables_ = std::move(t); return *this; }
    KpiSpec& reads_kpis(std::vector<Index> k) { kpis_ = std::move(k); return *this; }
    KpiSpec& no_target() { target_ = false; return *this; }
  };

  Index kpi(const std::string& name, KpiSpec spec) {
    ir::Kpi k;
    k.name = name;
    k.perspective = spec.perspective_;
    k.category = spec.category_;
    k.stakeholders = spec.stakeholders_;
    k.tables_read = spec.tables_;
    k.kpis_read = spec.kpis_;
    if (spec.target_) k.target = Decimal(1);
    k.span = span();
    k.measure = std::make_unique<ir::Expr>();
    k.measure->span = span();
    p.kpis.push_back(std::move(k));
    return static_cast<Index>(p.kpis.size() - 1);
  }

  // An initiative's effects, evidence and cost, set fluently.
  struct InitiativeSpec {
    std::vector<Index> moves_;
    ir::Grade grade_ = ir::Grade::correlational;
    Decimal once_ = Decimal(100'000);
    Decimal per_month_ = Decimal(0);
    int start_index_ = 0;
    InitiativeSpec& moves(std::vector<Index> k) { moves_ = std::move(k); return *this; }
    InitiativeSpec& evidence(ir::Grade g) { grade_ = g; return *this; }
    InitiativeSpec& once(Decimal d) { once_ = std::move(d); return *this; }
    InitiativeSpec& per_month(Decimal d) { per_month_ = std::move(d); return *this; }
    InitiativeSpec& starts(int month_index) { start_index_ = month_index; return *this; }
  };

  Index initiative(const std::string& name, InitiativeSpec spec) {
    ir::Initiative i;
    i.name = name;
    i.span = span();
    for (Index k : spec.moves_) {
      ir::Effect e;
      e.kind = ir::EffectKind::kpi_absolute;
      e.kpi = k;
      e.span = span();
      i.effects.push_back(std::move(e));
    }
    i.kpis_moved = spec.moves_;
    std::sort(i.kpis_moved.begin(), i.kpis_moved.end());
    i.evidence.grade = spec.grade_;
    if (spec.grade_ != ir::Grade::none) i.evidence.span = span();
    i.cost_once = spec.once_;
    i.cost_per_month = spec.per_month_;
    i.start_index = spec.start_index_;
    p.initiatives.push_back(std::move(i));
    return static_cast<Index>(p.initiatives.size() - 1);
  }

  // A driver with one rule: `target += f(delta(reads...))`.
  void driver(const std::string& name, Index target, std::vector<Index> reads) {
    ir::Driver d;
    d.name = name;
    d.span = span();
    ir::DriverRule r;
    r.kpi = target;
    r.kpis_read = std::move(reads);
    r.span = span();
    d.rules.push_back(std::move(r));
    p.drivers.push_back(std::move(d));
  }

  void value(const std::string& name, std::vector<Index> for_stakeholders) {
    ir::Value v;
    v.name = name;
    v.stakeholders = std::move(for_stakeholders);
    v.span = span();
    p.values.push_back(std::move(v));
  }

  void budget(Decimal amount) {
    ir::Funding f;
    f.budget = amount;
    f.span = span();
    p.funding = std::move(f);
  }
};

// Indices of the healthy framework's declarations.
struct Healthy {
  Builder b;
  Index customers_sh = 0, shareholders_sh = 0, customers_table = 0;
  Index churn = 0, nps = 0, arpu = 0;
  Index onboarding = 0, crm = 0, bundles = 0;
};

// Stakeholders customers and shareholders; a keyed, first-party customers
// table; KPIs churn (customer, retention), nps (customer) and arpu (financial);
// a driver nps -> churn; initiatives moving churn, nps, and arpu + nps;
// a 2.5M budget. No lint applies.
inline Healthy healthy() {
  Healthy h;
  Builder& b = h.b;
  b.p.framework.span = b.span();
  b.p.framework.currency = "USD";
  b.p.framework.horizon_months = 36;
  h.customers_sh = b.stakeholder("customers", "Customers");
  h.shareholders_sh = b.stakeholder("shareholders", "Shareholders");
  h.customers_table = b.table("customers");
  using P = ir::Perspective;
  using KS = Builder::KpiSpec;
  using IS = Builder::InitiativeSpec;
  h.churn = b.kpi("churn", KS().in(P::customer).category(ir::Category::retention)
                               .serves({h.customers_sh, h.shareholders_sh}).reads_tables({h.customers_table}));
  h.nps = b.kpi("nps", KS().in(P::customer).serves({h.customers_sh}).reads_tables({h.customers_table}));
  h.arpu = b.kpi("arpu", KS().in(P::financial).category(ir::Category::spend)
                             .serves({h.shareholders_sh}).reads_tables({h.customers_table}));
  b.driver("nps_lowers_churn", h.churn, {h.nps});
  h.onboarding = b.initiative("onboarding", IS().moves({h.churn}).evidence(ir::Grade::experiment)
                                                .once(450'000).per_month(20'000).starts(2));
  h.crm = b.initiative("crm_upgrade", IS().moves({h.nps}).once(300'000));
  h.bundles = b.initiative("bundles", IS().moves({h.arpu, h.nps}).once(200'000));
  b.budget(Decimal(2'500'000));
  return h;
}

inline Diagnostics lints_of(const ir::Program& p, const CheckOptions& options = {}) {
  Diagnostics d;
  run_lints(p, options, d);
  return d;
}

inline std::vector<std::string> codes(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) out.push_back(x.code);
  return out;
}

inline std::size_t count(const Diagnostics& d, const std::string& code) {
  return static_cast<std::size_t>(std::count_if(d.all().begin(), d.all().end(),
                                                [&](const Diagnostic& x) { return x.code == code; }));
}

inline const Diagnostic& only(const Diagnostics& d, const std::string& code) {
  for (const Diagnostic& x : d.all())
    if (x.code == code) return x;
  throw std::runtime_error("no " + code);
}

}  // namespace cxv::lint_test
