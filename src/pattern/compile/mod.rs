//! Compiling a pattern's syntax tree into a token program ([`Program`]):
//! word sets and tries (`words.rs`), the program itself (`program.rs`), and
//! the words every match needs, which key the prefilter (`required.rs`).

mod program;
mod required;
mod words;

use std::collections::HashMap;
use std::sync::Arc;

use regex::{Regex, RegexBuilder};

use super::ast::{Node, NodeKind};
use super::inflect;
use super::PatternError;
use crate::text::normalize::{base_len, normalize};
use crate::text::tokenize;
pub(crate) use program::First;
pub use program::{Inst, Pred, Program};
use required::prune_sets;
pub use required::MAX_REQUIRED_SETS;
pub use words::{Trie, WordSet};

/// The most instructions one compiled pattern may have.
const MAX_PROGRAM: usize = 20_000;

/// What a `@name` reference resolves to.
pub enum Resolved<'a> {
    /// A word list: each entry a word or phrase.
    Lexicon(&'a [String]),
    /// A named sub-pattern.
    Pattern(&'a Node),
}

/// Looks up `@name` references.
pub trait Resolve {
    /// The lexicon or named pattern called `name`.
    fn resolve(&self, name: &str) -> Option<Resolved<'_>>;
}

impl Resolve for () {
    fn resolve(&self, _name: &str) -> Option<Resolved<'_>> {
        None
    }
}

/// Compiles patterns, sharing compiled word lists between them.
pub struct Compiler<'r> {
    resolver: &'r dyn Resolve,
    lexicons: HashMap<String, Lexicon>,
}

/// A compiled word list: its single words, its longer entries, and a trie of all entries when some are longer.
type Lexicon = (Arc<WordSet>, Arc<[Vec<String>]>, Option<Arc<Trie>>);

/// Compiles one pattern with no named references.
pub fn compile(node: &Node) -> Result<Program, PatternError> {
    Compiler::new(&()).compile(node)
}

struct Emit<'c, 'r> {
    c: &'c mut Compiler<'r>,
    insts: Vec<Inst>,
    preds: Vec<Pred>,
    tries: Vec<Arc<Trie>>,
    captures: Vec<String>,
    has_marker: bool,
    expanding: Vec<String>,
}

impl<'r> Compiler<'r> {
    /// A compiler that resolves `@name` through `resolver`.
    pub fn new(resolver: &'r dyn Resolve) -> Self {
        Compiler {
            resolver,
            lexicons: HashMap::new(),
        }
    }

    /// Compiles `node`.
    pub fn compile(&mut self, node: &Node) -> Result<Program, PatternError> {
        let mut e = Emit {
            c: self,
            insts: Vec::new(),
            preds: Vec::new(),
            tries: Vec::new(),
            captures: Vec::new(),
            has_marker: false,
            expanding: Vec::new(),
        };
        if e.min_len(node)? == 0 {
            return Err(PatternError::new(
                node.span.clone(),
                "the pattern can match no token at all",
            )
            .hint("make at least one item required (not `?` or `*`)"));
        }
        e.insts.push(Inst::Save(0));
        e.emit(node)?;
        e.insts.push(Inst::Save(1));
        e.insts.push(Inst::Match);
        let required = prune_sets(e.required(node)?);
        // Each top-level alternative (each of a rule's patterns) has its own
        // required sets, a sharper prefilter key than their union.
        let alternatives = match &node.kind {
            NodeKind::Alt(alts) => {
                let mut v = Vec::new();
                for a in alts {
                    v.push(prune_sets(e.required(a)?));
                }
                v
            }
            _ => vec![required.clone()],
        };
        let first = First::of(&e.insts, &e.preds);
        // A rule pack of thousands of rules keeps every program: no spare room.
        e.insts.shrink_to_fit();
        e.preds.shrink_to_fit();
        e.captures.shrink_to_fit();
        Ok(Program {
            insts: e.insts,
            preds: e.preds,
            tries: e.tries,
            captures: e.captures,
            has_marker: e.has_marker,
            required,
            alternatives,
            first,
        })
    }

    fn lexicon(&mut self, name: &str, entries: &[String]) -> Lexicon {
        if let Some(l) = self.lexicons.get(name) {
            return l.clone();
        }
        let mut singles = Vec::new();
        let mut multi = Vec::new();
        let mut all = Vec::new();
        for e in entries {
            let toks: Vec<String> = tokenize::split(e)
                .into_iter()
                .map(|(t, _)| literal(t))
                .collect();
            match toks.len() {
                0 => continue,
                1 => singles.extend(toks.iter().cloned()),
                _ => multi.push(toks.clone()),
            }
            all.push(toks);
        }
        let trie = (!multi.is_empty()).then(|| Arc::new(Trie::new(&all)));
        let l = (Arc::new(WordSet::new(singles)), Arc::from(multi), trie);
        self.lexicons.insert(name.to_string(), l.clone());
        l
    }
}

/// The matching form of a literal word, possessive removed (documents match either form).
fn literal(word: &str) -> String {
    let n = normalize(word);
    let b = base_len(&n);
    n[..b].to_string()
}

impl<'r> Emit<'_, 'r> {
    fn pc(&self) -> u32 {
        self.insts.len() as u32
    }

    fn push(&mut self, i: Inst, span: &std::ops::Range<usize>) -> Result<u32, PatternError> {
        if self.insts.len() >= MAX_PROGRAM {
            return Err(
                PatternError::new(span.clone(), "the pattern is too large once expanded")
                    .hint("lower the repetition bounds or split the rule"),
            );
        }
        self.insts.push(i);
        Ok(self.pc() - 1)
    }

    fn tok(&mut self, p: Pred, span: &std::ops::Range<usize>) -> Result<(), PatternError> {
        self.preds.push(p);
        let n = self.preds.len() as u32 - 1;
        self.push(Inst::Tok(n), span)?;
        Ok(())
    }

    fn resolve(&self, name: &str, node: &Node) -> Result<Resolved<'r>, PatternError> {
        let resolver: &'r dyn Resolve = self.c.resolver;
        resolver.resolve(name).ok_or_else(|| {
            PatternError::new(
                node.span.clone(),
                format!("unknown lexicon or pattern `@{name}`"),
            )
            .hint("define it under `lexicons:` or `patterns:` in a rule file")
        })
    }

    fn word_forms(text: &str, inflect: bool, forms: &[String]) -> Vec<String> {
        let mut v: Vec<String> = if inflect {
            inflect::forms(text)
        } else {
            vec![text.to_string()]
        };
        v.extend(forms.iter().cloned());
        v.iter().map(|w| literal(w)).collect()
    }

    /// The single-token test for `node`, when it consumes exactly one token.
    fn single(&mut self, node: &Node) -> Result<Option<Pred>, PatternError> {
        Ok(Some(match &node.kind {
            NodeKind::Word {
                text,
                inflect,
                forms,
            } => Pred::Words(Arc::new(WordSet::new(Self::word_forms(
                text, *inflect, forms,
            )))),
            NodeKind::Phrase(p) => {
                let toks = tokenize::split(p);
                if toks.len() != 1 {
                    return Ok(None);
                }
                Pred::Exact(exact_form(toks[0].0))
            }
            NodeKind::Regex {
                source,
                ignore_case,
            } => Pred::Regex(build_regex(source, *ignore_case, node)?),
            NodeKind::Class(c) => Pred::Class(*c),
            NodeKind::Any => Pred::Any,
            NodeKind::Not(inner) => match self.single(inner)? {
                Some(p) => Pred::Not(Box::new(p)),
                None => return Ok(None),
            },
            NodeKind::Alt(alts) => {
                let mut ps = Vec::new();
                for a in alts {
                    match self.single(a)? {
                        Some(p) => ps.push(p),
                        None => return Ok(None),
                    }
                }
                merge_words(ps)
            }
            NodeKind::Ref(name) => match self.resolve(name, node)? {
                Resolved::Lexicon(entries) => {
                    let (set, multi, _) = self.c.lexicon(name, entries);
                    if !multi.is_empty() {
                        return Ok(None);
                    }
                    Pred::Words(set)
                }
                Resolved::Pattern(p) => {
                    let p = p.clone();
                    return self.single(&p);
                }
            },
            _ => return Ok(None),
        }))
    }

    fn emit(&mut self, node: &Node) -> Result<(), PatternError> {
        let span = &node.span;
        match &node.kind {
            NodeKind::Word { .. } | NodeKind::Regex { .. } | NodeKind::Class(_) | NodeKind::Any => {
                let p = self.single(node)?.unwrap_or(Pred::Any);
                self.tok(p, span)?;
            }
            NodeKind::Phrase(p) => {
                for (t, _) in tokenize::split(p) {
                    self.tok(Pred::Exact(exact_form(t)), span)?;
                }
            }
            NodeKind::Not(inner) => match self.single(inner)? {
                Some(p) => self.tok(Pred::Not(Box::new(p)), span)?,
                None => return Err(PatternError::new(
                    span.clone(),
                    "`!` applies to one token only",
                )
                .hint(
                    "negate a word, a one-word phrase, a regex, a class or a list of single words",
                )),
            },
            NodeKind::Ref(name) => match self.resolve(name, node)? {
                Resolved::Lexicon(entries) => {
                    let (set, _, trie) = self.c.lexicon(name, entries);
                    match trie {
                        // Entries of several words: one trie walk finds them all, longest first.
                        Some(trie) => {
                            self.tries.push(trie);
                            let n = self.tries.len() as u32 - 1;
                            self.push(Inst::Lex(n), span)?;
                        }
                        None if set.is_empty() => {
                            // An empty word list matches nothing.
                            self.tok(Pred::Or(Vec::new()), span)?;
                        }
                        None => self.tok(Pred::Words(set), span)?,
                    }
                }
                Resolved::Pattern(p) => {
                    if self.expanding.iter().any(|n| n == name) {
                        return Err(PatternError::new(
                            span.clone(),
                            format!("pattern `@{name}` refers to itself"),
                        )
                        .hint("named patterns cannot be recursive"));
                    }
                    let p = p.clone();
                    self.expanding.push(name.clone());
                    let r = self.emit(&p);
                    self.expanding.pop();
                    r?;
                }
            },
            NodeKind::Gap { min, max } => {
                for _ in 0..*min {
                    self.tok(Pred::Any, span)?;
                }
                let mut splits = Vec::new();
                for _ in *min..*max {
                    // Lazy: prefer to stop skipping.
                    splits.push(self.push(Inst::Split(0, 0), span)?);
                    self.tok(Pred::Any, span)?;
                }
                let end = self.pc();
                for s in splits {
                    self.insts[s as usize] = Inst::Split(end, s + 1);
                }
            }
            NodeKind::LineStart => {
                self.push(Inst::LineStart, span)?;
            }
            NodeKind::LineEnd => {
                self.push(Inst::LineEnd, span)?;
            }
            NodeKind::Seq(items) => {
                for i in items {
                    self.emit(i)?;
                }
            }
            NodeKind::Alt(alts) => {
                // Alternatives of single tokens become one test: `(maintain | keep | run)` is one instruction.
                match self.single(node)? {
                    Some(p) => self.tok(p, span)?,
                    None => self.alternatives(
                        alts.iter().map(|a| move |e: &mut Self| e.emit(a)).collect(),
                        span,
                    )?,
                }
            }
            NodeKind::Repeat {
                node: inner,
                min,
                max,
            } => {
                for _ in 0..*min {
                    self.emit(inner)?;
                }
                match max {
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.push(Inst::Split(0, 0), span)?);
                            self.emit(inner)?;
                        }
                        let end = self.pc();
                        for s in splits {
                            self.insts[s as usize] = Inst::Split(s + 1, end);
                        }
                    }
                    None => {
                        let top = self.push(Inst::Split(0, 0), span)?;
                        self.emit(inner)?;
                        self.push(Inst::Jmp(top), span)?;
                        let end = self.pc();
                        self.insts[top as usize] = Inst::Split(top + 1, end);
                    }
                }
            }
            NodeKind::Capture { name, node: inner } => {
                let idx = match self.captures.iter().position(|c| c == name) {
                    Some(i) => i,
                    None => {
                        self.captures.push(name.clone());
                        self.captures.len() - 1
                    }
                } as u32;
                self.push(Inst::Save(4 + 2 * idx), span)?;
                self.emit(inner)?;
                self.push(Inst::Save(5 + 2 * idx), span)?;
            }
            NodeKind::Marker(inner) => {
                self.has_marker = true;
                self.push(Inst::Save(2), span)?;
                self.emit(inner)?;
                self.push(Inst::Save(3), span)?;
            }
        }
        Ok(())
    }

    #[allow(clippy::type_complexity)]
    fn alternatives<F>(
        &mut self,
        alts: Vec<F>,
        span: &std::ops::Range<usize>,
    ) -> Result<(), PatternError>
    where
        F: FnOnce(&mut Self) -> Result<(), PatternError>,
    {
        let n = alts.len();
        let mut jumps = Vec::new();
        for (k, f) in alts.into_iter().enumerate() {
            if k + 1 < n {
                let split = self.push(Inst::Split(0, 0), span)?;
                f(self)?;
                jumps.push(self.push(Inst::Jmp(0), span)?);
                let next = self.pc();
                self.insts[split as usize] = Inst::Split(split + 1, next);
            } else {
                f(self)?;
            }
        }
        let end = self.pc();
        for j in jumps {
            self.insts[j as usize] = Inst::Jmp(end);
        }
        Ok(())
    }

    fn min_len(&mut self, node: &Node) -> Result<usize, PatternError> {
        Ok(match &node.kind {
            NodeKind::Word { .. }
            | NodeKind::Regex { .. }
            | NodeKind::Class(_)
            | NodeKind::Any
            | NodeKind::Not(_) => 1,
            NodeKind::Phrase(p) => tokenize::split(p).len(),
            NodeKind::Gap { min, .. } => *min as usize,
            NodeKind::LineStart | NodeKind::LineEnd => 0,
            NodeKind::Seq(items) => {
                let mut n = 0;
                for i in items {
                    n += self.min_len(i)?;
                }
                n
            }
            NodeKind::Alt(alts) => {
                let mut m = usize::MAX;
                for a in alts {
                    m = m.min(self.min_len(a)?);
                }
                m
            }
            NodeKind::Repeat { node, min, .. } => self.min_len(node)? * *min as usize,
            NodeKind::Capture { node, .. } | NodeKind::Marker(node) => self.min_len(node)?,
            NodeKind::Ref(name) => {
                if self.expanding.iter().any(|n| n == name) {
                    return Err(PatternError::new(
                        node.span.clone(),
                        format!("pattern `@{name}` refers to itself"),
                    )
                    .hint("named patterns cannot be recursive"));
                }
                match self.resolve(name, node)? {
                    Resolved::Lexicon(_) => 1,
                    Resolved::Pattern(p) => {
                        let p = p.clone();
                        self.expanding.push(name.clone());
                        let r = self.min_len(&p);
                        self.expanding.pop();
                        r?
                    }
                }
            }
        })
    }
}

/// One test for alternatives of single tokens: word sets are merged into one set.
fn merge_words(ps: Vec<Pred>) -> Pred {
    if ps.iter().all(|p| matches!(p, Pred::Words(_))) {
        let words = ps.iter().flat_map(|p| match p {
            Pred::Words(w) => w.words(),
            _ => Vec::new(),
        });
        return Pred::Words(Arc::new(WordSet::new(words)));
    }
    let (words, mut rest): (Vec<Pred>, Vec<Pred>) =
        ps.into_iter().partition(|p| matches!(p, Pred::Words(_)));
    if words.len() > 1 {
        rest.insert(0, merge_words(words));
    } else {
        rest.extend(words);
    }
    if rest.len() == 1 {
        rest.pop().unwrap_or(Pred::Any)
    } else {
        Pred::Or(rest)
    }
}

fn exact_form(t: &str) -> Box<str> {
    t.chars()
        .map(crate::text::normalize::fold_apostrophe)
        .collect::<String>()
        .into_boxed_str()
}

fn build_regex(source: &str, ignore_case: bool, node: &Node) -> Result<Regex, PatternError> {
    RegexBuilder::new(&format!("^(?:{source})$"))
        .case_insensitive(ignore_case)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| {
            let msg = e.to_string();
            let last = msg
                .lines()
                .last()
                .unwrap_or("invalid regex")
                .trim()
                .trim_start_matches("error: ");
            PatternError::new(node.span.clone(), format!("invalid regex: {last}"))
                .hint("regexes use the syntax of the Rust `regex` crate and match one whole token")
        })
}
