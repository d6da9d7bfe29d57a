#!/usr/bin/env python3
"""Golden tests for `cxv fmt`.

Each tests/golden/fmt/NAME.cxv is an input, deliberately laid out badly. Beside
it, either:

  NAME.formatted.cxv   exactly what `cxv fmt NAME.cxv` must print (exit 0), and
                       which must itself be formatted already (`cxv fmt --check`
                       exits 0 on it, printing nothing): the layout is idempotent;
  NAME.expected        for a case whose first line is `# args: ...`: what
                       `cxv fmt ARGS NAME.cxv` prints on stdout, then a line
                       `--- stderr` and stderr when there is any, then
                       `exit code: N` (for --check diffs and refusals).

Usage:
    run_fmt.py --cxv build/cli/cxv              run every case
    run_fmt.py --cxv build/cli/cxv NAME...      the cases whose name contains NAME
    run_fmt.py --cxv build/cli/cxv --update     rewrite the expected files

Cases run from the repository root, so paths in messages are relative.
Standard library only.
"""

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CASES = Path("tests/golden/fmt")
ARGS_LINE = re.compile(r"^#\s*args:(.*)$")
TIMEOUT_SECONDS = 60


def run(cxv, args):
    env = dict(os.environ, NO_COLOR="1", TERM="dumb")
    try:
        p = subprocess.run([cxv] + args, cwd=ROOT, env=env, capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return None, None, None, f"did not finish within {TIMEOUT_SECONDS} s"
    if p.returncode < 0:
        return None, None, None, f"killed by signal {-p.returncode}"
    return p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode, None


def case_args(case):
    with open(ROOT / case, "rb") as f:
        m = ARGS_LINE.match(f.readline().decode("utf-8", "replace").rstrip("\r\n"))
    return shlex.split(m.group(1)) if m else None


def compare(expected_path, actual, update):
    """True when the expected file holds `actual` (or was rewritten to it)."""
    if update:
        if not expected_path.exists() or expected_path.read_bytes().decode("utf-8") != actual:
            expected_path.write_bytes(actual.encode("utf-8"))
            print(f"updated {expected_path.relative_to(ROOT)}")
        return True
    if not expected_path.exists():
        print(f"FAIL: no {expected_path.relative_to(ROOT)} (run with --update to create it)")
        return False
    expected = expected_path.read_bytes().decode("utf-8")
    if expected == actual:
        return True
    print(f"FAIL {expected_path.relative_to(ROOT)}")
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                               fromfile=str(expected_path.relative_to(ROOT)), tofile="actual"))
    return False


def run_case(cxv, case, update):
    args = case_args(case)
    if args is not None:
        out, err, code, problem = run(cxv, ["fmt"] + args + [str(case)])
        if problem:
            print(f"FAIL {case}: cxv {problem}")
            return False
        actual = out + (f"--- stderr\n{err}" if err else "") + f"exit code: {code}\n"
        return compare(ROOT / case.with_suffix(".expected"), actual, update)

    out, err, code, problem = run(cxv, ["fmt", str(case)])
    if problem or code != 0:
        print(f"FAIL {case}: cxv fmt {problem or f'exit code {code}'}\n{err or ''}", end="")
        return False
    formatted = ROOT / case.with_suffix(".formatted.cxv")
    if not compare(formatted, out, update):
        return False
    # Idempotence: the expected output is already formatted.
    out, err, code, problem = run(cxv, ["fmt", "--check", str(formatted.relative_to(ROOT))])
    if problem or code != 0 or out:
        print(f"FAIL {formatted.relative_to(ROOT)}: formatting it again changes it (exit {code})\n{out}{err}", end="")
        return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cxv", required=True, help="the cxv binary to test")
    parser.add_argument("--update", action="store_true", help="rewrite the expected files")
    parser.add_argument("filters", nargs="*", help="run only the cases whose file name contains one of these")
    a = parser.parse_args()
    cxv = str(Path(a.cxv).resolve())
    cases = sorted(p.relative_to(ROOT) for p in (ROOT / CASES).glob("*.cxv") if not p.name.endswith(".formatted.cxv"))
    if a.filters:
        cases = [c for c in cases if any(f in c.name for f in a.filters)]
    passed = failed = 0
    for case in cases:
        if run_case(cxv, case, a.update):
            passed += 1
        else:
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
