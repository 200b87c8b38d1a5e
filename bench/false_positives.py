#!/usr/bin/env python3
"""Counts factlint's findings per 10,000 words on real, correct prose: the
README and CHANGELOG Markdown files of the crates in the local cargo registry
(and of any folder given as arguments). A finding there is almost always a
false positive, so the rate is what a check would cost a docs team.

usage: bench/false_positives.py [FOLDER...]     (run from the repository root)
"""
import collections
import glob
import json
import os
import subprocess
import sys

folders = sys.argv[1:] or glob.glob(os.path.expanduser("~/.cargo/registry/src/*/*"))
files = []
for d in folders:
    for name in ("README.md", "CHANGELOG.md", "README.markdown"):
        p = os.path.join(d, name)
        if os.path.isfile(p):
            files.append(p)
files.sort()
words = sum(len(open(f, encoding="utf-8", errors="replace").read().split()) for f in files)
subprocess.run(["cargo", "build", "--release", "--quiet"], check=True)
out = subprocess.run(
    ["target/release/factlint", "check", "--format", "json", "--fail-on", "never", *files],
    capture_output=True, text=True,
)
findings = json.loads(out.stdout or "[]")
counts = collections.Counter(f["rule"] for f in findings)
print(f"{len(files)} files, {words} words, {len(findings)} findings "
      f"({len(findings) * 10000 / max(words, 1):.2f} per 10,000 words)")
for rule, n in counts.most_common():
    print(f"  {rule:32} {n:5}  {n * 10000 / max(words, 1):6.2f} per 10,000 words")
if "-v" in os.environ.get("FP_VERBOSE", ""):
    for f in findings:
        print(f"{f['path']}:{f['line']}: {f['rule']}: {f['text']!r}")
