//! Within- and cross-document consistency on a fixture content repo of 12
//! short articles: exactly the expected findings, with both locations.

mod common;
use common::*;

type Row = (String, String, u64, u64, String, Vec<(String, u64, u64)>);

fn rows(json: &str) -> Vec<Row> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let short = |p: &serde_json::Value| {
        p.as_str()
            .unwrap()
            .split("content/")
            .nth(1)
            .unwrap()
            .to_string()
    };
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let related = f["related"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        short(&r["path"]),
                        r["line"].as_u64().unwrap(),
                        r["column"].as_u64().unwrap(),
                    )
                })
                .collect();
            (
                short(&f["path"]),
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["text"].as_str().unwrap().to_string(),
                related,
            )
        })
        .collect()
}

fn row(
    path: &str,
    rule: &str,
    line: u64,
    col: u64,
    text: &str,
    related: &[(&str, u64, u64)],
) -> Row {
    (
        path.into(),
        rule.into(),
        line,
        col,
        text.into(),
        related
            .iter()
            .map(|(p, l, c)| (p.to_string(), *l, *c))
            .collect(),
    )
}

#[test]
fn a_run_over_the_repo_reports_exactly_the_inconsistencies() {
    let run = factlint(&["check", "--format", "json", "tests/fixtures/repo/content"]);
    assert_eq!(run.code, 0, "only warnings: {}", run.stderr);
    let files = std::fs::read_dir(repo().join("tests/fixtures/repo/content"))
        .unwrap()
        .map(|d| std::fs::read_dir(d.unwrap().path()).unwrap().count())
        .sum::<usize>();
    assert!(files >= 12, "at least 12 articles");
    assert_eq!(
        rows(&run.stdout),
        vec![
            row(
                "libya/04-turkey-2020.md",
                "consistency.cross-document",
                6,
                1,
                "Turkey intervened in Libya in 2020",
                &[("libya/05-turkey-2019.md", 6, 1)]
            ),
            row(
                "libya/05-turkey-2019.md",
                "consistency.cross-document",
                6,
                1,
                "Turkey intervened in Libya in 2019",
                &[("libya/04-turkey-2020.md", 6, 1)]
            ),
            row(
                "libya/06-egypt-self.md",
                "consistency.claim-values",
                9,
                35,
                "Egypt's 2016 intervention in Libya",
                &[("libya/06-egypt-self.md", 6, 1)]
            ),
            row(
                "libya/07-watiya-tripoli.md",
                "consistency.cross-document",
                6,
                43,
                "al-Watiya air base in Tripoli",
                &[("libya/08-watiya-misrata.md", 6, 19)]
            ),
            row(
                "libya/08-watiya-misrata.md",
                "consistency.cross-document",
                6,
                19,
                "al-Watiya air base in Misrata",
                &[("libya/07-watiya-tripoli.md", 6, 43)]
            ),
            row(
                "libya/09-gnu-acronym.md",
                "consistency.acronym",
                6,
                1,
                "GNU",
                &[("libya/09-gnu-acronym.md", 8, 5)]
            ),
            row(
                "syria/02-hmeimim.md",
                "consistency.spelling",
                9,
                60,
                "Khmeimim",
                &[("syria/02-hmeimim.md", 6, 48)]
            ),
            row(
                "world/12-acronym-twice.md",
                "consistency.acronym",
                8,
                21,
                "Southern National Assembly (SNA)",
                &[("world/12-acronym-twice.md", 6, 5)]
            ),
        ]
    );
}

#[test]
fn cross_document_findings_need_both_articles() {
    let run = factlint(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/repo/content/libya/04-turkey-2020.md",
    ]);
    assert_eq!(rows(&run.stdout), vec![]);
}

#[test]
fn output_does_not_depend_on_parallelism() {
    let run = |threads: &str| {
        factlint_env(
            &["check", "--format", "json", "tests/fixtures/repo/content"],
            &[("RAYON_NUM_THREADS", threads)],
        )
    };
    let (one, two) = (run("1"), run("2"));
    // Both runs worked and found the fixtures' mistakes, across articles too:
    // two empty or failed runs would be equal as well.
    for r in [&one, &two] {
        // Warnings only: the run passes, with nothing on standard error.
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
        let found = rows(&r.stdout);
        assert!(found.len() >= 8, "{found:?}");
        assert!(
            found.iter().any(|f| f.1 == "consistency.cross-document"),
            "{found:?}"
        );
    }
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn consistency_checks_can_be_turned_off() {
    let run = factlint(&[
        "check",
        "--format",
        "json",
        "--level",
        "consistency.cross-document=off",
        "--level",
        "consistency.acronym=info",
        "tests/fixtures/repo/content",
    ]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rules: Vec<(&str, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert!(
        !rules
            .iter()
            .any(|(r, _)| *r == "consistency.cross-document"),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("consistency.acronym", "info")),
        "{rules:?}"
    );
    assert_eq!(
        factlint(&[
            "check",
            "--level",
            "no.such-check=off",
            "tests/fixtures/repo/content"
        ])
        .code,
        2
    );
    assert_eq!(
        factlint(&[
            "check",
            "--level",
            "consistency.acronym=loud",
            "tests/fixtures/repo/content"
        ])
        .code,
        2
    );
}
