#!/usr/bin/env python3
"""Counts factlint's errors and warnings on a folder of correct published
news (Markdown files with a front-matter date), per 10,000 words, and lists
each one to be read. The articles themselves are third-party text and stay
outside the repository.

usage: python3 bench/news_alarms.py FOLDER [--bin target/release/factlint]
"""
import argparse, json, os, re, subprocess, sys
from collections import Counter

ap = argparse.ArgumentParser()
ap.add_argument("folder")
ap.add_argument("--bin", default="target/release/factlint")
a = ap.parse_args()
words = 0
for name in sorted(os.listdir(a.folder)):
    if name.endswith(".md"):
        text = open(os.path.join(a.folder, name)).read()
        body = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
        words += len(body.split())
out = subprocess.run([a.bin, "check", "--no-config", "--format", "json", "--fail-on", "never", a.folder],
                     capture_output=True, text=True)
if out.returncode != 0:
    sys.exit(out.stderr)
found = [f for f in json.loads(out.stdout) if f["severity"] in ("error", "warning")]
by_rule = Counter(f["rule"] for f in found)
print(f"{len(os.listdir(a.folder))} files, {words} words: {len(found)} errors and warnings, "
      f"{10000 * len(found) / max(words, 1):.2f} per 10,000 words")
for r, n in by_rule.most_common():
    print(f"  {n:3}  {r}")
for f in found:
    print(f"{os.path.basename(f['path'])}:{f['line']}:{f['column']} {f['severity']} {f['rule']}: {f['message']}\n    “{f['text']}”")
