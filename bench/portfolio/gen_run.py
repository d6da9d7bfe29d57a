#!/usr/bin/env python3
"""A framework with N initiatives and a funding block, for timing `cxv run`.

    python3 bench/portfolio/gen_run.py 1000 > /tmp/portfolio_1000.cxv
    time build-rel/cli/cxv run /tmp/portfolio_1000.cxv > /dev/null

Deterministic (seeded). 10 accounts (tests/golden/run/data/accounts.csv);
KPI effects only (row-level effects are timed by bench/rowlevel). Costs
50k..2M USD with cents, effects on arpu and satisfaction (some negative),
a saturating driver, a budget of a quarter of the total cost, 50 `requires`
links, a few `excludes`, three share rules and a reject rule.
"""
import os
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
data = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "tests", "golden", "run", "data", "accounts.csv"))
stages = ["cost_takeout", "continuous_improvement", "strategic"]
activities = ["know_customers", "develop_strategy", "bring_to_life", "monitor_success"]
grades = ["assumed", "benchmark", "correlational"]

out = [f'''framework "Portfolio bench, {n} initiatives" {{
  currency USD
  start 2027-01
  horizon 36 months
  discount 8% per year
}}

stakeholder customers "Customers" {{ weight 50% }}
stakeholder shareholders "Shareholders" {{ weight 50% }}

table accounts from "{data}" {{
  key id: text
  segment: text
  revenue: USD/month
  score: points optional
  active: bool optional
  tickets: count optional
}}

kpi arpu "Average revenue" {{
  perspective financial
  stakeholders shareholders
  measure mean(accounts.revenue)
  better higher
}}

kpi sat "Satisfaction" {{
  perspective customer
  stakeholders customers
  measure mean(accounts.score)
  better higher
}}

driver sat_lifts_revenue "Satisfaction lifts revenue, up to a point" {{
  arpu += min(delta(sat) * 2 USD/month/points, 40 USD/month)
  evidence assumed
}}

value extra_revenue "Extra revenue" for shareholders =
  delta(arpu) * count(accounts) * 1000
''']
costs = []
for i in range(n):
    cost = rng.randrange(5_000_000, 200_000_000) / 100
    costs.append(cost)
    arpu = rng.randrange(-200, 2000) / 100
    sat = rng.randrange(-50, 300) / 100
    links = []
    if i >= 20 and i % 20 == 0:
        links.append(f"requires i{rng.randrange(0, i)}")
    if i >= 10 and i % 97 == 0:
        links.append(f"excludes i{rng.randrange(0, i)}")
    body = "\n  ".join(links + [
        f"cost {cost:.2f} USD once",
        f"start 2027-{rng.randrange(1, 7):02d}",
        f"ramp {rng.randrange(0, 7)} months",
        f"effect arpu {arpu:+.2f} USD/month",
        f"effect sat {sat:+.2f} points",
        f'evidence {grades[rng.randrange(3)]} "bench"',
        f"activity {activities[rng.randrange(4)]}",
        f"stage {stages[rng.randrange(3)]}",
    ])
    out.append(f"initiative i{i} {{\n  {body}\n}}\n")
budget = sum(costs) / 4
out.append(f'''funding "Bench portfolio" {{
  budget {budget:.2f} USD
  reject when cost > 1.9M USD and evidence < correlational "big bet on weak evidence"
  at least 20% of budget to stage strategic
  at most 40% of budget to stage cost_takeout
  at least 10% of budget to activity know_customers
}}
''')
print("\n".join(out))
