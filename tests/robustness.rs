//! Randomised inputs (a small, deterministic fuzzer): the pattern parser,
//! the compiler, the document parser and the engine never panic.

use factlint::document::{Document, Format};
use factlint::pattern::{compile, parse};
use factlint::Rulebook;

/// xorshift64*: deterministic, dependency-free randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn string(&mut self, items: &[&str], max: u64) -> String {
        let n = self.next() % max;
        (0..n).map(|_| self.pick(items)).collect()
    }
}

const PATTERN_PIECES: &[&str] = &[
    " ", "a", "rebels", "(", ")", "|", "?", "*", "+", "{", "}", "{0,3}", "{2}", ",", ":", "<", ">",
    "\"", "/", "\\", "@x", "#year", "#nope", "!", "~", "[", "]", "...", "_", "^", "$", "é", "’",
    "-", ".", "U.S.", "{who:", "1", "99", "\u{FFFC}",
];

const TEXT_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<script>",
    "</script>",
    "<br/>",
    "&nbsp;",
    "&#8217;",
    "<!-- factlint-disable -->",
    "<!-- factlint-enable x -->",
    "<!-- factlint-disable-next-line -->",
    "import x from 'y'\n",
    "<nav>",
    "<code>",
    "factlint:\n  disable: [a]\n",
    " ",
    "\n",
    "\n\n",
    "Russian",
    "rebels",
    "capturing",
    "Damascus",
    ".",
    ",",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "(",
    ")",
    "[",
    "]",
    "*",
    "_",
    "`",
    "```",
    "#",
    "-",
    "> ",
    "|",
    "---",
    "+++",
    "<!--",
    "-->",
    "<b>",
    "&amp;",
    "&#x",
    "\\",
    "http://x.y/",
    "U.S.",
    "11:23",
    "1,000",
    "3.5",
    "é",
    "\u{301}",
    "\u{FEFF}",
    "\r\n",
    "\t",
    "Visited 1 times",
    "Written by",
    "NATO",
    "Libya",
    "\u{1F600}",
    "ﬁ",
    "İ",
    "ß",
    "date: 2024-01-01",
    "[x]: http://a",
    "![i](j)",
    "    code",
];

#[test]
fn pattern_parser_and_compiler_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..100_000 {
        let p = rng.string(PATTERN_PIECES, 14);
        if let Ok(node) = parse(&p) {
            let _ = compile(&node);
        } else if let Err(e) = parse(&p) {
            assert!(
                e.span.start <= p.len() && e.span.end <= p.len(),
                "{p:?}: {e:?}"
            );
            assert!(p.is_char_boundary(e.span.start), "{p:?}: {e:?}");
        }
    }
}

#[test]
fn documents_and_engine_never_panic() {
    let book = Rulebook::builtin().expect("built-in rules load");
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for i in 0..20_000 {
        let text = rng.string(TEXT_PIECES, 60);
        let format = [Format::Markdown, Format::Text, Format::Html, Format::Mdx][i % 4];
        let doc = Document::parse("fuzz", text.as_str(), format);
        for t in &doc.tokens {
            assert!(t.start() <= t.end() && t.end() <= text.len(), "{text:?}");
            assert!(
                text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()),
                "{text:?}"
            );
        }
        for f in factlint::check(&book, &doc) {
            assert!(f.span.end <= text.len());
            assert!(f.start <= f.end);
        }
    }
}

#[test]
fn documents_parsed_in_recycled_buffers_are_the_same() {
    // One thread's buffers serve document after document (as in `check`):
    // each parse must equal a parse in fresh memory, whatever came before.
    // A long document first (its memory then serves shorter ones), a few
    // fixed ones, then generated ones.
    let long = "# Title *with* emphasis\n\nIntro *Russian*\n**rebels** took &amp; \
        [Damascus](https://x.org) on `2024-12-08`.\nA second\nline.\n\n- Exit *mobile* version\n\n\
        | a | b |\n|---|---|\n| one | two&nbsp;three |\n\n> Quoted\n> across lines.\n"
        .repeat(20);
    let fixed = [
        (long, Format::Markdown),
        (
            "Ünïcode Haftar’s men.\n\nBashār said so.".to_string(),
            Format::Text,
        ),
        (
            "<p>One &amp; <b>two</b>\nthree</p>".to_string(),
            Format::Html,
        ),
        (String::new(), Format::Markdown),
    ];
    let mut rng = Rng(0x5851_F42D_4C95_7F2D);
    let generated = (0..5_000usize).map(|i| {
        let text = rng.string(TEXT_PIECES, 60 + (i % 7) as u64 * 20);
        (
            text,
            [Format::Markdown, Format::Text, Format::Html, Format::Mdx][i % 4],
        )
    });
    // What a document's parse yields, in a form that can be compared.
    let summary = |d: &Document| {
        let toks: Vec<_> = d
            .tokens
            .iter()
            .map(|t| {
                (
                    t.span(),
                    d.text(t).to_string(),
                    d.norm(t).to_string(),
                    t.flags,
                    t.sentence,
                )
            })
            .collect();
        (
            toks,
            d.sentences.clone(),
            d.blocks().to_vec(),
            d.lines().to_vec(),
            d.leads().to_vec(),
        )
    };
    // The word ids found while parsing (as `check` finds them, in memory
    // kept from the documents before) must equal those found afterwards.
    let book = Rulebook::builtin().expect("the built-in rules load");
    let mut ids = factlint::vocab::WordIds::default();
    let mut buffers = factlint::document::Buffers::default();
    for (text, format) in fixed.into_iter().chain(generated) {
        let fresh = Document::parse("fuzz", text.as_str(), format);
        let mut source = buffers.source();
        assert!(source.is_empty());
        source.extend_from_slice(text.as_bytes());
        let source = String::from_utf8(source).expect("the text is UTF-8");
        let mut indexer = book.indexer(std::mem::take(&mut ids));
        let reused = Document::parse_with_forms("fuzz", source, format, &mut buffers, &mut indexer);
        ids = indexer.finish();
        assert_eq!(reused.source, text);
        assert_eq!(summary(&reused), summary(&fresh), "{text:?}");
        assert_eq!(reused.position(text.len()), fresh.position(text.len()));
        assert_eq!(ids, book.word_ids(&fresh), "{text:?}");
        buffers.recycle(reused);
    }
}

#[test]
fn config_files_never_panic() {
    let mut rng = Rng(0x0F1E_2D3C_4B5A_6978);
    let pieces = &[
        "rules: ",
        "[",
        "]",
        "include: ",
        "exclude: ",
        "levels:",
        "\n",
        "  ",
        "a.b: off",
        "fail_on: ",
        "never",
        "as_of: ",
        "2024-01-01",
        "\"**/[\"",
        "- ",
        "x",
        ":",
        "default_rules: ",
        "true",
        "{",
        "}",
        "#",
        "'",
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factlint.yml");
    for _ in 0..2_000 {
        std::fs::write(&path, rng.string(pieces, 20)).unwrap();
        let _ = factlint::config::Config::load(&path);
    }
}

#[test]
fn rule_files_never_panic() {
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    let pieces = &[
        "- ",
        "id: ",
        "a",
        "\n",
        "  ",
        "severity: ",
        "error",
        "message: ",
        "pattern: ",
        "'",
        "\"",
        "{",
        "}",
        "[",
        "]",
        ":",
        "x",
        "unless: ",
        "examples:",
        "flag:",
        "pass:",
        "lexicons:",
        "rules:",
        "patterns:",
        "@a",
        "#",
        "&",
        "*",
        "!",
        "|",
        ">",
    ];
    for _ in 0..20_000 {
        let text = rng.string(pieces, 30);
        let src = factlint::rules::RuleSource {
            name: "fuzz.yml".into(),
            text: text.as_str().into(),
            builtin: false,
        };
        let _ = Rulebook::load(vec![src]);
    }
}
