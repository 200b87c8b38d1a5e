//! The CI step on a content repo: configuration, walking, suppression,
//! machine outputs, incremental and sharded runs, `init`.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const RESIDUE: &str = "\n\nExit mobile version\n";

/// The fixture content repo (its node_modules/ and public/ are committed
/// with `git add -f`: its own .gitignore lists them, which is the point).
fn content_repo() -> std::path::PathBuf {
    repo().join("tests/fixtures/content-repo")
}

fn linted_files(json: &str) -> BTreeSet<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .trim_start_matches("./")
                .to_string()
        })
        .collect()
}

#[test]
fn a_repo_run_lints_exactly_the_expected_files_and_applies_the_config() {
    let dir = content_repo();
    assert!(
        dir.join("node_modules/pkg/README.md").exists()
            && dir.join("theme/layouts/readme.md").exists()
    );
    let run = factlint_in(&dir, &["check", "--format", "json", "."], None);
    assert_eq!(
        linted_files(&run.stdout),
        [
            "content/notes.txt",
            "content/world/libya/page.html",
            "content/world/libya/tripoli.md",
            "content/world/syria.md"
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<BTreeSet<_>>(),
        "{}",
        run.stdout
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = v.as_array().unwrap();
    // The override: residue is a warning here, and doubled words are off.
    assert!(
        findings
            .iter()
            .all(|f| f["rule"] == "hygiene.page-residue" && f["severity"] == "warning"),
        "{findings:#?}"
    );
    // One residue line in the HTML article; the footer is not article text.
    assert_eq!(
        findings
            .iter()
            .filter(|f| f["path"].as_str().unwrap().ends_with("page.html"))
            .count(),
        1
    );
    // fail_on: warning.
    assert_eq!(run.code, 1);
}

#[test]
fn sarif_output_validates_against_the_official_schema() {
    let dir = tempfile::tempdir().unwrap();
    let Some(seed) = seed_path() else {
        return;
    };
    let run = factlint(&[
        "check",
        "--format",
        "sarif",
        "--output",
        &dir.path().join("out.sarif").display().to_string(),
        seed.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("claim.captured-by-nationality"),
        "human form still printed: {}",
        run.stdout
    );
    let sarif = std::fs::read_to_string(dir.path().join("out.sarif")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    assert_eq!(results[1]["ruleId"], "claim.captured-by-nationality");
    assert_eq!(
        results[1]["locations"][0]["physicalLocation"]["region"]["startLine"],
        13
    );
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let rule = &rules[results[1]["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "claim.captured-by-nationality");
    assert!(rule["help"]["text"].as_str().is_some_and(|h| !h.is_empty()));
    assert!(rule["helpUri"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://")));

    // Validation against the OASIS SARIF 2.1.0 JSON schema (fetched by .ci/run
    // from the npm registry; see scripts/sarif-schema.sh).
    let schema = std::env::var("FACTLINT_SARIF_SCHEMA").unwrap_or_else(|_| {
        repo()
            .join("target/sarif-schema-2.1.0.json")
            .display()
            .to_string()
    });
    if !Path::new(&schema).exists() {
        assert!(
            std::env::var("FACTLINT_REQUIRE_SARIF_SCHEMA").is_err(),
            "the SARIF schema is required but missing at {schema}"
        );
        eprintln!("SKIPPED schema validation: run scripts/sarif-schema.sh to fetch the schema");
        return;
    }
    let check = Command::new("python3")
        .args([
            "-c",
            "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('valid')",
            &dir.path().join("out.sarif").display().to_string(),
            &schema,
        ])
        .output()
        .expect("python3 runs");
    assert!(
        check.status.success(),
        "SARIF invalid: {}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn github_annotations_on_the_seed_article() {
    let Some(seed) = seed_path() else {
        return;
    };
    let run = factlint(&["check", "--format", "github", seed.to_str().unwrap()]);
    let path = seed.display().to_string();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(
        lines[0],
        format!("::error file={path},line=1,col=1,endLine=1,endColumn=26,title=hygiene.byline-no-author::Broken byline: “11:23 AM World” stands where the author's name should be")
    );
    assert_eq!(
        lines[2],
        format!("::warning file={path},line=15,col=160,endLine=15,endColumn=166,title=hygiene.bracketed-artifact::“(ally)” looks like an editing leftover: a bracketed word left between two words")
    );
    assert!(lines[4].starts_with(&format!(
        "::error file={path},line=21,col=1,endLine=24,endColumn=20,title=hygiene.page-residue::"
    )));
}

#[test]
fn suppression_comments_in_markdown_and_html_and_unused_ones() {
    let dir = tempfile::tempdir().unwrap();
    let md = write(
        dir.path(),
        "a.md",
        "<!-- factlint-disable-next-line hygiene.page-residue -->\nExit mobile version\n\n<!-- factlint-disable hygiene.doubled-word -->\nThe the one.\n<!-- factlint-enable -->\n\nThe the two.\n\n<!-- factlint-disable-next-line hygiene.placeholder -->\nNothing to hide here.\n",
    );
    let run = factlint(&["check", "--format", "json", &md]);
    let got = findings(&run.stdout);
    assert_eq!(
        got,
        vec![
            f("hygiene.doubled-word", 8, 1, "The the"),
            f(
                "factlint.unused-suppression",
                10,
                1,
                "<!-- factlint-disable-next-line hygiene.placeholder -->"
            )
        ],
        "{}",
        run.stdout
    );
    let html = write(dir.path(), "a.html", "<p>Intro.</p>\n<!-- factlint-disable-next-line -->\n<p>Exit mobile version</p>\n<p>The the end.</p>\n");
    let run = factlint(&["check", "--format", "json", &html]);
    assert_eq!(
        findings(&run.stdout),
        vec![f("hygiene.doubled-word", 4, 4, "The the")],
        "{}",
        run.stdout
    );
    let fm = write(
        dir.path(),
        "b.md",
        "---\nfactlint:\n  disable: [hygiene.doubled-word]\n---\nThe the end.\n",
    );
    let run = factlint(&["check", "--format", "json", &fm]);
    assert_eq!(findings(&run.stdout), vec![], "{}", run.stdout);
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs")
        .status
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn changed_since_lints_only_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    write(d, "old.md", &format!("Old.{RESIDUE}"));
    write(d, "edit.md", &format!("Edit.{RESIDUE}"));
    write(d, "gone.md", &format!("Gone.{RESIDUE}"));
    write(d, "moved.md", &format!("Moved.{RESIDUE}"));
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "one"]);
    git(d, &["tag", "base"]);
    write(d, "edit.md", &format!("Edited.{RESIDUE}"));
    write(d, "new.md", &format!("New.{RESIDUE}"));
    std::fs::remove_file(d.join("gone.md")).unwrap();
    git(d, &["mv", "moved.md", "renamed.md"]);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "two"]);
    write(d, "untracked.md", &format!("Untracked.{RESIDUE}"));
    let run = factlint_in(
        d,
        &["check", "--format", "json", "--changed-since", "base", "."],
        None,
    );
    assert_eq!(
        linted_files(&run.stdout),
        ["edit.md", "new.md", "renamed.md", "untracked.md"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        "{}{}",
        run.stdout,
        run.stderr
    );
    let run = factlint_in(d, &["check", "--changed-since", "no-such-ref", "."], None);
    assert_eq!(run.code, 2);
}

#[test]
fn shards_cover_every_file_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(
            dir.path(),
            &format!("c/{i:02}.md"),
            &format!("Article {i}.{RESIDUE}"),
        );
    }
    let all =
        linted_files(&factlint_in(dir.path(), &["check", "--format", "json", "c"], None).stdout);
    assert_eq!(all.len(), 40);
    let mut seen = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let files = linted_files(
            &factlint_in(
                dir.path(),
                &["check", "--format", "json", "--shard", &shard, "c"],
                None,
            )
            .stdout,
        );
        assert!(!files.is_empty(), "shard {shard} is empty");
        seen.extend(files);
    }
    seen.sort();
    assert_eq!(
        seen,
        all.into_iter().collect::<Vec<_>>(),
        "each file in exactly one shard"
    );
    assert_eq!(factlint(&["check", "--shard", "4/3", "."]).code, 2);
}

#[test]
fn init_writes_a_config_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let run = factlint_in(dir.path(), &["init"], None);
    assert_eq!(run.code, 0);
    let text = std::fs::read_to_string(dir.path().join("factlint.yml")).unwrap();
    assert!(text.contains("fail_on: error"));
    write(dir.path(), "a.md", "Fine text.\n");
    let run = factlint_in(dir.path(), &["check", "."], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        factlint_in(dir.path(), &["init"], None).code,
        2,
        "no overwrite"
    );
    assert_eq!(factlint_in(dir.path(), &["init", "--force"], None).code, 0);
}

#[test]
fn bad_configs_exit_2_with_located_errors() {
    for (config, expect) in [
        (
            "fail_on: error\ncolour: red\n",
            "factlint.yml:2:1: unknown field `colour`",
        ),
        (
            "exclude:\n  - \"a/[b\"\n",
            "factlint.yml:2:5: bad exclude glob",
        ),
        (
            "rules:\n  - no/such/folder\n",
            "factlint.yml:2:5: rule path `no/such/folder` does not exist",
        ),
        (
            "levels:\n  no.such-rule: off\n",
            "factlint.yml:2:3: no rule or check `no.such-rule`",
        ),
        (
            "as_of: yesterday\n",
            "factlint.yml:1:8: `as_of: yesterday` is not a date",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "factlint.yml", config);
        write(dir.path(), "a.md", "Text.\n");
        let run = factlint_in(dir.path(), &["check", "."], None);
        assert_eq!(run.code, 2, "{config}");
        assert!(run.stderr.contains(expect), "{config}: {}", run.stderr);
    }
}

#[test]
fn config_is_found_upward_and_can_be_named_or_ignored() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "factlint.yml",
        "levels:\n  hygiene.page-residue: off\n",
    );
    let a = write(dir.path(), "sub/deeper/a.md", &format!("Text.{RESIDUE}"));
    let sub = dir.path().join("sub/deeper");
    assert_eq!(
        findings(&factlint_in(&sub, &["check", "--format", "json", "a.md"], None).stdout),
        vec![]
    );
    assert_eq!(
        findings(
            &factlint_in(
                &sub,
                &["check", "--format", "json", "--no-config", "a.md"],
                None
            )
            .stdout
        )
        .len(),
        1
    );
    let other = write(dir.path(), "other.yml", "fail_on: never\n");
    let run = factlint(&["check", "--config", &other, &a]);
    assert_eq!(run.code, 0);
}

#[test]
fn stdin_filename_gives_format_and_path() {
    let run = factlint_in(
        &repo(),
        &[
            "check",
            "--format",
            "compact",
            "--stdin-filename",
            "posts/x.md",
            "-",
        ],
        Some("Text.\n\n```\nThe the code\n```\n\nThe the prose.\n"),
    );
    assert_eq!(
        run.stdout,
        "posts/x.md:7:1: warning hygiene.doubled-word “The” is written twice\n"
    );
}

#[test]
fn quiet_prints_only_findings() {
    let Some(seed) = seed_path() else {
        return;
    };
    let run = factlint(&["check", "--quiet", seed.to_str().unwrap()]);
    assert!(!run.stdout.contains("file checked"));
    assert!(run.stdout.contains("claim.captured-by-nationality"));
}
