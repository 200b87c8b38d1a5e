//! The syntax tree of a pattern.

use std::ops::Range;

/// A node of a parsed pattern, with its byte span in the pattern text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// Where it was written.
    pub span: Range<usize>,
}

/// Built-in token classes (`#number`, `#year`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// `#word`: any word.
    Word,
    /// `#number`: any number ("12", "1,000", "3.5", "11:23").
    Number,
    /// `#year`: a four-digit year from 1000 to 2999.
    Year,
    /// `#time`: a clock time written with a colon ("11:23", "9:05").
    Time,
    /// `#cap`: a word that starts with a capital letter.
    Cap,
    /// `#upper`: a word in capitals of two letters or more (an acronym).
    Upper,
    /// `#lower`: a word in lower case.
    Lower,
    /// `#punct`: one punctuation mark.
    Punct,
}

impl Class {
    /// The class for a name written after `#`.
    pub fn from_name(name: &str) -> Option<Class> {
        Some(match name {
            "word" => Class::Word,
            "number" => Class::Number,
            "year" => Class::Year,
            "time" => Class::Time,
            "cap" => Class::Cap,
            "upper" => Class::Upper,
            "lower" => Class::Lower,
            "punct" => Class::Punct,
            _ => return None,
        })
    }

    /// All class names, for error hints.
    pub const NAMES: &'static str = "#word #number #year #time #cap #upper #lower #punct";
}

/// The kinds of pattern node.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A case-insensitive word; with `inflect`, also its inflected forms and `forms`.
    Word {
        /// The word as written.
        text: String,
        /// `word~`: match inflections too.
        inflect: bool,
        /// Extra forms given as `word~[a|b]`.
        forms: Vec<String>,
    },
    /// `"Exact Case"`: tokens matched with case.
    Phrase(String),
    /// `/regex/` (or `/regex/i`): one whole token matched by a regex.
    Regex {
        /// The regex source.
        source: String,
        /// The `i` flag.
        ignore_case: bool,
    },
    /// `@name`: a word list or named sub-pattern.
    Ref(String),
    /// `#class`: a built-in token class.
    Class(Class),
    /// `_`: any one token.
    Any,
    /// `...` or `...{m,n}`: skip `min` to `max` tokens.
    Gap {
        /// Fewest tokens skipped.
        min: u32,
        /// Most tokens skipped.
        max: u32,
    },
    /// `^`: the next token starts a line.
    LineStart,
    /// `$`: the previous token ends a line.
    LineEnd,
    /// `!x`: one token that `x` does not match.
    Not(Box<Node>),
    /// Items one after another.
    Seq(Vec<Node>),
    /// `a | b`: either.
    Alt(Vec<Node>),
    /// `x?`, `x*`, `x+`, `x{m,n}`.
    Repeat {
        /// What repeats.
        node: Box<Node>,
        /// Fewest times.
        min: u32,
        /// Most times (`None`: no limit).
        max: Option<u32>,
    },
    /// `{name: x}`: a named capture.
    Capture {
        /// Its name.
        name: String,
        /// What it captures.
        node: Box<Node>,
    },
    /// `<x>`: the part reported and replaced.
    Marker(Box<Node>),
}

/// The default most tokens a bare `...` skips.
pub const DEFAULT_GAP: u32 = 4;
/// The largest repetition bound a pattern may use.
pub const MAX_REPEAT: u32 = 50;
