#!/usr/bin/env python3
"""Generate the public-service example's data, deterministically.

Writes, next to this script:
  data/claims.csv   58,000 benefit claims made to the city's benefits office
                    in 2026, one row each (individual-level, first-party
                    data, as `table claims` declares): the benefit, the
                    channel, the citizen's time and the staff's time spent on
                    the claim, whether it was decided within 30 days, and
                    whether the citizen gave up before a decision

Only the Python standard library is used and the random generator has a fixed
seed, so every run writes byte-identical files; `--check` writes nothing and
exits 1 if the committed files differ from what this script generates. The
summary it prints shows the KPI baselines the data implies, so you can check
that the story in README.md still holds.

The numbers tell a plausible story for a mid-sized city:
  - almost half of the claims are made online, the rest by phone or in
    person; an in-person claim costs the citizen over two hours (travel and
    queue), an online one under an hour;
  - about three claims in four are decided within 30 days, fewer for housing;
  - about 7% of claimants give up before a decision, more when the claim
    costs them more time: these are people the programme exists to serve.
"""

import argparse
import csv
import io
import math
import random
import sys
from pathlib import Path

SEED = 20270501
CLAIMS = 58_000

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"

# channel -> (share of claims, citizen minutes (median), staff minutes (median))
CHANNELS = [
    ("online", 0.46, 50, 32),
    ("phone", 0.25, 78, 48),
    ("in_person", 0.29, 140, 62),
]
# benefit -> (share of claims, extra staff minutes, chance of a decision within 30 days)
BENEFITS = [
    ("housing", 0.34, 20, 0.66),
    ("childcare", 0.28, 5, 0.82),
    ("energy", 0.38, 0, 0.84),
]
ABANDON_BASE = 0.025             # gives up even when the claim is easy
ABANDON_PER_HOUR = 0.022         # and more for every hour the claim costs
ABANDON_LATE = 1.5               # and more when the decision is late


def pick(rng, options):
    u, acc = rng.random(), 0.0
    for option in options:
        acc += option[1]
        if u < acc:
            return option
    return options[-1]


def claim_rows(rng):
    for i in range(1, CLAIMS + 1):
        channel, _, citizen_median, staff_median = pick(rng, CHANNELS)
        benefit, _, staff_extra, on_time_chance = pick(rng, BENEFITS)
        citizen = max(5, round(citizen_median * math.exp(rng.gauss(0, 0.5))))
        staff = max(5, round((staff_median + staff_extra) * math.exp(rng.gauss(0, 0.35))))
        on_time = rng.random() < on_time_chance
        p = (ABANDON_BASE + ABANDON_PER_HOUR * citizen / 60) * (1.0 if on_time else ABANDON_LATE)
        yield {
            "claim_id": f"B{i:06d}",
            "benefit": benefit,
            "channel": channel,
            "household_size": rng.choice([1, 1, 2, 2, 3, 3, 4, 5]),
            "citizen_minutes": citizen,
            "staff_minutes": staff,
            "decided_on_time": "true" if on_time else "false",
            "abandoned": "true" if rng.random() < p else "false",
        }


def render_csv(rows):
    """The CSV text of rows (a header from the first row's keys, LF line ends)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def summarize(claims):
    n = len(claims)
    share = lambda rows, col: sum(r[col] == "true" for r in rows) / len(rows)
    print(f"claims: {n} rows, citizen time {sum(r['citizen_minutes'] for r in claims) / n:.2f} "
          f"minutes, staff time {sum(r['staff_minutes'] for r in claims) / n:.2f} minutes, "
          f"on time {share(claims, 'decided_on_time'):.2%}, abandoned {share(claims, 'abandoned'):.2%}")
    for channel, *_ in CHANNELS:
        rows = [r for r in claims if r["channel"] == channel]
        print(f"  {channel}: {len(rows)} claims, citizen time "
              f"{sum(r['citizen_minutes'] for r in rows) / len(rows):.1f} minutes, "
              f"abandoned {share(rows, 'abandoned'):.2%}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the files in data/ differ from what "
                             "this generator produces")
    args = parser.parse_args()

    claims = list(claim_rows(random.Random(SEED)))
    files = {DATA / "claims.csv": render_csv(claims)}

    if args.check:
        stale = [p for p, text in files.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"{p.relative_to(HERE)} is not what gen_data.py generates: "
                  f"run python3 {Path(__file__).name} and commit the result", file=sys.stderr)
        if not stale:
            print("public_service data: up to date")
        return 1 if stale else 0

    DATA.mkdir(exist_ok=True)
    for p, text in files.items():
        p.write_text(text, encoding="utf-8", newline="")
    summarize(claims)
    return 0


if __name__ == "__main__":
    sys.exit(main())
