//! Loading the rulebook from the command line's rule options, and `factlint rules`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use factlint::config::Config;
use factlint::error::ConfigError;
use factlint::report::style::Style;
use factlint::rules::{builtin, RuleSource, Rulebook};
use factlint::{Engine, Settings};
use walkdir::WalkDir;

use super::{print_errors, RuleArgs, EXIT_CONFIG, EXIT_OK};

/// Reads the rule files at `paths` (files, or folders searched for `.yml`/`.yaml`).
pub fn read_rule_files(paths: &[PathBuf]) -> Result<Vec<RuleSource>, Vec<ConfigError>> {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let files: Vec<PathBuf> = if p.is_dir() {
            let mut v: Vec<PathBuf> = WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|f| is_yaml(f))
                .collect();
            v.sort();
            v
        } else {
            vec![p.clone()]
        };
        for f in files {
            match std::fs::read(&f) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => sources.push(RuleSource {
                        name: f.display().to_string(),
                        text: Arc::from(text),
                        builtin: false,
                    }),
                    Err(_) => errors.push(ConfigError::plain(format!(
                        "{}: rule file is not valid UTF-8",
                        f.display()
                    ))),
                },
                Err(e) => errors.push(ConfigError::plain(format!(
                    "{}: cannot read rule file: {e}",
                    f.display()
                ))),
            }
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yml" | "yaml"))
}

/// The configuration the options name: `--config FILE`, none with
/// `--no-config`, else factlint.yml found upward from the current folder.
pub fn config(args: &RuleArgs) -> Result<Config, Vec<ConfigError>> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if args.no_config {
        return Ok(Config::none(cwd));
    }
    match args.config.clone().or_else(|| Config::discover(&cwd)) {
        Some(p) => Config::load(&p),
        None => Ok(Config::none(cwd)),
    }
}

/// Loads the configuration, the built-in rules (unless turned off) and the
/// user's rule files, and builds the engine with the configured and
/// `--level` severities.
pub fn load(args: &RuleArgs) -> Result<(Engine, Config), Vec<ConfigError>> {
    load_with(&[], args, |_, _| {})
}

/// Like [`load`], with `paths` as more rule files, and `settings` to fill
/// in the rest of the run's settings from the configuration.
pub fn load_with(
    paths: &[PathBuf],
    args: &RuleArgs,
    settings: impl FnOnce(&Config, &mut Settings),
) -> Result<(Engine, Config), Vec<ConfigError>> {
    let config = config(args)?;
    let mut files = config.rules.clone();
    files.extend(args.rules.iter().cloned());
    files.extend(paths.iter().cloned());
    let user = read_rule_files(&files)?;
    let defaults = config.default_rules && !args.no_default_rules;
    let mut sources = if defaults {
        builtin::sources()
    } else {
        Vec::new()
    };
    sources.extend(user);
    let book = Rulebook::load(sources)?;
    let mut run = Settings {
        // The built-in checks go with the built-in rules.
        builtin_checks: defaults,
        ..Settings::default()
    };
    for (id, level, _) in &config.levels {
        run.levels.insert(id.clone(), level.severity());
    }
    for (id, level) in &args.levels {
        run.levels.insert(id.clone(), *level);
    }
    settings(&config, &mut run);
    let engine = Engine::new(Arc::new(book), run);
    let unknown = |id: &str| format!("no rule or check `{id}`; `factlint rules` lists them");
    let mut errors = Vec::new();
    for (id, _, at) in &config.levels {
        if !engine.knows(id) {
            errors.push(config.level_error(id, *at, &unknown(id)));
        }
    }
    for (id, _) in &args.levels {
        if !engine.knows(id) {
            errors.push(ConfigError::plain(format!("--level {id}: {}", unknown(id))));
        }
    }
    if errors.is_empty() {
        Ok((engine, config))
    } else {
        Err(errors)
    }
}

/// Like [`load`], printing the errors and giving the exit code when loading fails.
pub fn load_or_exit(args: &RuleArgs) -> Result<Engine, i32> {
    load(args).map(|(e, _)| e).map_err(|errors| {
        print_errors(&errors);
        EXIT_CONFIG
    })
}

/// `factlint rules`: one line a rule.
pub fn list(args: &RuleArgs, words: bool) -> i32 {
    let engine = match load_or_exit(args) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let book = engine.rulebook();
    if words {
        for w in book.anchor_words() {
            println!("{w}");
        }
        return EXIT_OK;
    }
    let style = Style::stdout();
    let width = book.rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in &book.rules {
        let pad = " ".repeat(width - r.id.len() + 2);
        let sev = style.severity(r.severity);
        let spad = " ".repeat(9 - r.severity.as_str().len());
        println!(
            "{}{pad}{sev}{spad}{}",
            style.bold(&r.id),
            style.dim(&format!("{}:{}", r.origin.file, r.origin.line))
        );
    }
    println!("{} rules", book.rules.len());
    EXIT_OK
}
