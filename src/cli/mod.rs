//! The command line: argument parsing and the subcommands.

mod check;
mod explain;
mod ruleset;
mod test;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use factlint::config::{FailOn, Level};
use factlint::finding::Severity;

/// Exit code: no findings at or above the failure threshold.
pub const EXIT_OK: i32 = 0;
/// Exit code: findings at or above the failure threshold (or failed rule examples).
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: usage or configuration error.
pub const EXIT_CONFIG: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "factlint",
    version,
    about = "A fact-consistency linter for editorial content",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check articles (Markdown, plain text) for factual slips and suspect phrasing.
    Check(CheckArgs),
    /// Run every rule's own examples: `flag` text must be flagged, `pass` text must not.
    Test(TestArgs),
    /// List the loaded rules and checks.
    Rules(RulesArgs),
    /// Show a rule: its message, patterns, examples and sources.
    Explain(ExplainArgs),
    /// Show what the fact base believes: entities and facts matching QUERY (all when omitted).
    Facts(FactsArgs),
    /// Write a commented starter factlint.yml in the current folder.
    Init(InitArgs),
}

#[derive(Args, Debug)]
struct InitArgs {
    /// Overwrite an existing factlint.yml.
    #[arg(long)]
    force: bool,
}

#[derive(Args, Debug)]
struct RulesArgs {
    #[command(flatten)]
    rules: RuleArgs,
    /// Print the prefilter's anchor words (one a line) instead: the literal
    /// words a document must contain for some rule to run (for benchmarks).
    #[arg(long)]
    words: bool,
}

#[derive(Args, Debug)]
struct ExplainArgs {
    /// The rule id.
    rule: String,
    #[command(flatten)]
    rules: RuleArgs,
}

#[derive(Args, Debug)]
struct FactsArgs {
    /// Words to look for in entity names, aliases, ids and relations.
    query: Vec<String>,
    /// Instead, list every breach of the source policy (sources that are
    /// denied, on no tier, badly ordered or too many; facts without a
    /// `checked` date); exits 1 when there is one.
    #[arg(long)]
    audit: bool,
    #[command(flatten)]
    rules: RuleArgs,
}

/// Which rules to load.
#[derive(Args, Debug, Clone)]
pub struct RuleArgs {
    /// More rule files or folders of rule files (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Do not load the built-in rules and checks.
    #[arg(long)]
    pub no_default_rules: bool,
    /// Set a rule's or check's severity, or turn it off: `--level ID=error|warning|info|off` (repeatable).
    #[arg(long = "level", value_name = "ID=LEVEL", value_parser = parse_level)]
    pub levels: Vec<(String, Option<Severity>)>,
    /// Use this configuration file instead of looking for factlint.yml upward from the current folder.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Do not read any configuration file.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

fn parse_level(s: &str) -> Result<(String, Option<Severity>), String> {
    let (id, level) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}`: write ID=LEVEL, e.g. hygiene.doubled-word=off"))?;
    let level = Level::from_name(level)
        .ok_or_else(|| format!("`{level}` is not a level: use error, warning, info or off"))?;
    Ok((id.to_string(), level.severity()))
}

/// Output formats of `check`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Diagnostics with source snippets, and a summary.
    Human,
    /// One line a finding: `path:line:column: severity rule message`.
    Compact,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0, for code-scanning upload.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to check; `-` reads standard input. Defaults to the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// The lowest severity that makes the run fail (exit code 1); default `error`, or the configuration's `fail_on`.
    #[arg(long, value_name = "LEVEL", value_parser = parse_fail_on)]
    pub fail_on: Option<FailOn>,
    /// Also write the report in `--format` to FILE, and print the human form.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print only the findings, without the summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// The file name of text read from standard input (`-`): decides its format and the path shown.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Lint only files changed since this git ref (added, modified, renamed).
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
    /// Lint only shard K of N of the files (K from 1), the same files in every run: `--shard 2/8`.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(u64, u64)>,
    /// The date claims are checked at when a document has no front matter `date` (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<jiff::civil::Date>,
}

fn parse_fail_on(s: &str) -> Result<FailOn, String> {
    FailOn::from_name(s)
        .ok_or_else(|| format!("`{s}` is not a threshold: use error, warning, info or never"))
}

fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let bad = || format!("`{s}`: write K/N with 1 ≤ K ≤ N, e.g. 2/8");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let (k, n): (u64, u64) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if k == 0 || n == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>()
        .map_err(|_| format!("`{s}` is not a date: write YYYY-MM-DD"))
}

#[derive(Args, Debug)]
struct TestArgs {
    /// Rule files or folders whose rules to test; all loaded rules when none is given.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Files loaded beside them but not tested (shared word lists, facts), and `--no-default-rules`.
    #[command(flatten)]
    rules: RuleArgs,
}

/// Prints configuration errors to standard error as miette diagnostics.
pub fn print_errors(errors: &[factlint::error::ConfigError]) {
    let handler = factlint::report::human::handler(factlint::report::style::Style::stderr().color);
    for e in errors {
        let mut s = String::new();
        if handler.render_report(&mut s, e).is_err() {
            s = e.message.clone();
        }
        eprintln!("{s}");
    }
}

/// `factlint init`: writes the starter configuration, never over an existing one unless forced.
fn init(force: bool) -> i32 {
    let path = PathBuf::from("factlint.yml");
    if path.exists() && !force {
        eprintln!("factlint.yml already exists; use --force to overwrite it");
        return EXIT_CONFIG;
    }
    match factlint::report::write_atomic(&path, factlint::config::STARTER.as_bytes()) {
        Ok(()) => {
            println!("wrote factlint.yml");
            EXIT_OK
        }
        Err(e) => {
            eprintln!("cannot write factlint.yml: {e}");
            EXIT_CONFIG
        }
    }
}

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_CONFIG } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Check(a) => check::run(&a),
        Command::Test(a) => test::run(&a.paths, &a.rules),
        Command::Rules(a) => ruleset::list(&a.rules, a.words),
        Command::Explain(a) => explain::rule(&a.rule, &a.rules),
        Command::Facts(a) if a.audit => explain::audit(&a.rules),
        Command::Facts(a) => explain::facts(&a.query, &a.rules),
        Command::Init(a) => init(a.force),
    }
}
