#!/usr/bin/env python3
"""Generate the B2B software example's data, deterministically.

Writes, next to this script:
  data/accounts.csv   52,000 customer accounts, one row each (individual-level,
                      first-party data, as `table accounts` declares): plan,
                      seats, monthly recurring revenue at the start of the
                      year, what happened at renewal (churned, or expanded /
                      contracted in MRR), days to first
                      value for accounts onboarded this year, support tickets
  data/cs_pilot.csv   the 2026 customer-success pilot: 3,000 growth-plan
                      accounts at renewal, randomly given a success manager
                      or not

Only the Python standard library is used and the random generator has a fixed
seed, so every run writes byte-identical files; `--check` writes nothing and
exits 1 if the committed files differ from what this script generates. The
summary it prints shows the KPI baselines the data implies, so you can check
that the story in README.md still holds.

The numbers tell a plausible story for a SaaS company selling to small and
mid-sized businesses:
  - gross revenue retention about 90%, net revenue retention a little below
    100%: expansion does not yet make up for what churn loses;
  - new accounts take about five weeks to first value, and slow starters
    churn far more often;
  - the pilot cut churn at renewal from 14% to 10.5% (-3.5pp), an effect
    large enough that its 95% interval excludes zero.
"""

import argparse
import csv
import io
import math
import random
import sys
from pathlib import Path

SEED = 20270401
ACCOUNTS = 52_000
PILOT = 3_000

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"

# plan -> (share of accounts, seats range, ARR per seat in USD/year, yearly
#          churn, days to first value (median), support tickets per month)
PLANS = [
    ("starter", 0.62, (2, 12), 240, 0.17, 24, 0.5),
    ("growth", 0.31, (10, 60), 300, 0.12, 38, 1.3),
    ("enterprise", 0.07, (80, 600), 360, 0.05, 70, 3.6),
]
SLOW_START_DAYS = 45       # onboarded accounts slower than this churn more
SLOW_START_CHURN = 1.6
EXPAND_SHARE = 0.24        # of the accounts that renew
CONTRACT_SHARE = 0.07

PILOT_CONTROL_CHURN = 0.14
PILOT_EFFECT = -0.035      # -3.5pp: what a success manager does at renewal


def money(cents):
    """Cents as a decimal string with exactly two digits after the point."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def poisson(rng, mean):
    """Knuth's Poisson sampler: exact and deterministic for small means."""
    limit = math.exp(-mean)
    k, p = 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def pick_plan(rng):
    u, acc = rng.random(), 0.0
    for plan in PLANS:
        acc += plan[1]
        if u < acc:
            return plan
    return PLANS[-1]


def account_rows(rng):
    for i in range(1, ACCOUNTS + 1):
        name, _, (lo, hi), per_seat, churn, ttv_median, tickets_mean = pick_plan(rng)
        seats = rng.randint(lo, hi)
        arr = seats * per_seat * 100 + rng.randrange(0, per_seat * 10) * 100  # cents a year
        mrr = round(arr / 12)  # billed monthly: the table holds monthly recurring revenue
        tenure = min(int(rng.expovariate(1 / 30)), 150)
        days = None
        if tenure < 12:  # onboarded this year: days to first value recorded
            days = max(3, round(ttv_median * math.exp(rng.gauss(0, 0.45))))
        tickets = poisson(rng, tickets_mean)
        p = churn * (SLOW_START_CHURN if days is not None and days > SLOW_START_DAYS else 1.0)
        p *= 1.3 if tickets >= 4 else 1.0
        churned = rng.random() < p
        expansion = 0
        if not churned:
            u = rng.random()
            if u < EXPAND_SHARE:
                expansion = round(mrr * rng.uniform(0.10, 0.60))
            elif u < EXPAND_SHARE + CONTRACT_SHARE:
                expansion = -round(mrr * rng.uniform(0.05, 0.30))
        yield {
            "account_id": f"A{i:06d}",
            "plan": name,
            "seats": seats,
            "mrr": money(mrr),
            "tenure": tenure,
            "days_to_value": "" if days is None else days,
            "tickets": tickets,
            "churned": "true" if churned else "false",
            "expansion": money(expansion),
        }


def pilot_rows(rng):
    """The pilot: growth accounts at renewal split between a success manager and none.

    Churn counts are fixed per arm (then shuffled among that arm's accounts)
    so that the measured difference is the designed -3.5pp rather than
    whatever the sampling noise of one seed would give.
    """
    groups = ["csm" if rng.random() < 0.5 else "none" for _ in range(PILOT)]
    rates = {"none": PILOT_CONTROL_CHURN, "csm": PILOT_CONTROL_CHURN + PILOT_EFFECT}
    churned = [False] * PILOT
    for arm, rate in rates.items():
        members = [i for i, g in enumerate(groups) if g == arm]
        for i in rng.sample(members, round(rate * len(members))):
            churned[i] = True
    for i in range(PILOT):
        yield {
            "account_id": f"P{i + 1:05d}",
            "group": groups[i],
            "seats": rng.randint(10, 60),
            "churned": "true" if churned[i] else "false",
        }


def render_csv(rows):
    """The CSV text of rows (a header from the first row's keys, LF line ends)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def summarize(accounts, pilot):
    n = len(accounts)
    arr = sum(float(r["mrr"]) for r in accounts)
    kept = sum(float(r["mrr"]) for r in accounts if r["churned"] == "false")
    expansion = sum(float(r["expansion"]) for r in accounts if r["churned"] == "false")
    days = [r["days_to_value"] for r in accounts if r["days_to_value"] != ""]
    print(f"accounts: {n} rows, MRR {arr:,.2f} USD/month (ARR {arr * 12:,.2f}), logo churn "
          f"{sum(r['churned'] == 'true' for r in accounts) / n:.2%}, GRR {kept / arr:.2%}, "
          f"expansion {expansion / arr:.2%}, NRR {(kept + expansion) / arr:.2%}")
    print(f"  onboarded this year: {len(days)}, mean days to value {sum(days) / len(days):.2f}; "
          f"tickets per account {sum(r['tickets'] for r in accounts) / n:.3f} per month")
    for arm in ("none", "csm"):
        rows = [r for r in pilot if r["group"] == arm]
        rate = sum(r["churned"] == "true" for r in rows) / len(rows)
        print(f"pilot {arm}: n={len(rows)}, churn {rate:.2%}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the files in data/ differ from what "
                             "this generator produces")
    args = parser.parse_args()

    accounts = list(account_rows(random.Random(SEED)))
    pilot = list(pilot_rows(random.Random(SEED + 1)))
    files = {DATA / "accounts.csv": render_csv(accounts),
             DATA / "cs_pilot.csv": render_csv(pilot)}

    if args.check:
        stale = [p for p, text in files.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"{p.relative_to(HERE)} is not what gen_data.py generates: "
                  f"run python3 {Path(__file__).name} and commit the result", file=sys.stderr)
        if not stale:
            print("b2b_saas data: up to date")
        return 1 if stale else 0

    DATA.mkdir(exist_ok=True)
    for p, text in files.items():
        p.write_text(text, encoding="utf-8", newline="")
    summarize(accounts, pilot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
