"""The scorecard's aggregations in pandas (Debian's python3-pandas).

Money is summed as integer cents (exact); means, shares and percentiles are
pandas' own float results (percentile: linear interpolation, the same
definition as cxv's). Prints JSON {kpi: "text"}.

    /usr/bin/python3 pandas_peer.py customers.csv
"""
import json
import sys

import pandas as pd


def main() -> None:
    df = pd.read_csv(
        sys.argv[1],
        usecols=["segment", "monthly_revenue", "nps", "churned", "support_calls"],
        dtype={"segment": "category", "monthly_revenue": "float64", "nps": "float64",
               "churned": "bool", "support_calls": "int64"},
    )
    revenue = df["monthly_revenue"]
    cents = (revenue * 100).round().astype("int64")
    enterprise = df["segment"] == "enterprise"
    nps = df["nps"].dropna()

    def money(total_cents: int) -> str:
        sign = "-" if total_cents < 0 else ""
        return f"{sign}{abs(total_cents) // 100}.{abs(total_cents) % 100:02d}"

    out = {
        "customer_count": str(len(df)),
        "revenue": money(int(cents.sum())),
        "arpu": repr(float(revenue.mean())),
        "median_revenue": repr(float(revenue.median())),
        "p90_revenue": repr(float(revenue.quantile(0.9))),
        "enterprise_revenue": money(int(cents[enterprise].sum())),
        "churn": repr(float(df["churned"].mean())),
        "promoters": repr(float((nps >= 9).sum() / len(nps))),
        "mean_nps": repr(float(nps.mean())),
        "heavy_callers": str(int((df["support_calls"] >= 5).sum())),
        "smb_calls": repr(float(df.loc[df["segment"] == "small_business", "support_calls"].mean())),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
