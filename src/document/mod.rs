//! Documents: source text → prose blocks (with an offset map back to the
//! source) → tokens → sentences.
//!
//! Every token carries the byte span of the original file, so a finding
//! always points at the exact place in what the writer wrote, whatever
//! markup stood around it.

mod builder;
pub mod frontmatter;
mod html;
mod markdown;
mod offsets;
mod plain;

use std::ops::Range;
use std::path::Path;

use jiff::civil::Date;

use crate::source::{LineIndex, Position};
use crate::text::{normalize, sentence, tokenize, FormSink, Prose, Token, TokenKind};
use crate::text::{LINE_END, LINE_START, POSSESSIVE, SPACE_BEFORE};
use builder::Builder;
pub use frontmatter::FrontMatterProblem;
use offsets::{Cursor, OffsetMap};

/// The markup a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: paragraphs separated by blank lines.
    Text,
    /// CommonMark Markdown with optional front matter.
    Markdown,
    /// MDX: Markdown whose `import`/`export` lines and JSX are not prose.
    Mdx,
    /// HTML: the visible text of the page.
    Html,
}

impl Format {
    /// The format for a file name's extension, if factlint reads it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "mdx" => Some(Format::Mdx),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

/// The largest document factlint reads, in bytes (512 MiB): offsets are
/// held in 32 bits, and an eighth of that range leaves room for the
/// matching-form buffer, which holds the prose (a little longer than the
/// source at most: a decoded entity) lower-cased, then the forms of the
/// tokens beyond ASCII, up to three times as long as their text (a Hangul
/// syllable spelled out in its letters).
pub const MAX_LEN: usize = u32::MAX as usize / 8;

/// A parsed document, ready to be matched.
#[derive(Debug)]
pub struct Document {
    /// The path it was read from, as given (or a stand-in such as `<stdin>`).
    pub path: String,
    /// The original text.
    pub source: String,
    /// Its markup.
    pub format: Format,
    /// The document's date, from front matter `date:`.
    pub date: Option<Date>,
    /// Problems with the front matter (bad YAML, bad date).
    pub problems: Vec<FrontMatterProblem>,
    /// The front matter's content (between the fences), if any.
    pub front_matter: Option<Range<usize>>,
    /// All prose tokens in order.
    pub tokens: Vec<Token>,
    /// Each sentence as a range of token indices.
    pub sentences: Vec<Range<usize>>,
    /// Each block (paragraph, heading, list item, table cell) as a range of token indices.
    blocks: Vec<Range<usize>>,
    prose_lines: Vec<Range<usize>>,
    leads: Vec<u8>,
    prose: String,
    norm: String,
    lines: LineIndex,
}

impl Document {
    /// Parses `source` as `format`. A source longer than [`MAX_LEN`] gives
    /// a document without prose (the command line refuses such files first).
    pub fn parse(path: impl Into<String>, source: impl Into<String>, format: Format) -> Document {
        Document::parse_with(path, source.into(), format, &mut Buffers::default())
    }

    /// [`Document::parse`] in memory taken from `buffers` (see [`Buffers`]).
    pub(crate) fn parse_with(
        path: impl Into<String>,
        source: String,
        format: Format,
        buffers: &mut Buffers,
    ) -> Document {
        Document::parse_with_forms(path, source, format, buffers, &mut ())
    }

    /// [`Document::parse_with`], telling `forms` each token's matching form
    /// as the token is made: a word index built in the same pass reads
    /// forms and flags while they are at hand (see [`FormSink`]).
    pub(crate) fn parse_with_forms(
        path: impl Into<String>,
        mut source: String,
        format: Format,
        buffers: &mut Buffers,
        forms: &mut impl FormSink,
    ) -> Document {
        if source.len() > MAX_LEN {
            source = String::new();
        }
        let mut b = Builder::new(&source, buffers);
        let mut date = None;
        let mut problems = Vec::new();
        let mut front_matter = None;
        match format {
            Format::Text => plain::build(&mut b, &source),
            Format::Html => {
                if let Some(d) = html::build(&mut b, &source) {
                    date = frontmatter::parse_date(&d);
                }
            }
            Format::Markdown | Format::Mdx => {
                let mut body = 0;
                if let Some(fm) = frontmatter::find(&source) {
                    body = fm.range.end;
                    if !fm.toml {
                        front_matter = Some(fm.body.clone());
                    }
                    match frontmatter::date(&source, &fm) {
                        Ok(d) => date = d,
                        Err(p) => problems.push(p),
                    }
                }
                markdown::build(&mut b, &source, body, format == Format::Mdx);
            }
        }
        let (prose, blocks, pieces) = b.finish();
        let bufs = buffers;
        let mut doc = Document {
            path: path.into(),
            lines: LineIndex::new_in(&source, std::mem::take(&mut bufs.line_starts)),
            source,
            format,
            date,
            problems,
            front_matter,
            tokens: cleared(&mut bufs.tokens),
            sentences: cleared(&mut bufs.sentences),
            blocks: cleared(&mut bufs.blocks),
            prose_lines: cleared(&mut bufs.prose_lines),
            leads: cleared(&mut bufs.leads),
            prose,
            norm: std::mem::take(&mut bufs.norm),
        };
        let mut ends = cleared(&mut bufs.ends);
        doc.tokenize(&blocks, &pieces, &mut ends, forms);
        (bufs.block_prose, bufs.pieces.0, bufs.ends) = (blocks, pieces.0, ends);
        doc
    }

    /// Parses a snippet of plain text (rule examples, tests).
    pub fn from_text(text: &str) -> Document {
        Document::parse("<text>", text, Format::Text)
    }

    /// Whether each token stands inside a quotation in its block: after an
    /// opening mark (“, « or a straight " that opens) not yet closed.
    pub fn quotations(&self) -> Vec<bool> {
        let mut inside = vec![false; self.tokens.len()];
        for block in &self.blocks {
            let mut open = false;
            for k in block.clone() {
                inside[k] = open;
                match self.text(&self.tokens[k]) {
                    "“" | "«" => open = true,
                    "”" | "»" => open = false,
                    "\"" => open = !open,
                    _ => {}
                }
            }
        }
        inside
    }

    /// Each block (paragraph, heading, list item, table cell) as a range of token indices.
    pub fn blocks(&self) -> &[Range<usize>] {
        &self.blocks
    }

    /// The source lines of prose, as ranges of token indices: a line ends
    /// at a line break in the source or at the end of a block.
    pub fn lines(&self) -> &[Range<usize>] {
        &self.prose_lines
    }

    /// The first byte of each token's prose text, in one dense array: checks
    /// that look for a few rare first bytes scan this instead of the tokens.
    pub(crate) fn leads(&self) -> &[u8] {
        &self.leads
    }

    /// The tokens with their text and matching forms.
    pub fn prose(&self) -> Prose<'_> {
        Prose::new(&self.tokens, &self.prose, &self.norm)
    }

    /// The token's text as it reads in prose (escapes and entities decoded).
    pub fn text(&self, t: &Token) -> &str {
        self.prose().text(t)
    }

    /// The token's matching form (see [`normalize::normalize`]).
    pub fn norm(&self, t: &Token) -> &str {
        self.prose().norm(t)
    }

    /// The token's matching form without a possessive `'s`.
    pub fn base(&self, t: &Token) -> &str {
        self.prose().base(t)
    }

    /// The 1-based line and column of a byte offset in the source.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.source, offset)
    }

    /// The 1-based line of a byte offset in the source (cheaper than [`Document::position`]).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset) + 1
    }

    /// The source text between two byte offsets.
    pub fn slice(&self, span: Range<usize>) -> &str {
        self.source.get(span).unwrap_or("")
    }

    fn tokenize(
        &mut self,
        blocks: &[Range<usize>],
        pieces: &OffsetMap,
        ends: &mut Vec<usize>,
        forms: &mut impl FormSink,
    ) {
        // The prose is read while tokens and matching forms are written.
        let prose = std::mem::take(&mut self.prose);
        // About one token in five bytes of prose.
        self.tokens.reserve(prose.len() / 5);
        self.leads.reserve(prose.len() / 5);
        self.sentences.reserve(prose.len() / 80);
        self.blocks.reserve(blocks.len());
        self.prose_lines.reserve(blocks.len());
        // The matching forms: the prose lower-cased (an ASCII token's form
        // is at its own offsets in it), then the forms of tokens beyond ASCII.
        self.norm.clear();
        self.norm.push_str(&prose);
        self.norm.make_ascii_lowercase();
        let mut cursor = Cursor::new(pieces);
        let starts = self.lines.starts();
        let mut next_line = 1;
        let (mut line_lo, mut line_hi) = (0, 0);
        for block in blocks {
            let first = self.tokens.len();
            let tokens = &mut self.tokens;
            let norm = &mut self.norm;
            let lines = &mut self.prose_lines;
            let leads = &mut self.leads;
            let mut line_start = first;
            let mut in_block = false;
            let base = block.start;
            for raw in tokenize::Tokens::new(&prose[block.clone()]) {
                let (ps, pe) = (base + raw.start, base + raw.end);
                let span = cursor.map(ps, pe);
                let mut flags = if raw.space_before { SPACE_BEFORE } else { 0 };
                // ASCII tokens have their forms in the lower-cased prose already.
                let (ns, ne) = if raw.lowered {
                    (ps, pe)
                } else {
                    let ns = norm.len();
                    let word = &prose[ps..pe];
                    match raw.kind {
                        TokenKind::Word | TokenKind::Number => {
                            normalize::normalize_into(word, norm)
                        }
                        TokenKind::Punct => {
                            norm.extend(word.chars().map(normalize::fold_apostrophe))
                        }
                        TokenKind::Url | TokenKind::Code => {}
                    }
                    (ns, norm.len())
                };
                // Only words joined by an apostrophe can end in 's.
                if raw.apostrophe && normalize::base_len(&norm[ns..ne]) < ne - ns {
                    flags |= POSSESSIVE;
                }
                // A newline in the source between two tokens of a block breaks
                // the line. `next_line` is kept at the first line start past
                // the token before, which ended on the source line
                // `line_lo..line_hi`: most tokens lie on that line too, which
                // settles it without reading the line starts.
                if !(in_block && line_lo <= span.start && span.end < line_hi) {
                    if !in_block {
                        flags |= LINE_START;
                    } else if starts.get(next_line).is_some_and(|&s| s <= span.start) {
                        if let Some(prev) = tokens.last_mut() {
                            prev.flags |= LINE_END;
                        }
                        flags |= LINE_START;
                        let here = tokens.len();
                        lines.push(line_start..here);
                        line_start = here;
                    }
                    // Past this token, for the next (found again by a search
                    // if tokens ever go backwards).
                    if starts.get(next_line - 1).is_some_and(|&s| s > span.end) {
                        next_line = starts.partition_point(|&s| s <= span.end).max(1);
                    }
                    while starts.get(next_line).is_some_and(|&s| s <= span.end) {
                        next_line += 1;
                    }
                    line_lo = starts.get(next_line - 1).copied().unwrap_or(0);
                    line_hi = starts.get(next_line).copied().unwrap_or(usize::MAX);
                }
                in_block = true;
                forms.form(norm.as_bytes(), ns, ne, flags & POSSESSIVE != 0);
                leads.push(prose.as_bytes()[ps]);
                tokens.push(Token {
                    start: span.start as u32,
                    end: span.end as u32,
                    text: ps as u32,
                    text_end: pe as u32,
                    norm: ns as u32,
                    norm_end: ne as u32,
                    sentence: 0,
                    kind: raw.kind,
                    flags,
                });
            }
            let last = self.tokens.len();
            if first == last {
                continue;
            }
            self.tokens[last - 1].flags |= LINE_END;
            self.prose_lines.push(line_start..last);
            self.blocks.push(first..last);
            let block_tokens = &self.tokens[first..last];
            let block_leads = &self.leads[first..last];
            sentence::split_by(
                |i| {
                    let t = &block_tokens[i];
                    sentence::SentenceToken {
                        text: &prose[t.text as usize..t.text_end as usize],
                        kind: t.kind,
                        space_before: t.has(SPACE_BEFORE),
                    }
                },
                block_leads,
                ends,
            );
            let mut start = first;
            for &end in ends.iter() {
                let end = first + end;
                let idx = self.sentences.len() as u32;
                for t in &mut self.tokens[start..end] {
                    t.sentence = idx;
                }
                self.sentences.push(start..end);
                start = end;
            }
        }
        self.prose = prose;
    }
}

/// Memory that parsing a document can take instead of allocating: the
/// buffers of a document already done with ([`Buffers::recycle`]). A
/// thread that parses one document after another keeps one `Buffers`, so
/// that after the first few documents a parse allocates little; it holds
/// about as much as the largest document seen needs.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    source: Vec<u8>,
    prose: String,
    norm: String,
    tokens: Vec<Token>,
    leads: Vec<u8>,
    sentences: Vec<Range<usize>>,
    blocks: Vec<Range<usize>>,
    prose_lines: Vec<Range<usize>>,
    line_starts: Vec<usize>,
    pieces: OffsetMap,
    block_prose: Vec<Range<usize>>,
    ends: Vec<usize>,
}

impl Buffers {
    /// An empty byte buffer to read the next source into (the last
    /// source's memory, once recycled).
    pub(crate) fn source(&mut self) -> Vec<u8> {
        cleared(&mut self.source)
    }

    /// Takes back the memory of a document no longer needed.
    pub(crate) fn recycle(&mut self, doc: Document) {
        self.source = doc.source.into_bytes();
        self.prose = doc.prose;
        self.norm = doc.norm;
        self.tokens = doc.tokens;
        self.leads = doc.leads;
        self.sentences = doc.sentences;
        self.blocks = doc.blocks;
        self.prose_lines = doc.prose_lines;
        self.line_starts = doc.lines.into_starts();
    }
}

/// The vector in `v`, emptied, leaving an empty one in its place.
fn cleared<T>(v: &mut Vec<T>) -> Vec<T> {
    let mut v = std::mem::take(v);
    v.clear();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{Vocab, WordIds, UNKNOWN};

    #[test]
    fn text_tokens_point_into_source() {
        let doc = Document::from_text("Written by 11:23 AM World\n\nSecond   para.\nline two");
        let t = &doc.tokens[2];
        assert_eq!(doc.slice(t.span()), "11:23");
        assert_eq!(
            doc.position(t.start()),
            Position {
                line: 1,
                column: 12
            }
        );
        assert_eq!(doc.sentences.len(), 2);
        let two = doc.tokens.iter().find(|t| doc.text(t) == "line").unwrap();
        assert!(two.has(LINE_START));
    }

    #[test]
    fn ascii_words_read_their_matching_form_at_their_own_offsets() {
        let doc = Document::from_text("haftar's men, it's HAFTAR's Bashār said");
        let forms: Vec<(&str, &str)> = doc
            .tokens
            .iter()
            .map(|t| (doc.norm(t), doc.base(t)))
            .collect();
        assert_eq!(forms[0], ("haftar's", "haftar"));
        assert_eq!(forms[3], ("it's", "it's"));
        assert_eq!(forms[4], ("haftar's", "haftar"));
        assert_eq!(forms[5], ("bashar", "bashar"));
        // ASCII words read their forms in the lower-cased copy of the
        // prose, at their own offsets; others have theirs after it.
        assert_eq!((doc.tokens[4].norm, doc.tokens[4].text), (19, 19));
        assert!(doc.tokens[5].norm as usize >= doc.prose.len());
    }

    /// Markdown with markup between and inside words, entities, code,
    /// soft breaks, lists and tables: the shapes the offset map must follow.
    const MARKED_UP: &str = "# Title *with* emphasis\n\nIntro *Russian*\n**rebels** took &amp; \
        [Damascus](https://x.org) on `2024-12-08`.\nA second\nline, and a long-time (ally) partner.\n\n\
        - Close Search Window\n- Exit *mobile* version\n\n| a | b |\n|---|---|\n| one | two&nbsp;three |\n\n\
        > Quoted\n> across lines.\n";

    #[test]
    fn tokens_are_32_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 32);
    }

    #[test]
    fn cursor_maps_every_token_as_the_offset_map_does() {
        for (src, format) in [
            (MARKED_UP, Format::Markdown),
            (
                "<p>One &amp; <b>two</b>\nthree</p><p>four</p>",
                Format::Html,
            ),
            (
                "<p>Tom &amp; Jerry said &quot;hi there&quot; loudly &mdash; twice.</p>",
                Format::Html,
            ),
            (
                "Caf\u{e9} au lait &amp; more \\*stars\\* here.\n",
                Format::Markdown,
            ),
            ("Plain text.\n\nTwo  lines\nhere.", Format::Text),
        ] {
            let mut buffers = Buffers::default();
            let mut b = Builder::new(src, &mut buffers);
            match format {
                Format::Markdown => markdown::build(&mut b, src, 0, false),
                Format::Html => {
                    html::build(&mut b, src);
                }
                _ => plain::build(&mut b, src),
            }
            let (prose, blocks, pieces) = b.finish();
            let mut cursor = Cursor::new(&pieces);
            let mut hint = 0;
            for block in &blocks {
                for raw in tokenize::Tokens::new(&prose[block.clone()]) {
                    let (ps, pe) = (block.start + raw.start, block.start + raw.end);
                    let want = pieces.to_source(ps, pe, &mut hint);
                    assert_eq!(cursor.map(ps, pe), want, "{:?} in {src:?}", &prose[ps..pe]);
                }
            }
        }
    }

    #[test]
    fn lines_and_leads_follow_the_tokens() {
        let doc = Document::parse("a.md", MARKED_UP, Format::Markdown);
        // Lines as the line flags give them.
        let mut want = Vec::new();
        let mut start = None;
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.has(LINE_START) {
                start = Some(i);
            }
            if t.has(LINE_END) {
                if let Some(s) = start.take() {
                    want.push(s..i + 1);
                }
            }
        }
        assert_eq!(doc.lines(), want.as_slice());
        let text = |r: &Range<usize>| {
            doc.tokens[r.clone()]
                .iter()
                .map(|t| doc.text(t))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let lines: Vec<String> = doc.lines().iter().map(text).collect();
        assert!(lines.contains(&"A second".to_string()), "{lines:?}");
        assert!(
            lines.contains(&"Exit mobile version".to_string()),
            "{lines:?}"
        );
        let leads: Vec<u8> = doc
            .tokens
            .iter()
            .map(|t| doc.text(t).as_bytes()[0])
            .collect();
        assert_eq!(doc.leads(), leads.as_slice());
        assert_eq!(doc.leads().first(), Some(&b'T'));
    }

    #[test]
    fn a_line_break_between_two_tokens_of_a_block_starts_a_line() {
        let html = "<p>One &amp; <b>two</b>\nthree</p><p>four\n\n five</p>";
        let text = "Plain text.\n\nTwo  lines\nhere,\r\n and   three.";
        // Breaks hidden in markup between two words, and words after a
        // line of several words.
        let md = "One two <!-- a\nnote --> three [four\nfive](https://x.org) six\nseven *eight\nnine* ten.\n";
        for (src, format) in [
            (MARKED_UP, Format::Markdown),
            (md, Format::Markdown),
            (html, Format::Html),
            (text, Format::Text),
        ] {
            let doc = Document::parse("a", src, format);
            let mut newlines = 0;
            for block in doc.blocks() {
                for i in block.start + 1..block.end {
                    let (a, b) = (&doc.tokens[i - 1], &doc.tokens[i]);
                    let gap = &src[a.end()..b.start().max(a.end())];
                    let newline = gap.contains('\n');
                    newlines += usize::from(newline);
                    assert_eq!(b.has(LINE_START), newline, "{:?} in {src:?}", doc.text(b));
                    assert_eq!(a.has(LINE_END), newline, "{:?} in {src:?}", doc.text(a));
                }
            }
            assert!(newlines >= 2, "{src:?}");
        }
    }

    #[test]
    fn norm_and_base() {
        let doc = Document::from_text("Haftar’s forces");
        assert_eq!(doc.norm(&doc.tokens[0]), "haftar's");
        assert_eq!(doc.base(&doc.tokens[0]), "haftar");
    }

    #[test]
    fn ids_found_while_parsing_equal_ids_found_after() {
        let mut v = Vocab::default();
        for w in ["haftar", "forces", "café", "the", "international", "s"] {
            v.intern_listed(w);
        }
        v.intern("and");
        let texts = [
            "Haftar’s forces and the Café's international staff, https://x.org ok.",
            "# Title\n\n- the `code` and HAFTAR's men\n- café\n",
            "",
            "THE END and the international forces' s",
        ];
        // Memory passes from document to document, as in a run over a folder.
        let (mut buffers, mut ids) = (Buffers::default(), WordIds::default());
        for text in texts {
            let mut ix = v.indexer(std::mem::take(&mut ids));
            let doc = Document::parse_with_forms(
                "a.md",
                text.to_string(),
                Format::Markdown,
                &mut buffers,
                &mut ix,
            );
            ids = ix.finish();
            assert_eq!(ids, v.index(doc.prose()), "{text}");
            assert_eq!(ids.norm.len(), doc.tokens.len(), "{text}");
            buffers.recycle(doc);
        }
    }

    #[test]
    fn tokens_get_the_ids_of_their_forms() {
        let mut v = Vocab::default();
        let haftar = v.intern_listed("haftar");
        let forces = v.intern_listed("forces");
        assert_eq!(v.intern("haftar"), haftar);
        let doc = Document::from_text("Haftar’s forces and HAFTAR left");
        let ids = v.index(doc.prose());
        assert_eq!(ids.norm[0], UNKNOWN);
        assert_eq!(ids.base(0), haftar);
        assert_eq!(ids.norm[1], forces);
        assert_eq!((ids.norm[3], ids.base(3)), (haftar, haftar));
        assert_eq!(ids.known, [0, 1, 3]);
        // A word with an id that is not listed is found, not listed.
        let and = v.intern("and");
        let ids = v.index(doc.prose());
        assert_eq!((ids.norm[2], ids.known.as_slice()), (and, &[0, 1, 3][..]));
        assert_eq!(ids.norm[4], UNKNOWN);
        assert_eq!(v.get("haftars"), UNKNOWN);
        let long = v.intern("international");
        assert_eq!(v.get("international"), long);
        assert_eq!(v.get("internationals"), UNKNOWN);
        assert_eq!(v.get("haft"), UNKNOWN);
        assert_eq!(v.get(""), UNKNOWN);
    }
}
