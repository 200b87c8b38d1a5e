//! The founding example: the exact findings on the seed article, and silence
//! once it is corrected.

mod common;
use common::*;

#[test]
fn seed_article_exact_findings() {
    let Some(seed) = seed_path() else {
        return;
    };
    let run = factlint(&["check", "--format", "json", seed.to_str().unwrap()]);
    assert_eq!(run.code, 1, "errors fail the run: {}", run.stderr);
    assert_eq!(
        findings(&run.stdout),
        vec![
            f(
                "hygiene.byline-no-author",
                1,
                1,
                "Written by 11:23 AM World"
            ),
            f("claim.captured-by-nationality", 13, 15, "Russian rebels"),
            f("hygiene.bracketed-artifact", 15, 160, "(ally)"),
            f(
                "claim.military-presence",
                15,
                247,
                "US and NATO member countries also maintain military bases and vessels in Libya"
            ),
            f(
                "hygiene.page-residue",
                21,
                1,
                "Visited 1 times, 1 visit(s) today\nClose Search Window\nClose\nExit mobile version"
            ),
        ]
    );
}

#[test]
fn seed_article_only_the_artifact_is_not_an_error() {
    let Some(seed) = seed_path() else {
        return;
    };
    let run = factlint(&["check", "--format", "json", seed.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let non_errors: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "error")
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(non_errors, ["hygiene.bracketed-artifact"]);
}

/// The seed article with its mistakes corrected (`None` where it is missing).
fn corrected_seed() -> Option<String> {
    let text = std::fs::read_to_string(seed_path()?).expect("the seed article reads");
    let text = text
        .replace(
            "Written by 11:23 AM World",
            "Written by Min-ji Park, World desk",
        )
        .replace(
            "Russian rebels capturing Damascus",
            "Syrian rebels capturing Damascus",
        )
        .replace(
            " The US and NATO member countries also maintain military bases and vessels in Libya.",
            "",
        )
        .replace("a long-time (ally) partner", "a long-time partner");
    let end = text.find("Visited 1 times").expect("the residue is there");
    let corrected = text[..end].trim_end().to_string() + "\n";
    for gone in [
        "Russian rebels",
        "NATO member",
        "(ally)",
        "11:23",
        "Close Search",
        "Exit mobile",
    ] {
        assert!(!corrected.contains(gone), "correction left {gone}");
    }
    Some(corrected)
}

#[test]
fn corrected_seed_article_passes_clean() {
    let Some(corrected) = corrected_seed() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "seed-corrected.txt", &corrected);
    let run = factlint(&["check", "--format", "json", &path]);
    assert_eq!(findings(&run.stdout), vec![], "{}", run.stdout);
    assert_eq!(run.code, 0);
}

#[test]
fn corrected_seed_article_from_stdin() {
    let (Some(seed), Some(corrected)) = (seed_path(), corrected_seed()) else {
        return;
    };
    let run = factlint_in(
        &repo(),
        &["check", "--format", "compact", "-"],
        Some(&corrected),
    );
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 0);
    let original = std::fs::read_to_string(seed).unwrap();
    let run = factlint_in(
        &repo(),
        &["check", "--format", "compact", "-"],
        Some(&original),
    );
    assert!(
        run.stdout
            .starts_with("<stdin>:1:1: error hygiene.byline-no-author"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn example_article_flags_every_mistake_and_clean_counterpart_passes() {
    let run = factlint(&["check", "--format", "json", "examples/article.md"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        findings(&run.stdout),
        vec![
            f(
                "hygiene.byline-no-author",
                7,
                1,
                "Written by 08:45 AM World"
            ),
            f("claim.captured-by-nationality", 16, 6, "Iranian rebels"),
            f("hygiene.bracketed-artifact", 20, 71, "(friend)"),
            f(
                "claim.military-presence",
                21,
                48,
                "NATO maintains naval bases in\nwestern Libya"
            ),
            f(
                "hygiene.page-residue",
                31,
                1,
                "Visited 3 times, 1 visit(s) today\nShare this article\nExit mobile version"
            ),
        ]
    );
    let run = factlint(&["check", "--format", "json", "examples/article-clean.md"]);
    assert_eq!(findings(&run.stdout), vec![]);
    assert_eq!(run.code, 0);
}

#[test]
fn human_output_shows_snippet_help_and_sources() {
    let Some(seed) = seed_path() else {
        return;
    };
    let run = factlint(&["check", seed.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    let out = &run.stdout;
    assert!(out.contains("seed-article.txt:13:15"), "{out}");
    assert!(out.contains("did you mean “Syrian rebels”?"), "{out}");
    assert!(
        out.contains("https://en.wikipedia.org/wiki/Fall_of_the_Assad_regime"),
        "{out}"
    );
    assert!(out.contains("claim.captured-by-nationality"), "{out}");
    assert!(
        out.contains("4 errors, 1 warning in 1 of 1 file checked"),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}'),
        "NO_COLOR output has no escape codes"
    );
}
