//! Which files a run reads: files named, folders walked (respecting
//! .gitignore, .ignore and hidden files, as ripgrep does), or standard input;
//! then narrowed by the configuration's include/exclude globs, by
//! `--changed-since` and by `--shard`; and reading one of them as text.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use ignore::WalkBuilder;

use crate::config::Config;
use crate::document::{Format, MAX_LEN};
use crate::error::ConfigError;

/// One input to check.
#[derive(Debug, Clone)]
pub enum Input {
    /// Standard input, with the name to show and its format.
    Stdin {
        /// The name given with `--stdin-filename`, or `<stdin>`.
        name: String,
        /// Its markup.
        format: Format,
    },
    /// A file, with the format to read it as.
    File {
        /// Where it is.
        path: PathBuf,
        /// Its markup.
        format: Format,
    },
}

impl Input {
    fn path(&self) -> Option<&Path> {
        match self {
            Input::File { path, .. } => Some(path),
            Input::Stdin { .. } => None,
        }
    }

    /// The bytes of its path (empty for standard input).
    fn path_bytes(&self) -> &[u8] {
        self.path()
            .map_or(&[], |p| p.as_os_str().as_encoded_bytes())
    }
}

/// Expands `paths` into inputs. Named files are read whatever their
/// extension (as text unless Markdown or HTML) and whatever the globs say;
/// folders are walked for supported files, skipping what .gitignore, .ignore
/// and the configuration's `exclude` leave out, and hidden entries; symbolic
/// links are not followed. A path that does not exist is an error.
pub fn collect(
    paths: &[PathBuf],
    config: &Config,
    stdin_name: Option<&str>,
) -> (Vec<Input>, Vec<ConfigError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for p in paths {
        if p.as_os_str() == "-" {
            let name = stdin_name.unwrap_or("<stdin>").to_string();
            let format = stdin_name
                .and_then(|n| Format::from_path(Path::new(n)))
                .unwrap_or(Format::Text);
            inputs.push(Input::Stdin { name, format });
        } else if p.is_dir() {
            let walker = WalkBuilder::new(p)
                .hidden(true)
                .git_ignore(true)
                .git_global(false)
                .git_exclude(true)
                .ignore(true)
                .parents(true)
                .require_git(false)
                .follow_links(false)
                .build();
            // Read in the order of their paths' bytes, the order the report
            // lists them in: sorted once here, not directory by directory
            // by the walker (whose comparisons parse both paths each time).
            let first = inputs.len();
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        let path = e.into_path();
                        if let Some(format) = Format::from_path(&path) {
                            if config.selects(&path) {
                                inputs.push(Input::File { path, format });
                            }
                        }
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(ConfigError::plain(format!("{}: {e}", p.display()))),
                }
            }
            inputs[first..].sort_unstable_by(|a, b| a.path_bytes().cmp(b.path_bytes()));
        } else if p.exists() {
            let format = Format::from_path(p).unwrap_or(Format::Text);
            inputs.push(Input::File {
                path: p.clone(),
                format,
            });
        } else {
            errors.push(ConfigError::plain(format!(
                "{}: no such file or folder",
                p.display()
            )));
        }
    }
    (inputs, errors)
}

/// Keeps the files that git says changed since `git_ref` (added, copied,
/// modified or renamed, committed or not); standard input is kept.
pub fn changed_since(inputs: Vec<Input>, git_ref: &str) -> Result<Vec<Input>, ConfigError> {
    let git = |args: &[&str]| -> Result<String, ConfigError> {
        let out = Command::new("git")
            .args(args)
            .output()
            .map_err(|e| ConfigError::plain(format!("--changed-since: cannot run git: {e}")))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(ConfigError::plain(format!(
                "--changed-since {git_ref}: git: {}",
                err.trim()
            )));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?.trim());
    let mut changed: Vec<PathBuf> = git(&[
        "diff",
        "--name-only",
        "--diff-filter=ACMR",
        "--no-renames",
        git_ref,
        "--",
    ])?
    .lines()
    .chain(git(&["ls-files", "--others", "--exclude-standard", "--full-name"])?.lines())
    .map(|l| canonical(&top.join(l)))
    .collect();
    changed.sort();
    Ok(inputs
        .into_iter()
        .filter(|i| {
            i.path()
                .is_none_or(|p| changed.binary_search(&canonical(p)).is_ok())
        })
        .collect())
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// FNV-1a: a hash that stays the same across runs, versions and machines.
fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Keeps shard `k` of `n` (from 1): a file's shard depends only on its path,
/// so the shards of one run cover every file exactly once.
pub fn shard(inputs: Vec<Input>, k: u64, n: u64) -> Vec<Input> {
    inputs
        .into_iter()
        .filter(|i| match i.path() {
            Some(p) => stable_hash(p.to_string_lossy().as_bytes()) % n == k - 1,
            None => k == 1,
        })
        .collect()
}

/// Reads an input into `buf` (empty, with the memory of the last source
/// read): its name, its text and its format. A file that is too large or
/// not UTF-8 is an error.
pub fn read(input: &Input, mut buf: Vec<u8>) -> Result<(String, String, Format), ConfigError> {
    let (name, bytes, format) = match input {
        Input::Stdin { name, format } => {
            std::io::stdin().read_to_end(&mut buf).map_err(|e| {
                ConfigError::plain(format!("{name}: cannot read standard input: {e}"))
            })?;
            (name.clone(), buf, *format)
        }
        Input::File { path, format } => {
            let name = path.display().to_string();
            std::fs::File::open(path)
                .and_then(|f| {
                    // Read into the memory the buffer already has (from the
                    // files before), until the end: a file as large as one
                    // before it takes one read call and one to find the end.
                    // (A `File` asks its size and position first, two more
                    // system calls per file; through `take` it reads plainly.)
                    buf.reserve(8 * 1024);
                    f.take(u64::MAX).read_to_end(&mut buf)
                })
                .map_err(|e| ConfigError::plain(format!("{name}: cannot read: {e}")))?;
            (name, buf, *format)
        }
    };
    if bytes.len() > MAX_LEN {
        return Err(ConfigError::plain(format!(
            "{name}: too large ({} bytes); factlint reads files of up to {} bytes",
            bytes.len(),
            MAX_LEN
        )));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text, format)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(ConfigError::plain(format!(
                "{name}: not valid UTF-8 (invalid byte at offset {at}); factlint reads UTF-8 text only"
            )))
        }
    }
}
