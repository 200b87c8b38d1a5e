//! The shared names of rule files: word lists and named sub-patterns,
//! which patterns use as `@name`.

use std::collections::HashMap;

use super::locate::{FileIndex, Problems};
use super::spec::PackSpec;
use super::RuleSource;
use crate::pattern::{self, Node, Resolve, Resolved};

/// What a name stands for.
pub(super) enum Def {
    /// A word list.
    Lexicon(Vec<String>),
    /// A named sub-pattern.
    Pattern(Node),
}

/// All names, for the pattern compiler.
pub(super) struct Names(pub(super) HashMap<String, Def>);

impl Resolve for Names {
    fn resolve(&self, name: &str) -> Option<Resolved<'_>> {
        self.0.get(name).map(|d| match d {
            Def::Lexicon(v) => Resolved::Lexicon(v),
            Def::Pattern(n) => Resolved::Pattern(n),
        })
    }
}

/// Collects the word lists and named sub-patterns of all files into one
/// namespace: a user file's definition replaces a built-in one; two in
/// files of the same kind are an error.
pub(super) fn collect(
    sources: &[RuleSource],
    packs: &[(usize, PackSpec)],
    index: &[FileIndex],
    problems: &mut Problems,
) -> HashMap<String, (usize, Def)> {
    let mut names: HashMap<String, (usize, Def)> = HashMap::new();
    for (i, pack) in packs {
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
                    problems.in_file(*i, src).pattern_error(
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
                    problems.in_file(*i, src).error_with(
                        at,
                        name.len(),
                        format!("`@{name}` is defined twice"),
                        "defined again here",
                        Some(format!("it is also defined in {}", other.name)),
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
    names
}
