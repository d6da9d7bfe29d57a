#!/usr/bin/env python3
"""Writes a libFuzzer dictionary: every keyword of grammar/keywords.hpp (so it
never drifts from the grammar) plus the tokens the grammar is built from."""
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
src = (root / "grammar" / "keywords.hpp").read_text()
body = src[src.index("kKeywords"):]
body = body[: body.index("};")]
words = re.findall(r'"([a-z_]+)"', body)
tokens = words + [
    "+=", "==", "!=", "<=", ">=", "(", ")", "{", "}", ",", ":", ".", ";", "%", "pp",
    "k", "M", "B", "USD", "EUR", "months", "years", "points", "per month", "/month",
    "2027-03", "2027-03-15", '"x"', "\\\"", "#", "1_250.50", "450k", "-0.25pp", "8% per year",
    "share(", "delta(", "saturate(", "cumulative(", "count(", "mean(", "limit:",
]
out = sys.stdout if len(sys.argv) < 2 else open(sys.argv[1], "w")
for t in dict.fromkeys(tokens):
    out.write('"%s"\n' % t.replace("\\", "\\\\").replace('"', '\\"'))
