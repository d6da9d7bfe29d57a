"""Checks that each peer's figures agree with cxv's exact ones.

cxv's JSON report gives every baseline with its exact digits. A peer prints
its own text for each KPI (JSON {kpi: text}, or `kpi|text` lines for sqlite3).
Both are rounded half-even to the digits the KPI is compared at (DIGITS:
exact for counts and money sums, which every peer computes exactly; fewer for
the means, shares and percentiles peers compute in binary floating point) and
must then be equal. Any missing KPI or disagreement is a failure (exit 1).

    python3 compare.py cxv.json NAME=peer_output ...
"""
import json
import sys
from decimal import ROUND_HALF_EVEN, Decimal

# Decimal places each KPI is compared at.
DIGITS = {
    "customer_count": 0,
    "revenue": 2,
    "enterprise_revenue": 2,
    "heavy_callers": 0,
    "median_revenue": 4,
    "p90_revenue": 4,
    "arpu": 8,
    "churn": 12,
    "promoters": 12,
    "mean_nps": 12,
    "smb_calls": 12,
}


def rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def read_peer(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        text = f.read().strip()
    if text.startswith("{"):
        return {k: str(v) for k, v in json.loads(text).items()}
    figures = {}
    for line in text.splitlines():
        name, _, value = line.partition("|")
        figures[name.strip()] = value.strip()
    return figures


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        report = json.load(f, parse_float=Decimal)
    exact = {k["name"]: Decimal(k["baseline"]) for k in report["scorecard"]["kpis"]}
    failed = False
    for arg in sys.argv[2:]:
        peer, _, path = arg.partition("=")
        figures = read_peer(path)
        for kpi, places in DIGITS.items():
            if kpi not in exact:
                print(f"compare: cxv did not report {kpi}")
                failed = True
                continue
            text = figures.get(kpi)
            if text is None:
                print(f"compare: {peer} did not report {kpi}")
                failed = True
                continue
            mine, theirs = rounded(exact[kpi], places), rounded(Decimal(text), places)
            if mine != theirs:
                print(f"compare: {peer} disagrees on {kpi}: cxv {exact[kpi]} -> {mine}, {peer} {text} -> {theirs}")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
