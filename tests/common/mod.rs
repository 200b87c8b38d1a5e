//! Helpers for the integration tests: run the real binary and read its JSON.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run of the binary gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `factlint` with `args`, feeding `stdin`, with colours off.
pub fn factlint_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the factlint binary runs");
    {
        let mut input = child.stdin.take().expect("stdin is piped");
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).expect("stdin accepts input");
        }
    }
    let out = child.wait_with_output().expect("factlint finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `factlint` from the repository root.
pub fn factlint(args: &[&str]) -> Run {
    factlint_in(&repo(), args, None)
}

/// Runs `factlint` from the repository root with extra environment variables.
pub fn factlint_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("factlint runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The founding example, beside the repository in `../shared/examples/`.
/// Where it is missing (a fresh clone without `../shared`), a test that
/// needs it says so and is skipped; in CI (`CI` set) it fails instead.
pub fn seed_path() -> Option<PathBuf> {
    let path = repo().join("../shared/examples/seed-article.txt");
    if path.is_file() {
        return Some(path);
    }
    let missing = format!(
        "the founding example {} is missing: put the shared folder (../shared) beside the repository",
        path.display()
    );
    if std::env::var_os("CI").is_some() {
        panic!("{missing}");
    }
    eprintln!("skipped: {missing}");
    None
}

/// One finding of JSON output, reduced to what the tests compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct F {
    pub rule: String,
    pub line: u64,
    pub column: u64,
    pub text: String,
}

/// Parses `--format json` output into findings.
pub fn findings(json: &str) -> Vec<F> {
    let v: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("bad JSON ({e}): {json}"));
    v.as_array()
        .expect("a JSON array")
        .iter()
        .map(|f| F {
            rule: f["rule"].as_str().expect("rule").to_string(),
            line: f["line"].as_u64().expect("line"),
            column: f["column"].as_u64().expect("column"),
            text: f["text"].as_str().expect("text").to_string(),
        })
        .collect()
}

/// Shorthand for an expected finding.
pub fn f(rule: &str, line: u64, column: u64, text: &str) -> F {
    F {
        rule: rule.into(),
        line,
        column,
        text: text.into(),
    }
}

/// Writes `text` to `dir/name` and returns the path as a string.
pub fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(&p, text).expect("write file");
    p.display().to_string()
}
