#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""eval_dev_corpus: `refundguard-cli scan` on the labelled dev corpora (dev-a + dev-b combined),
scored by the shared eval/score.py, meets the floors below.

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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--shared", default=str(evalcommon.DEFAULT_SHARED))
    parser.add_argument("--corpus-dir", default=str(evalcommon.CORPUS_DIR))
    parser.add_argument("--rules", help="rule pack instead of the CLI's built-in one")
    args = parser.parse_args()
    shared = evalcommon.require_shared(args.shared)

    with tempfile.TemporaryDirectory() as tmp:
        labels = Path(tmp) / "dev.jsonl"
        with open(labels, "w", encoding="utf-8") as out:
            for name in CORPORA:
                path = Path(args.corpus_dir) / name
                if not path.is_file():
                    print(f"ERROR: {path} is missing")
                    return 1
                text = path.read_text(encoding="utf-8")
                out.write(text if text.endswith("\n") else text + "\n")
        try:
            rows = evalcommon.scan(args.cli, labels, args.rules)
        except RuntimeError as e:
            print(f"ERROR: {e}")
            return 1
        predictions = Path(tmp) / "predictions.jsonl"
        predictions.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        score = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(labels),
                                str(predictions), "--json"], capture_output=True, text=True)
        if score.returncode != 0:
            print(f"ERROR: score.py exited with {score.returncode}: {score.stderr.strip()}")
            return 1
        report = json.loads(score.stdout)

    print(f"dev corpus ({' + '.join(CORPORA)}, {len(rows)} conversations):")
    for cue, v in report["per_cue"].items():
        print(f"  {cue:24} precision {v['precision']:.3f}  recall {v['recall']:.3f}  "
              f"(tp {v['tp']}, fp {v['fp']}, fn {v['fn']})")
    checks = [
        ("micro_precision", ">=", MIN_MICRO_PRECISION),
        ("micro_recall", ">=", MIN_MICRO_RECALL),
        ("scam_recall_high", ">=", MIN_SCAM_RECALL_HIGH),
        ("benign_fpr_high", "<=", MAX_BENIGN_FPR_HIGH),
        ("bad_offsets", "<=", MAX_BAD_OFFSETS),
    ]
    failures = []
    for key, op, bound in checks:
        value = report.get(key)
        ok = value is not None and (value >= bound if op == ">=" else value <= bound)
        print(f"  {key:28} {value!s:>6}  (floor {op} {bound})  {'OK' if ok else 'FAIL'}")
        if not ok:
            failures.append(f"{key} = {value}, needs {op} {bound}")
    print(f"  scam_recall_medium_or_high   {report.get('scam_recall_medium_or_high')!s:>6}")
    if report.get("missing_conversations"):
        failures.append(f"{report['missing_conversations']} conversations have no prediction")
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        return 1
    print("PASS: dev corpus meets the floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
