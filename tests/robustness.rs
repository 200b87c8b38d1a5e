//! Randomised inputs (a small, deterministic fuzzer): the pattern parser,
//! the compiler, the document parser and the engine never panic.

use factlint::document::{Document, Format};
use factlint::pattern::{compile, parse};
use std::sync::Arc;

use factlint::{Engine, Rulebook, Settings};

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
    let engine = Engine::new(Arc::new(book), Settings::default());
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
        for f in engine.analyze(&doc).findings {
            assert!(f.span.end <= text.len());
            assert!(f.start <= f.end);
        }
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
