#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""eval_false_positives: the share of benign third-party conversations that
`refundguard-cli scan` rates "high" stays within target on each shared dataset.

usage: check_false_positives.py --cli PATH [--shared DIR] [--rules PACK]
Exit 0 pass, 1 fail or error, 77 skipped (shared data absent and CI is not "true").
"""
import argparse
import sys

import evalcommon

# Highest acceptable share of conversations rated "high" (all conversations are benign).
HIGH_RATE_TARGETS = {
    "ibm-twitter-care": 0.005,
    "cucom-ecommerce": 0.01,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--shared", default=str(evalcommon.DEFAULT_SHARED))
    parser.add_argument("--rules", help="rule pack instead of the CLI's built-in one")
    args = parser.parse_args()
    shared = evalcommon.require_shared(args.shared)

    failures = []
    for name, target in HIGH_RATE_TARGETS.items():
        path = shared / "data" / name / "conversations.jsonl"
        if not path.is_file():
            print(f"ERROR: {path} is missing")
            return 1
        try:
            rows = evalcommon.scan(args.cli, path, args.rules)
        except RuntimeError as e:
            print(f"ERROR: {e}")
            return 1
        expected = evalcommon.count_lines(path)
        if len(rows) != expected:
            print(f"ERROR: {name}: {len(rows)} results for {expected} conversations")
            return 1
        summary = evalcommon.summarise(rows)
        evalcommon.print_summary(name, summary, target)
        if summary["high_rate"] > target:
            failures.append(f"{name}: {summary['high']} of {summary['conversations']} rated high "
                            f"({summary['high_rate']:.2%}) > target {target:.1%}")
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        return 1
    print("PASS: high-rated shares within target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
