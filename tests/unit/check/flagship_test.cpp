// The flagship example of the language sketch checks clean, and its IR has
// the units, costs, starts and effects the sketch describes.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "check_helpers.hpp"

using namespace cxv;

namespace {

std::unique_ptr<test::Checked> check_flagship() {
  const std::string path = std::string(CXV_SOURCE_DIR) + "/tests/unit/check/flagship.cxv";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return test::check_text(text.str(), {}, path);
}

}  // namespace

TEST_CASE("the flagship example checks with no error") {
  auto c = check_flagship();
  INFO(c->all());
  CHECK(c->diags.error_count() == 0);
  REQUIRE(c->program);
}

TEST_CASE("the flagship's IR: framework, stakeholders, tables") {
  auto c = check_flagship();
  REQUIRE(c->program);
  const ir::Program& p = *c->program;
  CHECK(p.framework.currency == "USD");
  CHECK(p.framework.start_year == 2027);
  CHECK(p.framework.start_month == 1);
  CHECK(p.framework.horizon_months == 36);
  CHECK(p.framework.discount_per_year == Decimal::from_scaled(8, 2));
  REQUIRE(p.stakeholders.size() == 4);
  CHECK(p.stakeholders[2].name == "shareholders");
  CHECK(p.stakeholders[2].weight == Decimal::from_scaled(45, 2));

  const ir::Table& t = p.tables.at(p.find_table("customers"));
  CHECK(t.has_key());
  CHECK(t.columns[t.key].name == "customer_id");
  CHECK(t.provenance == ir::Provenance::first_party);
  CHECK(t.path == std::string(CXV_SOURCE_DIR) + "/tests/unit/check/data/customers.csv");
  const ir::Column& revenue = t.columns[t.find_column("monthly_revenue")];
  CHECK(revenue.unit == Unit::money_per_month());
  CHECK(revenue.display.text == "USD/month");
  CHECK(t.columns[t.find_column("nps")].optional);
  CHECK(t.columns[t.find_column("churned")].kind == ir::ColumnKind::boolean);
  CHECK(t.columns[t.find_column("support_calls")].unit == Unit::of(Dim::month, -1));
}

TEST_CASE("the flagship's IR: KPI units and what they read") {
  auto c = check_flagship();
  REQUIRE(c->program);
  const ir::Program& p = *c->program;
  const ir::Kpi& churn = p.kpis.at(p.find_kpi("churn"));
  CHECK(churn.unit.is_ratio());
  CHECK(churn.better == ir::Better::lower);
  CHECK(churn.target == Decimal::from_scaled(15, 3));
  CHECK(churn.green == Decimal::from_scaled(15, 3));
  CHECK(churn.amber == Decimal::from_scaled(2, 2));
  CHECK(churn.perspective == ir::Perspective::customer);
  CHECK(churn.category == ir::Category::retention);
  CHECK(churn.stakeholders.size() == 2);
  CHECK(churn.tables_read == std::vector<ir::Index>{p.find_table("customers")});
  CHECK(ir::to_string(*churn.measure, p) == "share(customers where customers.churned)");

  const ir::Kpi& nps = p.kpis.at(p.find_kpi("nps"));
  CHECK(nps.unit == Unit::of(Dim::points));
  CHECK(nps.target == Decimal(35));

  const ir::Kpi& arpu = p.kpis.at(p.find_kpi("arpu"));
  CHECK(arpu.unit == Unit::money_per_month());
  CHECK(arpu.display.text == "USD/month");

  const ir::Kpi& calls = p.kpis.at(p.find_kpi("calls_per_customer"));
  CHECK(calls.unit == Unit::of(Dim::month, -1));
}

TEST_CASE("the flagship's IR: driver and values") {
  auto c = check_flagship();
  REQUIRE(c->program);
  const ir::Program& p = *c->program;
  const ir::Driver& d = p.drivers.at(p.find_driver("nps_lowers_churn"));
  REQUIRE(d.rules.size() == 1);
  CHECK(d.rules[0].kpi == p.find_kpi("churn"));
  CHECK(d.rules[0].formula->unit.is_ratio());
  CHECK(d.rules[0].kpis_read == std::vector<ir::Index>{p.find_kpi("nps")});
  CHECK(d.evidence.grade == ir::Grade::correlational);
  CHECK(d.rules[0].formula->kind == ir::ExprKind::call);
  CHECK(ir::to_string(*d.rules[0].formula, p) ==
        "saturate(x: (delta(nps) * -0.0004 [ratio/point]), limit: -0.008 [ratio])");

  const ir::Value& retained = p.values.at(p.find_value("retained_revenue"));
  CHECK(retained.unit == Unit::money_per_month());
  CHECK(retained.kind == ir::ValueKind::flow);
  const ir::Value& savings = p.values.at(p.find_value("service_savings"));
  CHECK(savings.unit == Unit::money_per_month());
  CHECK(savings.kind == ir::ValueKind::flow);
  const ir::Value& promoters = p.values.at(p.find_value("promoters_gained"));
  CHECK(promoters.unit.is_plain());
  CHECK(promoters.kind == ir::ValueKind::non_money);
  CHECK(promoters.stakeholders == std::vector<ir::Index>{p.find_stakeholder("customers")});
}

TEST_CASE("the flagship's IR: initiatives") {
  auto c = check_flagship();
  REQUIRE(c->program);
  const ir::Program& p = *c->program;
  const ir::Initiative& onboarding = p.initiatives.at(p.find_initiative("onboarding"));
  CHECK(onboarding.cost_once == Decimal(450000));
  CHECK(onboarding.cost_per_month == Decimal(20000));
  CHECK(onboarding.start_index == 2);
  CHECK(onboarding.ramp_months == 6);
  CHECK(onboarding.evidence.grade == ir::Grade::experiment);
  CHECK(onboarding.evidence.experiment == p.find_experiment("onboarding_pilot"));
  CHECK(onboarding.activity == ir::Activity::bring_to_life);
  CHECK(onboarding.stage == ir::Stage::continuous_improvement);
  REQUIRE(onboarding.effects.size() == 2);
  const ir::Effect& rows = onboarding.effects[0];
  CHECK(rows.kind == ir::EffectKind::column);
  CHECK(rows.column.table == p.find_table("customers"));
  CHECK(p.tables[rows.column.table].columns[rows.column.column].name == "churned");
  CHECK(rows.experiment == p.find_experiment("onboarding_pilot"));
  REQUIRE(rows.where);
  CHECK(ir::to_string(*rows.where, p) == "(customers.tenure < 3 [months])");
  const ir::Effect& calls = onboarding.effects[1];
  CHECK(calls.kind == ir::EffectKind::kpi_relative);
  CHECK(calls.kpi == p.find_kpi("calls_per_customer"));
  CHECK(calls.factor == Decimal::from_scaled(92, 2));
  // The column effect on churned moves churn, the KPI reading it.
  CHECK(onboarding.kpis_moved ==
        std::vector<ir::Index>{p.find_kpi("churn"), p.find_kpi("calls_per_customer")});

  const ir::Initiative& ivr = p.initiatives.at(p.find_initiative("ivr_automation"));
  CHECK(ivr.cost_once == Decimal(1200000));
  CHECK(ivr.start_index == 0);
  CHECK(ivr.evidence.grade == ir::Grade::benchmark);
  CHECK(ivr.effects[1].kind == ir::EffectKind::kpi_absolute);
  CHECK(ivr.effects[1].value->number == Decimal(-4));

  const ir::Initiative& alerts = p.initiatives.at(p.find_initiative("proactive_alerts"));
  CHECK(alerts.requires_ == std::vector<ir::Index>{p.find_initiative("crm_upgrade")});
  CHECK(alerts.effects[1].kind == ir::EffectKind::kpi_absolute);
  CHECK(alerts.effects[1].value->number == Decimal::from_scaled(-1, 3));
}

TEST_CASE("the flagship's IR: experiment, funding, expects") {
  auto c = check_flagship();
  REQUIRE(c->program);
  const ir::Program& p = *c->program;
  const ir::Experiment& x = p.experiments.at(p.find_experiment("onboarding_pilot"));
  CHECK(x.arm_column == "group");
  CHECK(x.treatment == "outreach");
  CHECK(x.control == "none");
  CHECK(x.outcome == "churned");
  CHECK(x.confidence == Decimal::from_scaled(95, 2));

  REQUIRE(p.funding);
  const ir::Funding& f = *p.funding;
  CHECK(f.budget == Decimal(2500000));
  REQUIRE(f.objective);
  CHECK(ir::to_string(*f.objective, p) == "portfolio.net_npv");
  REQUIRE(f.rejects.size() == 2);
  CHECK(f.rejects[0].reason == "would degrade the experience");
  CHECK(ir::to_string(*f.rejects[0].condition, p) == "(effect(nps) < 0 [points])");
  CHECK(ir::to_string(*f.rejects[1].condition, p) == "((cost > 500000 [USD]) and (evidence < correlational))");
  REQUIRE(f.requires_.size() == 1);
  CHECK(f.requires_[0].condition->builtin == ir::Builtin::experience_impact);
  REQUIRE(f.shares.size() == 1);
  CHECK(f.shares[0].at_least);
  CHECK(f.shares[0].share == Decimal::from_scaled(3, 1));
  CHECK(f.shares[0].dimension == ir::ShareDimension::stage);
  CHECK(f.shares[0].value == "strategic");
  CHECK(f.must_fund == std::vector<ir::Index>{p.find_initiative("onboarding")});

  REQUIRE(p.expects.size() == 3);
  CHECK(ir::to_string(*p.expects[0].conditions[0], p) == "funded(onboarding)");
  CHECK(ir::to_string(*p.expects[1].conditions[0], p) == "(status(churn) != red)");
  CHECK(ir::to_string(*p.expects[2].conditions[0], p) == "(portfolio.net_npv > 0 [USD])");
}

TEST_CASE("the flagship's IR: evaluation orders") {
  auto c = check_flagship();
  REQUIRE(c->program);
  const ir::Program& p = *c->program;
  CHECK(p.kpi_order.size() == p.kpis.size());
  // churn is driven by nps, so nps comes first.
  auto pos = [&](ir::Index k) { return std::find(p.kpi_order.begin(), p.kpi_order.end(), k) - p.kpi_order.begin(); };
  CHECK(pos(p.find_kpi("nps")) < pos(p.find_kpi("churn")));
  CHECK(p.driver_order.size() == 1);
  CHECK(p.value_order.size() == 3);
}
