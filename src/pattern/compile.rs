//! Compiling a pattern's syntax tree into a token program.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use regex::{Regex, RegexBuilder};

use super::ast::{Class, Node, NodeKind};
use super::inflect;
use super::PatternError;
use crate::document::normalize::{base_len, normalize};
use crate::document::tokenize::{self, TokenKind};

/// The most instructions one compiled pattern may have.
const MAX_PROGRAM: usize = 20_000;

/// Words that make poor prefilter keys: a rule is better keyed on a rarer word.
const COMMON: &[&str] = &[
    "a", "an", "and", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "of",
    "on", "or", "that", "the", "to", "was", "with",
];

/// A set of words in matching form.
#[derive(Debug, Default)]
pub struct WordSet {
    small: Vec<Box<str>>,
    large: HashSet<Box<str>>,
}

impl WordSet {
    fn new(words: impl IntoIterator<Item = String>) -> WordSet {
        let mut all: Vec<Box<str>> = words.into_iter().map(String::into_boxed_str).collect();
        all.sort();
        all.dedup();
        if all.len() <= 8 {
            WordSet {
                small: all,
                large: HashSet::new(),
            }
        } else {
            WordSet {
                small: Vec::new(),
                large: all.into_iter().collect(),
            }
        }
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
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Program {
    pub(crate) insts: Vec<Inst>,
    pub(crate) preds: Vec<Pred>,
    /// Named captures; capture `i` uses slots `4 + 2i` and `5 + 2i`.
    pub captures: Vec<String>,
    /// Whether the pattern has a `<marker>`.
    pub has_marker: bool,
    /// Words at least one of which every match contains (matching form),
    /// or `None` when no such set exists.
    pub required: Option<Vec<String>>,
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
    lexicons: HashMap<String, (Arc<WordSet>, Vec<Vec<String>>)>,
}

/// Compiles one pattern with no named references.
pub fn compile(node: &Node) -> Result<Program, PatternError> {
    Compiler::new(&()).compile(node)
}

struct Emit<'c, 'r> {
    c: &'c mut Compiler<'r>,
    insts: Vec<Inst>,
    preds: Vec<Pred>,
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
        let required = e.required(node)?;
        Ok(Program {
            insts: e.insts,
            preds: e.preds,
            captures: e.captures,
            has_marker: e.has_marker,
            required,
        })
    }

    fn lexicon(&mut self, name: &str, entries: &[String]) -> (Arc<WordSet>, Vec<Vec<String>>) {
        if let Some(l) = self.lexicons.get(name) {
            return l.clone();
        }
        let mut singles = Vec::new();
        let mut multi = Vec::new();
        for e in entries {
            let toks: Vec<String> = tokenize::split(e)
                .into_iter()
                .map(|(t, _)| normalize(t))
                .collect();
            match toks.len() {
                0 => {}
                1 => singles.extend(toks),
                _ => multi.push(toks),
            }
        }
        // Longer entries are tried first, so "NATO member countries" wins over "NATO".
        multi.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let l = (Arc::new(WordSet::new(singles)), multi);
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
                Pred::Or(ps)
            }
            NodeKind::Ref(name) => match self.resolve(name, node)? {
                Resolved::Lexicon(entries) => {
                    let (set, multi) = self.c.lexicon(name, entries);
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
                    let (set, multi) = self.c.lexicon(name, entries);
                    // Multi-word entries first (longest first), then the single words:
                    // the longest entry that fits is the one matched.
                    let mut alts: Vec<Vec<Pred>> = multi
                        .into_iter()
                        .map(|m| {
                            m.into_iter()
                                .map(|w| Pred::Words(Arc::new(WordSet::new([w]))))
                                .collect()
                        })
                        .collect();
                    if !set.small.is_empty() || !set.large.is_empty() {
                        alts.push(vec![Pred::Words(set)]);
                    }
                    if alts.is_empty() {
                        // An empty word list matches nothing.
                        alts.push(vec![Pred::Or(Vec::new())]);
                    }
                    self.alternatives(
                        alts.into_iter()
                            .map(|seq| {
                                move |e: &mut Self| {
                                    for p in seq {
                                        e.tok(p, span)?;
                                    }
                                    Ok(())
                                }
                            })
                            .collect(),
                        span,
                    )?;
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
                self.alternatives(
                    alts.iter().map(|a| move |e: &mut Self| e.emit(a)).collect(),
                    span,
                )?;
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
    fn required(&mut self, node: &Node) -> Result<Option<Vec<String>>, PatternError> {
        Ok(match &node.kind {
            NodeKind::Word {
                text,
                inflect,
                forms,
            } => Some(Self::word_forms(text, *inflect, forms)),
            NodeKind::Phrase(p) => tokenize::split(p)
                .into_iter()
                .filter(|(_, k)| matches!(k, TokenKind::Word | TokenKind::Number))
                .map(|(t, _)| literal(t))
                .max_by_key(|w| (!COMMON.contains(&w.as_str()), w.len()))
                .map(|w| vec![w]),
            NodeKind::Seq(items) => {
                let mut best: Option<Vec<String>> = None;
                for i in items {
                    if let Some(r) = self.required(i)? {
                        let score = |r: &Vec<String>| {
                            let common = r.iter().any(|w| COMMON.contains(&w.as_str()));
                            let shortest = r.iter().map(|w| w.len()).min().unwrap_or(0);
                            (common, r.len(), usize::MAX - shortest)
                        };
                        if best.as_ref().is_none_or(|b| score(&r) < score(b)) {
                            best = Some(r);
                        }
                    }
                }
                best
            }
            NodeKind::Alt(alts) => {
                let mut all = Vec::new();
                for a in alts {
                    match self.required(a)? {
                        Some(r) => all.extend(r),
                        None => return Ok(None),
                    }
                }
                Some(all)
            }
            NodeKind::Repeat { node, min, .. } if *min > 0 => self.required(node)?,
            NodeKind::Capture { node, .. } | NodeKind::Marker(node) => self.required(node)?,
            NodeKind::Ref(name) => match self.resolve(name, node)? {
                Resolved::Lexicon(entries) => {
                    let (set, multi) = self.c.lexicon(name, entries);
                    let mut words = set.words();
                    words.extend(multi.into_iter().filter_map(|m| m.into_iter().next()));
                    Some(words.iter().map(|w| w[..base_len(w)].to_string()).collect())
                }
                Resolved::Pattern(p) => {
                    let p = p.clone();
                    self.expanding.push(name.clone());
                    let r = self.required(&p);
                    self.expanding.pop();
                    r?
                }
            },
            _ => None,
        })
    }
}

fn exact_form(t: &str) -> Box<str> {
    t.chars()
        .map(crate::document::normalize::fold_apostrophe)
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
