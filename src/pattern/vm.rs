//! The matcher: a bounded backtracking search over a sentence's tokens.
//!
//! Each (instruction, position) pair is explored at most once per search,
//! so a search costs at most instructions × tokens steps, whatever the
//! pattern: there is no exponential blow-up.

use std::ops::Range;

use super::ast::Class;
use super::compile::{Inst, Pred, Program};
use crate::text::{Prose, Token, TokenKind, LINE_END, LINE_START};
use crate::vocab::{WordIds, UNKNOWN};

/// Reusable scratch space for matching (no allocation per search once warm).
#[derive(Debug, Default)]
pub struct Cache {
    visited: Vec<u64>,
    stack: Vec<Job>,
    slots: Vec<Option<usize>>,
    ends: Vec<usize>,
    /// The lowest and highest token positions the last search visited.
    touched: (usize, usize),
}

#[derive(Debug, Clone, Copy)]
enum Job {
    Explore(u32, usize),
    Restore(u32, Option<usize>),
}

/// The token positions of one match: the whole match, the marker and each named capture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captures {
    slots: Vec<Option<usize>>,
}

impl Captures {
    /// The matched tokens (indices into the document's tokens).
    pub fn whole(&self) -> Range<usize> {
        self.range(0).unwrap_or(0..0)
    }

    /// The marked tokens, or the whole match when the pattern has no marker.
    pub fn marked(&self) -> Range<usize> {
        self.range(2).unwrap_or_else(|| self.whole())
    }

    /// The tokens of named capture `i` (in [`Program::captures`] order), if it took part.
    pub fn capture(&self, i: usize) -> Option<Range<usize>> {
        self.range(4 + 2 * i)
    }

    fn range(&self, slot: usize) -> Option<Range<usize>> {
        match (
            self.slots.get(slot).copied().flatten(),
            self.slots.get(slot + 1).copied().flatten(),
        ) {
            (Some(a), Some(b)) if a <= b => Some(a..b),
            _ => None,
        }
    }
}

fn class_matches(c: Class, doc: Prose, t: &Token) -> bool {
    let text = doc.text(t);
    match c {
        Class::Word => t.kind == TokenKind::Word,
        Class::Number => t.kind == TokenKind::Number,
        Class::Year => {
            t.kind == TokenKind::Number
                && text.len() == 4
                && matches!(text.as_bytes()[0], b'1' | b'2')
                && text.bytes().all(|b| b.is_ascii_digit())
        }
        Class::Time => {
            t.kind == TokenKind::Number && {
                let (h, m) = text.split_once(':').unwrap_or(("", ""));
                (1..=2).contains(&h.len())
                    && m.len() == 2
                    && h.parse::<u8>().is_ok_and(|h| h < 24)
                    && m.parse::<u8>().is_ok_and(|m| m < 60)
            }
        }
        Class::Cap => {
            t.kind == TokenKind::Word && text.chars().next().is_some_and(char::is_uppercase)
        }
        Class::Upper => {
            t.kind == TokenKind::Word
                && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !text.chars().any(char::is_lowercase)
        }
        Class::Lower => t.kind == TokenKind::Word && !text.chars().any(|c| c.is_uppercase()),
        Class::Punct => t.kind == TokenKind::Punct,
    }
}

/// Tokens and their word ids, when they are ids in the vocabulary the
/// program was bound to ([`Program::bind`]).
#[derive(Clone, Copy)]
struct Text<'a> {
    doc: Prose<'a>,
    ids: Option<&'a WordIds>,
}

impl<'a> Text<'a> {
    fn new(doc: Prose<'a>, ids: &'a WordIds) -> Self {
        // Ids computed for other tokens (or none) are not used.
        let ids = (ids.norm.len() == doc.tokens.len()).then_some(ids);
        Text { doc, ids }
    }

    /// The ids of token `pos`'s matching form and of its base (see [`WordIds::forms`]).
    fn ids(&self, pos: usize) -> Option<(u32, u32)> {
        self.ids.map(|ids| ids.forms(pos))
    }
}

/// Whether `id` is among the sorted `ids`.
fn has_id(ids: &[u32], id: u32) -> bool {
    id != UNKNOWN
        && if ids.len() <= 8 {
            ids.contains(&id)
        } else {
            ids.binary_search(&id).is_ok()
        }
}

/// Whether a token's matching form or its base (`(form, base)` ids, see
/// [`WordIds::forms`]) is among the sorted `ids` (the base is looked up
/// only when it differs).
fn has_form(ids: &[u32], (n, b): (u32, u32)) -> bool {
    has_id(ids, n) || (b != n && has_id(ids, b))
}

fn pred_matches(p: &Pred, text: Text, pos: usize) -> bool {
    let (doc, t) = (text.doc, &text.doc.tokens[pos]);
    match p {
        Pred::Any => true,
        Pred::Words(set) => {
            matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Punct
            ) && match (set.ids(), text.ids(pos)) {
                // Bound sets compare ids.
                (Some(bound), Some(forms)) => has_form(bound, forms),
                _ => set.contains(doc.norm(t)) || (t.possessive() && set.contains(doc.base(t))),
            }
        }
        Pred::Exact(s) => {
            let text = doc.text(t);
            text.chars()
                .map(crate::text::normalize::fold_apostrophe)
                .eq(s.chars())
        }
        Pred::Regex(r) => {
            matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Punct
            ) && r.is_match(doc.text(t))
        }
        Pred::Class(c) => class_matches(*c, doc, t),
        Pred::Not(inner) => !pred_matches(inner, text, pos),
        Pred::Or(ps) => ps.iter().any(|p| pred_matches(p, text, pos)),
    }
}

impl Program {
    /// The first match in the tokens `range` of `doc` that starts at or
    /// after `from`. `ids` are the tokens' word ids in the vocabulary the
    /// program is bound to ([`Program::bind`]); with ids of another
    /// text, or for a program never bound, words are compared as text.
    pub fn find_at(
        &self,
        doc: Prose,
        ids: &WordIds,
        range: Range<usize>,
        from: usize,
        cache: &mut Cache,
    ) -> Option<Captures> {
        self.prepare(&range, cache);
        self.search(Text::new(doc, ids), &range, from, cache)
    }

    /// All non-overlapping matches in the tokens `range` of `doc`, left to
    /// right (`ids` as for [`Program::find_at`]).
    pub fn find_iter(
        &self,
        doc: Prose,
        ids: &WordIds,
        range: Range<usize>,
        cache: &mut Cache,
    ) -> Vec<Captures> {
        let mut out = Vec::new();
        let mut from = range.start;
        self.prepare(&range, cache);
        let text = Text::new(doc, ids);
        while from < range.end {
            let Some(m) = self.search(text, &range, from, cache) else {
                break;
            };
            let w = m.whole();
            from = if w.end > w.start { w.end } else { w.start + 1 };
            out.push(m);
        }
        out
    }

    /// Sizes the cache for searches in `range`, with nothing visited (each
    /// search empties the capture slots itself).
    fn prepare(&self, range: &Range<usize>, cache: &mut Cache) {
        let width = range.end - range.start + 1;
        cache.visited.clear();
        cache
            .visited
            .resize((self.insts.len() * width).div_ceil(64), 0);
        cache.slots.resize(self.slots(), None);
    }

    /// The first match starting at or after `from`; leaves the visited set
    /// empty again, clearing only what the search touched (so that many
    /// matches in a long sentence cost what they visit, not the sentence
    /// length each).
    fn search(
        &self,
        text: Text,
        range: &Range<usize>,
        from: usize,
        cache: &mut Cache,
    ) -> Option<Captures> {
        cache.touched = (usize::MAX, 0);
        cache.slots.iter_mut().for_each(|s| *s = None);
        let mut found = None;
        // The words a match can start with, where they decide by ids alone.
        let first_ids = match (self.first.any, text.ids) {
            (false, Some(ids)) => self.first.ids.get().map(|f| (&f[..], ids)),
            _ => None,
        };
        // A match consumes at least one token, so it starts before the end.
        for start in from..range.end {
            let may = match first_ids {
                Some((first, ids)) => has_form(first, ids.forms(start)),
                None => self.first.any || self.may_start(text, start),
            };
            if !may {
                continue;
            }
            if self.backtrack(text, range, start, cache) {
                found = Some(Captures {
                    slots: cache.slots.clone(),
                });
                break;
            }
        }
        let (lo, hi) = cache.touched;
        if lo <= hi {
            let width = range.end - range.start + 1;
            for pc in 0..self.insts.len() {
                let row = pc * width;
                clear_bits(
                    &mut cache.visited,
                    row + (lo - range.start),
                    row + (hi - range.start),
                );
            }
        }
        found
    }

    /// Whether the token at `pos` can be the first of a match.
    fn may_start(&self, text: Text, pos: usize) -> bool {
        let (doc, t) = (text.doc, &text.doc.tokens[pos]);
        self.first
            .preds
            .iter()
            .any(|&p| pred_matches(&self.preds[p as usize], text, pos))
            || (matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Punct
            ) && self.first.tries.iter().any(|&l| {
                let trie = &self.tries[l as usize];
                text.ids(pos)
                    .and_then(|(n, b)| trie.starts_with_id(n, b))
                    .unwrap_or_else(|| trie.starts_with(doc.norm(t), doc.base(t)))
            }))
    }

    fn backtrack(&self, text: Text, range: &Range<usize>, start: usize, cache: &mut Cache) -> bool {
        let doc = text.doc;
        let base = range.start;
        let width = range.end - base + 1;
        cache.stack.clear();
        cache.stack.push(Job::Explore(0, start));
        while let Some(job) = cache.stack.pop() {
            let (mut pc, mut pos) = match job {
                Job::Restore(slot, v) => {
                    cache.slots[slot as usize] = v;
                    continue;
                }
                Job::Explore(pc, pos) => (pc, pos),
            };
            loop {
                let key = pc as usize * width + (pos - base);
                let (w, bit) = (key / 64, 1u64 << (key % 64));
                if cache.visited[w] & bit != 0 {
                    break;
                }
                cache.visited[w] |= bit;
                cache.touched.0 = cache.touched.0.min(pos);
                cache.touched.1 = cache.touched.1.max(pos);
                match self.insts[pc as usize] {
                    Inst::Tok(p) => {
                        if pos < range.end && pred_matches(&self.preds[p as usize], text, pos) {
                            pc += 1;
                            pos += 1;
                        } else {
                            break;
                        }
                    }
                    Inst::Split(a, b) => {
                        cache.stack.push(Job::Explore(b, pos));
                        pc = a;
                    }
                    Inst::Jmp(a) => pc = a,
                    Inst::Save(s) => {
                        cache.stack.push(Job::Restore(s, cache.slots[s as usize]));
                        cache.slots[s as usize] = Some(pos);
                        pc += 1;
                    }
                    Inst::LineStart => {
                        if pos < range.end && doc.tokens[pos].has(LINE_START) {
                            pc += 1;
                        } else {
                            break;
                        }
                    }
                    Inst::LineEnd => {
                        if pos > range.start && doc.tokens[pos - 1].has(LINE_END) {
                            pc += 1;
                        } else {
                            break;
                        }
                    }
                    Inst::Match => return true,
                    Inst::Lex(l) => {
                        let trie = &self.tries[l as usize];
                        let words = || {
                            (pos..)
                                .zip(&doc.tokens[pos..range.end])
                                .take_while(|(_, t)| {
                                    matches!(
                                        t.kind,
                                        TokenKind::Word | TokenKind::Number | TokenKind::Punct
                                    )
                                })
                                .map(|(j, _)| j)
                        };
                        // By ids where bound, else by text.
                        let by_id = text.ids.is_some()
                            && trie.ends_by_id(words().map_while(|j| text.ids(j)), &mut cache.ends);
                        if !by_id {
                            let forms = words().map(|j| {
                                let t = &doc.tokens[j];
                                (doc.norm(t), doc.base(t))
                            });
                            trie.ends(forms, &mut cache.ends);
                        }
                        let Some(&longest) = cache.ends.last() else {
                            break;
                        };
                        // Shorter entries are alternatives, tried after the longest.
                        for &len in &cache.ends[..cache.ends.len() - 1] {
                            cache.stack.push(Job::Explore(pc + 1, pos + len));
                        }
                        pc += 1;
                        pos += longest;
                    }
                }
            }
        }
        false
    }
}

/// Clears bits `first..=last` of a bit set.
fn clear_bits(bits: &mut [u64], first: usize, last: usize) {
    let (fw, lw) = (first / 64, last / 64);
    let low = !0u64 << (first % 64);
    let high = !0u64 >> (63 - last % 64);
    if fw == lw {
        if let Some(w) = bits.get_mut(fw) {
            *w &= !(low & high);
        }
        return;
    }
    if let Some(w) = bits.get_mut(fw) {
        *w &= !low;
    }
    for w in bits.iter_mut().take(lw).skip(fw + 1) {
        *w = 0;
    }
    if let Some(w) = bits.get_mut(lw) {
        *w &= !high;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_bits_clears_exactly_the_range() {
        for (first, last) in [(0, 0), (3, 70), (64, 127), (5, 5), (63, 64), (0, 191)] {
            let mut bits = vec![!0u64; 3];
            clear_bits(&mut bits, first, last);
            for k in 0..192 {
                let set = bits[k / 64] & (1 << (k % 64)) != 0;
                assert_eq!(set, !(first..=last).contains(&k), "{first}..={last} at {k}");
            }
        }
    }
}
