#!/usr/bin/env python3
"""Golden tests for `cxv check` and `cxv run`.

Every tests/golden/check/*.cxv is checked from the repository root (so paths
in the output are relative and the same on every machine), and its standard
output plus exit code must equal the `.expected` file beside it:

    <exactly what cxv check printed>
    exit code: <N>

With `--mode run`, every tests/golden/run/*.cxv is run with `cxv run`
instead; since a run prints its report on stdout and its errors on stderr,
the expected file holds both (stderr after a `--- stderr` line, when any).

With `--mode explain`, every tests/golden/explain/*.cxv is a `cxv explain`
case: its `# args:` line is the whole argument list after `explain`, where
`{case}` stands for the case file itself (`# args: {case} churn`), so a case
may also explain another file (`# args: examples/telecom/telecom.cxv churn`).
stdout and stderr are both kept, as in run mode.

With `--mode test`, every tests/golden/test/*.cxv is a `cxv test` case
(its `# args:` flags go before the file); stdout and stderr are both kept.

A case's first line may set the command-line flags:

    # args: --strict --deny L004

Usage:
    run.py --cxv build/cli/cxv              run every case
    run.py --cxv build/cli/cxv NAME...      run the cases whose file name contains NAME
    run.py --cxv build/cli/cxv --update     rewrite the .expected files from the output
    run.py --cxv build/cli/cxv --codes      check that every diagnostic code has a case
    run.py --cxv build/cli/cxv --mode run   the `cxv run` cases (tests/golden/run)
    run.py --cxv build/cli/cxv --mode explain   the `cxv explain` cases (tests/golden/explain)
    run.py --cxv build/cli/cxv --mode test      the `cxv test` cases (tests/golden/test)

Standard library only, so it runs wherever python3 does.
"""

import argparse
import difflib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = Path("tests/golden/check")
ARGS_LINE = re.compile(r"^#\s*args:(.*)$")
TIMEOUT_SECONDS = 60


def case_args(case: Path) -> list:
    """The flags from a leading `# args:` line, or none."""
    with open(ROOT / case, "rb") as f:
        first = f.readline().decode("utf-8", "replace").rstrip("\r\n")
    m = ARGS_LINE.match(first)
    return shlex.split(m.group(1)) if m else []


def environment() -> dict:
    env = dict(os.environ)
    env["NO_COLOR"] = "1"  # output must not depend on the terminal
    env["TERM"] = "dumb"
    return env


def run_cxv(cxv: str, args: list) -> tuple:
    """(stdout, stderr, exit code, problem) where problem names a crash or hang."""
    try:
        p = subprocess.run([cxv] + args, cwd=ROOT, env=environment(), capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return "", "", None, f"did not finish within {TIMEOUT_SECONDS} s"
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode < 0:
        return out, err, p.returncode, f"killed by signal {-p.returncode}"
    return out, err, p.returncode, None


def read_exact(path: Path) -> str:
    """The file's text with its line ends as they are (CSV output has CRLF)."""
    return path.read_bytes().decode("utf-8")


def actual_text(out: str, code: int, err: str = "") -> str:
    if err:
        out = f"{out}--- stderr\n{err}"
    return f"{out}exit code: {code}\n"


def run_cases(cxv: str, filters: list, update: bool, mode: str = "check") -> int:
    cases_dir = Path("tests/golden") / mode
    cases = sorted(p.relative_to(ROOT) for p in (ROOT / cases_dir).glob("*.cxv"))
    if filters:
        cases = [c for c in cases if any(f in c.name for f in filters)]
    passed = failed = 0
    for case in cases:
        if mode == "explain":
            command = [mode] + [str(case) if a == "{case}" else a for a in case_args(case)]
        else:
            command = [mode] + case_args(case) + [str(case)]
        out, err, code, problem = run_cxv(cxv, command)
        expected_path = ROOT / case.with_suffix(".expected")
        if problem:
            failed += 1
            print(f"FAIL {case}: cxv {problem}")
            if err:
                print(err, end="")
            continue
        actual = actual_text(out, code, err if mode in ("run", "explain", "test") else "")
        if update:
            if not expected_path.exists() or read_exact(expected_path) != actual:
                expected_path.write_bytes(actual.encode("utf-8"))
                print(f"updated {expected_path.relative_to(ROOT)}")
            passed += 1
            continue
        if not expected_path.exists():
            failed += 1
            print(f"FAIL {case}: no {expected_path.name} (run with --update to create it)")
            continue
        expected = read_exact(expected_path)
        if expected == actual:
            passed += 1
            continue
        failed += 1
        print(f"FAIL {case}")
        diff = difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                    fromfile=str(expected_path.relative_to(ROOT)), tofile="actual")
        sys.stdout.writelines(diff)
        if err:
            print("--- stderr:")
            print(err, end="")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def registered_codes(cxv: str) -> list:
    """Every code the binary knows: the rules of its SARIF output (all_codes())."""
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.cxv"
        empty.write_text("")
        out, err, code, problem = run_cxv(cxv, ["check", "--format", "sarif", str(empty)])
    if problem or code not in (0, 1):
        sys.exit(f"cannot list the codes: cxv check --format sarif gave exit code {code} {problem or ''}\n{err}")
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    return [r["id"] for r in rules]


def check_codes_covered(cxv: str) -> int:
    """Every error and lint code must appear as `[CODE]` in some expected output
    (of `check` or `run` cases)."""
    shown = ""
    for expected in sorted((ROOT / "tests/golden").glob("*/*.expected")):
        shown += expected.read_text(encoding="utf-8")
    codes = registered_codes(cxv)
    # Codes no command line can trigger (an API misuse, an invariant the
    # checker already enforces) are listed with the unit test that does.
    unit_tested = {}
    listing = ROOT / "tests/golden/unit_tested_codes.txt"
    if listing.exists():
        for line in listing.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                code, test_file = line.split()[:2]
                unit_tested[code] = test_file
    for code, test_file in unit_tested.items():
        if code not in (ROOT / test_file).read_text(encoding="utf-8"):
            print(f"{code} is listed as tested by {test_file}, which does not mention it")
            shown = shown.replace(f"[{code}]", "")
            unit_tested[code] = None
    # Codes with no test at all yet, each with the reason, tracked in the open
    # issues: reported on every run, never silently passed. A listed code that
    # gains a case must leave the list (a stale entry fails).
    gaps = {}
    gap_listing = ROOT / "tests/golden/known_gaps.txt"
    if gap_listing.exists():
        for line in gap_listing.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                code, _, why = line.partition(" ")
                gaps[code] = why.strip()
    stale = [c for c in gaps if f"[{c}]" in shown or unit_tested.get(c)]
    for c in stale:
        print(f"{c} is listed in known_gaps.txt but is covered now: remove it from the list")
    missing = [c for c in codes if f"[{c}]" not in shown and not unit_tested.get(c) and c not in gaps]
    for c in missing:
        print(f"no golden case shows [{c}]")
    for c, why in gaps.items():
        print(f"known gap: {c} has no test yet ({why})")
    failed = len(missing) + len(stale)
    print(f"{len(codes) - len(missing) - len(gaps)} passed, {failed} failed")
    return 0 if failed == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cxv", required=True, help="the cxv binary to test")
    parser.add_argument("--update", action="store_true", help="rewrite the .expected files")
    parser.add_argument("--codes", action="store_true", help="check that every code has a golden case")
    parser.add_argument("--mode", choices=["check", "run", "explain", "test"], default="check", help="which command's cases to run")
    parser.add_argument("filters", nargs="*", help="run only cases whose file name contains one of these")
    a = parser.parse_args()
    cxv = str(Path(a.cxv).resolve())
    if a.codes:
        return check_codes_covered(cxv)
    return run_cases(cxv, a.filters, a.update, a.mode)


if __name__ == "__main__":
    sys.exit(main())
