#!/usr/bin/python3
"""Writes scipy_reference.txt: random cases with intervals computed independently
by SciPy (1.10, Debian's python3-scipy) and mpmath, for tests/unit/stats/scipy_reference_test.cpp.

Run with the system Python that has SciPy:  /usr/bin/python3 make_scipy_reference.py
The output is deterministic (fixed seed). Lines:
  t P DF QUANTILE                              mpmath root of the regularized beta (40 digits)
  z P QUANTILE                                 scipy.stats.norm.ppf
  beta X A B VALUE                             scipy.special.betainc(A, B, X)
  srm N1 N2 SHARE PVALUE                       scipy.stats.chisquare against the planned split
  welch CONF LOW HIGH DF | a1 a2 ... | b1 b2 ...   Welch interval: numpy moments, mpmath t quantile;
                                               DF checked against scipy.stats.ttest_ind(equal_var=False)
  newcombe CONF X1 N1 X2 N2 LOW HIGH           Newcombe method 10 from Wilson bounds with scipy norm.ppf
"""
import math
import mpmath
import numpy as np
from scipy import special, stats

mpmath.mp.dps = 40


def t_quantile(p, df):
    """Student t quantile to 40 digits with mpmath: SciPy 1.10's t.ppf is off by
    up to ~2e-9 relative (e.g. t.ppf(0.995, 10) = 3.169272667, the root is 3.1692726726)."""
    p, df = mpmath.mpf(p), mpmath.mpf(df)
    upper = p > mpmath.mpf(1) / 2
    q = 1 - p if upper else p
    tail = lambda t: mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2 - q
    root = mpmath.findroot(tail, float(stats.t.ppf(float(1 - q), float(df))), tol=mpmath.mpf(10) ** -35)
    return float(root if upper else -root)


rng = np.random.default_rng(20261123)
out = []
for _ in range(60):
    p = float(rng.uniform(0.5005, 0.9995))
    df = float(rng.choice([rng.uniform(1, 5), rng.uniform(5, 60), rng.uniform(60, 5000)]))
    out.append(f"t {p!r} {df!r} {t_quantile(p, df)!r}")
for _ in range(30):
    p = float(rng.uniform(1e-9, 1 - 1e-9))
    out.append(f"z {p!r} {stats.norm.ppf(p)!r}")
for _ in range(40):
    x, a, b = float(rng.uniform(0, 1)), float(rng.uniform(0.2, 50)), float(rng.uniform(0.2, 50))
    out.append(f"beta {x!r} {a!r} {b!r} {special.betainc(a, b, x)!r}")
for _ in range(30):
    share = float(rng.choice([0.5, 0.5, 0.3, 0.8]))
    n = int(rng.integers(20, 200000))
    n1 = int(rng.binomial(n, min(0.99, share * float(rng.uniform(0.97, 1.03)))))
    res = stats.chisquare([n1, n - n1], [n * share, n * (1 - share)])
    out.append(f"srm {n1} {n - n1} {share!r} {res.pvalue!r}")
for _ in range(40):
    conf = float(rng.choice([0.8, 0.9, 0.95, 0.99]))
    na, nb = int(rng.integers(2, 40)), int(rng.integers(2, 40))
    a = np.round(rng.normal(rng.uniform(-5, 5), rng.uniform(0.1, 4), na), 3)
    b = np.round(rng.normal(rng.uniform(-5, 5), rng.uniform(0.1, 4), nb), 3)
    va, vb = a.var(ddof=1) / na, b.var(ddof=1) / nb
    df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
    tt = stats.ttest_ind(a, b, equal_var=False)
    # scipy's own Welch statistic must agree with the moments used here.
    assert math.isclose(tt.statistic, (a.mean() - b.mean()) / math.sqrt(va + vb), rel_tol=1e-9)
    q = t_quantile(1 - (1 - conf) / 2, df)
    d, se = a.mean() - b.mean(), math.sqrt(va + vb)
    out.append(f"welch {conf!r} {d - q * se!r} {d + q * se!r} {df!r} | " + " ".join(f"{v:.3f}" for v in a) + " | " +
               " ".join(f"{v:.3f}" for v in b))


def wilson(x, n, z):
    centre, half = x + z * z / 2, z * math.sqrt(x * (n - x) / n + z * z / 4)
    return (centre - half) / (n + z * z), (centre + half) / (n + z * z)


for _ in range(60):
    conf = float(rng.choice([0.8, 0.9, 0.95, 0.99, 0.999]))
    n1, n2 = int(rng.integers(1, 5000)), int(rng.integers(1, 5000))
    x1, x2 = int(rng.binomial(n1, rng.uniform(0, 1))), int(rng.binomial(n2, rng.uniform(0, 1)))
    z = stats.norm.ppf(1 - (1 - conf) / 2)
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson(x1, n1, z)
    l2, u2 = wilson(x2, n2, z)
    lo = p1 - p2 - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    hi = p1 - p2 + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    out.append(f"newcombe {conf!r} {x1} {n1} {x2} {n2} {lo!r} {hi!r}")

with open(__file__.replace("make_scipy_reference.py", "scipy_reference.txt"), "w") as f:
    f.write("\n".join(out) + "\n")
