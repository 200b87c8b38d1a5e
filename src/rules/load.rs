//! Reading rule files: YAML → specs → compiled rules, with located errors.

use std::collections::HashMap;
use std::sync::Arc;

use super::spec::{PackSpec, RuleSpec};
use super::template::Template;
use super::{ClaimRule, Origin, Outcome, Rule, Rulebook, CLAIM_VARS};
use crate::engine::prefilter::Prefilter;
use crate::error::ConfigError;
use crate::facts::build::{self as factbuild, At, FileFacts};
use crate::pattern::{self, Compiler, Node, PatternError, Resolve, Resolved};
use crate::source::LineIndex;
use crate::yaml::{self, TopLevel};

/// A rule file to load: its name (for messages), its text, and whether it is built in.
#[derive(Debug, Clone)]
pub struct RuleSource {
    /// Path or built-in name, shown in errors.
    pub name: String,
    /// The YAML text.
    pub text: Arc<str>,
    /// Built-in files can be overridden by user files.
    pub builtin: bool,
}

enum Def {
    Lexicon(Vec<String>),
    Pattern(Node),
}

struct Names(HashMap<String, Def>);

impl Resolve for Names {
    fn resolve(&self, name: &str) -> Option<Resolved<'_>> {
        self.0.get(name).map(|d| match d {
            Def::Lexicon(v) => Resolved::Lexicon(v),
            Def::Pattern(n) => Resolved::Pattern(n),
        })
    }
}

fn parse_file(src: &RuleSource) -> Result<PackSpec, ConfigError> {
    let located = |e: yaml::YamlError| {
        let offset = e.offset.unwrap_or(0);
        ConfigError::at(&src.name, &src.text, offset, 1, &e.message, "here").with_help(Some(
            "rule files are YAML: a list of rules, or a mapping with `rules`, `lexicons` and `patterns`".into(),
        ))
    };
    match yaml::top_level(&src.text).map_err(located)? {
        TopLevel::Sequence => Ok(PackSpec {
            rules: yaml::from_str(&src.text).map_err(located)?,
            ..PackSpec::default()
        }),
        TopLevel::Mapping => yaml::from_str(&src.text).map_err(located),
        TopLevel::Other
            if src.text.trim().chars().all(|c| c.is_whitespace())
                || is_only_comments(&src.text) =>
        {
            Ok(PackSpec::default())
        }
        TopLevel::Other => Err(ConfigError::at(
            &src.name,
            &src.text,
            0,
            1,
            "a rule file must be a list of rules or a mapping",
            "here",
        )
        .with_help(Some(
            "start with `- id: …` for a list of rules, or `rules:` / `lexicons:` / `patterns:`"
                .into(),
        ))),
    }
}

fn is_only_comments(text: &str) -> bool {
    text.lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#') || l.trim() == "---")
}

/// Where ids and mapping keys stand in one rule file (built in one pass).
struct FileIndex {
    /// `id: value` → byte offset of the line's content (first occurrence).
    ids: HashMap<String, usize>,
    /// `name:` mapping keys → byte offset (first occurrence).
    keys: HashMap<String, usize>,
    /// Offsets of list items that start with `subject:` (facts), in order.
    fact_items: Vec<usize>,
    /// Offsets of list items that start with `relation:` (coverage), in order.
    coverage_items: Vec<usize>,
    lines: LineIndex,
}

impl FileIndex {
    fn new(text: &str) -> FileIndex {
        let mut ids = HashMap::new();
        let mut keys = HashMap::new();
        let mut fact_items = Vec::new();
        let mut coverage_items = Vec::new();
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_start();
            let at = pos + line.len() - content.len();
            let t = content.trim_start_matches('-').trim_start();
            let t_at = pos + line.len() - t.len();
            if content.starts_with('-') && t.starts_with("subject:") {
                fact_items.push(t_at);
            }
            if content.starts_with('-') && t.starts_with("relation:") {
                coverage_items.push(t_at);
            }
            // `id: x`, or `{id: x, …}` in flow style.
            let (t_id, flow) = match t.strip_prefix('{') {
                Some(inner) => (inner.trim_start(), true),
                None => (t, false),
            };
            if let Some(rest) = t_id.strip_prefix("id:") {
                let mut v = rest.split(" #").next().unwrap_or("");
                if flow {
                    v = v.split([',', '}']).next().unwrap_or("");
                }
                let v = v.trim().trim_matches(['"', '\'']);
                ids.entry(v.to_string())
                    .or_insert(pos + line.len() - t_id.len());
            }
            let key = content.trim_start_matches(['"', '\'']);
            if let Some(end) = key.find(':') {
                let name = key[..end].trim_end_matches(['"', '\'']);
                if !name.is_empty() && !name.contains(' ') {
                    keys.entry(name.to_string()).or_insert(at);
                }
            }
            pos += line.len();
        }
        FileIndex {
            ids,
            keys,
            fact_items,
            coverage_items,
            lines: LineIndex::new(text),
        }
    }

    fn id(&self, id: &str) -> usize {
        self.ids.get(id).copied().unwrap_or(0)
    }

    fn key(&self, name: &str) -> usize {
        self.keys.get(name).copied().unwrap_or(0)
    }

    fn at(&self, at: &At) -> usize {
        match at {
            At::Entity(id) => self.id(id),
            At::Relation(name) => self.key(name),
            At::Fact(n) => self
                .fact_items
                .get(*n)
                .copied()
                .unwrap_or_else(|| self.key("facts")),
            At::Coverage(n) => self
                .coverage_items
                .get(*n)
                .copied()
                .unwrap_or_else(|| self.key("coverage")),
        }
    }
}

struct Ctx<'a> {
    src: &'a RuleSource,
    errors: &'a mut Vec<ConfigError>,
}

impl Ctx<'_> {
    /// An error at byte `at` of the file (a rule's `id` line).
    fn error(&mut self, at: usize, message: impl AsRef<str>) {
        self.errors.push(ConfigError::at(
            &self.src.name,
            &self.src.text,
            at,
            1,
            message,
            "here",
        ));
    }

    /// An error about `value` (a scalar written somewhere after `from`), at `range` inside it.
    fn scalar_error(
        &mut self,
        from: usize,
        value: &str,
        range: std::ops::Range<usize>,
        message: &str,
        help: Option<String>,
    ) {
        let (offset, len) = match yaml::locate_scalar(&self.src.text, from, value) {
            Some(loc) => {
                let a = loc.offset_of(value, range.start);
                let b = loc.offset_of(value, range.end.max(range.start));
                (a, (b - a).max(1))
            }
            None => (from, 1),
        };
        self.errors.push(
            ConfigError::at(&self.src.name, &self.src.text, offset, len, message, "here")
                .with_help(help),
        );
    }

    fn pattern_error(&mut self, from: usize, value: &str, e: &PatternError, what: &str) {
        let msg = format!("{what}: {}", e.message);
        self.scalar_error(from, value, e.span.clone(), &msg, e.hint.clone());
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

pub(super) fn load(sources: Vec<RuleSource>) -> Result<Rulebook, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let mut packs = Vec::new();
    let index: Vec<FileIndex> = sources.iter().map(|s| FileIndex::new(&s.text)).collect();
    for (i, s) in sources.iter().enumerate() {
        match parse_file(s) {
            Ok(p) => packs.push((i, p)),
            Err(e) => errors.push(e),
        }
    }

    // Named word lists and sub-patterns: one namespace, user files override built-in ones.
    let mut names: HashMap<String, (usize, Def)> = HashMap::new();
    for (i, pack) in &packs {
        let src = &sources[*i];
        let mut defs: Vec<(String, Result<Def, ()>)> = Vec::new();
        for (name, entries) in &pack.lexicons {
            defs.push((name.clone(), Ok(Def::Lexicon(entries.clone()))));
        }
        for (name, text) in &pack.patterns {
            let from = index[*i].key(name);
            match pattern::parse(text) {
                Ok(node) => defs.push((name.clone(), Ok(Def::Pattern(node)))),
                Err(e) => {
                    Ctx {
                        src,
                        errors: &mut errors,
                    }
                    .pattern_error(
                        from,
                        text,
                        &e,
                        &format!("in pattern `@{name}`"),
                    );
                    defs.push((name.clone(), Err(())));
                }
            }
        }
        for (name, def) in defs {
            if let Some((j, _)) = names.get(&name) {
                let other = &sources[*j];
                if other.builtin == src.builtin {
                    let at = index[*i].key(&name);
                    errors.push(
                        ConfigError::at(
                            &src.name,
                            &src.text,
                            at,
                            name.len(),
                            format!("`@{name}` is defined twice"),
                            "defined again here",
                        )
                        .with_help(Some(format!("it is also defined in {}", other.name))),
                    );
                    continue;
                }
                if src.builtin {
                    continue;
                }
            }
            if let Ok(def) = def {
                names.insert(name, (*i, def));
            }
        }
    }
    // The fact base, and word lists generated from it (unless a file defines the same name).
    let file_facts: Vec<FileFacts> = packs
        .iter()
        .map(|(i, p)| FileFacts {
            source: *i,
            builtin: sources[*i].builtin,
            relations: &p.relations,
            entities: &p.entities,
            facts: &p.facts,
            coverage: &p.coverage,
        })
        .collect();
    let (facts, problems) = factbuild::build(&file_facts);
    for p in problems {
        let src = &sources[p.source];
        let at = index[p.source].at(&p.at);
        errors.push(
            ConfigError::at(&src.name, &src.text, at, 1, &p.message, "here").with_help(p.help),
        );
    }
    for (name, entries) in facts.lexicons() {
        names
            .entry(name)
            .or_insert((usize::MAX, Def::Lexicon(entries)));
    }
    let resolver = Names(names.into_iter().map(|(k, (_, d))| (k, d)).collect());
    let mut name_list: Vec<String> = resolver.0.keys().cloned().collect();
    name_list.sort();

    // Rules: ids are unique; a user rule replaces a built-in rule with the same id.
    let mut chosen: Vec<(usize, &RuleSpec)> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, pack) in &packs {
        let src = &sources[*i];
        for spec in &pack.rules {
            let at = index[*i].id(&spec.id);
            if !valid_id(&spec.id) {
                errors.push(
                    ConfigError::at(
                        &src.name,
                        &src.text,
                        at,
                        1,
                        format!("invalid rule id {:?}", spec.id),
                        "here",
                    )
                    .with_help(Some(
                        "ids use letters, digits, `.`, `-` and `_`, e.g. `hygiene.page-residue`"
                            .into(),
                    )),
                );
                continue;
            }
            match by_id.get(spec.id.as_str()) {
                Some(&k) => {
                    let (j, _) = chosen[k];
                    let other = &sources[j];
                    if other.builtin == src.builtin {
                        errors.push(
                            ConfigError::at(
                                &src.name,
                                &src.text,
                                at,
                                1,
                                format!("rule id `{}` is used twice", spec.id),
                                "defined again here",
                            )
                            .with_help(Some(format!("it is also defined in {}", other.name))),
                        );
                    } else if !src.builtin {
                        chosen[k] = (*i, spec);
                    }
                }
                None => {
                    by_id.insert(&spec.id, chosen.len());
                    chosen.push((*i, spec));
                }
            }
        }
    }

    let mut compiler = Compiler::new(&resolver);
    let mut rules = Vec::with_capacity(chosen.len());
    for (i, spec) in chosen {
        let src = &sources[i];
        let mut ctx = Ctx {
            src,
            errors: &mut errors,
        };
        if let Some(rule) = compile_rule(&mut ctx, &index[i], &mut compiler, &facts, spec) {
            rules.push(rule);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // The names' words first, so the fact base's name trie reads the same ids.
    let mut vocab = facts.vocab().clone();
    let prefilter = Prefilter::new(&rules, &mut vocab);
    // Every word the programs test gets an id too: matching compares ids.
    // Tokens with only these are not listed for the prefilter and name finder.
    for rule in &rules {
        rule.program.bind(&mut vocab);
        for u in &rule.unless {
            u.bind(&mut vocab);
        }
    }
    // And the words the built-in checks look for by id.
    let checks = crate::checks::all();
    let check_words = checks
        .iter()
        .map(|c| {
            crate::vocab::IdSet::of(c.words().iter().map(|w| {
                if c.lists_words() {
                    vocab.intern_listed(w)
                } else {
                    vocab.intern(w)
                }
            }))
        })
        .collect();
    let lexicons: HashMap<String, Vec<String>> = resolver
        .0
        .iter()
        .filter_map(|(k, d)| match d {
            Def::Lexicon(v) => Some((k.clone(), v.clone())),
            Def::Pattern(_) => None,
        })
        .collect();
    let lexicon_keys: rustc_hash::FxHashMap<String, rustc_hash::FxHashSet<String>> = lexicons
        .iter()
        .map(|(k, entries): (&String, &Vec<String>)| {
            let keys = entries
                .iter()
                .map(|e| {
                    let words: Vec<String> = crate::text::tokenize::split(e)
                        .into_iter()
                        .filter(|(_, k)| {
                            matches!(
                                k,
                                crate::text::TokenKind::Word | crate::text::TokenKind::Number
                            )
                        })
                        .map(|(t, _)| crate::text::normalize::normalize(t))
                        .collect();
                    words.join(" ")
                })
                .collect();
            (k.clone(), keys)
        })
        .collect();
    // Words in each list's longest entry, for checks that skip longer lines.
    let lexicon_longest = lexicon_keys
        .iter()
        .map(|(k, keys): (&String, &rustc_hash::FxHashSet<String>)| {
            let longest = keys.iter().map(|e| e.split(' ').count()).max();
            (k.clone(), longest.unwrap_or(0))
        })
        .collect();
    let lexicon_firsts = lexicon_keys
        .iter()
        .map(|(k, keys): (&String, &rustc_hash::FxHashSet<String>)| {
            let firsts = keys
                .iter()
                .map(|e| e.split(' ').next().unwrap_or("").to_string())
                .collect();
            (k.clone(), firsts)
        })
        .collect();
    let rule_off = vec![false; rules.len()];
    Ok(Rulebook {
        rules,
        names: name_list,
        facts,
        lexicon_keys,
        lexicon_longest,
        lexicon_firsts,
        lexicons,
        checks,
        check_words,
        levels: HashMap::new(),
        rule_off,
        prefilter,
        vocab,
    })
}

fn compile_rule(
    ctx: &mut Ctx,
    index: &FileIndex,
    compiler: &mut Compiler,
    facts: &crate::facts::FactBase,
    spec: &RuleSpec,
) -> Option<Rule> {
    let at = index.id(&spec.id);
    let before = ctx.errors.len();
    let patterns = spec.pattern.to_vec();
    if patterns.is_empty() {
        ctx.error(at, format!("rule `{}` has no pattern", spec.id));
        return None;
    }
    // Each pattern is compiled alone first, so that an error points into the right one.
    let mut nodes = Vec::new();
    for p in &patterns {
        match pattern::parse(p).and_then(|n| compiler.compile(&n).map(|_| n)) {
            Ok(n) => nodes.push(n),
            Err(e) => ctx.pattern_error(at, p, &e, "pattern error"),
        }
    }
    let unless_patterns = spec.unless.to_vec();
    let mut unless = Vec::with_capacity(unless_patterns.len());
    for p in &unless_patterns {
        match pattern::parse(p).and_then(|n| compiler.compile(&n)) {
            Ok(prog) => unless.push(prog),
            Err(e) => ctx.pattern_error(at, p, &e, "`unless` pattern error"),
        }
    }
    if ctx.errors.len() > before {
        return None;
    }
    let node = if nodes.len() == 1 {
        nodes.pop()?
    } else {
        Node {
            kind: pattern::NodeKind::Alt(nodes),
            span: 0..0,
        }
    };
    let program = match compiler.compile(&node) {
        Ok(p) => p,
        Err(e) => {
            ctx.errors.push(
                ConfigError::at(
                    &ctx.src.name,
                    &ctx.src.text,
                    at,
                    1,
                    format!("rule `{}`: {}", spec.id, e.message),
                    "here",
                )
                .with_help(e.hint),
            );
            return None;
        }
    };
    let claim = match &spec.claim {
        None => None,
        Some(c) => {
            let err = |ctx: &mut Ctx, msg: String| {
                ctx.error(at, format!("rule `{}`: {msg}", spec.id));
            };
            let capture = |ctx: &mut Ctx,
                           name: &Option<String>,
                           what: &str|
             -> Option<Option<usize>> {
                match name {
                    None => Some(None),
                    Some(n) => match program.captures.iter().position(|c| c == n) {
                        Some(i) => Some(Some(i)),
                        None => {
                            err(ctx, format!("claim `{what}: {n}` names no capture of the pattern (captures: {})", program.captures.join(", ")));
                            None
                        }
                    },
                }
            };
            let subject = capture(ctx, &Some(c.subject.clone()), "subject").flatten();
            let object = capture(ctx, &c.object, "object");
            let when = capture(ctx, &c.when, "when");
            let title = capture(ctx, &c.title, "title");
            let relation = match &c.relation {
                Some(r) => match facts.relation(r) {
                    Some(i) => Some(Some(i)),
                    None => {
                        err(
                            ctx,
                            format!("claim relation `{r}` is not defined in the fact base"),
                        );
                        None
                    }
                },
                None => Some(None),
            };
            match (&c.relation, &c.title) {
                (None, None) => err(ctx, "a claim needs `relation` or `title`".into()),
                (Some(_), Some(_)) => {
                    err(ctx, "a claim has `relation` or `title`, not both".into())
                }
                _ => {}
            }
            match (subject, relation, object, when, title) {
                (Some(subject), Some(relation), Some(object), Some(when), Some(title)) => {
                    Some(ClaimRule {
                        subject,
                        relation,
                        object,
                        when,
                        title,
                    })
                }
                _ => None,
            }
        }
    };
    let vars: &[&str] = if spec.claim.is_some() {
        CLAIM_VARS
    } else {
        &[]
    };
    let template = |ctx: &mut Ctx, text: &str, what: &str| -> Option<Template> {
        match Template::parse_with(text, &program.captures, vars) {
            Ok(t) => Some(t),
            Err(e) => {
                ctx.scalar_error(
                    at,
                    text,
                    e.offset..e.offset + 1,
                    &format!("in `{what}`: {}", e.message),
                    None,
                );
                None
            }
        }
    };
    let message = template(ctx, &spec.message, "message");
    let suggest = spec.suggest.as_deref().map(|s| template(ctx, s, "suggest"));
    let help = spec.help.as_deref().map(|s| template(ctx, s, "help"));
    let unsupported = spec
        .unsupported
        .as_ref()
        .map(|u| (u.severity, template(ctx, &u.message, "unsupported.message")));
    if spec.unsupported.is_some() && spec.claim.is_none() {
        ctx.error(
            at,
            format!("rule `{}`: `unsupported` needs `claim`", spec.id),
        );
    }
    for url in &spec.sources {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            ctx.scalar_error(
                at,
                url,
                0..url.len(),
                "a source must be a URL (http:// or https://)",
                None,
            );
        }
    }
    if ctx.errors.len() > before {
        return None;
    }
    let line = index.lines.line_of(at) + 1;
    Some(Rule {
        id: Arc::from(spec.id.as_str()),
        severity: spec.severity,
        message: message?,
        suggest: suggest.flatten(),
        help: help.flatten(),
        sources: spec.sources.clone().into(),
        examples: spec.examples.clone(),
        patterns,
        unless_patterns,
        program,
        unless,
        origin: Origin {
            file: ctx.src.name.clone(),
            line,
            builtin: ctx.src.builtin,
        },
        claim,
        unsupported: unsupported
            .and_then(|(severity, m)| m.map(|message| Outcome { severity, message })),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_one(text: &str) -> Result<Rulebook, Vec<ConfigError>> {
        load(vec![RuleSource {
            name: "t.yml".into(),
            text: Arc::from(text),
            builtin: false,
        }])
    }

    fn first_error(text: &str) -> String {
        load_one(text).expect_err("should fail")[0].message.clone()
    }

    const GOOD: &str = "- id: t.one\n  severity: warning\n  message: \"{who} rebels\"\n  pattern: '{who: @nat} rebels'\n";

    #[test]
    fn loads_a_mapping_file_with_lexicons() {
        let text = "lexicons:\n  nat: [Russian, Syrian]\nrules:\n  - id: t.one\n    severity: warning\n    message: \"{who} rebels\"\n    pattern: '{who: @nat} rebels'\n";
        let book = load_one(text).unwrap();
        assert_eq!(book.rules.len(), 1);
        assert_eq!(book.rules[0].origin.line, 4);
    }

    #[test]
    fn unknown_key_is_located() {
        let text = "- id: t.one\n  severity: warning\n  colour: red\n  message: m\n  pattern: x\n";
        let m = first_error(text);
        assert!(m.starts_with("t.yml:3:"), "{m}");
        assert!(m.contains("unknown field `colour`"), "{m}");
    }

    #[test]
    fn pattern_error_points_at_the_character() {
        let text = "- id: t.one\n  severity: warning\n  message: m\n  pattern: 'Russian (rebels'\n";
        let m = first_error(text);
        assert!(m.starts_with("t.yml:4:21:"), "{m}");
    }

    #[test]
    fn unknown_lexicon_and_capture() {
        assert!(first_error(GOOD).contains("unknown lexicon or pattern `@nat`"));
        let text =
            "- id: t.one\n  severity: warning\n  message: \"{what}\"\n  pattern: '{who: x}'\n";
        let m = first_error(text);
        assert!(m.starts_with("t.yml:3:"), "{m}");
        assert!(m.contains("unknown capture `what`"), "{m}");
    }

    #[test]
    fn duplicate_ids_and_bad_sources() {
        let text = "- {id: a, severity: info, message: m, pattern: x}\n- {id: a, severity: info, message: m, pattern: y}\n";
        assert!(first_error(text).contains("used twice"));
        let text =
            "- id: a\n  severity: info\n  message: m\n  pattern: x\n  sources: [example.com]\n";
        assert!(first_error(text).contains("must be a URL"));
    }

    #[test]
    fn user_rules_override_builtin_ones() {
        let b = RuleSource {
            name: "rules/a.yml".into(),
            text: Arc::from("- {id: a, severity: info, message: m, pattern: x}"),
            builtin: true,
        };
        let u = RuleSource {
            name: "mine.yml".into(),
            text: Arc::from("- {id: a, severity: error, message: m, pattern: y}"),
            builtin: false,
        };
        let book = load(vec![b, u]).unwrap();
        assert_eq!(book.rules.len(), 1);
        assert_eq!(book.rules[0].severity, crate::Severity::Error);
    }

    #[test]
    fn missing_field_and_wrong_type() {
        assert!(first_error("- id: a\n  message: m\n  pattern: x\n")
            .contains("missing field `severity`"));
        assert!(
            first_error("- id: a\n  severity: loud\n  message: m\n  pattern: x\n")
                .contains("severity")
        );
        assert!(first_error(
            "- id: a\n  severity: info\n  message: m\n  pattern: x\n  sources: 3\n"
        )
        .starts_with("t.yml:5:"));
    }
}
