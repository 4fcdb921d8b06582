#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""eval_dev_corpus: `refundguard-cli scan` on the labelled dev corpora (dev-a + dev-b combined,
and the Spanish, German and French dev corpora each on its own), scored by the shared
eval/score.py, meets the floors below.

usage: check_dev_corpus.py --cli PATH [--shared DIR] [--corpus-dir DIR] [--rules PACK]
Exit 0 pass, 1 fail or error, 77 skipped (shared data absent and CI is not "true").
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import evalcommon

# Floors: raise them as detection improves, never lower them to make a change pass.
MIN_MICRO_PRECISION = 0.92
MIN_MICRO_RECALL = 0.90
MIN_SCAM_RECALL_HIGH = 0.92
MAX_BENIGN_FPR_HIGH = 0.05
MAX_BAD_OFFSETS = 0

CORPORA = ("dev-a.jsonl", "dev-b.jsonl")

# Per-language dev corpora (issue 8, section 4), each scored on its own. The floors sit a little
# below the figures measured when the es/de/fr phrase families were added (README, "Measured"):
# (micro precision, micro recall, scams rated high, benign rated high at most).
LANGUAGE_CORPORA = {
    "dev-es.jsonl": (0.95, 0.95, 0.85, 0.10),
    "dev-de.jsonl": (0.95, 0.95, 0.85, 0.10),
    "dev-fr.jsonl": (0.95, 0.95, 0.85, 0.20),
}


def score(cli, shared, rules, names, corpus_dir, tmp):
    """Scans the named corpora together and returns (conversations, score.py's report)."""
    labels = Path(tmp) / "labels.jsonl"
    with open(labels, "w", encoding="utf-8") as out:
        for name in names:
            path = Path(corpus_dir) / name
            if not path.is_file():
                raise RuntimeError(f"{path} is missing")
            text = path.read_text(encoding="utf-8")
            out.write(text if text.endswith("\n") else text + "\n")
    rows = evalcommon.scan(cli, labels, rules)
    predictions = Path(tmp) / "predictions.jsonl"
    predictions.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(labels),
                             str(predictions), "--json"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"score.py exited with {result.returncode}: {result.stderr.strip()}")
    return len(rows), json.loads(result.stdout)


def check(report, checks, failures, prefix=""):
    for key, op, bound in checks:
        value = report.get(key)
        ok = value is not None and (value >= bound if op == ">=" else value <= bound)
        print(f"  {key:28} {value!s:>6}  (floor {op} {bound})  {'OK' if ok else 'FAIL'}")
        if not ok:
            failures.append(f"{prefix}{key} = {value}, needs {op} {bound}")
    if report.get("missing_conversations"):
        failures.append(
            f"{prefix}{report['missing_conversations']} conversations have no prediction")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--shared", default=str(evalcommon.DEFAULT_SHARED))
    parser.add_argument("--corpus-dir", default=str(evalcommon.CORPUS_DIR))
    parser.add_argument("--rules", help="rule pack instead of the CLI's built-in one")
    args = parser.parse_args()
    shared = evalcommon.require_shared(args.shared)

    failures = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            n, report = score(args.cli, shared, args.rules, CORPORA, args.corpus_dir, tmp)
    except RuntimeError as e:
        print(f"ERROR: {e}")
        return 1

    print(f"dev corpus ({' + '.join(CORPORA)}, {n} conversations):")
    for cue, v in report["per_cue"].items():
        print(f"  {cue:24} precision {v['precision']:.3f}  recall {v['recall']:.3f}  "
              f"(tp {v['tp']}, fp {v['fp']}, fn {v['fn']})")
    check(report, [
        ("micro_precision", ">=", MIN_MICRO_PRECISION),
        ("micro_recall", ">=", MIN_MICRO_RECALL),
        ("scam_recall_high", ">=", MIN_SCAM_RECALL_HIGH),
        ("benign_fpr_high", "<=", MAX_BENIGN_FPR_HIGH),
        ("bad_offsets", "<=", MAX_BAD_OFFSETS),
    ], failures)
    print(f"  scam_recall_medium_or_high   {report.get('scam_recall_medium_or_high')!s:>6}")

    for name, (precision, recall, scams_high, benign_high) in LANGUAGE_CORPORA.items():
        try:
            with tempfile.TemporaryDirectory() as tmp:
                n, report = score(args.cli, shared, args.rules, (name,), args.corpus_dir, tmp)
        except RuntimeError as e:
            print(f"ERROR: {e}")
            return 1
        print(f"{name} ({n} conversations):")
        check(report, [
            ("micro_precision", ">=", precision),
            ("micro_recall", ">=", recall),
            ("scam_recall_high", ">=", scams_high),
            ("benign_fpr_high", "<=", benign_high),
            ("bad_offsets", "<=", MAX_BAD_OFFSETS),
        ], failures, f"{name}: ")

    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        return 1
    print("PASS: dev corpora meet the floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
