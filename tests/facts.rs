//! Fact files: validation errors are located (file:line:column) and exit 2.

mod common;
use common::*;

fn load_error(yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "f.yml", yaml);
    let run = factlint(&["rules", "--rules", &path]);
    assert_eq!(run.code, 2, "{yaml}\n{}", run.stdout);
    run.stderr
}

const BASE: &str = "entities:\n  - {id: aa, name: Aland, kind: country, demonyms: [Alandic]}\n  - {id: bb, name: Bree, kind: city, country: aa}\n";

#[test]
fn unknown_entity_in_a_fact() {
    let e = load_error(&format!("{BASE}facts:\n  - subject: aa\n    relation: captured\n    object: zz\n    from: 2020\n    sources: [https://example.org]\n"));
    assert!(
        e.contains("f.yml:5:5: unknown entity `zz` in `object`"),
        "{e}"
    );
}

#[test]
fn fact_without_source() {
    let e = load_error(&format!(
        "{BASE}facts:\n  - subject: aa\n    relation: captured\n    object: bb\n    from: 2020\n"
    ));
    assert!(
        e.contains("f.yml:5:5: a fact needs at least one source"),
        "{e}"
    );
}

#[test]
fn until_before_from() {
    let e = load_error(&format!("{BASE}facts:\n  - subject: aa\n    relation: captured\n    object: bb\n    from: 2020-05-01\n    until: 2019\n    sources: [https://example.org]\n"));
    assert!(
        e.contains("f.yml:5:5: `until: 2019` is before `from: 2020-05-01`"),
        "{e}"
    );
}

#[test]
fn bad_date() {
    let e = load_error(&format!("{BASE}facts:\n  - subject: aa\n    relation: captured\n    object: bb\n    from: 2020-13-01\n    sources: [https://example.org]\n"));
    assert!(e.contains("f.yml:8:11"), "{e}");
    assert!(e.contains("is not a date"), "{e}");
}

#[test]
fn duplicate_entity_id_and_bad_country() {
    let e = load_error(
        "entities:\n  - {id: aa, name: A, kind: country}\n  - {id: aa, name: B, kind: country}\n",
    );
    assert!(e.contains("entity id `aa` is used twice"), "{e}");
    let e = load_error(&format!(
        "{BASE}  - {{id: cc, name: C, kind: city, country: bb}}\n"
    ));
    assert!(
        e.contains("f.yml:4:6: `country: bb` is not a country"),
        "{e}"
    );
}

#[test]
fn unknown_relation_and_kind() {
    let e = load_error(&format!("{BASE}facts:\n  - subject: aa\n    relation: conquered\n    object: bb\n    from: 2020\n    sources: [https://example.org]\n"));
    assert!(e.contains("unknown relation `conquered`"), "{e}");
    let e = load_error("entities:\n  - {id: aa, name: A, kind: planet}\n");
    assert!(e.contains("unknown entity kind `planet`"), "{e}");
}

#[test]
fn unknown_key_in_a_fact() {
    let e = load_error(&format!("{BASE}facts:\n  - subject: aa\n    relation: captured\n    object: bb\n    from: 2020\n    source: [https://example.org]\n"));
    assert!(
        e.contains("f.yml:9:5") && e.contains("unknown field `source`"),
        "{e}"
    );
}

#[test]
fn user_facts_extend_the_base_and_claims_use_them() {
    let dir = tempfile::tempdir().unwrap();
    let facts = write(dir.path(), "f.yml", &format!("{BASE}  - {{id: cc, name: Carn, kind: armed-group, country: aa}}\nfacts:\n  - subject: cc\n    relation: captured\n    object: bb\n    from: 2021-05-02\n    sources: [https://example.org/bree]\n"));
    let text = write(
        dir.path(),
        "a.txt",
        "Syrian rebels captured Bree in 2021.\n\nAlandic rebels captured Bree.\n",
    );
    let run = factlint(&["check", "--format", "json", "--rules", &facts, &text]);
    let got = findings(&run.stdout);
    assert_eq!(
        got,
        vec![f("claim.captured-by-nationality", 1, 1, "Syrian rebels")],
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("https://example.org/bree"));
}

#[test]
fn built_in_facts_meet_the_source_policy() {
    // Every built-in fact, coverage statement and entity: sources on the
    // policy's tiers, the best first, none denied, at most three, each a
    // well-formed address; every fact and coverage statement checked.
    let run = factlint(&["facts", "--audit"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("0 breaches of the source policy (5 tiers, "),
        "{}",
        run.stdout
    );
}

#[test]
fn the_audit_names_each_kind_of_breach() {
    let dir = tempfile::tempdir().unwrap();
    let facts = write(
        dir.path(),
        "mine.yml",
        "facts:\n\
         - {subject: finland, relation: member-of, object: nato, from: 2023-04-04, checked: 2026-12-01,\n   \
            sources: [https://www.reuters.com/a, https://www.nato.int/b]}\n\
         - {subject: sweden, relation: member-of, object: nato, from: 2024-03-07,\n   \
            sources: [https://www.nato.int/a, https://sputniknews.com/b, https://example.org/c, https://www.nato.int/d]}\n\
         - {subject: norway, relation: member-of, object: nato, from: 1949-04-04, checked: 2026-12-01,\n   \
            sources: ['https://www.nato.int/x?a=1&amp;b=2']}\n",
    );
    let run = factlint(&["facts", "--audit", "--rules", &facts]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    for expected in [
        "fact finland member-of nato (from 2023-04-04): `https://www.nato.int/b` (record) comes after a worse source: the best first",
        "fact sweden member-of nato (from 2024-03-07): 4 sources; at most 3 (the best first)",
        "fact sweden member-of nato (from 2024-03-07): `https://sputniknews.com/b`: denied (Russian state propaganda outlet (Sputnik))",
        "fact sweden member-of nato (from 2024-03-07): `https://example.org/c`: its domain is on no tier of the source policy",
        "fact sweden member-of nato (from 2024-03-07): no `checked` date: say when it was last verified",
        "fact norway member-of nato (from 1949-04-04): `https://www.nato.int/x?a=1&amp;b=2`: a mangled address (an HTML entity or a space in it)",
    ] {
        assert!(run.stdout.contains(expected), "{expected}\n{}", run.stdout);
    }
}
