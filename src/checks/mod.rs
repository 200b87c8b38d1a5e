//! Built-in checks: whole-document inspections written in Rust, one per
//! file. Each check states what it is in one [`CheckInfo`] (id, default
//! severity, description, and examples of text it must flag and text it
//! must pass, which the tests run and `docs/checks.md` shows), is built once
//! from what it needs ([`Setup`]: word lists, the fact base, ids for the
//! words it looks for), and then checks documents ([`Context`]).
//!
//! To add a check: a file here with a struct implementing [`Check`], its
//! `INFO`, and an entry in [`BUILTIN`].

pub mod acronyms;
pub mod bracket_artifact;
pub mod byline;
pub mod doubled_word;
pub mod front_matter;
pub mod placeholder;
pub mod residue;
pub mod spelling;
pub mod unattributed_quote;
pub mod unbalanced;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use crate::document::Document;
use crate::facts::{Claim, FactBase};
use crate::finding::{Finding, Place, Severity};
use crate::text::{normalize, tokenize, Token, TokenKind};
use crate::vocab::{Extension, IdSet, WordIds};

/// What a check is: the one place its id, severity, description and examples are written.
#[derive(Debug)]
pub struct CheckInfo {
    /// Unique id, used in findings and configuration.
    pub id: &'static str,
    /// Severity of its findings unless configured otherwise.
    pub severity: Severity,
    /// What it looks for, in one line.
    pub summary: &'static str,
    /// What it reports and what it leaves alone, in a paragraph (for the docs).
    pub details: &'static str,
    /// Text it must flag (each a Markdown document).
    pub flag: &'static [&'static str],
    /// Text it must pass: the tricky correct cases.
    pub pass: &'static [&'static str],
}

/// What a check sees of one document.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The word id of each token, in the vocabulary the check's words were given ids in.
    pub ids: &'a WordIds,
    /// The claims the claim rules found in it, in order.
    pub claims: &'a [Claim],
}

/// A whole-document check.
pub trait Check: Send + Sync {
    /// What it is.
    fn info(&self) -> &'static CheckInfo;
    /// Adds its findings on the context's document to `out`.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>);
}

impl std::fmt::Debug for dyn Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.info().id)
    }
}

/// The claims of one document of a run: its path and what it claims.
pub type DocClaims = (String, Vec<Claim>);

/// A check over all the documents of a run, once per run.
pub trait CorpusCheck: Send + Sync {
    /// What it is.
    fn info(&self) -> &'static CheckInfo;
    /// Its findings, each with the index of its document in `docs`, in the
    /// order of `docs`, then of positions.
    fn check(&self, docs: &[DocClaims]) -> Vec<(usize, Finding)>;
}

/// What a check may take when it is built: word lists, the fact base, and
/// ids for the words it looks for.
pub struct Setup<'a, 'v> {
    lexicons: &'a HashMap<String, Vec<String>>,
    facts: &'a Arc<FactBase>,
    vocab: &'a mut Extension<'v>,
}

impl<'a, 'v> Setup<'a, 'v> {
    /// A setup over these word lists and fact base, giving ids in `vocab`
    /// (the vocabulary documents will be indexed in).
    pub fn new(
        lexicons: &'a HashMap<String, Vec<String>>,
        facts: &'a Arc<FactBase>,
        vocab: &'a mut Extension<'v>,
    ) -> Self {
        Setup {
            lexicons,
            facts,
            vocab,
        }
    }

    /// The entries of word list `name` (empty when there is none).
    pub fn lexicon(&self, name: &str) -> &[String] {
        self.lexicons.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The entries of word list `name` as keys: their words' matching
    /// forms, one space apart, punctuation dropped (as [`words_of`] gives them).
    pub fn lexicon_keys(&self, name: &str) -> FxHashSet<String> {
        self.lexicon(name)
            .iter()
            .map(|e| {
                let words: Vec<String> = tokenize::split(e)
                    .into_iter()
                    .filter(|(_, k)| matches!(k, TokenKind::Word | TokenKind::Number))
                    .map(|(t, _)| normalize::normalize(t))
                    .collect();
                words.join(" ")
            })
            .collect()
    }

    /// The fact base.
    pub fn facts(&self) -> Arc<FactBase> {
        self.facts.clone()
    }

    /// Ids for `words` (in matching form): a check compares a token's id
    /// ([`WordIds::forms`]) instead of hashing its text.
    pub fn word_ids(&mut self, words: &[&str]) -> IdSet {
        IdSet::of(words.iter().map(|w| self.vocab.intern(w, false)))
    }

    /// Ids for `words`, as [`Setup::word_ids`], whose tokens are also listed
    /// in [`WordIds::known`]: a check that looks for rare words walks that
    /// short list instead of every token. Common words stay unlisted, or
    /// every walk of the list would grow.
    pub fn listed_word_ids(&mut self, words: &[&str]) -> IdSet {
        IdSet::of(words.iter().map(|w| self.vocab.intern(w, true)))
    }
}

/// A built-in check: what it is and how it is built.
pub struct Builtin {
    /// What it is.
    pub info: &'static CheckInfo,
    /// Builds it.
    pub build: fn(&mut Setup) -> Box<dyn Check>,
}

/// A built-in check over a whole run: what it is and how it is built.
pub struct CorpusBuiltin {
    /// What it is.
    pub info: &'static CheckInfo,
    /// Builds it.
    pub build: fn(&mut Setup) -> Box<dyn CorpusCheck>,
}

/// The built-in hygiene and consistency checks: they go with the built-in
/// rules (a run without those runs without these).
pub const BUILTIN: &[Builtin] = &[
    Builtin {
        info: &residue::INFO,
        build: |s| Box::new(residue::PageResidue::new(s)),
    },
    Builtin {
        info: &byline::INFO,
        build: |s| Box::new(byline::Byline::new(s)),
    },
    Builtin {
        info: &bracket_artifact::INFO,
        build: |s| Box::new(bracket_artifact::BracketArtifact::new(s)),
    },
    Builtin {
        info: &placeholder::INFO,
        build: |s| Box::new(placeholder::Placeholder::new(s)),
    },
    Builtin {
        info: &doubled_word::INFO,
        build: |_| Box::new(doubled_word::DoubledWord),
    },
    Builtin {
        info: &unbalanced::INFO,
        build: |_| Box::new(unbalanced::Unbalanced),
    },
    Builtin {
        info: &unattributed_quote::INFO,
        build: |s| Box::new(unattributed_quote::UnattributedQuote::new(s)),
    },
    Builtin {
        info: &spelling::INFO,
        build: |s| Box::new(spelling::SpellingConsistency::new(s)),
    },
    Builtin {
        info: &acronyms::INFO,
        build: |_| Box::new(acronyms::Acronyms),
    },
];

/// Checks that run whatever rules are loaded: about the document itself.
pub const ALWAYS: &[Builtin] = &[Builtin {
    info: &front_matter::INFO,
    build: |_| Box::new(front_matter::FrontMatter),
}];

/// What a check reports: a span of the source, a message, and optional help and fix.
pub struct Report<'a> {
    /// The check.
    pub check: &'a dyn Check,
    /// Byte span in the source.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Replacement text.
    pub suggestion: Option<String>,
}

impl Report<'_> {
    /// The finding, positioned in `doc`.
    pub fn finding(self, doc: &Document) -> Finding {
        let info = self.check.info();
        Finding::new(
            Arc::from(info.id),
            info.severity,
            Place::of(doc, self.span),
            self.message,
        )
        .with_help(self.help)
        .with_suggestion(self.suggestion)
    }
}

/// The reference page of the built-in checks (`docs/checks.md`), made
/// from their own descriptions and examples, so that it cannot drift.
pub fn reference(infos: &[&CheckInfo]) -> String {
    let mut s = String::from(REFERENCE_HEAD);
    s.push_str("\n| id | default | what it reports |\n|---|---|---|\n");
    for i in infos {
        s.push_str(&format!(
            "| [`{}`](#{}) | {} | {} |\n",
            i.id,
            anchor(i.id),
            i.severity,
            i.summary
        ));
    }
    for i in infos {
        s.push_str(&format!(
            "\n## `{}`\n\nDefault severity: {}. Reports {}\n",
            i.id, i.severity, i.details
        ));
        for (title, examples) in [("Flagged", i.flag), ("Passed", i.pass)] {
            if examples.is_empty() {
                continue;
            }
            s.push_str(&format!("\n{title}:\n\n"));
            for e in examples {
                s.push_str(&format!("- {}\n", inline_code(e)));
            }
        }
    }
    s
}

/// What `docs/checks.md` says before the checks themselves.
const REFERENCE_HEAD: &str = "<!-- Made from the checks' own descriptions and examples by `FACTLINT_BLESS=1 cargo test --test docs`: edit those, not this file. -->

# Built-in checks

Besides rules (patterns in YAML), factlint runs built-in checks: whole-document
inspections written in Rust, one per file in `src/checks/` (the claim checks in
`src/claims/consistency.rs`). Each states its id, default severity,
description and examples in one place; the tests run every example, and this
page is made from them. `factlint rules` lists them with the rules;
`factlint explain ID` describes one. How often they fire on correct text is
measured in [quiet.md](quiet.md).

Every check can be given another severity or turned off:

```sh
factlint check --level hygiene.unattributed-quote=off --level consistency.acronym=info content/
```

(`--level` works for rules too. `--no-default-rules` turns off the built-in
rules and the hygiene and consistency checks together; the front-matter and
claim checks run whatever rules are loaded.)
";

/// The anchor GitHub gives a heading that is an id in backticks.
fn anchor(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// An example as inline code, its line breaks shown as ⏎.
fn inline_code(text: &str) -> String {
    let one_line = text.trim_end_matches('\n').replace('\n', "⏎");
    let ticks = if one_line.contains('`') { "``" } else { "`" };
    format!("{ticks} {one_line} {ticks}")
}

/// A table of the bytes in `bytes`, for testing a token's first byte.
pub const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
}

/// The byte span from the first to the last of `tokens`.
pub fn span_of(doc: &Document, tokens: Range<usize>) -> Range<usize> {
    doc.tokens[tokens.start].start()..doc.tokens[tokens.end - 1].end()
}

/// The tokens' matching forms joined by single spaces, punctuation dropped.
pub fn words_of(doc: &Document, tokens: &[Token]) -> String {
    let mut s = String::new();
    words_into(doc, tokens, &mut s);
    s
}

/// Like [`words_of`], into a reused buffer (cleared first).
pub fn words_into(doc: &Document, tokens: &[Token], s: &mut String) {
    s.clear();
    for t in tokens {
        if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(doc.norm(t));
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the checks' own tests: a check built from the built-in
    //! word lists (`rules/lexicons.yml`), run on a Markdown snippet.

    use std::collections::HashMap;
    use std::sync::Arc;

    use super::{Check, Context, Setup};
    use crate::document::{Document, Format};
    use crate::facts::FactBase;
    use crate::vocab::{Extension, Vocab};

    /// A check built for a test, with the vocabulary its word ids are in.
    pub struct Tested<T> {
        pub check: T,
        pub vocab: Vocab,
    }

    /// The built-in word lists.
    pub fn lexicons() -> HashMap<String, Vec<String>> {
        #[derive(serde::Deserialize)]
        struct File {
            lexicons: HashMap<String, Vec<String>>,
        }
        let text = include_str!("../../rules/lexicons.yml");
        match crate::yaml::from_str::<File>(text) {
            Ok(f) => f.lexicons,
            Err(e) => panic!("rules/lexicons.yml: {}", e.message),
        }
    }

    /// Builds a check with the built-in word lists and an empty fact base.
    pub fn tested<T>(build: impl FnOnce(&mut Setup) -> T) -> Tested<T> {
        let lexicons = lexicons();
        let facts = Arc::new(FactBase::default());
        let base = Vocab::default();
        let mut ext = Extension::new(&base);
        let check = build(&mut Setup::new(&lexicons, &facts, &mut ext));
        let vocab = ext.finish().unwrap_or_default();
        Tested { check, vocab }
    }

    /// The source text of each finding of `t` on `text` (read as Markdown).
    pub fn flagged<T: Check>(t: &Tested<T>, text: &str) -> Vec<String> {
        let doc = Document::parse("t.md", text, Format::Markdown);
        let ids = t.vocab.index(doc.prose());
        let mut out = Vec::new();
        let cx = Context {
            doc: &doc,
            ids: &ids,
            claims: &[],
        };
        t.check.check(&cx, &mut out);
        out.iter()
            .map(|f| doc.slice(f.span.clone()).to_string())
            .collect()
    }
}
