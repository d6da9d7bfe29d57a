// The lints on hand-built checked IR: each lint triggered and not triggered,
// with the boundaries of its definition (docs/lints.md).

#include <doctest/doctest.h>

#include "lint_fixture.hpp"

using namespace cxv;
using namespace cxv::lint_test;
using ir::Category;
using ir::Grade;
using ir::Perspective;
using ir::Provenance;
using KS = Builder::KpiSpec;
using IS = Builder::InitiativeSpec;

namespace {

// A KPI that breaks no practice of its own: measured on first-party data,
// with a target and a stakeholder, and moved by an initiative of its own that
// also moves nps (so the initiative has a customer effect).
Index add_healthy_kpi(Healthy& h, const std::string& name) {
  Index k = h.b.kpi(name, KS().in(Perspective::process).serves({h.customers_sh}).reads_tables({h.customers_table}));
  h.b.initiative("move_" + name, IS().moves({k, h.nps}));
  return k;
}

}  // namespace

TEST_CASE("lints: the healthy framework is clean") {
  Healthy h = healthy();
  CHECK(codes(lints_of(h.b.p)).empty());
}

TEST_CASE("L001/L002: 3 to 5 KPIs, boundaries included") {
  Healthy h = healthy();  // 3 KPIs
  CHECK(codes(lints_of(h.b.p)).empty());
  add_healthy_kpi(h, "k4");
  CHECK(codes(lints_of(h.b.p)).empty());
  add_healthy_kpi(h, "k5");
  CHECK(codes(lints_of(h.b.p)).empty());
  Index sixth = add_healthy_kpi(h, "k6");
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L001"});
  const Diagnostic& l001 = only(d, "L001");
  CHECK(l001.severity == Severity::warning);
  CHECK(l001.span == h.b.p.kpis[sixth].span);
  CHECK(l001.message.find("6 KPIs") != std::string::npos);
  add_healthy_kpi(h, "k7");
  CHECK(count(lints_of(h.b.p), "L001") == 1);  // once for the scorecard, not per extra KPI
  CHECK(only(lints_of(h.b.p), "L001").message.find("7 KPIs") != std::string::npos);
}

TEST_CASE("L002: fewer than 3 KPIs points at the framework") {
  Healthy h = healthy();
  // Drop arpu (and the initiative's effect on it) to leave 2 KPIs.
  h.b.p.kpis.pop_back();
  for (auto& i : h.b.p.initiatives) std::erase(i.kpis_moved, h.arpu);
  Diagnostics d = lints_of(h.b.p);
  CHECK(count(d, "L002") == 1);
  CHECK(only(d, "L002").span == h.b.p.framework.span);
  CHECK(only(d, "L002").message.find("2 KPIs") != std::string::npos);
  CHECK(count(d, "L001") == 0);
}

TEST_CASE("L002: no KPI at all, but only in a scorecard") {
  ir::Program empty;  // a module of functions: no framework, no KPI
  CHECK(codes(lints_of(empty)).empty());
  empty.framework.span = Span{0, 0, 9};
  Diagnostics d = lints_of(empty);
  CHECK(codes(d) == std::vector<std::string>{"L002"});  // L003/L004 would only repeat it
  CHECK(only(d, "L002").message.find("no KPI") != std::string::npos);
}

TEST_CASE("L003: business value is financial, or a CLV lever for a business stakeholder") {
  Healthy h = healthy();
  ir::Kpi& arpu = h.b.p.kpis[h.arpu];
  // arpu as a spend KPI for shareholders is business value even outside the
  // financial perspective; for customers alone it is not, but churn (a
  // retention KPI for shareholders) still is.
  arpu.perspective = Perspective::process;
  CHECK(count(lints_of(h.b.p), "L003") == 0);
  arpu.stakeholders = {h.customers_sh};
  CHECK(count(lints_of(h.b.p), "L003") == 0);
  h.b.p.kpis[h.churn].stakeholders = {h.customers_sh};
  Diagnostics d = lints_of(h.b.p);
  CHECK(count(d, "L003") == 1);
  CHECK(only(d, "L003").span == h.b.p.framework.span);
  // A lever KPI with a stakeholder titled like investors counts.
  Index investors = h.b.stakeholder("owners", "Investors");
  arpu.stakeholders = {investors};
  CHECK(count(lints_of(h.b.p), "L003") == 0);
  // ... but not without a lever category.
  arpu.category = Category::none;
  CHECK(count(lints_of(h.b.p), "L003") == 1);
  arpu.perspective = Perspective::financial;
  CHECK(count(lints_of(h.b.p), "L003") == 0);
}

TEST_CASE("L004: a customer-perspective KPI is needed; L007 then stays quiet") {
  Healthy h = healthy();
  h.b.p.kpis[h.churn].perspective = Perspective::process;
  CHECK(count(lints_of(h.b.p), "L004") == 0);  // nps is still a customer KPI
  h.b.p.kpis[h.nps].perspective = Perspective::learning;
  Diagnostics d = lints_of(h.b.p);
  CHECK(count(d, "L004") == 1);
  CHECK(count(d, "L007") == 0);
}

TEST_CASE("L005: a KPI nothing moves") {
  Healthy h = healthy();
  h.b.p.initiatives[h.bundles].kpis_moved = {h.nps};
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L005"});
  CHECK(only(d, "L005").span == h.b.p.kpis[h.arpu].span);
  CHECK(only(d, "L005").message.find("'arpu'") != std::string::npos);
}

TEST_CASE("L005: a KPI moved only through a driver or a KPI formula is moved") {
  Healthy h = healthy();
  // churn: no initiative any more, but the nps driver carries nps's change.
  h.b.p.initiatives[h.onboarding].kpis_moved = {h.nps};
  CHECK(count(lints_of(h.b.p), "L005") == 0);
  // a formula KPI over arpu, moved because arpu is.
  h.b.kpi("revenue_index", KS().in(Perspective::financial).serves({h.shareholders_sh}).reads_kpis({h.arpu}));
  CHECK(count(lints_of(h.b.p), "L005") == 0);
  // A driver that reads an unmoved KPI moves nothing.
  Index unmoved = h.b.kpi("effort", KS().in(Perspective::process).serves({h.customers_sh}).reads_tables({h.customers_table}));
  Index target = h.b.kpi("handle_time", KS().in(Perspective::process).serves({h.customers_sh}).reads_tables({h.customers_table}));
  h.b.driver("effort_drives_handle_time", target, {unmoved});
  Diagnostics d = lints_of(h.b.p);
  CHECK(count(d, "L005") == 2);
  // A driver rule reading no KPI is a constant change: its target moves.
  h.b.driver("constant", unmoved, {});
  d = lints_of(h.b.p);
  CHECK(count(d, "L005") == 0);
}

TEST_CASE("L006: a KPI resting only on third-party data, transitively") {
  Healthy h = healthy();
  Index panel = h.b.table("panel", Provenance::third_party);
  Index market = h.b.kpi("market_share", KS().in(Perspective::financial).serves({h.shareholders_sh}).reads_tables({panel}));
  h.b.initiative("campaign", IS().moves({market, h.nps}));
  Diagnostics d = lints_of(h.b.p);
  REQUIRE(count(d, "L006") == 1);
  const Diagnostic& l006 = only(d, "L006");
  CHECK(l006.span == h.b.p.kpis[market].measure->span);
  REQUIRE(l006.notes.size() == 1);
  CHECK(l006.notes[0].span == h.b.p.tables[panel].span);
  // A formula over a third-party KPI (and a KPI reading no data at all, here
  // a constant) rests on the same data; its note points at the KPI it reads.
  Index constant = h.b.kpi("benchmark_level", KS().in(Perspective::financial).serves({h.shareholders_sh}));
  Index index = h.b.kpi("share_index", KS().in(Perspective::financial).serves({h.shareholders_sh}).reads_kpis({constant, market}));
  d = lints_of(h.b.p);
  CHECK(count(d, "L006") == 2);
  const auto on_index_it = std::find_if(d.all().begin(), d.all().end(), [](const Diagnostic& x) {
    return x.code == "L006" && x.message == "KPI 'share_index' rests only on third-party data";
  });
  REQUIRE(on_index_it != d.all().end());
  const Diagnostic& on_index = *on_index_it;
  CHECK(on_index.span == h.b.p.kpis[index].measure->span);
  REQUIRE(on_index.notes.size() == 1);
  CHECK(on_index.notes[0].span == h.b.p.kpis[market].span);
  // Mixed with first-party data: not only third-party.
  h.b.p.kpis[market].tables_read.push_back(h.customers_table);
  CHECK(count(lints_of(h.b.p), "L006") == 0);
  // Unspecified provenance is not flagged.
  h.b.p.kpis[market].tables_read = {panel};
  h.b.p.tables[panel].provenance = Provenance::unspecified;
  CHECK(count(lints_of(h.b.p), "L006") == 0);
}

TEST_CASE("L007: an initiative that moves no customer KPI") {
  Healthy h = healthy();
  h.b.p.initiatives[h.bundles].kpis_moved = {h.arpu};
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L007"});
  CHECK(only(d, "L007").span == h.b.p.initiatives[h.bundles].span);
  CHECK(only(d, "L007").message == "initiative 'bundles' moves no customer KPI: its effects are on 'arpu'");
  // A driver carrying arpu's change to nps gives it a customer effect.
  h.b.driver("price_hits_nps", h.nps, {h.arpu});
  CHECK(count(lints_of(h.b.p), "L007") == 0);
}

TEST_CASE("L007: an initiative with no effect at all") {
  Healthy h = healthy();
  h.b.initiative("nothing", IS());
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L007"});
  CHECK(only(d, "L007").message.find("no effect on any KPI") != std::string::npos);
}

TEST_CASE("L008: big bet above 20% of the budget on evidence below correlational") {
  Healthy h = healthy();  // budget 2.5M: the line is 500k
  Index bet = h.b.initiative("ivr", IS().moves({h.nps}).evidence(Grade::benchmark).once(500'000));
  CHECK(count(lints_of(h.b.p), "L008") == 0);  // exactly 20%: not above
  h.b.p.initiatives[bet].cost_once = Decimal(500'001);
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L008"});
  const Diagnostic& l008 = only(d, "L008");
  CHECK(l008.span == h.b.p.initiatives[bet].evidence.span);
  CHECK(l008.message == "initiative 'ivr' bets 500,001 USD in the first 12 months on benchmark evidence");
  REQUIRE(l008.notes.size() == 1);
  CHECK(l008.notes[0].message == "a big bet costs more than 500,000 USD, 20% of the 2,500,000 USD budget");
  // Correlational and experimental evidence are strong enough.
  h.b.p.initiatives[bet].evidence.grade = Grade::correlational;
  CHECK(count(lints_of(h.b.p), "L008") == 0);
  h.b.p.initiatives[bet].evidence.grade = Grade::assumed;
  CHECK(count(lints_of(h.b.p), "L008") == 1);
}

TEST_CASE("L008: the cost counted is what the initiative books in periods 0..11") {
  Healthy h = healthy();
  // 100k once + 50k a month from month 4: 100k + 8 x 50k = 500k, not above.
  Index bet = h.b.initiative("ivr", IS().moves({h.nps}).evidence(Grade::benchmark).once(100'000).per_month(50'000).starts(4));
  CHECK(count(lints_of(h.b.p), "L008") == 0);
  h.b.p.initiatives[bet].start_index = 3;  // 9 months: 550k
  CHECK(only(lints_of(h.b.p), "L008").message.find("550,000 USD") != std::string::npos);
  // Starting after the window books nothing there.
  h.b.p.initiatives[bet].cost_once = Decimal(9'000'000);
  h.b.p.initiatives[bet].start_index = 12;
  CHECK(count(lints_of(h.b.p), "L008") == 0);
  // A horizon shorter than 12 months caps the window: 6 months from 0.
  h.b.p.framework.horizon_months = 6;
  h.b.p.initiatives[bet].start_index = 0;
  h.b.p.initiatives[bet].cost_once = Decimal(0);
  h.b.p.initiatives[bet].cost_per_month = Decimal(90'000);  // 540k in 6 months, 1.08M in 12
  CHECK(only(lints_of(h.b.p), "L008").message.find("540,000 USD in the first 6 months") != std::string::npos);
}

TEST_CASE("L008: without a budget the line is 500,000; no evidence at all counts as weak") {
  Healthy h = healthy();
  h.b.p.funding.reset();
  Index bet = h.b.initiative("ivr", IS().moves({h.nps}).evidence(Grade::none).once(500'000));
  CHECK(count(lints_of(h.b.p), "L008") == 0);
  h.b.p.initiatives[bet].cost_once = Decimal::from_scaled(50'000'001, 2);  // 500,000.01
  Diagnostics d = lints_of(h.b.p);
  REQUIRE(count(d, "L008") == 1);
  CHECK(count(d, "L012") == 1);
  const Diagnostic& l008 = only(d, "L008");
  CHECK(l008.span == h.b.p.initiatives[bet].span);  // no evidence clause to point at
  CHECK(l008.message.find("500,000.01 USD") != std::string::npos);
  CHECK(l008.message.find("no stated evidence") != std::string::npos);
  CHECK(l008.notes.at(0).message.find("no budget") != std::string::npos);
}

TEST_CASE("L009: a stakeholder no KPI and no value serves") {
  Healthy h = healthy();
  Index community = h.b.stakeholder("community", "Community");
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L009"});
  CHECK(only(d, "L009").span == h.b.p.stakeholders[community].span);
  h.b.value("local_jobs", {community});
  CHECK(codes(lints_of(h.b.p)).empty());
}

TEST_CASE("L010: a table without a key is aggregate data") {
  Healthy h = healthy();
  Index monthly = h.b.table("monthly_totals", Provenance::first_party, false);
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L010"});
  CHECK(only(d, "L010").span == h.b.p.tables[monthly].span);
}

TEST_CASE("L011: a KPI with neither target nor thresholds") {
  Healthy h = healthy();
  ir::Kpi& arpu = h.b.p.kpis[h.arpu];
  arpu.target.reset();
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L011"});
  CHECK(only(d, "L011").span == arpu.span);
  arpu.green = Decimal(10);
  arpu.amber = Decimal(9);
  CHECK(codes(lints_of(h.b.p)).empty());
}

TEST_CASE("L012: an initiative with effects and no evidence") {
  Healthy h = healthy();
  h.b.p.initiatives[h.crm].evidence.grade = Grade::none;
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L012"});
  CHECK(only(d, "L012").span == h.b.p.initiatives[h.crm].span);
  // Without effects there is nothing to back (L007 says it moves nothing).
  h.b.p.initiatives[h.crm].effects.clear();
  h.b.p.initiatives[h.crm].kpis_moved.clear();
  CHECK(codes(lints_of(h.b.p)) == std::vector<std::string>{"L007"});
}

TEST_CASE("L013: a KPI that names no stakeholder") {
  Healthy h = healthy();
  h.b.p.kpis[h.nps].stakeholders.clear();
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L013"});
  CHECK(only(d, "L013").span == h.b.p.kpis[h.nps].span);
}

namespace {

// Breaks three practices at once: L005 (arpu unmoved), L009, L011.
Healthy three_lints() {
  Healthy h = healthy();
  h.b.p.initiatives[h.bundles].kpis_moved = {h.nps};
  h.b.stakeholder("community");
  h.b.p.kpis[h.nps].target.reset();
  return h;
}

}  // namespace

TEST_CASE("lint levels: warnings by default, errors under strict") {
  Healthy h = three_lints();
  Diagnostics d = lints_of(h.b.p);
  CHECK(codes(d) == std::vector<std::string>{"L011", "L005", "L009"});
  CHECK(d.warning_count() == 3);
  CHECK_FALSE(d.has_errors());
  CheckOptions strict;
  strict.strict = true;
  Diagnostics s = lints_of(h.b.p, strict);
  CHECK(codes(s) == codes(d));
  CHECK(s.error_count() == 3);
}

TEST_CASE("lint levels: per-code allow, warn and deny override strict") {
  Healthy h = three_lints();
  CheckOptions o;
  o.lint_levels["L005"] = LintLevel::allow;
  o.lint_levels["L009"] = LintLevel::deny;
  Diagnostics d = lints_of(h.b.p, o);
  CHECK(codes(d) == std::vector<std::string>{"L011", "L009"});
  CHECK(only(d, "L011").severity == Severity::warning);
  CHECK(only(d, "L009").severity == Severity::error);
  o.strict = true;
  o.lint_levels["L011"] = LintLevel::warn;
  d = lints_of(h.b.p, o);
  CHECK(codes(d) == std::vector<std::string>{"L011", "L009"});
  CHECK(only(d, "L011").severity == Severity::warning);
  CHECK(only(d, "L009").severity == Severity::error);
}

TEST_CASE("lints: the same program gives the same list every time") {
  Healthy h = three_lints();
  Diagnostics a = lints_of(h.b.p);
  Diagnostics b = lints_of(h.b.p);
  REQUIRE(a.all().size() == b.all().size());
  for (std::size_t i = 0; i < a.all().size(); ++i) {
    CHECK(a.all()[i].code == b.all()[i].code);
    CHECK(a.all()[i].message == b.all()[i].message);
    CHECK(a.all()[i].span == b.all()[i].span);
  }
}

TEST_CASE("lints: a 20,000-deep chain of KPI formulas is followed without recursion") {
  Healthy h = healthy();
  // k0 reads the customers table; each next KPI is a formula over the one before.
  Index previous = h.b.kpi("k0", KS().in(Perspective::process).serves({h.customers_sh}).reads_tables({h.customers_table}));
  const Index first = previous;
  for (int i = 1; i < 20'000; ++i)
    previous = h.b.kpi("k" + std::to_string(i),
                       KS().in(Perspective::process).serves({h.customers_sh}).reads_kpis({previous}));
  // Only the end of the chain is a customer KPI; an initiative moving the
  // start reaches it, so neither L005 nor L007 fires for the chain.
  h.b.p.kpis[previous].perspective = Perspective::customer;
  h.b.initiative("start_of_chain", IS().moves({first}));
  Diagnostics d = lints_of(h.b.p);
  CHECK(count(d, "L005") == 0);
  CHECK(count(d, "L007") == 0);
  CHECK(count(d, "L001") == 1);
  // Third-party data at the start of the chain reaches every KPI on it.
  h.b.p.tables[h.customers_table].provenance = Provenance::third_party;
  CHECK(count(lints_of(h.b.p), "L006") == 20'000 + 3);
}

TEST_CASE("L007: a long list of moved KPIs is cut short in the message") {
  Healthy h = healthy();
  std::vector<Index> moved;
  for (int i = 0; i < 8; ++i)
    moved.push_back(h.b.kpi("p" + std::to_string(i), KS().in(Perspective::process).serves({h.customers_sh})
                                                         .reads_tables({h.customers_table})));
  h.b.initiative("wide", IS().moves(moved));
  const Diagnostics d = lints_of(h.b.p);
  const Diagnostic& l007 = only(d, "L007");
  CHECK(l007.message == "initiative 'wide' moves no customer KPI: its effects are on 'p0', 'p1', 'p2', 'p3', 'p4' and 3 more");
}
