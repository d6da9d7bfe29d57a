#!/usr/bin/env python3
"""Writes a JSON file of a given size for the peer of the `cxv check` benchmark.

    gen_json.py --bytes N [--out FILE]

The records mirror the .cxv framework of gen_framework.py (KPIs and
initiatives with titles, enums, numbers, nested objects and arrays), so the
JSON grammar sees the same mix of strings, numbers and structure. Records are
written until the file reaches N bytes. Deterministic: a seeded generator.
"""
import argparse
import json
import random
import sys


def records(rng):
    i = 0
    while True:
        yield {"kpi": f"k{i}", "title": f"Churn of accounts past {i % 24} months, #{i}",
               "perspective": "customer", "category": "retention",
               "stakeholders": ["customers", "shareholders"],
               "measure": {"share": f"accounts_{rng.randrange(8)}",
                           "where": {"and": ["churned", {">": ["tenure", {"months": rng.randrange(2, 24)}]}]}},
               "better": "lower", "target": rng.randrange(10, 30) / 1000,
               "thresholds": {"green": 0.015, "amber": 0.02}}
        yield {"initiative": f"i{i}", "title": f"Initiative {i}", "owner": f"Team {i % 97}",
               "cost": [{"amount": rng.randrange(10, 900) * 1000, "once": True},
                        {"amount": rng.randrange(1, 30) * 1000, "per": "month"}],
               "start": f"2027-{rng.randrange(1, 13):02d}", "ramp_months": rng.randrange(0, 12),
               "effects": [{"kpi": f"k{4 * rng.randrange(2500)}", "pp": -rng.randrange(1, 30) / 100},
                           {"kpi": f"k{4 * rng.randrange(2500) + 2}", "relative": rng.randrange(-19, 20) / 100}],
               "evidence": {"grade": "correlational", "note": f"analysis {i}"},
               "stage": rng.choice(("cost_takeout", "continuous_improvement", "strategic"))}
        i += 1


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bytes", type=int, required=True, help="size to reach, in bytes")
    p.add_argument("--out", default="-")
    a = p.parse_args()
    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8", newline="\n")
    rng = random.Random(20270101)
    out.write("[\n")
    written = 2
    first = True
    for r in records(rng):
        text = ("" if first else ",\n") + json.dumps(r, indent=2, sort_keys=True)
        out.write(text)
        written += len(text.encode("utf-8"))
        first = False
        if written >= a.bytes:
            break
    out.write("\n]\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
