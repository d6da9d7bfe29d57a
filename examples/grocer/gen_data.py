#!/usr/bin/env python3
"""Generate the grocer example's data, deterministically.

Writes, next to this script:
  data/shoppers.csv   55,000 loyalty-identified shoppers, one row each
                      (individual-level, first-party data, as `table shoppers`
                      declares): channel, loyalty, app use, last month's
                      visits and average basket, satisfaction, lapse

Only the Python standard library is used and the random generator has a fixed
seed, so every run writes byte-identical files; `--check` writes nothing and
exits 1 if the committed files differ from what this script generates. The
summary it prints shows the KPI baselines the data implies, so you can check
that the story in README.md still holds.

The numbers tell a plausible story for a regional grocer:
  - most shoppers buy in store, about one in eight only online and one in
    five in both channels; online baskets are bigger, visits rarer;
  - loyalty members come more often and lapse less;
  - satisfaction (0-10) in the low sevens; two in five shoppers never answered;
  - about 4% of shoppers lapse in a month (no visit in the next 60 days),
    more online and among the dissatisfied.
"""

import argparse
import csv
import io
import math
import random
import sys
from pathlib import Path

SEED = 20270301
SHOPPERS = 55_000

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"

# channel -> (share of shoppers, mean visits per month, mean basket in USD)
CHANNELS = [
    ("store", 0.68, 4.1, 41.0),
    ("online", 0.13, 2.3, 86.0),
    ("both", 0.19, 4.9, 58.0),
]
LOYALTY_SHARE = 0.55
LOYALTY_VISITS = 1.25        # members visit 25% more often
APP_USE = {"store": 0.22, "online": 0.71, "both": 0.64}
LAPSE_BASE = {"store": 0.034, "online": 0.062, "both": 0.028}
LAPSE_LOYALTY = 0.65         # members lapse 35% less
LAPSE_BY_CSAT = {"low": 1.7, "mid": 1.0, "high": 0.7, "missing": 1.1}


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


def pick_channel(rng):
    u, acc = rng.random(), 0.0
    for channel in CHANNELS:
        acc += channel[1]
        if u < acc:
            return channel
    return CHANNELS[-1]


def draw_csat(rng, channel, app_user):
    """A satisfaction answer 0..10, or None when the shopper did not answer."""
    if rng.random() < 0.40:
        return None
    shift = (-0.5 if channel == "online" else 0.0) + (0.3 if app_user else 0.0)
    return max(0, min(10, round(rng.gauss(7.3 + shift, 1.6))))


def csat_group(csat):
    if csat is None:
        return "missing"
    if csat <= 5:
        return "low"
    return "high" if csat >= 9 else "mid"


def shopper_rows(rng):
    for i in range(1, SHOPPERS + 1):
        channel, _, visits_mean, basket_mean = pick_channel(rng)
        member = rng.random() < LOYALTY_SHARE
        app_user = rng.random() < APP_USE[channel]
        tenure = min(int(rng.expovariate(1 / 46)), 240)
        visits = poisson(rng, visits_mean * (LOYALTY_VISITS if member else 1.0))
        # Basket: log-normal around the channel's mean; empty when no visit.
        basket = round(basket_mean * math.exp(rng.gauss(-0.08, 0.4)) * 100)
        csat = draw_csat(rng, channel, app_user)
        lapse = (LAPSE_BASE[channel] * (LAPSE_LOYALTY if member else 1.0)
                 * LAPSE_BY_CSAT[csat_group(csat)])
        yield {
            "shopper_id": f"G{i:06d}",
            "channel": channel,
            "loyalty": "true" if member else "false",
            "app_user": "true" if app_user else "false",
            "tenure": tenure,
            "visits": visits,
            "basket": money(basket) if visits > 0 else "",
            "csat": "" if csat is None else csat,
            "lapsed": "true" if rng.random() < lapse else "false",
        }


def render_csv(rows):
    """The CSV text of rows (a header from the first row's keys, LF line ends)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def summarize(shoppers):
    n = len(shoppers)
    visits = sum(r["visits"] for r in shoppers) / n
    baskets = [float(r["basket"]) for r in shoppers if r["basket"] != ""]
    basket = sum(baskets) / len(baskets)
    answered = [r["csat"] for r in shoppers if r["csat"] != ""]
    lapse = sum(r["lapsed"] == "true" for r in shoppers) / n
    online = sum(r["channel"] != "store" for r in shoppers) / n
    print(f"shoppers: {n} rows, {visits:.3f} visits per month, basket {basket:.2f} USD "
          f"({len(baskets)} with a visit), spend {visits * basket:.2f} USD/month, "
          f"satisfaction {sum(answered) / len(answered):.2f} ({len(answered) / n:.0%} answered), "
          f"lapse {lapse:.3%}, buying online {online:.2%}")
    for channel, *_ in CHANNELS:
        rows = [r for r in shoppers if r["channel"] == channel]
        print(f"  {channel}: {len(rows)} shoppers, lapse "
              f"{sum(r['lapsed'] == 'true' for r in rows) / len(rows):.2%}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the files in data/ differ from what "
                             "this generator produces")
    args = parser.parse_args()

    shoppers = list(shopper_rows(random.Random(SEED)))
    files = {DATA / "shoppers.csv": render_csv(shoppers)}

    if args.check:
        stale = [p for p, text in files.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"{p.relative_to(HERE)} is not what gen_data.py generates: "
                  f"run python3 {Path(__file__).name} and commit the result", file=sys.stderr)
        if not stale:
            print("grocer data: up to date")
        return 1 if stale else 0

    DATA.mkdir(exist_ok=True)
    for p, text in files.items():
        p.write_text(text, encoding="utf-8", newline="")
    summarize(shoppers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
