//! Claim rules judged against the fact base: contradicted claims are caught
//! by the general claim rules, correct and tricky text passes, and the
//! document's date decides which facts hold.

mod common;
use common::*;

/// Runs with the checks that are not about claims turned off.
fn run_json(args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec![
        args[0],
        "--level",
        "consistency.spelling=off",
        "--level",
        "hygiene.unattributed-quote=off",
        "--level",
        "consistency.claim-values=off",
    ];
    all.extend_from_slice(&args[1..]);
    let run = factlint(&all);
    let v: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    (run.code, v)
}

/// The 1-based line of every paragraph that makes a claim (after the intro).
fn claim_lines(path: &str) -> Vec<u64> {
    let text = std::fs::read_to_string(repo().join(path)).unwrap();
    let body_start = text
        .find("The sentences are written for this test.")
        .unwrap();
    let first_line = text[..body_start].lines().count() as u64 + 1;
    text.lines()
        .enumerate()
        .map(|(i, l)| (i as u64 + 1, l))
        .filter(|(n, l)| *n > first_line && !l.trim().is_empty())
        .map(|(n, _)| n)
        .collect()
}

#[test]
fn every_contradicted_claim_is_caught_by_a_claim_rule() {
    let path = "tests/fixtures/claims/contradicted.md";
    let (code, v) = run_json(&["check", "--format", "json", path]);
    assert_eq!(code, 1);
    let findings = v.as_array().unwrap();
    let lines = claim_lines(path);
    assert!(lines.len() >= 30, "at least 30 claims, got {}", lines.len());
    for line in &lines {
        let here: Vec<&serde_json::Value> =
            findings.iter().filter(|f| f["line"] == *line).collect();
        assert_eq!(
            here.len(),
            1,
            "line {line}: expected one finding, got {here:#?}"
        );
        let rule = here[0]["rule"].as_str().unwrap();
        assert!(
            rule.starts_with("claim."),
            "line {line}: {rule} is not a claim rule"
        );
        assert!(
            !here[0]["sources"].as_array().unwrap().is_empty(),
            "line {line}: no sources"
        );
    }
    assert_eq!(
        findings.len(),
        lines.len(),
        "no finding outside the claims: {findings:#?}"
    );
}

#[test]
fn correct_and_tricky_claims_pass() {
    let path = "tests/fixtures/claims/supported.md";
    let (code, v) = run_json(&["check", "--format", "json", path]);
    assert!(claim_lines(path).len() >= 30);
    assert_eq!(v.as_array().unwrap().len(), 0, "{v:#?}");
    assert_eq!(code, 0);
}

#[test]
fn contradicted_claims_cite_the_fact_and_its_source() {
    let (_, v) = run_json(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/claims/contradicted.md",
    ]);
    let rebels = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"] == "Russian rebels")
        .expect("the Russian rebels claim");
    let msg = rebels["message"].as_str().unwrap();
    assert!(
        msg.contains("Hayat Tahrir al-Sham") && msg.contains("2024-12-08"),
        "{msg}"
    );
    assert_eq!(rebels["suggestion"], "Syrian rebels");
    assert!(rebels["sources"][0]
        .as_str()
        .unwrap()
        .starts_with("https://"));
}

#[test]
fn the_front_matter_date_decides_whether_a_title_is_stale() {
    let (code, v) = run_json(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/claims/dated-2024.md",
    ]);
    assert_eq!((code, v.as_array().unwrap().len()), (0, 0), "{v:#?}");
    let (code, v) = run_json(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/claims/dated-2025.md",
    ]);
    assert_eq!(code, 1);
    let f = &v.as_array().unwrap();
    assert_eq!(f.len(), 1, "{v:#?}");
    assert_eq!(f[0]["rule"], "claim.stale-title");
    assert_eq!(f[0]["line"], 6);
    assert!(f[0]["message"].as_str().unwrap().contains("2024-12-08"));
}

#[test]
fn as_of_dates_undated_documents_and_front_matter_wins() {
    let txt = "tests/fixtures/claims/undated.txt";
    let (_, v) = run_json(&["check", "--format", "json", "--as-of", "2023-03-01", txt]);
    assert_eq!(v.as_array().unwrap().len(), 0, "{v:#?}");
    let (_, v) = run_json(&["check", "--format", "json", "--as-of", "2025-03-01", txt]);
    assert_eq!(v[0]["rule"], "claim.stale-title");
    // The front matter date wins over --as-of.
    let (_, v) = run_json(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2025-03-01",
        "tests/fixtures/claims/dated-2024.md",
    ]);
    assert_eq!(v.as_array().unwrap().len(), 0, "{v:#?}");
    let (_, v) = run_json(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2023-03-01",
        "tests/fixtures/claims/dated-2025.md",
    ]);
    assert_eq!(v.as_array().unwrap().len(), 1, "{v:#?}");
    // Without a date, today is used: the office ended in 2024.
    let (_, v) = run_json(&["check", "--format", "json", txt]);
    assert_eq!(v[0]["rule"], "claim.stale-title");
    assert_eq!(factlint(&["check", "--as-of", "yesterday", txt]).code, 2);
}

#[test]
fn explain_and_facts_show_what_the_linter_believes() {
    let run = factlint(&["explain", "claim.captured-by-nationality"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("claim (checked against the fact base)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Russian rebels"), "{}", run.stdout);
    let run = factlint(&["facts", "Damascus"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("captured Damascus (2024-12-08)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("https://"), "{}", run.stdout);
    let run = factlint(&["facts", "Khmeimim"]);
    assert!(run.stdout.contains("Hmeimim"), "{}", run.stdout);
    assert_eq!(factlint(&["facts", "zzzz-nothing"]).code, 1);
    assert_eq!(factlint(&["explain", "no.such-rule"]).code, 2);
}
