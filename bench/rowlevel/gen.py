#!/usr/bin/env python3
"""Generates the row-level effects benchmark (issue 4, "Done when"):

  customers.csv  ROWS customers (default 1,000,000): tenure, monthly revenue
                 with cents, churned, support calls, a segment;
  bench.cxv      a framework of 4 KPIs and INITIATIVES initiatives
                 (default 1000), half of them with a row-level effect
                 (`effect customers.churned -Xpp where tenure < N months`,
                 every fourth one on monthly_revenue instead), half with
                 KPI effects only; a third of them strategic, some
                 requiring or excluding another; and a funding block (a
                 budget of a fifth of their total first-year cost, a
                 reject rule, a share rule), so that `cxv run` also chooses
                 the optimal portfolio (issue 4's selection benchmark).

Deterministic: the same arguments give byte-identical files.

  python3 bench/rowlevel/gen.py OUT_DIR [ROWS] [INITIATIVES]
"""
import random
import sys
from pathlib import Path


def main() -> None:
    out = Path(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    initiatives = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20270101)
    segments = ["consumer", "smb", "enterprise"]
    with open(out / "customers.csv", "w", newline="") as f:
        f.write("customer_id,segment,tenure,monthly_revenue,churned,support_calls\n")
        lines = []
        for i in range(rows):
            tenure = rng.randint(0, 72)
            churn_p = 0.06 if tenure < 3 else 0.02
            lines.append(
                f"c{i:07d},{segments[rng.randrange(3)]},{tenure},{rng.randint(1500, 25000) / 100:.2f},"
                f"{'true' if rng.random() < churn_p else 'false'},{rng.randint(0, 3)}\n")
            if len(lines) == 100_000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)

    parts = ["""framework "Row-level effects benchmark" {
  currency USD
  start 2027-01
  horizon 36 months
  discount 8% per year
}

stakeholder customers    "Customers"    { weight 40% }
stakeholder shareholders "Shareholders" { weight 60% }

table customers from "customers.csv" {
  key customer_id: text
  segment: text
  tenure: months
  monthly_revenue: USD/month
  churned: bool
  support_calls: count per month
  provenance first_party
}

kpi churn "Monthly churn rate" {
  perspective customer
  category retention
  stakeholders customers, shareholders
  measure share(customers where churned)
  better lower
}

kpi arpu "Average revenue per user" {
  perspective financial
  category spend
  stakeholders shareholders
  measure mean(customers.monthly_revenue)
  better higher
}

kpi calls_per_customer "Support calls per customer" {
  perspective process
  category cost_to_serve
  stakeholders shareholders
  measure sum(customers.support_calls) / count(customers)
  better lower
}

kpi satisfaction "Customer satisfaction" {
  perspective customer
  stakeholders customers
  measure 70 points
  better higher
}

driver satisfaction_lowers_churn "Satisfied customers churn less" {
  churn += delta(satisfaction) * -0.01pp/points
  evidence assumed
}

value retained_revenue "Revenue kept by lower churn" for shareholders =
  cumulative(-delta(churn) * count(customers)) * arpu

value extra_revenue "Higher revenue per user" for shareholders =
  delta(arpu) * count(customers)

value service_savings "Fewer support calls" for shareholders =
  -delta(calls_per_customer) * count(customers) * 6.50 USD
"""]
    for i in range(initiatives):
        start = 2027 * 12 + rng.randrange(12)
        lines = [f'initiative i{i:04d} "Initiative {i}" {{',
                 f"  cost {rng.randint(20, 900)}k USD once + {rng.randint(0, 30)}k USD per month",
                 f"  start {start // 12}-{start % 12 + 1:02d}",
                 f"  ramp {rng.randint(0, 12)} months"]
        if i % 3 == 0:
            lines.append("  stage strategic")
        if i % 20 == 19:
            lines.append(f"  requires i{i - 1:04d}")
        if i % 25 == 24:
            lines.append(f"  excludes i{i - 2:04d}")
        if i % 2 == 0:
            if i % 4 == 0:
                lines.append(f"  effect customers.monthly_revenue +{rng.randint(1, 9)}% "
                             f"where segment == \"{segments[rng.randrange(3)]}\" and tenure >= {rng.randint(6, 48)} months")
            else:
                lines.append(f"  effect customers.churned -{rng.randint(1, 20) / 10}pp where tenure < {rng.randint(1, 24)} months")
        else:
            lines.append(f"  effect calls_per_customer -{rng.randint(1, 15)}%")
            lines.append(f"  effect satisfaction +{rng.randint(1, 5)} points")
        lines.append("  evidence correlational \"bench\"" if i % 5 else "  evidence assumed")
        lines.append("}")
        parts.append("\n".join(lines) + "\n")
    parts.append(f"""funding "Benchmark portfolio" {{
  budget {initiatives * 100}k USD
  reject when cost > 1.2M USD and evidence < correlational "big bet on weak evidence"
  at least 20% of budget to stage strategic
}}
""")
    (out / "bench.cxv").write_text("\n".join(parts))


if __name__ == "__main__":
    main()
