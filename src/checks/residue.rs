//! Page residue: lines scraped with an article from the web page around it
//! (visit counters, share buttons, menus, cookie notices, navigation crumbs).
//! Consecutive residue lines are reported as one block.

use regex::Regex;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

use super::{span_of, words_into, Check, CheckInfo, Context, Report, Setup};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::text::TokenKind;

/// The check.
pub struct PageResidue {
    /// The entries of the residue word list, as keys.
    keys: FxHashSet<String>,
    /// Their first words.
    firsts: FxHashSet<String>,
    /// The words of the longest entry.
    longest: usize,
}

impl PageResidue {
    /// The check, with the word list `@residue_line`.
    pub fn new(setup: &mut Setup) -> Self {
        let keys = setup.lexicon_keys(LIST);
        let firsts = keys
            .iter()
            .map(|e| e.split(' ').next().unwrap_or("").to_string())
            .collect();
        let longest = keys.iter().map(|e| e.split(' ').count()).max().unwrap_or(0);
        PageResidue {
            keys,
            firsts,
            longest,
        }
    }
}

/// Interface words that are residue only next to other residue ("Close").
const UI_WORDS: &[&str] = &[
    "close",
    "menu",
    "search",
    "home",
    "share",
    "print",
    "email",
    "tweet",
    "next",
    "previous",
    "top",
    "x",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "copy link",
    "back",
];

/// Lines that start like a share or sign-up button.
const PREFIXES: &[&str] = &[
    "click to share on",
    "click to email",
    "share on",
    "follow us on",
    "sign up for our",
    "subscribe to our",
];

fn counters() -> &'static [Regex; 3] {
    static R: OnceLock<[Regex; 3]> = OnceLock::new();
    R.get_or_init(|| {
        let r = |s: &str| Regex::new(s).unwrap_or_else(|e| unreachable!("static regex: {e}"));
        [
            r(r"^visited [\d,]+ times?( [\d,]+ visits?( s)? today)?$"),
            r(r"^(page )?views? [\d,]+$|^[\d,]+ (page )?views?$"),
            r(r"^this (post|article|page|story) has been (viewed|read) [\d,]+ times?$"),
        ]
    })
}

/// What classifying a document's lines needs from the check's word list
/// and the whole document, found once per document.
struct Lists<'a> {
    /// The words of the longest entry of the residue word list.
    longest: usize,
    /// The entries of the residue word list.
    keys: &'a FxHashSet<String>,
    /// Their first words.
    firsts: &'a FxHashSet<String>,
    /// Whether "cookie" is anywhere in the document's matching forms: where
    /// it is not, no line needs a look for it.
    cookie: bool,
}

impl<'a> Lists<'a> {
    fn new(doc: &Document, check: &'a PageResidue) -> Self {
        static COOKIE: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
        let cookie = COOKIE.get_or_init(|| memchr::memmem::Finder::new(b"cookie"));
        Lists {
            longest: check.longest,
            keys: &check.keys,
            firsts: &check.firsts,
            cookie: cookie.find(doc.prose().norm_buffer()).is_some(),
        }
    }
}

/// The word list of whole residue lines.
const LIST: &str = "residue_line";

/// Whether a line is residue: `Some(true)` for sure, `Some(false)` for an
/// interface word that counts only beside other residue.
fn classify(
    doc: &Document,
    line: std::ops::Range<usize>,
    lists: &Lists,
    edge: bool,
    buf: &mut String,
) -> Option<bool> {
    let longest = lists.longest;
    let toks = &doc.tokens[line.clone()];
    // Residue lines are short: a cookie notice is the longest kind.
    if toks.len() > 48 {
        return None;
    }
    let n_words = toks
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count();
    if n_words == 0 {
        return None;
    }
    // Past the longest listed line, only navigation crumbs are left to find.
    if n_words > 30 && n_words > longest {
        return if edge && crumbs(doc, toks) {
            Some(true)
        } else {
            None
        };
    }
    // Longer than every listed line, counter and button, or opening like
    // none of them: only a cookie notice or crumbs are left, and the text
    // need not be built for those.
    let mentions_cookies = || {
        lists.cookie
            && toks.iter().any(|t| {
                t.norm_len() >= 6 && doc.prose().norm_bytes(t).windows(6).any(|w| w == b"cookie")
            })
    };
    let first = toks
        .iter()
        .find(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map_or("", |t| doc.norm(t));
    if (n_words > longest.max(14) || !opens_residue(first, lists)) && !mentions_cookies() {
        return if edge && crumbs(doc, toks) {
            Some(true)
        } else {
            None
        };
    }
    words_into(doc, toks, buf);
    let text: &str = buf.as_str();
    // Counters start with "visited", "views", "page", "this" or a number.
    let counter_like = ["visited ", "view", "page ", "this "]
        .iter()
        .any(|p| text.starts_with(p))
        || text.starts_with(|c: char| c.is_ascii_digit());
    if counter_like && n_words <= 14 && counters().iter().any(|r| r.is_match(text)) {
        return Some(true);
    }
    let listed = lists.keys.contains(text);
    if listed {
        return Some(true);
    }
    if n_words <= 10 && PREFIXES.iter().any(|p| text.starts_with(p)) {
        return Some(true);
    }
    if n_words <= 30
        && text.contains("cookie")
        && [
            "accept",
            "consent",
            "use cookies",
            "uses cookies",
            "cookie policy",
            "cookie settings",
        ]
        .iter()
        .any(|w| text.contains(w))
    {
        return Some(true);
    }
    if edge && crumbs(doc, toks) {
        return Some(true);
    }
    if UI_WORDS.contains(&text) {
        return Some(false);
    }
    None
}

/// Whether a line whose first word is `first` can be a counter, a listed
/// line, a button or an interface word (the tests of [`classify`] on the
/// line's text all look at its start or at the whole of it).
fn opens_residue(first: &str, lists: &Lists) -> bool {
    // The first words of the buttons and interface words, gathered once.
    static OPENERS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let openers = OPENERS.get_or_init(|| {
        PREFIXES
            .iter()
            .chain(UI_WORDS)
            .filter_map(|p| p.split(' ').next())
            .collect()
    });
    first.starts_with(|c: char| c.is_ascii_digit())
        || first.starts_with("view")
        || matches!(first, "visited" | "page" | "this")
        || openers.contains(first)
        || lists.firsts.contains(first)
}

/// Navigation crumbs ("Home » World » Middle East"): spaced separators
/// between capitalised segments of a few words.
fn crumbs(doc: &Document, toks: &[crate::text::Token]) -> bool {
    use crate::text::SPACE_BEFORE;
    let is_sep = |t: &crate::text::Token| {
        t.kind == TokenKind::Punct && matches!(doc.text(t), "»" | "›" | ">" | "/" | "|" | "→")
    };
    // Each segment in turn: its length, and whether it is words with a capital first.
    let (mut segments, mut len, mut good) = (1, 0, true);
    let crumb_segment = |len: usize, good: bool| (1..=4).contains(&len) && good;
    for (k, t) in toks.iter().enumerate() {
        if is_sep(t) {
            let after = toks.get(k + 1).is_none_or(|n| n.has(SPACE_BEFORE));
            if !(t.has(SPACE_BEFORE) && after && crumb_segment(len, good)) {
                return false;
            }
            (segments, len, good) = (segments + 1, 0, true);
        } else {
            good &= t.kind == TokenKind::Word
                && (len > 0 || doc.text(t).starts_with(char::is_uppercase));
            len += 1;
        }
    }
    segments >= 3 && crumb_segment(len, good)
}

/// What the check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "hygiene.page-residue",
    severity: Severity::Error,
    summary: "lines scraped from the web page around the article: counters, buttons, menus, cookie notices, crumbs",
    details: "lines scraped from the web page around an article: visit counters (\"Visited 1 times, 1 visit(s) today\", \"Views: 1,234\"), buttons and menus (\"Exit mobile version\", \"Close Search Window\", \"Share this\", \"Click to share on X\", \"Skip to content\", \"Related posts\"), cookie notices, navigation crumbs (\"Home » World » Middle East\") on the first or last lines. Consecutive residue lines are one finding, and interface words such as \"Close\" count when they stand beside other residue. The phrase list is the word list `@residue_line` in `rules/lexicons.yml`: a rule file can redefine it.",
    flag: &[
        "The article ends here.\n\nVisited 1 times, 1 visit(s) today\n",
        "Text.\n\nExit mobile version\n",
        "Text.\n\nClick to share on X (Opens in new window)\n",
        "Text.\n\nWe use cookies to improve your experience. Accept all cookies\n",
        "Text.\n\nThe café’s site uses Cookies. Accept\n",
        "Home » World » Middle East\n\nThe war went on.\n",
        "Text.\n\nViews: 1,234\n",
    ],
    pass: &[
        "The ministry said it had visited 12 sites.",
        "Inspectors visited 3 times in a week.",
        "Officials agreed to close the search window after two days.",
        "The app lets readers exit the mobile version of the site.",
        "Share this news with care, the editor said.",
        "He walked home / to the office / and back again, every day, for years.\n\nMore text follows here.\n\nAnd more.\n\nAnd the end.",
        "Close\n\nthe door, she said.",
        "## 0.27.1 (2026/08/01)\n\nFixes.",
        "[Docs/Guide]: Docs/Guide\n\nText.",
        "|pypi| |support| |licence|\n\nText.",
    ],
};

impl Check for PageResidue {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let all = doc.lines();
        let mut buf = String::new();
        let lists = Lists::new(doc, self);
        let n = all.len();
        let line_no = |tok: usize| doc.line_of(doc.tokens[tok].start());
        let kinds: Vec<Option<bool>> = all
            .iter()
            .enumerate()
            .map(|(i, l)| classify(doc, l.clone(), &lists, i < 2 || i + 2 >= n, &mut buf))
            .collect();
        // Interface words count where a sure residue line is next to them (through other such words).
        let mut residue: Vec<bool> = kinds.iter().map(|k| *k == Some(true)).collect();
        // Interface words count where a sure residue line is next to them
        // (through other such words): a pass forward and a pass back reach
        // every such run, in linear time.
        let joins = |i: usize, j: usize, residue: &[bool]| {
            kinds[i] == Some(false)
                && residue[j]
                && line_no(all[j].start).abs_diff(line_no(all[i].start)) <= 2
        };
        for i in 1..n {
            if !residue[i] && joins(i, i - 1, &residue) {
                residue[i] = true;
            }
        }
        for i in (0..n.saturating_sub(1)).rev() {
            if !residue[i] && joins(i, i + 1, &residue) {
                residue[i] = true;
            }
        }
        let mut i = 0;
        while i < n {
            if !residue[i] {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < n
                && residue[j + 1]
                && line_no(all[j + 1].start) <= line_no(all[j].end - 1) + 2
            {
                j += 1;
            }
            let span = span_of(doc, all[i].start..all[j].end);
            let (first, last) = (line_no(all[i].start), line_no(all[j].end - 1));
            let message = if i == j {
                format!(
                    "Page residue: “{}” is part of the web page, not of the article",
                    doc.slice(span.clone())
                )
            } else {
                format!("Page residue: lines {first}–{last} are part of the web page, not of the article")
            };
            out.push(
                Report {
                    check: self,
                    span,
                    message,
                    help: Some(
                        "Delete it: it was scraped from the page's counters, buttons or menus."
                            .into(),
                    ),
                    suggestion: Some(String::new()),
                }
                .finding(doc),
            );
            i = j + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{flagged, tested, Tested};
    use super::PageResidue;

    fn check() -> Tested<PageResidue> {
        tested(PageResidue::new)
    }

    #[test]
    fn buttons_and_interface_words_open_residue() {
        let check = check();
        let lists = super::Lists::new(&crate::document::Document::from_text(""), &check.check);
        for p in super::PREFIXES.iter().chain(super::UI_WORDS) {
            let first = p.split(' ').next().unwrap();
            assert!(super::opens_residue(first, &lists), "{p}");
        }
        for w in ["9", "views", "visited", "page", "this", "exit"] {
            assert!(super::opens_residue(w, &lists), "{w}");
        }
        assert!(!super::opens_residue("the", &lists));
    }

    #[test]
    fn crumbs_are_short_capitalised_segments_between_spaced_separators() {
        let crumbs = |line: &str| flagged(&check(), &format!("{line}\n\nThe war went on.\n"));
        assert_eq!(
            crumbs("Home › World › Middle East"),
            ["Home › World › Middle East"]
        );
        assert_eq!(
            crumbs("Home | News | Syria | Latest"),
            ["Home | News | Syria | Latest"]
        );
        for line in [
            "Home » World",
            "Home » world » Middle East",
            "Home » » World",
            "Home » World » Middle East And North Africa",
            "Home »World » Middle East",
            "Home » World » 2024",
            "» Home » World",
        ] {
            assert!(crumbs(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn interface_words_join_residue_on_either_side() {
        let before = "Body text.\n\nShare\n\nTweet\n\nPrint\n\nExit mobile version\n";
        assert_eq!(
            flagged(&check(), before),
            ["Share\n\nTweet\n\nPrint\n\nExit mobile version"]
        );
        let after = "Body text.\n\nExit mobile version\n\nShare\n\nTweet\n\nPrint\n";
        assert_eq!(
            flagged(&check(), after),
            ["Exit mobile version\n\nShare\n\nTweet\n\nPrint"]
        );
        // Alone, interface words are not residue.
        assert!(flagged(
            &check(),
            "Body text.\n\nShare\n\nTweet\n\nMore body text here.\n"
        )
        .is_empty());
    }

    #[test]
    fn a_block_of_residue_is_one_finding() {
        let text = "Body text.\n\nVisited 1 times, 1 visit(s) today\nClose Search Window\nClose\nExit mobile version\n";
        assert_eq!(
            flagged(&check(), &text.replace('\n', "\n\n")),
            ["Visited 1 times, 1 visit(s) today\n\nClose Search Window\n\nClose\n\nExit mobile version"]
        );
    }
}
