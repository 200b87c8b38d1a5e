#!/usr/bin/env python3
"""Writes N synthetic rules in factlint's rule format (deterministic).

Each rule is shaped like a real claim rule: a keyword, a bounded gap, an
inflected verb and an object, with captures and an `unless`. Keywords are
drawn from a vocabulary in which about one word in fifteen occurs in
ordinary news prose (the corpus), the rest are rare names, so that a
realistic share of rules is a candidate somewhere in the text.

usage: gen_rules.py N OUT.yml [CORPUS_FILE]
"""
import random
import re
import sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    corpus = open(sys.argv[3], encoding="utf-8").read(200_000) if len(sys.argv) > 3 else ""
    rng = random.Random(42)
    common = sorted({w.lower() for w in re.findall(r"[A-Za-z]{4,}", corpus)})
    rare = [f"{rng.choice(['al', 'el', 'ben', 'van', 'de'])}{rng.choice(['mar', 'zen', 'kor', 'tal', 'vik', 'sor'])}{i}" for i in range(5000)]
    vocab = rare + common
    verbs = ["capture", "seize", "maintain", "announce", "deploy", "reject", "sign", "visit", "report", "claim"]
    lines = []
    for i in range(n):
        key = rng.choice(vocab)
        obj = rng.choice(vocab)
        verb = rng.choice(verbs)
        lines.append(f"- id: synthetic.r{i}")
        lines.append("  severity: warning")
        lines.append(f"  message: \"synthetic rule {i}: {{who}}\"")
        lines.append(f"  pattern: '<{{who: {key}}} ...{{0,3}} {verb}~ ...{{0,2}} {obj}>'")
        lines.append(f"  unless: ['not {key}']")
        lines.append("  examples:")
        lines.append(f"    flag: ['{key} {verb} {obj}']")
        lines.append(f"    pass: ['not {key} {verb} {obj}']")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
