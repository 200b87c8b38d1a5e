//! Compiling a pattern's syntax tree into a token program.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

use regex::{Regex, RegexBuilder};

use super::ast::{Class, Node, NodeKind};
use super::inflect;
use super::PatternError;
use crate::text::normalize::{base_len, normalize};
use crate::text::tokenize::{self, TokenKind};
use crate::vocab::Vocab;

/// The most instructions one compiled pattern may have.
const MAX_PROGRAM: usize = 20_000;

/// Words that make poor prefilter keys: a rule is better keyed on a rarer word.
const COMMON: &[&str] = &[
    "a", "an", "and", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "of",
    "on", "or", "that", "the", "to", "was", "with",
];

/// A set of words in matching form. Once its program is bound to a
/// rulebook's vocabulary ([`Program::bind`]), it also holds its words' ids
/// and is tested with a token's id instead of its text.
#[derive(Debug, Default)]
pub struct WordSet {
    small: Vec<Box<str>>,
    large: FxHashSet<Box<str>>,
    ids: OnceLock<Box<[u32]>>,
}

impl WordSet {
    fn new(words: impl IntoIterator<Item = String>) -> WordSet {
        let mut all: Vec<Box<str>> = words.into_iter().map(String::into_boxed_str).collect();
        all.sort();
        all.dedup();
        if all.len() <= 8 {
            WordSet {
                small: all,
                large: FxHashSet::default(),
                ids: OnceLock::new(),
            }
        } else {
            WordSet {
                small: Vec::new(),
                large: all.into_iter().collect(),
                ids: OnceLock::new(),
            }
        }
    }

    /// Gives the words ids in `vocab` (added where new); a set already bound keeps its ids.
    fn bind(&self, vocab: &mut Vocab) {
        if self.ids.get().is_some() {
            return;
        }
        let mut ids: Vec<u32> = self
            .small
            .iter()
            .chain(self.large.iter())
            .map(|w| vocab.intern(w))
            .collect();
        ids.sort_unstable();
        let _ = self.ids.set(ids.into());
    }

    /// The words' ids, sorted, once bound.
    pub fn ids(&self) -> Option<&[u32]> {
        self.ids.get().map(|b| &**b)
    }

    /// Whether `w` is in the set.
    pub fn contains(&self, w: &str) -> bool {
        if self.large.is_empty() {
            self.small.iter().any(|s| &**s == w)
        } else {
            self.large.contains(w)
        }
    }

    fn words(&self) -> Vec<String> {
        self.small
            .iter()
            .chain(self.large.iter())
            .map(|s| s.to_string())
            .collect()
    }
}

/// A word list with entries of several words, as a trie over matching forms:
/// at a position, all entries that start there are found in one walk.
#[derive(Debug, Default)]
pub struct Trie {
    nodes: Vec<TrieNode>,
    /// Once bound ([`Program::bind`]): each node's children by word id, sorted.
    by_id: OnceLock<Vec<Vec<(u32, u32)>>>,
}

#[derive(Debug, Default)]
struct TrieNode {
    next: FxHashMap<Box<str>, u32>,
    end: bool,
}

impl Trie {
    fn new(entries: &[Vec<String>]) -> Trie {
        let mut t = Trie {
            nodes: vec![TrieNode::default()],
            by_id: OnceLock::new(),
        };
        for e in entries {
            let mut n = 0usize;
            for w in e {
                n = match t.nodes[n].next.get(w.as_str()) {
                    Some(&c) => c as usize,
                    None => {
                        t.nodes.push(TrieNode::default());
                        let c = t.nodes.len() - 1;
                        t.nodes[n].next.insert(w.clone().into_boxed_str(), c as u32);
                        c
                    }
                };
            }
            t.nodes[n].end = true;
        }
        t
    }

    /// Gives the words ids in `vocab` (added where new); a trie already bound keeps its ids.
    fn bind(&self, vocab: &mut Vocab) {
        if self.by_id.get().is_some() {
            return;
        }
        let by_id = self
            .nodes
            .iter()
            .map(|n| {
                let mut next: Vec<(u32, u32)> =
                    n.next.iter().map(|(w, &c)| (vocab.intern(w), c)).collect();
                next.sort_unstable();
                next
            })
            .collect();
        let _ = self.by_id.set(by_id);
    }

    /// The child of node `n` by word `id` (bound tries only).
    fn child_by_id(by_id: &[Vec<(u32, u32)>], n: usize, id: u32) -> Option<usize> {
        let next = by_id.get(n)?;
        next.binary_search_by_key(&id, |&(w, _)| w)
            .ok()
            .map(|k| next[k].1 as usize)
    }

    /// Like [`Trie::starts_with`], by the token's ids (`base`: the id of its
    /// possessive-free base, or the form's own id when it has none); `None`
    /// when the trie is not bound.
    pub fn starts_with_id(&self, norm: u32, base: u32) -> Option<bool> {
        let by_id = self.by_id.get()?;
        Some(
            Self::child_by_id(by_id, 0, norm).is_some()
                || (base != norm && Self::child_by_id(by_id, 0, base).is_some()),
        )
    }

    /// Like [`Trie::ends`], by the tokens' ids (`(form, base)` as in
    /// [`Trie::starts_with_id`]); false when the trie is not bound.
    pub fn ends_by_id(&self, ids: impl Iterator<Item = (u32, u32)>, out: &mut Vec<usize>) -> bool {
        let Some(by_id) = self.by_id.get() else {
            return false;
        };
        out.clear();
        let mut n = 0usize;
        for (len, (norm, base)) in (1..).zip(ids) {
            let next = Self::child_by_id(by_id, n, norm).or_else(|| {
                (base != norm)
                    .then(|| Self::child_by_id(by_id, n, base))
                    .flatten()
            });
            let Some(c) = next else {
                break;
            };
            n = c;
            if self.nodes[n].end {
                out.push(len);
            }
        }
        true
    }

    /// Whether some entry starts with this word (matching form or base; a
    /// base as long as the form is the form itself, not looked up twice).
    pub fn starts_with(&self, norm: &str, base: &str) -> bool {
        self.nodes.first().is_some_and(|n| {
            n.next.contains_key(norm) || (base.len() != norm.len() && n.next.contains_key(base))
        })
    }

    /// The lengths (in tokens, ascending) of the entries that match at `pos`,
    /// given each token's matching form and possessive-free base.
    pub fn ends<'a>(&self, forms: impl Iterator<Item = (&'a str, &'a str)>, out: &mut Vec<usize>) {
        out.clear();
        let mut n = 0usize;
        let mut len = 0;
        for (norm, base) in forms {
            let node = &self.nodes[n];
            let by_base = || {
                (base.len() != norm.len())
                    .then(|| node.next.get(base))
                    .flatten()
            };
            let Some(&c) = node.next.get(norm).or_else(by_base) else {
                break;
            };
            n = c as usize;
            len += 1;
            if self.nodes[n].end {
                out.push(len);
            }
        }
    }
}

/// A test on one token.
#[derive(Debug)]
pub enum Pred {
    /// Any token.
    Any,
    /// A word whose matching form (or its possessive-free base) is in the set.
    Words(Arc<WordSet>),
    /// The exact text (apostrophe variants folded).
    Exact(Box<str>),
    /// A whole-token regex.
    Regex(Regex),
    /// A token class.
    Class(Class),
    /// Not the inner test.
    Not(Box<Pred>),
    /// Any of these.
    Or(Vec<Pred>),
}

/// One instruction of a token program.
#[derive(Debug, Clone, Copy)]
pub enum Inst {
    /// Consume one token that satisfies predicate `n`.
    Tok(u32),
    /// Try `a`, then `b`.
    Split(u32, u32),
    /// Go to.
    Jmp(u32),
    /// Record the position in capture slot `n`.
    Save(u32),
    /// The token at the position starts a line.
    LineStart,
    /// The token before the position ends a line.
    LineEnd,
    /// Success.
    Match,
    /// Consume one entry of word list `n` (several words possible; longest first).
    Lex(u32),
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Program {
    pub(crate) insts: Vec<Inst>,
    pub(crate) preds: Vec<Pred>,
    pub(crate) tries: Vec<Arc<Trie>>,
    /// Named captures; capture `i` uses slots `4 + 2i` and `5 + 2i`.
    pub captures: Vec<String>,
    /// Whether the pattern has a `<marker>`.
    pub has_marker: bool,
    /// Sets of words (matching form) such that every match contains a word
    /// of each set; empty when the pattern needs no particular word.
    pub required: Vec<Vec<String>>,
    /// The required sets of each top-level alternative (of each pattern of a rule).
    pub alternatives: Vec<Vec<Vec<String>>>,
    /// The tests a match's first token must pass (to skip hopeless start positions).
    pub(crate) first: First,
}

impl Program {
    /// Gives every word the program tests an id in `vocab` (added where
    /// new), so that matching compares the ids a document's tokens have in
    /// that vocabulary ([`crate::vocab::WordIds`]) instead of their text.
    /// The ids must come from this vocabulary (or one that extends it).
    pub fn bind(&self, vocab: &mut Vocab) {
        fn pred(p: &Pred, vocab: &mut Vocab) {
            match p {
                Pred::Words(set) => set.bind(vocab),
                Pred::Not(inner) => pred(inner, vocab),
                Pred::Or(ps) => ps.iter().for_each(|p| pred(p, vocab)),
                Pred::Any | Pred::Exact(_) | Pred::Regex(_) | Pred::Class(_) => {}
            }
        }
        for p in &self.preds {
            pred(p, vocab);
        }
        for t in &self.tries {
            t.bind(vocab);
        }
        // The words a match can start with, when only words can start one.
        let mut first: Vec<u32> = Vec::new();
        for &p in &self.first.preds {
            match self.preds.get(p as usize) {
                Some(Pred::Words(set)) => match set.ids() {
                    Some(ids) => first.extend_from_slice(ids),
                    None => return,
                },
                _ => return,
            }
        }
        for &l in &self.first.tries {
            match self.tries.get(l as usize).and_then(|t| t.by_id.get()) {
                Some(by_id) => first.extend(by_id.first().into_iter().flatten().map(|&(w, _)| w)),
                None => return,
            }
        }
        first.sort_unstable();
        first.dedup();
        let _ = self.first.ids.set(first.into_boxed_slice());
    }
}

/// The first token of any match passes one of these tests.
#[derive(Debug, Default)]
pub(crate) struct First {
    /// Predicates (indices into `preds`).
    pub(crate) preds: Vec<u32>,
    /// Word lists with several-word entries (indices into `tries`).
    pub(crate) tries: Vec<u32>,
    /// Any token may start a match: no filtering.
    pub(crate) any: bool,
    /// Once bound ([`Program::bind`]), when every test above is a word
    /// set or a word list: the sorted ids of the words a match can start
    /// with, so that a start is ruled in or out by its token's ids alone.
    pub(crate) ids: OnceLock<Box<[u32]>>,
}

impl First {
    /// Follows the program from its start through the instructions that consume no token.
    fn of(insts: &[Inst], preds: &[Pred]) -> First {
        let mut first = First::default();
        let mut seen = vec![false; insts.len()];
        let mut stack = vec![0usize];
        while let Some(pc) = stack.pop() {
            if pc >= insts.len() || seen[pc] {
                continue;
            }
            seen[pc] = true;
            match insts[pc] {
                Inst::Tok(p) => match preds[p as usize] {
                    Pred::Any | Pred::Not(_) => first.any = true,
                    _ => first.preds.push(p),
                },
                Inst::Lex(l) => first.tries.push(l),
                Inst::Split(a, b) => {
                    stack.push(a as usize);
                    stack.push(b as usize);
                }
                Inst::Jmp(a) => stack.push(a as usize),
                Inst::Save(_) | Inst::LineStart | Inst::LineEnd => stack.push(pc + 1),
                Inst::Match => first.any = true,
            }
        }
        first
    }
}

impl Program {
    /// Number of capture slots.
    pub fn slots(&self) -> usize {
        4 + 2 * self.captures.len()
    }
}

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
                        None if set.small.is_empty() && set.large.is_empty() => {
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

    /// Words one of which must appear in any match (for the prefilter).
    /// Sets of words such that every match contains a word of each set
    /// (a conjunction of disjunctions), for the prefilter.
    fn required(&mut self, node: &Node) -> Result<Vec<Vec<String>>, PatternError> {
        Ok(match &node.kind {
            NodeKind::Word {
                text,
                inflect,
                forms,
            } => vec![Self::word_forms(text, *inflect, forms)],
            NodeKind::Phrase(p) => tokenize::split(p)
                .into_iter()
                .filter(|(_, k)| matches!(k, TokenKind::Word | TokenKind::Number))
                .map(|(t, _)| vec![literal(t)])
                .collect(),
            NodeKind::Seq(items) => {
                let mut all = Vec::new();
                for i in items {
                    all.extend(self.required(i)?);
                }
                all
            }
            NodeKind::Alt(alts) => {
                // Any match goes through one alternative: the union of each one's best set.
                let mut union = Vec::new();
                for a in alts {
                    match best_set(self.required(a)?) {
                        Some(r) => union.extend(r),
                        None => return Ok(Vec::new()),
                    }
                }
                vec![union]
            }
            NodeKind::Repeat { node, min, .. } if *min > 0 => self.required(node)?,
            NodeKind::Capture { node, .. } | NodeKind::Marker(node) => self.required(node)?,
            NodeKind::Ref(name) => match self.resolve(name, node)? {
                Resolved::Lexicon(entries) => {
                    let (set, multi, _) = self.c.lexicon(name, entries);
                    let mut words = set.words();
                    words.extend(multi.iter().filter_map(|m| m.first().cloned()));
                    if words.is_empty() {
                        Vec::new()
                    } else {
                        vec![words.iter().map(|w| w[..base_len(w)].to_string()).collect()]
                    }
                }
                Resolved::Pattern(p) => {
                    let p = p.clone();
                    self.expanding.push(name.clone());
                    let r = self.required(&p);
                    self.expanding.pop();
                    r?
                }
            },
            _ => Vec::new(),
        })
    }
}

/// How selective a set of words is as a prefilter key (lower is better):
/// sets with a very common word come last, then larger sets, then shorter words.
fn set_score(r: &[String]) -> (bool, usize, usize) {
    let common = r.iter().any(|w| COMMON.contains(&w.as_str()));
    let shortest = r.iter().map(|w| w.len()).min().unwrap_or(0);
    (common, r.len(), usize::MAX - shortest)
}

/// The most selective of several required sets.
fn best_set(sets: Vec<Vec<String>>) -> Option<Vec<String>> {
    sets.into_iter()
        .filter(|s| !s.is_empty())
        .min_by_key(|s| set_score(s))
}

/// The required sets worth checking: the most selective first, at most
/// [`MAX_REQUIRED_SETS`], without sets of very common words unless nothing else is left.
fn prune_sets(mut sets: Vec<Vec<String>>) -> Vec<Vec<String>> {
    sets.retain(|s| !s.is_empty());
    for s in &mut sets {
        s.sort();
        s.dedup();
    }
    sets.sort_by_key(|s| set_score(s));
    sets.dedup();
    if sets.iter().any(|s| !set_score(s).0) {
        sets.retain(|s| !set_score(s).0);
    } else {
        sets.truncate(1);
    }
    sets.truncate(MAX_REQUIRED_SETS);
    sets
}

/// The most required sets the prefilter checks for one pattern.
pub const MAX_REQUIRED_SETS: usize = 8;

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
