//! `factlint.yml`: project configuration, found from the current folder upward.
//!
//! ```yaml
//! rules: [factlint/rules]          # more rule and fact files or folders
//! default_rules: true              # false: only the files above
//! include: ["content/**"]          # globs, relative to this file's folder
//! exclude: ["content/drafts/**"]
//! levels: {hygiene.doubled-word: off, consistency.acronym: info}
//! fail_on: error                   # error | warning | info | never
//! as_of: 2025-01-01                # date for documents without one
//! ```
//!
//! Unknown keys and bad values are errors located in the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::error::ConfigError;
use crate::finding::Severity;
use crate::yaml;

/// The file names looked for, in order.
pub const FILE_NAMES: &[&str] = &["factlint.yml", ".factlint.yml"];

/// A severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Report as a note.
    Info,
    /// Do not run or report.
    Off,
}

impl Level {
    /// The level called `name` (`error`, `warning`, `info`, `off`).
    pub fn from_name(name: &str) -> Option<Level> {
        Some(match name {
            "error" => Level::Error,
            "warning" => Level::Warning,
            "info" => Level::Info,
            "off" => Level::Off,
            _ => return None,
        })
    }

    /// The severity, or `None` for off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// The lowest severity that fails a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warning,
    /// Any finding.
    Info,
    /// Never.
    Never,
}

impl FailOn {
    /// The threshold called `name` (`error`, `warning`, `info`, `never`).
    pub fn from_name(name: &str) -> Option<FailOn> {
        Some(match name {
            "error" => FailOn::Error,
            "warning" => FailOn::Warning,
            "info" => FailOn::Info,
            "never" => FailOn::Never,
            _ => return None,
        })
    }

    /// The threshold, or `None` for never.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigSpec {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    default_rules: Option<bool>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    levels: BTreeMap<String, Level>,
    #[serde(default)]
    fail_on: Option<FailOn>,
    #[serde(default)]
    as_of: Option<String>,
}

/// A loaded configuration.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// The folder paths and globs are relative to.
    pub root: PathBuf,
    /// Rule and fact files or folders (resolved against `root`).
    pub rules: Vec<PathBuf>,
    /// Whether the built-in rules and checks load.
    pub default_rules: bool,
    /// Files to lint (all supported files when empty).
    pub include: Option<GlobSet>,
    /// Files never to lint.
    pub exclude: Option<GlobSet>,
    /// Severity overrides, with where each was written (for errors).
    pub levels: Vec<(String, Level, usize)>,
    /// The failure threshold.
    pub fail_on: Option<FailOn>,
    /// The date for documents without one.
    pub as_of: Option<jiff::civil::Date>,
    text: Option<Arc<str>>,
}

impl Config {
    /// No configuration file: defaults, relative to `root`.
    pub fn none(root: PathBuf) -> Config {
        Config {
            root,
            default_rules: true,
            ..Config::default()
        }
    }

    /// Finds `factlint.yml` or `.factlint.yml` in `dir` or a parent folder.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        let mut d = Some(dir);
        while let Some(here) = d {
            for name in FILE_NAMES {
                let p = here.join(name);
                if p.is_file() {
                    return Some(p);
                }
            }
            d = here.parent();
        }
        None
    }

    /// Loads and checks a configuration file.
    pub fn load(path: &Path) -> Result<Config, Vec<ConfigError>> {
        let name = path.display().to_string();
        let text: Arc<str> = match std::fs::read_to_string(path) {
            Ok(t) => Arc::from(t),
            Err(e) => {
                return Err(vec![ConfigError::plain(format!(
                    "{name}: cannot read the configuration: {e}"
                ))])
            }
        };
        let spec: ConfigSpec = if text.trim().is_empty() {
            ConfigSpec::default()
        } else {
            yaml::from_str(&text).map_err(|e| {
                vec![
                    ConfigError::at(&name, &text, e.offset.unwrap_or(0), 1, &e.message, "here")
                        .with_help(Some("see `factlint init` for a commented example".into())),
                ]
            })?
        };
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let root = if root.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            root
        };
        let mut errors = Vec::new();
        let at = |value: &str| {
            yaml::locate_scalar(&text, 0, value)
                .map(|l| l.start)
                .unwrap_or(0)
        };
        let mut rules = Vec::new();
        for r in &spec.rules {
            let p = root.join(r);
            if !p.exists() {
                errors.push(
                    ConfigError::at(
                        &name,
                        &text,
                        at(r),
                        r.len(),
                        format!("rule path `{r}` does not exist"),
                        "not found",
                    )
                    .with_help(Some(format!("paths are relative to {}", root.display()))),
                );
            }
            rules.push(p);
        }
        let mut globs = |list: &[String], what: &str| -> Option<GlobSet> {
            if list.is_empty() {
                return None;
            }
            let mut b = GlobSetBuilder::new();
            for g in list {
                match Glob::new(g) {
                    Ok(glob) => {
                        b.add(glob);
                    }
                    Err(e) => errors.push(
                        ConfigError::at(
                            &name,
                            &text,
                            at(g),
                            g.len(),
                            format!("bad {what} glob `{g}`: {}", e.kind()),
                            "here",
                        )
                        .with_help(Some("globs use `*`, `**`, `?`, `[ab]` and `{a,b}`".into())),
                    ),
                }
            }
            b.build().ok()
        };
        let include = globs(&spec.include, "include");
        let exclude = globs(&spec.exclude, "exclude");
        let as_of = match &spec.as_of {
            None => None,
            Some(d) => match d.parse::<jiff::civil::Date>() {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(ConfigError::at(
                        &name,
                        &text,
                        at(d),
                        d.len(),
                        format!("`as_of: {d}` is not a date (YYYY-MM-DD)"),
                        "here",
                    ));
                    None
                }
            },
        };
        let levels = spec
            .levels
            .iter()
            .map(|(id, l)| (id.clone(), *l, at(id)))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            path: Some(path.to_path_buf()),
            root,
            rules,
            default_rules: spec.default_rules.unwrap_or(true),
            include,
            exclude,
            levels,
            fail_on: spec.fail_on,
            as_of,
            text: Some(text),
        })
    }

    /// An error about the level set for `id` (unknown rule), located in the file.
    pub fn level_error(&self, id: &str, offset: usize, message: &str) -> ConfigError {
        match (&self.path, &self.text) {
            (Some(p), Some(t)) => ConfigError::at(
                &p.display().to_string(),
                t,
                offset,
                id.len(),
                message,
                "here",
            ),
            _ => ConfigError::plain(message.to_string()),
        }
    }

    /// Whether a file (path relative to the working folder) is to be linted
    /// when found by walking a folder.
    pub fn selects(&self, path: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return true;
        }
        let rel = self.relative(path);
        if self.exclude.as_ref().is_some_and(|g| g.is_match(&rel)) {
            return false;
        }
        self.include.as_ref().is_none_or(|g| g.is_match(&rel))
    }

    fn relative(&self, path: &Path) -> PathBuf {
        // Lexically first (no file-system calls), then through symbolic links.
        let lexical = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        let plain = |p: &Path| {
            !p.components()
                .any(|c| matches!(c, std::path::Component::ParentDir))
        };
        if let Ok(rel) = lexical(path).strip_prefix(lexical(&self.root)) {
            if plain(path) && plain(&self.root) {
                return rel.to_path_buf();
            }
        }
        let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let (root, p) = (abs(&self.root), abs(path));
        p.strip_prefix(&root).map(Path::to_path_buf).unwrap_or(p)
    }
}

/// The commented starter configuration `factlint init` writes.
pub const STARTER: &str = r#"# factlint configuration. factlint looks for this file (factlint.yml or
# .factlint.yml) in the current folder and its parents. Paths and globs are
# relative to this file's folder.

# More rule files and fact files (files or folders of .yml), loaded besides
# the built-in ones.
rules: []

# Set to false to load only the files above, without the built-in rules and checks.
default_rules: true

# Which files to lint when a folder is checked (default: every Markdown,
# text and HTML file). Files listed in .gitignore and .ignore, and hidden
# files, are skipped too.
include: []
exclude:
  - "**/node_modules/**"
  - "**/vendor/**"

# Severity overrides: error, warning, info, or off.
levels:
  # hygiene.unattributed-quote: info
  # consistency.acronym: off

# The lowest severity that fails the run: error, warning, info or never.
fail_on: error

# The date claims are checked at when an article has no front matter date
# (default: today).
# as_of: 2025-01-01
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = dir.path().join("factlint.yml");
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
        (dir, p)
    }

    #[test]
    fn starter_config_loads() {
        let (_d, p) = write(STARTER);
        let c = Config::load(&p)
            .unwrap_or_else(|e| panic!("{:?}", e.iter().map(|e| &e.message).collect::<Vec<_>>()));
        assert!(c.default_rules);
        assert_eq!(c.fail_on, Some(FailOn::Error));
        assert!(c.exclude.is_some());
    }

    #[test]
    fn errors_are_located() {
        let (_d, p) = write("fail_on: error\ncolour: red\n");
        let e = Config::load(&p).unwrap_err();
        assert!(
            e[0].message
                .contains("factlint.yml:2:1: unknown field `colour`"),
            "{}",
            e[0].message
        );
        let (_d, p) = write("exclude:\n  - \"content/[draft\"\n");
        let e = Config::load(&p).unwrap_err();
        assert!(
            e[0].message.contains("factlint.yml:2:5: bad exclude glob"),
            "{}",
            e[0].message
        );
        let (_d, p) = write("rules: [no-such-folder]\n");
        let e = Config::load(&p).unwrap_err();
        assert!(
            e[0].message
                .contains("factlint.yml:1:9: rule path `no-such-folder` does not exist"),
            "{}",
            e[0].message
        );
        let (_d, p) = write("fail_on: sometimes\n");
        assert!(Config::load(&p).is_err());
    }

    #[test]
    fn discovery_walks_up() {
        let (d, _p) = write("fail_on: never\n");
        let sub = d.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Config::discover(&sub), Some(d.path().join("factlint.yml")));
    }
}
