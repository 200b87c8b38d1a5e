//! Reading rule files: YAML → specs → a compiled [`Rulebook`], with located errors.

use std::collections::HashMap;
use std::sync::Arc;

use super::locate::{Ctx, FileIndex, Problems};
use super::prefilter::Prefilter;
use super::spec::{PackSpec, RuleSpec};
use super::{compile, frames, names, RuleSource, Rulebook};
use crate::error::ConfigError;
use crate::facts::build::{self as factbuild, FileFacts};
use crate::pattern::Compiler;
use crate::yaml::{self, TopLevel};

/// A rule file's specs; `None`, with its problem in `ctx`, when it cannot be read.
fn parse_file(src: &RuleSource, ctx: &mut Ctx) -> Option<PackSpec> {
    let read = |r: Result<PackSpec, yaml::YamlError>, ctx: &mut Ctx| match r {
        Ok(p) => Some(p),
        Err(e) => {
            ctx.error_with(
                e.offset.unwrap_or(0),
                1,
                e.message,
                "here",
                Some("rule files are YAML: a list of rules, or a mapping with `rules`, `lexicons` and `patterns`".into()),
            );
            None
        }
    };
    let top = match yaml::top_level(&src.text) {
        Ok(t) => t,
        Err(e) => return read(Err(e), ctx),
    };
    match top {
        TopLevel::Sequence => {
            let rules = yaml::from_str(&src.text).map(|rules| PackSpec {
                rules,
                ..PackSpec::default()
            });
            read(rules, ctx)
        }
        TopLevel::Mapping => read(yaml::from_str(&src.text), ctx),
        TopLevel::Other
            if src.text.trim().chars().all(|c| c.is_whitespace())
                || is_only_comments(&src.text) =>
        {
            Some(PackSpec::default())
        }
        TopLevel::Other => {
            ctx.error_with(
                0,
                1,
                "a rule file must be a list of rules or a mapping",
                "here",
                Some(
                    "start with `- id: …` for a list of rules, or `rules:` / `lexicons:` / `patterns:`"
                        .into(),
                ),
            );
            None
        }
    }
}

fn is_only_comments(text: &str) -> bool {
    text.lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#') || l.trim() == "---")
}

pub(super) fn load(sources: Vec<RuleSource>) -> Result<Rulebook, Vec<ConfigError>> {
    let mut problems = Problems::default();
    let mut packs = Vec::new();
    let index: Vec<FileIndex> = sources.iter().map(|s| FileIndex::new(&s.text)).collect();
    for (i, s) in sources.iter().enumerate() {
        if let Some(p) = parse_file(s, &mut problems.in_file(i, s)) {
            packs.push((i, p));
        }
    }

    // Named word lists and sub-patterns: one namespace, user files override built-in ones.
    let mut names = names::collect(&sources, &packs, &index, &mut problems);
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
            policy: p.source_policy.as_ref(),
        })
        .collect();
    let (facts, fact_problems) = factbuild::build(&file_facts);
    for p in fact_problems {
        let at = index[p.source].at(&p.at);
        problems
            .in_file(p.source, &sources[p.source])
            .error_with(at, 1, p.message, "here", p.help);
    }
    for (name, entries) in facts.lexicons() {
        names
            .entry(name)
            .or_insert((usize::MAX, names::Def::Lexicon(entries)));
    }
    let resolver = names::Names(names.into_iter().map(|(k, (_, d))| (k, d)).collect());
    let mut name_list: Vec<String> = resolver.0.keys().cloned().collect();
    name_list.sort();

    // Frames: each makes a claim rule, for every entity of the kinds it names.
    let framed: Vec<(usize, Vec<RuleSpec>)> = packs
        .iter()
        .map(|(i, p)| (*i, frames::rules(&p.frames)))
        .collect();

    // Rules: ids are unique; a user rule replaces a built-in rule with the same id.
    let mut chosen: Vec<(usize, &RuleSpec)> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let framed_rules = |i: usize| {
        framed
            .iter()
            .filter(move |(j, _)| *j == i)
            .flat_map(|(_, r)| r.iter())
    };
    for (i, pack) in &packs {
        let src = &sources[*i];
        for spec in pack.rules.iter().chain(framed_rules(*i)) {
            let at = index[*i].id(&spec.id);
            if !compile::valid_id(&spec.id) {
                problems.in_file(*i, src).error_with(
                    at,
                    1,
                    format!("invalid rule id {:?}", spec.id),
                    "here",
                    Some(
                        "ids use letters, digits, `.`, `-` and `_`, e.g. `hygiene.page-residue`"
                            .into(),
                    ),
                );
                continue;
            }
            match by_id.get(spec.id.as_str()) {
                Some(&k) => {
                    let (j, _) = chosen[k];
                    let other = &sources[j];
                    if other.builtin == src.builtin {
                        problems.in_file(*i, src).error_with(
                            at,
                            1,
                            format!("rule id `{}` is used twice", spec.id),
                            "defined again here",
                            Some(format!("it is also defined in {}", other.name)),
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
        let mut ctx = problems.in_file(i, &sources[i]);
        if let Some(rule) = compile::compile_rule(&mut ctx, &index[i], &mut compiler, &facts, spec)
        {
            rules.push(rule);
        }
    }
    if problems.len() > 0 {
        return Err(problems.into_errors(&sources));
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
    let lexicons: HashMap<String, Vec<String>> = resolver
        .0
        .iter()
        .filter_map(|(k, d)| match d {
            names::Def::Lexicon(v) => Some((k.clone(), v.clone())),
            names::Def::Pattern(_) => None,
        })
        .collect();
    Ok(Rulebook {
        rules,
        names: name_list,
        facts: Arc::new(facts),
        lexicons,
        prefilter,
        vocab,
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
        assert_eq!(book.rules[0].severity, crate::finding::Severity::Error);
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
