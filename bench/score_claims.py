#!/usr/bin/env python3
"""Scores a file of claim cases (tests/fixtures/claims/blind/dev.yml): each
case is a one-sentence article with a date, to be flagged (an error or a
warning) or passed (neither). Prints recall, the correct sentences flagged,
and with -v every miss and false alarm.

usage: python3 bench/score_claims.py CASES.yml [-v] [--bin target/release/factlint]
"""
import argparse, json, os, subprocess, sys, tempfile
from collections import Counter

import yaml

ap = argparse.ArgumentParser()
ap.add_argument("cases")
ap.add_argument("-v", action="store_true")
ap.add_argument("--bin", default="target/release/factlint")
a = ap.parse_args()
cases = yaml.safe_load(open(a.cases))
with tempfile.TemporaryDirectory() as d:
    for i, c in enumerate(cases):
        with open(os.path.join(d, f"{i:04}.md"), "w") as f:
            f.write(f"---\ndate: {c['date']}\n---\n\n{c['text']}\n")
    out = subprocess.run(
        [a.bin, "check", "--no-config", "--format", "json", "--fail-on", "never",
         "--level", "consistency.cross-document=off", d],
        capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(out.stderr)
    found = {}
    for f in json.loads(out.stdout):
        if f["severity"] in ("error", "warning"):
            i = int(os.path.basename(f["path"])[:4])
            found.setdefault(i, []).append(f)
missed, alarms, caught = [], [], Counter()
kinds = Counter(c["kind"] for c in cases if c["expect"] == "flag")
for i, c in enumerate(cases):
    hit = i in found
    if c["expect"] == "flag":
        if hit:
            caught[c["kind"]] += 1
        else:
            missed.append(c)
    elif hit:
        alarms.append((c, found[i]))
flags = sum(kinds.values())
passes = len(cases) - flags
print(f"{a.cases}: recall {flags - len(missed)}/{flags} ({100 * (flags - len(missed)) / max(flags, 1):.1f}%), "
      f"correct sentences flagged {len(alarms)}/{passes}")
if a.v:
    for k in sorted(kinds):
        print(f"  {caught[k]:2}/{kinds[k]:2}  {k}")
    for c in missed:
        print(f"MISS [{c['kind']}] {c['date']}: {c['text']}\n     ({c['why']})")
    for c, fs in alarms:
        print(f"ALARM [{c['kind']}] {c['date']}: {c['text']}")
        for f in fs:
            print(f"     {f['rule']}: {f['message']}")
