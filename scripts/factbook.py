#!/usr/bin/env python3
"""Import the World Factbook's countries, nationality adjectives and capitals
into the fact base (rules/facts/world.yml).

    python3 scripts/factbook.py [../shared/data/factbook-history.jsonl]

Re-runnable: the output is rebuilt from the data each time, in a stable
order. Countries and cities already written by hand in rules/facts/ keep their
entry (matched by name or alias); the import adds what they lack: the other
countries and territories with their adjectives, each capital as a city, and
`capital-of` facts. The Factbook is a work of the US government (public
domain); every entry cites its Factbook page.
"""

import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "factbook-history.jsonl"
OUT = ROOT / "rules" / "facts" / "world.yml"
FACTS = ROOT / "rules" / "facts"

# Words in a parenthesis after a capital's name that make it a description,
# not another spelling ("Pretoria (administrative capital)").
DESCRIPTIVE = re.compile(
    r"capital|seat|located|\bon\b|\bin\b|\bof\b|\baka\b|\bas\b|\bis\b|city|note|government|"
    r"transliteration|formerly|continues|recognized|island",
    re.I,
)


# Capitals whose names are also everyday words or given names: names match
# in any case, so "the valley" or "Victoria" would read as these cities.
COMMON = {"The Valley", "The Settlement", "Victoria", "Hamilton", "Kingston", "Douglas",
          "Plymouth", "Road Town", "George Town", "Saint John's", "Saint George's"}


# Notes by which the Factbook says a capital is disputed.
DISPUTED = re.compile(r"does not recognize|without taking a position")


def slug(name: str) -> str:
    """An id: lower-case ASCII words joined by hyphens."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def key(name: str) -> str:
    return slug(name).replace("-", "")


def latest(rows, gec, field):
    """The text a field of an entity had in the last snapshot that carried it."""
    found = [r for r in rows if r["gec"] == gec and r["field"] == field]
    if not found:
        return None, None
    r = max(found, key=lambda r: r["last_seen"])
    return r["value"], r


def adjectives(value: str, name: str):
    """The adjectives of a `nationality_adjective` field ("Saudi or Saudi Arabian")."""
    if not value or value.strip().lower() == "none":
        return []
    value = re.split(r";\s*note\b|\bnote -", value)[0]
    value = re.sub(r"\([^)]*\)", "", value)
    out = []
    for part in re.split(r",|;|/|\bor\b", value):
        part = part.strip()
        if not part or part.lower() == "none" or part == name:
            continue
        if not re.fullmatch(r"[A-Z][A-Za-z' -]+", part):
            continue
        if part not in out:
            out.append(part)
    return out


def capital(value: str):
    """The capital's name and other spellings, or None when the field names
    no one city ("no official capital", "administered from London")."""
    if not value or value.lower().startswith(("no official", "administered", "none")):
        return None
    first = re.split(r";|:|\bnote\b", value)[0].strip()
    first = re.split(r",\s*(?=[A-Z][a-z]+ \()", first)[0]  # "Gitega (…), Bujumbura (…)"
    aliases = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", first)
    if m:
        first, inner = m.group(1).strip(), m.group(2)
        if not DESCRIPTIVE.search(inner):
            aliases = [a.strip() for a in re.split(r"[,/]", inner) if a.strip()]
    name = first.strip()
    m = re.match(r"^(.*?) in [A-Z][a-z]+$", name)  # "Chisinau in Romanian"
    if m:
        name = m.group(1)
    if name.startswith("Washington"):
        aliases += [name, "Washington, D.C."]
        name = "Washington"
    if not re.fullmatch(r"[A-Z][\w'. -]+", name) or name in COMMON:
        return None
    return name, [a for a in aliases if a != name]


def hand_written():
    """Entities written by hand: their ids by every name and alias, by kind."""
    by_kind = {}
    for f in sorted(FACTS.glob("*.yml")):
        if f == OUT:
            continue
        doc = yaml.safe_load(f.read_text()) or {}
        if not isinstance(doc, dict):
            continue
        for e in doc.get("entities") or []:
            names = [e["name"], *(e.get("aliases") or [])]
            for n in names:
                by_kind.setdefault(e["kind"], {})[key(n)] = e["id"]
    return by_kind


def main():
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    rows = [json.loads(line) for line in data.open()]
    known = hand_written()
    countries = known.get("country", {})
    cities = known.get("city", {})
    taken = {i for kind in known.values() for i in kind.values()}

    gecs = sorted({r["gec"] for r in rows if r["field"] == "capital"})
    entities, facts = [], []
    for gec in gecs:
        name_rows = [r for r in rows if r["gec"] == gec and r["name"] not in (None, "None", "none")]
        if not name_rows:
            continue
        name = max(name_rows, key=lambda r: r["last_seen"])["name"]
        if "," in name or "(" in name:
            continue  # groups of islands, described names
        page = f"https://www.cia.gov/the-world-factbook/countries/{slug(name)}/"
        cid = countries.get(key(name))
        if cid is None:
            cid = slug(name)
            long_name, _ = latest(rows, gec, "long_name")
            adj, _ = latest(rows, gec, "nationality_adjective")
            entity = {"id": cid, "name": name, "kind": "country"}
            aliases = [long_name] if long_name and long_name.lower() != "none" and long_name != name else []
            if aliases:
                entity["aliases"] = aliases
            dem = adjectives(adj, name)
            if dem:
                entity["demonyms"] = dem
            entity["sources"] = [page]
            entities.append(entity)
            taken.add(cid)
        value, row = latest(rows, gec, "capital")
        history = [r["value"] for r in rows if r["gec"] == gec and r["field"] == "capital"]
        if any(DISPUTED.search(v) for v in history):
            continue  # a capital the Factbook has called disputed
        cap = capital(value)
        if cap is None:
            continue
        city_name, city_aliases = cap
        city = cities.get(key(city_name))
        if city is None:
            city = slug(city_name)
            if city in taken:
                city = f"{city}-city"
            if city in taken:
                continue
            entity = {"id": city, "name": city_name, "kind": "city", "country": cid}
            if city_aliases:
                entity["aliases"] = city_aliases
            entity["sources"] = [page]
            entities.append(entity)
            taken.add(city)
            cities[key(city_name)] = city
        facts.append(
            {
                "subject": city,
                "relation": "capital-of",
                "object": cid,
                "checked": row["last_seen"],
                "last_reported": row["last_seen"],
                "sources": [page],
            }
        )

    header = (
        "# Generated by scripts/factbook.py from the World Factbook (public domain);\n"
        "# do not edit: change the script or the hand-written files, and run it again.\n"
        "# Countries and territories not written by hand, their nationality\n"
        "# adjectives, and each capital (`capital-of`, as the last snapshot stated it).\n\n"
    )
    body = yaml.safe_dump(
        {"entities": entities, "facts": facts},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    OUT.write_text(header + body)
    print(f"{OUT.relative_to(ROOT)}: {len(entities)} entities, {len(facts)} facts")


if __name__ == "__main__":
    main()
