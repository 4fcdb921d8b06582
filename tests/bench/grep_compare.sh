#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# grep_compare.sh [REFUNDGUARD_CLI]
#
# Times `refundguard-cli scan` over the cucom e-commerce transcripts against
# `LC_ALL=C grep -c -i -F -f PHRASES` over the same turns (one text a line), where PHRASES are
# the rule pack's literal phrases. grep is the floor: it neither normalises (homoglyphs,
# leetspeak, spaced-out letters), nor parses JSON, nor maps offsets back, nor scores risk.
#
# REFUNDGUARD_CLI defaults to build/app/refundguard-cli. Environment: RG_BENCH_PACK (the pack,
# default resources/rulepacks/default.json; the CLI is given the same file with --rules),
# RG_BENCH_CORPUS (the transcript JSONL), RG_BENCH_RUNS (default 5).
# Uses hyperfine when installed, else bash's `time` over the runs; prints medians and the ratio.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
cli="${1:-$root/build/app/refundguard-cli}"
pack="${RG_BENCH_PACK:-$root/resources/rulepacks/default.json}"
corpus="${RG_BENCH_CORPUS:-$shared/data/cucom-ecommerce/conversations.jsonl}"
runs="${RG_BENCH_RUNS:-5}"

if [[ -z "${RG_BENCH_CORPUS:-}" && ! -d "$shared" ]]; then
    echo "grep_compare: $shared not found (the shared data sits beside the project); skipping."
    exit 0
fi
[[ -f "$corpus" ]] || { echo "grep_compare: corpus $corpus not found" >&2; exit 1; }
[[ -x "$cli" ]] || { echo "grep_compare: $cli is not an executable (build it, or pass its path)" >&2; exit 1; }
[[ -f "$pack" ]] || { echo "grep_compare: rule pack $pack not found" >&2; exit 1; }
command -v python3 >/dev/null || { echo "grep_compare: python3 is needed" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
turns="$tmp/turns.txt"
phrases="$tmp/phrases.txt"

# One turn a line; line breaks inside a turn become spaces so grep -c counts turns.
python3 - "$corpus" "$turns" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        if not line.strip():
            continue
        for m in json.loads(line).get("messages", []):
            text = m.get("text")
            if isinstance(text, str) and text:
                out.write(" ".join(text.splitlines()) + "\n")
EOF

# The pack's literal phrases: a rule's own patterns written as plain strings or {"phrase": ...}.
# Regular expressions are left out, and so are near/unless qualifiers ("me", "it", "on"), which
# find nothing on their own but would make grep count nearly every line.
python3 - "$pack" "$phrases" <<'EOF'
import json, sys
pack = json.load(open(sys.argv[1], encoding="utf-8"))
seen = []
def take(patterns):
    for p in patterns or []:
        text = p if isinstance(p, str) else p.get("phrase") if isinstance(p, dict) else None
        if text and text.strip() and text not in seen:
            seen.append(text)
for rule in pack.get("rules", []):
    take(rule.get("patterns"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("".join(s + "\n" for s in seen))
EOF

n_turns=$(wc -l <"$turns")
n_phrases=$(wc -l <"$phrases")
if [[ "$n_phrases" -eq 0 ]]; then
    echo "grep_compare: $pack has no literal phrases to give grep" >&2
    exit 1
fi
echo "corpus:  $corpus ($n_turns turns, $(du -h "$corpus" | cut -f1) of JSONL)"
echo "pack:    $pack ($n_phrases literal phrases for grep)"
echo "grep -c: $(LC_ALL=C grep -c -i -F -f "$phrases" "$turns" || true) of $n_turns turns hold a phrase"

cli_cmd=("$cli" scan --rules "$pack" "$corpus")
grep_cmd=(env LC_ALL=C grep -c -i -F -f "$phrases" "$turns")
# Both must work before their times mean anything (grep -c exits 1 when nothing matches).
"${cli_cmd[@]}" >/dev/null || { echo "grep_compare: refundguard-cli scan failed" >&2; exit 1; }
rc=0; "${grep_cmd[@]}" >/dev/null || rc=$?
(( rc <= 1 )) || { echo "grep_compare: grep failed" >&2; exit 1; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if command -v hyperfine >/dev/null; then
    echo "timing:  hyperfine, $runs runs each after one warm-up"
    # grep -c exits 1 when no line matches; that is a result, not a failure.
    hyperfine --warmup 1 --runs "$runs" --ignore-failure --export-json "$tmp/times.json" \
        -n refundguard-cli "$(printf '%q ' "${cli_cmd[@]}") > /dev/null" \
        -n grep "$(printf '%q ' "${grep_cmd[@]}") > /dev/null"
    read -r cli_median grep_median < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(r[0]["median"], r[1]["median"])' "$tmp/times.json")
else
    echo "timing:  bash time, $runs runs each after one warm-up (hyperfine not installed)"
    TIMEFORMAT=%3R
    time_runs() {
        "$@" >/dev/null 2>&1 || true # warm-up
        for ((i = 0; i < runs; ++i)); do
            { time "$@" >/dev/null 2>&1 || true; } 2>&1
        done | median
    }
    cli_median=$(time_runs "${cli_cmd[@]}")
    grep_median=$(time_runs "${grep_cmd[@]}")
fi

python3 - "$cli_median" "$grep_median" "$n_turns" <<'EOF'
import sys
cli, grep, turns = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"median refundguard-cli scan: {cli:8.3f} s  ({turns / cli:12,.0f} turns/s)")
print(f"median grep -c -i -F:        {grep:8.3f} s  ({turns / grep:12,.0f} turns/s)")
print(f"ratio cli / grep:            {cli / grep:8.1f}x  (grep is the floor: no JSON, no "
      "normalisation, no offsets, no scoring)")
EOF
