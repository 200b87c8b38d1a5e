//! The command line end to end: exit codes, configuration errors, rule
//! self-tests, output shapes and Markdown offsets.

mod common;
use common::*;

const RULE: &str = "- id: test.rebels\n  severity: error\n  message: \"{who} rebels\"\n  pattern: '<{who: Russian | Iranian} rebels>'\n  examples:\n    flag: [\"Russian rebels came\"]\n    pass: [\"Syrian rebels came\"]\n";

#[test]
fn yaml_syntax_error_is_located_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "bad.yml",
        "- id: a\n  severity: error\n  message: [unclosed\n  pattern: x\n",
    );
    let run = factlint(&["check", "--rules", &rules, "examples/article-clean.md"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("bad.yml:4:"), "{}", run.stderr);
    assert_eq!(run.stdout, "", "no report when the rules do not load");
}

#[test]
fn unknown_key_is_located_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "bad.yml",
        "- id: a\n  severity: error\n  message: m\n  patern: x\n",
    );
    let run = factlint(&["check", "--rules", &rules, "examples/article-clean.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("bad.yml:4:3: unknown field `patern`"),
        "{}",
        run.stderr
    );
}

#[test]
fn pattern_syntax_error_points_at_the_character() {
    let dir = tempfile::tempdir().unwrap();
    // The stray `)` is the 27th character of line 4.
    let rules = write(dir.path(), "bad.yml", "- id: a\n  severity: error\n  message: m\n  pattern: 'Russian rebels) capture~ Damascus'\n");
    let run = factlint(&["check", "--rules", &rules, "examples/article-clean.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("bad.yml:4:27: pattern error: unexpected `)`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("closes no group"),
        "hint: {}",
        run.stderr
    );
    // The snippet underlines the character itself.
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("Russian rebels)"))
        .expect("snippet line");
    let under = run
        .stderr
        .lines()
        .skip_while(|l| !l.contains("Russian rebels)"))
        .nth(1)
        .expect("underline");
    let col = line.find(')').unwrap();
    assert_eq!(
        under.chars().nth(line[..col].chars().count()),
        Some('┬'),
        "{line}\n{under}"
    );
}

#[test]
fn every_bad_rule_file_is_reported_not_only_the_first() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r/a.yml",
        "- id: a\n  severity: error\n  message: m\n  pattern: '(x'\n",
    );
    write(
        dir.path(),
        "r/b.yml",
        "- id: b\n  severity: loud\n  message: m\n  pattern: x\n",
    );
    let run = factlint(&[
        "check",
        "--rules",
        dir.path().join("r").to_str().unwrap(),
        "examples/article-clean.md",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("a.yml:4:13: pattern error: unclosed group"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("b.yml:2:13"), "{}", run.stderr);
}

#[test]
fn builtin_rules_pass_their_examples() {
    let run = factlint(&["test", "rules/"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("0 failed"), "{}", run.stdout);
    let run = factlint(&["test"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn a_broken_example_fails_the_self_test_and_names_rule_and_example() {
    let dir = tempfile::tempdir().unwrap();
    let broken = RULE.replace(
        "flag: [\"Russian rebels came\"]",
        "flag: [\"Syrian rebels came\"]",
    );
    let rules = write(dir.path(), "mine.yml", &broken);
    let run = factlint(&["test", &rules]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("test.rebels"), "{}", run.stdout);
    assert!(
        run.stdout.contains("`flag` example not flagged"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Syrian rebels came"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("1 rules, 2 examples: 1 passed, 1 failed"),
        "{}",
        run.stdout
    );
    let good = write(dir.path(), "good.yml", RULE);
    let run = factlint(&["test", &good]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("1 rules, 2 examples: 2 passed, 0 failed"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_flag_example_states_its_span_and_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let with = |span: &str, suggest: &str| {
        RULE.replace("  examples:", "  suggest: Syrian rebels\n  examples:").replace(
            "flag: [\"Russian rebels came\"]",
            &format!(
                "flag: [{{text: \"Russian rebels came\", span: \"{span}\", suggest: \"{suggest}\"}}]"
            ),
        )
    };
    // The finding covers “Russian rebels” and suggests “Syrian rebels”: stated, it passes.
    let good = write(
        dir.path(),
        "good.yml",
        &with("Russian rebels", "Syrian rebels"),
    );
    let run = factlint(&["test", &good]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // Another span, or another suggestion, fails and says what was found.
    for (span, suggest) in [
        ("Russian", "Syrian rebels"),
        ("Russian rebels", "Libyan rebels"),
    ] {
        let bad = write(dir.path(), "bad.yml", &with(span, suggest));
        let run = factlint(&["test", &bad]);
        assert_eq!(run.code, 1, "{}", run.stdout);
        assert!(
            run.stdout.contains(&format!(
                "`flag` example flagged at “Russian rebels” (suggesting “Syrian rebels”), not at “{span}” (suggesting “{suggest}”)"
            )),
            "{}",
            run.stdout
        );
    }
    // An unknown key in the mapping is a located error.
    let odd = write(
        dir.path(),
        "odd.yml",
        &RULE.replace(
            "flag: [\"Russian rebels came\"]",
            "flag: [{text: \"Russian rebels came\", at: \"Russian\"}]",
        ),
    );
    let run = factlint(&["test", &odd]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("unknown field `at`"), "{}", run.stderr);
    assert!(run.stderr.contains("odd.yml:"), "{}", run.stderr);
}

#[test]
fn extra_rules_and_no_default_rules() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "mine.yml", RULE);
    let text = write(
        dir.path(),
        "a.txt",
        "Iranian rebels rested.\n\nVisited 3 times\n",
    );
    let run = factlint(&[
        "check",
        "--format",
        "json",
        "--no-default-rules",
        "--rules",
        &rules,
        &text,
    ]);
    assert_eq!(
        findings(&run.stdout),
        vec![f("test.rebels", 1, 1, "Iranian rebels")]
    );
    let run = factlint(&["check", "--format", "json", "--rules", &rules, &text]);
    assert_eq!(
        findings(&run.stdout),
        vec![
            f("test.rebels", 1, 1, "Iranian rebels"),
            f("hygiene.page-residue", 3, 1, "Visited 3 times")
        ]
    );
}

#[test]
fn user_rule_overrides_builtin_rule_with_same_id() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "mine.yml",
        "- id: claim.fled-to\n  severity: info\n  message: fled\n  pattern: 'fled to Tehran'\n",
    );
    let text = write(dir.path(), "a.txt", "The minister fled to Tehran.\n");
    let run = factlint(&["check", "--format", "json", "--rules", &rules, &text]);
    assert_eq!(run.code, 0, "info does not fail the run");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v[0]["severity"], "info");
    assert_eq!(v.as_array().unwrap().len(), 1);
}

#[test]
fn json_output_shape() {
    let Some(seed) = seed_path() else {
        return;
    };
    let run = factlint(&["check", "--format", "json", seed.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let first = &v[0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "byte_end",
            "byte_start",
            "column",
            "end_column",
            "end_line",
            "help",
            "line",
            "message",
            "path",
            "related",
            "rule",
            "severity",
            "sources",
            "suggestion",
            "text"
        ]
    );
    assert!(first["path"]
        .as_str()
        .unwrap()
        .ends_with("seed-article.txt"));
    let rebels = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "claim.captured-by-nationality")
        .expect("the rebels finding");
    assert_eq!(rebels["rule"], "claim.captured-by-nationality");
    assert_eq!(rebels["severity"], "error");
    assert_eq!(rebels["end_line"], 13);
    assert_eq!(rebels["end_column"], 29);
    assert_eq!(rebels["suggestion"], "Syrian rebels");
    assert!(rebels["message"]
        .as_str()
        .unwrap()
        .starts_with("Russian rebels did not take Damascus"));
    assert!(rebels["sources"][0]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let text = std::fs::read(&seed).unwrap();
    let (a, b) = (
        rebels["byte_start"].as_u64().unwrap() as usize,
        rebels["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], b"Russian rebels");
}

#[test]
fn json_is_sorted_by_path_then_position() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.md", "Visited 2 times\n");
    write(
        dir.path(),
        "a.md",
        "Iranian rebels seized Aleppo.\n\nVisited 2 times\n",
    );
    write(dir.path(), "sub/c.txt", "Exit mobile version\n");
    write(dir.path(), "ignored.json", "Exit mobile version\n");
    let run = factlint(&["check", "--format", "compact", dir.path().to_str().unwrap()]);
    let paths: Vec<String> = run
        .stdout
        .lines()
        .map(|l| {
            l.split(':')
                .next()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
                + l.split(':').nth(1).unwrap()
        })
        .collect();
    assert_eq!(
        paths,
        ["a.md1", "a.md3", "b.md1", "c.txt1"],
        "{}",
        run.stdout
    );
}

#[test]
fn markdown_positions_map_to_the_original_file_and_code_is_not_prose() {
    let dir = tempfile::tempdir().unwrap();
    let md = "---\ntitle: \"Iranian rebels seized Aleppo\"\ndate: 2025-01-02\n---\n\n# Notes\n\nThe `Iranian rebels` phrase and\n\n```\nIranian rebels seized Aleppo\n```\n\n    Iranian rebels seized Aleppo (indented code)\n\nA list:\n\n- First item, then *Iranian*\n  rebels **seized** [Aleppo](https://example.org/aleppo).\n\n<!-- Iranian rebels seized Aleppo -->\n";
    let path = write(dir.path(), "a.md", md);
    let run = factlint(&["check", "--format", "json", &path]);
    assert_eq!(
        findings(&run.stdout),
        vec![f(
            "claim.captured-by-nationality",
            18,
            21,
            "Iranian*\n  rebels"
        )]
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v[0]["end_line"], 19);
    assert_eq!(v[0]["end_column"], 9);
}

#[test]
fn missing_path_exits_2_but_other_files_are_checked() {
    let run = factlint(&[
        "check",
        "--format",
        "compact",
        "no/such/file.md",
        "examples/article.md",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no/such/file.md: no such file or folder"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("examples/article.md:7:1: error hygiene.byline-no-author"),
        "{}",
        run.stdout
    );
}

#[test]
fn non_utf8_file_is_a_clear_error_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 society\n").unwrap();
    write(dir.path(), "ok.txt", "Visited 2 times\n");
    let run = factlint(&["check", "--format", "compact", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("latin1.txt: not valid UTF-8 (invalid byte at offset 3)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("ok.txt:1:1: error hygiene.page-residue"),
        "{}",
        run.stdout
    );
}

#[test]
fn bad_flag_exits_2_and_help_exits_0() {
    assert_eq!(factlint(&["check", "--format", "xml"]).code, 2);
    assert_eq!(factlint(&["frobnicate"]).code, 2);
    assert_eq!(factlint(&["--help"]).code, 0);
    assert_eq!(factlint(&["check", "--help"]).code, 0);
}

#[test]
fn fail_on_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", "a long-time (ally) partner\n");
    assert_eq!(
        factlint(&["check", &path]).code,
        0,
        "a warning does not fail by default"
    );
    assert_eq!(factlint(&["check", "--fail-on", "warning", &path]).code, 1);
    let Some(seed) = seed_path() else {
        return;
    };
    assert_eq!(
        factlint(&["check", "--fail-on", "never", seed.to_str().unwrap()]).code,
        0
    );
}

#[test]
fn front_matter_problems_are_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.md", "---\ndate: someday\n---\nText.\n");
    let run = factlint(&["check", "--format", "json", &path]);
    assert_eq!(
        findings(&run.stdout),
        vec![f("front-matter", 2, 7, "someday")]
    );
    assert_eq!(run.code, 0);
}

#[test]
fn rules_lists_builtin_rules() {
    let run = factlint(&["rules"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("claim.captured-by-nationality"));
    assert!(run.stdout.contains("rules/claims.yml:"));
}

#[test]
fn nothing_is_written_to_checked_files() {
    let dir = tempfile::tempdir().unwrap();
    let Some(seed) = seed_path() else {
        return;
    };
    let original = std::fs::read(seed).unwrap();
    std::fs::write(dir.path().join("s.txt"), &original).unwrap();
    let _ = factlint(&["check", dir.path().join("s.txt").to_str().unwrap()]);
    assert_eq!(std::fs::read(dir.path().join("s.txt")).unwrap(), original);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// A file of one very long line with thousands of findings: every form of
/// output works (miette's snippet is cut around each finding), the columns
/// are right, and the run stays linear (many matches in one sentence once
/// cost the sentence length each).
#[test]
fn one_very_long_line_with_many_findings() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let line = vec!["Russian rebels captured Damascus and"; 8000].join(" ");
    let path = dir.path().join("long.md");
    std::fs::write(&path, format!("---\ndate: 2025-01-01\n---\n\n{line}\n"))
        .unwrap_or_else(|e| panic!("write: {e}"));
    let p = path.to_str().unwrap_or_default();
    let compact = factlint(&["check", "--no-config", "--format", "compact", p]);
    assert_eq!(compact.code, 1, "{}", compact.stderr);
    let lines: Vec<&str> = compact.stdout.lines().collect();
    assert_eq!(lines.len(), 8000);
    // The last "Russian rebels" starts 7999 phrases of 37 characters in.
    assert!(
        lines[7999].contains(&format!(
            ":5:{}: error claim.captured-by-nationality",
            7999 * 37 + 1
        )),
        "{}",
        lines[7999]
    );
    let human = factlint(&["check", "--no-config", p]);
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert!(!human.stderr.contains("panicked"), "{}", human.stderr);
    assert_eq!(
        human
            .stdout
            .matches("did you mean “Syrian rebels”?")
            .count(),
        8000
    );
    // Each snippet shows the neighbourhood of its finding, not the whole line.
    assert!(human.stdout.lines().all(|l| l.chars().count() < 400));
}
