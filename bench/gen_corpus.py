#!/usr/bin/env python3
"""Writes a deterministic Markdown corpus of about SIZE_MB megabytes: article-like
files (~6 KB each) with front matter, headings, lists, links, code blocks and
sentences about many entities, a few of them wrong. The text is made from our
own sentence templates; nothing of size is committed.

usage: gen_corpus.py SIZE_MB OUT_DIR [SEED]   (SEED 7 unless given)
"""
import os
import random
import sys

PEOPLE = ["Bashar al-Assad", "Khalifa Haftar", "Ahmed al-Sharaa", "Abdul Hamid Dbeibah", "Fayez al-Sarraj",
          "Yevgeny Prigozhin", "Muammar Gaddafi", "a ministry spokesman", "the envoy", "the governor"]
PLACES = ["Damascus", "Aleppo", "Homs", "Hama", "Idlib", "Latakia", "Tartus", "Tripoli", "Benghazi", "Sirte",
          "Misrata", "Tobruk", "Moscow", "Ankara", "Rome", "Cairo", "the coast", "the eastern desert"]
GROUPS = ["Hayat Tahrir al-Sham", "the Libyan National Army", "the Government of National Unity",
          "the Wagner Group", "the Africa Corps", "NATO", "the United Nations", "local councils"]
COUNTRIES = ["Russia", "Turkey", "Italy", "Egypt", "the United States", "France", "Iran", "Syria", "Libya"]
NOUNS = ["talks", "budget", "harbour", "airfield", "convoy", "election", "ceasefire", "report", "pipeline",
         "hospital", "bridge", "grain shipment", "power plant", "court ruling", "trade deal", "school year"]
VERBS = ["discussed", "delayed", "approved", "criticised", "announced", "reviewed", "questioned", "welcomed"]
TEMPLATES = [
    "{person} {verb} the {noun} in {place} on {day} {month}, officials said.",
    "In {place}, {group} {verb} a plan for the {noun} that had stalled since {year}.",
    "{country} and {country2} {verb} the {noun}, according to a statement released in {place}.",
    "Residents of {place} said the {noun} would take at least {n} months to finish.",
    "The {noun} in {place} cost about {n} million dollars, a figure that {group} {verb}.",
    "\u201cWe expect the {noun} to open before the end of the year,\u201d said {person}.",
    "Analysts in {place} noted that {group} had {verb} similar proposals in {year}.",
    "{person}, speaking in {place}, said the {noun} was a matter for {country}.",
    "A second {noun} near {place} was {verb} after protests by {n} families.",
    "Data published by {group} show {n} percent more traffic through {place} than in {year}.",
]
ERRORS = [
    "Russian rebels captured Damascus after a short offensive.",
    "President Bashar al-Assad opened the {noun} on Monday.",
    "GNU commander Haftar rejected the {noun}.",
    "The United States maintains a naval base in Libya.",
    "Russia intervened in Syria in 2016.",
    "The the {noun} was delayed again.",
    "Visited {n} times, {n} visit(s) today",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def sentence(rng):
    t = rng.choice(TEMPLATES)
    return t.format(person=rng.choice(PEOPLE), place=rng.choice(PLACES), group=rng.choice(GROUPS),
                    country=rng.choice(COUNTRIES), country2=rng.choice(COUNTRIES), noun=rng.choice(NOUNS),
                    verb=rng.choice(VERBS), day=rng.randint(1, 28), month=rng.choice(MONTHS),
                    year=rng.randint(1995, 2024), n=rng.randint(2, 900))


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def article(rng, i):
    out = [f"---\ntitle: \"Report {i}\"\ndate: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
           f"tags: [{rng.choice(NOUNS)}, {rng.choice(PLACES)}]\n---\n",
           f"# {rng.choice(NOUNS).capitalize()} in {rng.choice(PLACES)}\n"]
    while sum(len(p) for p in out) < 6000:
        kind = rng.random()
        if kind < 0.62:
            p = paragraph(rng)
            if rng.random() < 0.08:
                p += " " + rng.choice(ERRORS).format(noun=rng.choice(NOUNS), n=rng.randint(2, 90))
            out.append(p + "\n")
        elif kind < 0.72:
            out.append(f"## {rng.choice(VERBS).capitalize()} {rng.choice(NOUNS)}\n")
        elif kind < 0.84:
            out.append("".join(f"- {sentence(rng)}\n" for _ in range(rng.randint(2, 5))))
        elif kind < 0.92:
            out.append(f"See the [full {rng.choice(NOUNS)} report](https://example.org/{i}/{rng.randint(1, 99)}) "
                       f"and the `{rng.choice(NOUNS).replace(' ', '_')}` table for details.\n")
        else:
            out.append("```text\n" + "\n".join(f"{rng.choice(PLACES)}\t{rng.randint(1, 999)}" for _ in range(4)) + "\n```\n")
    return "\n".join(out)


def main():
    size = int(float(sys.argv[1]) * 1_000_000)
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    os.makedirs(out, exist_ok=True)
    total, i = 0, 0
    while total < size:
        text = article(rng, i)
        sub = os.path.join(out, f"{i // 500:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"article-{i:06d}.md"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode())
        i += 1
    print(f"{i} files, {total} bytes in {out}")


if __name__ == "__main__":
    main()
