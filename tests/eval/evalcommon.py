# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared by the evaluation checks and tests/eval/run.sh: finding the shared data, running
`refundguard-cli scan`, and summarising its output per dataset."""
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

# ctest's SKIP_RETURN_CODE for these checks.
SKIP = 77

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
CORPUS_DIR = ROOT / "tests" / "data" / "corpus"

# Benign third-party datasets: any "high" there is a false positive.
DATASETS = ("ibm-twitter-care", "cucom-ecommerce")


def in_ci():
    return os.environ.get("CI", "").lower() == "true"


def require_shared(shared):
    """Returns the shared folder, or ends the process: skipped locally, failed with CI=true."""
    shared = Path(shared)
    if (shared / "data").is_dir() and (shared / "eval" / "score.py").is_file():
        return shared
    if in_ci():
        print(f"FAIL: {shared} (shared data and eval/score.py) is missing, and CI=true")
        sys.exit(1)
    print(f"SKIP: {shared} (shared data and eval/score.py) is missing; nothing to evaluate")
    sys.exit(SKIP)


def scan(cli, path, rules=None):
    """Runs `refundguard-cli scan` on path and returns its result lines as dicts."""
    cmd = [str(cli), "scan"] + (["--rules", str(rules)] if rules else []) + [str(path)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    except OSError as e:
        raise RuntimeError(f"cannot run {cli}: {e}") from e
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}:\n{proc.stderr.strip()}")
    rows = []
    for n, line in enumerate(proc.stdout.splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise RuntimeError(f"{' '.join(cmd)}: output line {n} is not JSON: {e}") from e
    return rows


def count_lines(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def summarise(rows):
    levels = Counter(r.get("level") for r in rows)
    rules = Counter(f["rule"] for r in rows for f in r.get("findings", []))
    cues = {f["rule"]: f["cue"] for r in rows for f in r.get("findings", [])}
    n = len(rows)
    return {
        "conversations": n,
        "high": levels["high"],
        "high_rate": levels["high"] / n if n else 0.0,
        "medium": levels["medium"],
        "medium_rate": levels["medium"] / n if n else 0.0,
        "findings": sum(rules.values()),
        "findings_per_conversation": sum(rules.values()) / n if n else 0.0,
        "top_rules": [(rule, count, cues[rule]) for rule, count in rules.most_common(10)],
    }


def print_summary(name, s, high_target=None):
    target = f"   (target <= {high_target:.1%})" if high_target is not None else ""
    verdict = ""
    if high_target is not None:
        verdict = "  OK" if s["high_rate"] <= high_target else "  OVER TARGET"
    print(f"== {name}")
    print(f"  conversations              {s['conversations']:8}")
    print(f"  rated high                 {s['high']:8}  {s['high_rate']:7.2%}{target}{verdict}")
    print(f"  rated medium               {s['medium']:8}  {s['medium_rate']:7.2%}")
    print(f"  findings per conversation  {s['findings_per_conversation']:8.2f}  ({s['findings']} findings)")
    print("  top rules by findings (false-positive suspects):")
    for rule, count, cue in s["top_rules"]:
        print(f"    {count:7}  {rule:40} {cue}")
    if not s["top_rules"]:
        print("    (none)")


def main(argv):
    """`evalcommon.py summarise NAME PREDICTIONS.jsonl [HIGH_TARGET]`, for run.sh."""
    if len(argv) < 4 or argv[1] != "summarise":
        sys.exit("usage: evalcommon.py summarise NAME PREDICTIONS.jsonl [HIGH_TARGET]")
    with open(argv[3], encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    print_summary(argv[2], summarise(rows), float(argv[4]) if len(argv) > 4 else None)


if __name__ == "__main__":
    main(sys.argv)
