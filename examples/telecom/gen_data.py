#!/usr/bin/env python3
"""Generate the telecom example's data, deterministically.

Writes, next to this script:
  data/customers.csv         60,000 customers, one row each (individual-level,
                             first-party data, as `table customers` declares)
  data/onboarding_pilot.csv  the 2026 Q3 onboarding pilot: 4,000 new customers
                             randomly assigned to outreach or none

Only the Python standard library is used and the random generator has a fixed
seed, so every run writes byte-identical files; `--check` writes nothing and
exits 1 if the committed files differ from what this script generates. Run it again after changing a
number below; the summary it prints shows the KPI baselines the data implies,
so you can check the story in README.md still holds.

The numbers are chosen to tell a plausible story for a mid-sized telecom:
  - monthly churn about 1.8%: amber against the framework's thresholds
    (green 1.5%, amber 2.0%), far higher in the first three months;
  - NPS in the high twenties, below the 35-point target; about a third of the
    customers never answered the survey (empty cell = missing);
  - support calls concentrated on new customers and detractors;
  - the pilot cut first-months churn from 4.5% to 3.9% (-0.6pp), a real but
    small effect whose 95% interval still includes zero at this sample size.
"""

import argparse
import csv
import io
import math
import random
import sys
from pathlib import Path

SEED = 20270101
CUSTOMERS = 60_000
PILOT = 4_000

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"

# segment -> (share of the base, plan prices in cents, add-on range in cents)
SEGMENTS = [
    ("consumer", 0.85, [3000, 4000, 5000, 6000, 7500], 2000),
    ("small_business", 0.12, [9000, 14000, 20000, 30000], 6000),
    ("enterprise", 0.03, [40000, 70000, 120000, 200000], 30000),
]
REGIONS = ["north", "south", "east", "west", "metro"]

# Monthly churn probability by tenure band, before the NPS adjustment.
CHURN_FIRST_MONTHS = 0.045   # tenure < 3 months; the pilot's control arm
CHURN_FIRST_YEAR = 0.026     # 3..11 months
CHURN_ESTABLISHED = 0.0145   # 12 months and more
# Relative churn by NPS group: detractors (0-6), passives (7-8), promoters (9-10),
# and customers who did not answer the survey.
CHURN_BY_NPS = {"detractor": 1.8, "passive": 1.0, "promoter": 0.6, "missing": 1.1}

PILOT_CONTROL_CHURN = CHURN_FIRST_MONTHS
PILOT_EFFECT = -0.006        # -0.6pp: what outreach does to first-months churn


def money(cents):
    """Cents as a decimal string with exactly two digits after the point."""
    return f"{cents // 100}.{cents % 100:02d}"


def poisson(rng, mean):
    """Knuth's Poisson sampler: exact and deterministic for small means."""
    limit = math.exp(-mean)
    k, p = 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def pick_segment(rng):
    u, acc = rng.random(), 0.0
    for segment in SEGMENTS:
        acc += segment[1]
        if u < acc:
            return segment
    return SEGMENTS[-1]


def draw_nps(rng, segment, tenure):
    """An NPS answer 0..10, or None when the customer did not answer."""
    if rng.random() < 0.33:
        return None
    # New customers and enterprise accounts are a little more critical.
    shift = (-0.6 if tenure < 3 else 0.0) + (-0.4 if segment == "enterprise" else 0.0)
    score = round(rng.gauss(8.3 + shift, 1.7))
    return max(0, min(10, score))


def nps_group(nps):
    if nps is None:
        return "missing"
    if nps >= 9:
        return "promoter"
    if nps <= 6:
        return "detractor"
    return "passive"


def churn_probability(tenure, nps):
    if tenure < 3:
        base = CHURN_FIRST_MONTHS
    elif tenure < 12:
        base = CHURN_FIRST_YEAR
    else:
        base = CHURN_ESTABLISHED
    return base * CHURN_BY_NPS[nps_group(nps)]


def customer_rows(rng):
    for i in range(1, CUSTOMERS + 1):
        name, _, prices, addon = pick_segment(rng)
        tenure = min(int(rng.expovariate(1 / 40)), 180)
        cents = rng.choice(prices) + rng.randrange(0, addon + 1, 1)
        nps = draw_nps(rng, name, tenure)
        group = nps_group(nps)
        calls_mean = 0.35 + (0.55 if tenure < 3 else 0.0) + (0.5 if group == "detractor" else 0.0)
        churned = rng.random() < churn_probability(tenure, nps)
        yield {
            "customer_id": f"C{i:06d}",
            "segment": name,
            # An extra column the table does not declare: cxv ignores it.
            "region": rng.choice(REGIONS),
            "monthly_revenue": money(cents),
            "tenure": tenure,
            "nps": "" if nps is None else nps,
            "churned": "true" if churned else "false",
            "support_calls": poisson(rng, calls_mean),
        }


def pilot_rows(rng):
    """The pilot: new customers randomly split between outreach and none.

    Churn counts are fixed per arm (then shuffled among that arm's customers)
    so that the measured difference is the designed -0.6pp rather than
    whatever the sampling noise of one seed would give.
    """
    groups = ["outreach" if rng.random() < 0.5 else "none" for _ in range(PILOT)]
    rates = {"none": PILOT_CONTROL_CHURN, "outreach": PILOT_CONTROL_CHURN + PILOT_EFFECT}
    churned = [False] * PILOT
    for arm, rate in rates.items():
        members = [i for i, g in enumerate(groups) if g == arm]
        for i in rng.sample(members, round(rate * len(members))):
            churned[i] = True
    for i in range(PILOT):
        name, _, _, _ = pick_segment(rng)
        yield {
            "customer_id": f"P{i + 1:05d}",
            "group": groups[i],
            "segment": name,
            "tenure": rng.randrange(0, 3),
            "churned": "true" if churned[i] else "false",
        }


def render_csv(rows):
    """The CSV text of rows (a header from the first row's keys, LF line ends)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def summarize(customers, pilot):
    n = len(customers)
    churn = sum(r["churned"] == "true" for r in customers) / n
    answered = [r["nps"] for r in customers if r["nps"] != ""]
    nps = (sum(s >= 9 for s in answered) - sum(s <= 6 for s in answered)) / len(answered) * 100
    arpu = sum(float(r["monthly_revenue"]) for r in customers) / n
    calls = sum(r["support_calls"] for r in customers) / n
    new = [r for r in customers if r["tenure"] < 3]
    print(f"customers: {n} rows, churn {churn:.3%}, NPS {nps:.1f} points "
          f"({len(answered) / n:.0%} answered), ARPU {arpu:.2f} USD/month, "
          f"{calls:.3f} support calls per customer")
    print(f"  tenure < 3 months: {len(new)} customers, churn "
          f"{sum(r['churned'] == 'true' for r in new) / len(new):.2%}")
    for arm in ("none", "outreach"):
        rows = [r for r in pilot if r["group"] == arm]
        rate = sum(r["churned"] == "true" for r in rows) / len(rows)
        print(f"pilot {arm}: n={len(rows)}, churn {rate:.2%}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the files in data/ differ from what "
                             "this generator produces")
    args = parser.parse_args()

    customers = list(customer_rows(random.Random(SEED)))
    pilot = list(pilot_rows(random.Random(SEED + 1)))
    files = {DATA / "customers.csv": render_csv(customers),
             DATA / "onboarding_pilot.csv": render_csv(pilot)}

    if args.check:
        stale = [p for p, text in files.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"{p.relative_to(HERE)} is not what gen_data.py generates: "
                  f"run python3 {Path(__file__).name} and commit the result", file=sys.stderr)
        if not stale:
            print("telecom data: up to date")
        return 1 if stale else 0

    DATA.mkdir(exist_ok=True)
    for p, text in files.items():
        p.write_text(text, encoding="utf-8", newline="")
    summarize(customers, pilot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
