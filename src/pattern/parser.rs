//! The pattern parser (nom).
//!
//! ```text
//! pattern  := alt
//! alt      := seq ( '|' seq )*
//! seq      := item+                      (items separated by white space)
//! item     := '!'? atom quant?           (no space between atom and quant)
//! quant    := '?' | '*' | '+' | '{' n '}' | '{' n? ',' n? '}'
//! atom     := word | '"' phrase '"' | '/' regex '/' 'i'? | '@' name | '#' class
//!           | '(' alt ')' | '{' name ':' alt '}' | '<' alt '>'
//!           | '...' ( '{' n ',' n '}' )? | '_' | '^' | '$'
//! word     := letters-or-digits ( '~' ( '[' form ( '|' form )* ']' )? )?
//! ```

use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::opt;
use nom::error::{ErrorKind, ParseError};
use nom::{IResult, Parser};

use super::ast::{Class, Node, NodeKind, DEFAULT_GAP, MAX_REPEAT};
use super::PatternError;
use crate::text::tokenize::{self, TokenKind};

/// nom's error type for patterns: where, and (for failures) what and how to fix it.
#[derive(Debug)]
pub struct PErr<'a> {
    input: &'a str,
    len: usize,
    message: Option<String>,
    hint: Option<String>,
}

impl<'a> ParseError<&'a str> for PErr<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        PErr {
            input,
            len: 0,
            message: None,
            hint: None,
        }
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }
}

type Res<'a, T> = IResult<&'a str, T, PErr<'a>>;

fn failure<'a, T>(
    input: &'a str,
    len: usize,
    message: impl Into<String>,
    hint: Option<&str>,
) -> Res<'a, T> {
    Err(nom::Err::Failure(PErr {
        input,
        len,
        message: Some(message.into()),
        hint: hint.map(str::to_string),
    }))
}

fn nothing<T>(input: &str) -> Res<'_, T> {
    Err(nom::Err::Error(PErr::from_error_kind(
        input,
        ErrorKind::Alt,
    )))
}

fn ws(i: &str) -> &str {
    i.trim_start()
}

/// Parses a pattern into its syntax tree.
pub fn parse(src: &str) -> Result<Node, PatternError> {
    let p = P { full: src };
    let start = ws(src);
    if start.is_empty() {
        return Err(PatternError::new(0..src.len(), "the pattern is empty")
            .hint("write the words to match, e.g. `Russian rebels`"));
    }
    let result = p.alt(start).and_then(|(rest, node)| {
        let rest = ws(rest);
        match rest.chars().next() {
            None => Ok(node),
            Some(c) => {
                let hint = match c {
                    ')' => "this ')' closes no group; remove it or add '(' before",
                    '}' => "this '}' closes no capture; remove it or open one with '{name: …}'",
                    '>' => "this '>' closes no marker; remove it or add '<' before",
                    ']' => "'[' … ']' only follows `word~` to list extra forms",
                    '~' => "'~' goes right after a word, with no space: `capture~`",
                    _ => "quote punctuation to match it literally, e.g. \",\" or \"(\"",
                };
                failure(rest, c.len_utf8(), format!("unexpected `{c}`"), Some(hint))
                    .map(|(_, n): (&str, Node)| n)
            }
        }
    });
    result.map_err(|e| match e {
        nom::Err::Error(e) | nom::Err::Failure(e) => {
            let at = p.off(e.input);
            PatternError {
                span: at..at + e.len,
                message: e.message.unwrap_or_else(|| match e.input.chars().next() {
                    Some(c) => format!("unexpected `{c}`"),
                    None => "unexpected end of pattern".into(),
                }),
                hint: e.hint,
            }
        }
        nom::Err::Incomplete(_) => PatternError::new(0..0, "incomplete pattern"),
    })
}

struct P<'a> {
    full: &'a str,
}

impl<'a> P<'a> {
    fn off(&self, part: &str) -> usize {
        part.as_ptr() as usize - self.full.as_ptr() as usize
    }

    fn node(&self, start: &'a str, end: &'a str, kind: NodeKind) -> Node {
        Node {
            kind,
            span: self.off(start)..self.off(end),
        }
    }

    fn alt(&self, i: &'a str) -> Res<'a, Node> {
        let start = i;
        let (mut i, first) = self.seq(i)?;
        let mut alts = vec![first];
        loop {
            let j = ws(i);
            let Some(rest) = j.strip_prefix('|') else {
                break;
            };
            let rest = ws(rest);
            match self.seq(rest) {
                Ok((k, s)) => {
                    alts.push(s);
                    i = k;
                }
                Err(nom::Err::Error(_)) => {
                    return failure(
                        j,
                        1,
                        "nothing after `|`",
                        Some("write an alternative after `|`, or remove it"),
                    )
                }
                Err(e) => return Err(e),
            }
        }
        if alts.len() == 1 {
            Ok((i, alts.pop().unwrap_or_else(|| unreachable!())))
        } else {
            Ok((i, self.node(start, i, NodeKind::Alt(alts))))
        }
    }

    fn seq(&self, i: &'a str) -> Res<'a, Node> {
        let start = i;
        let mut items = Vec::new();
        let mut i = i;
        loop {
            let j = ws(i);
            if !items.is_empty()
                && j.len() == i.len()
                && !j.is_empty()
                && !matches!(j.chars().next(), Some('|' | ')' | '}' | '>'))
            {
                // Two items with no space between them, e.g. `a"b"`.
                let c = j.chars().next().unwrap_or(' ');
                return failure(
                    j,
                    c.len_utf8(),
                    format!("unexpected `{c}`"),
                    Some("separate items with a space"),
                );
            }
            match self.item(j) {
                Ok((k, node)) => {
                    items.push(node);
                    i = k;
                }
                Err(nom::Err::Error(e)) => {
                    if items.is_empty() {
                        return Err(nom::Err::Error(e));
                    }
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        if items.len() == 1 {
            Ok((i, items.pop().unwrap_or_else(|| unreachable!())))
        } else {
            Ok((i, self.node(start, i, NodeKind::Seq(items))))
        }
    }

    fn item(&self, i: &'a str) -> Res<'a, Node> {
        let start = i;
        let (i, bang) = opt(char('!')).parse(i)?;
        let (i, atom) = match self.atom(i) {
            Err(nom::Err::Error(_)) if bang.is_some() => {
                return failure(
                    i,
                    0,
                    "expected a token after `!`",
                    Some("`!x` matches one token that `x` does not match"),
                )
            }
            r => r?,
        };
        let (i, atom) = self.quantifier(i, atom)?;
        if bang.is_some() {
            let node = self.node(start, i, NodeKind::Not(Box::new(atom)));
            return Ok((i, node));
        }
        Ok((i, atom))
    }

    fn number(&self, i: &'a str) -> Res<'a, Option<u32>> {
        let (j, digits) = opt(digit1).parse(i)?;
        match digits {
            None => Ok((j, None)),
            Some(d) => match d.parse::<u32>() {
                Ok(n) if n <= MAX_REPEAT => Ok((j, Some(n))),
                _ => failure(
                    i,
                    d.len(),
                    format!("{d} is too large a bound"),
                    Some(&format!("bounds go up to {MAX_REPEAT}")),
                ),
            },
        }
    }

    /// `{m,n}`-style bounds; `i` starts at `{`.
    fn bounds(&self, i: &'a str) -> Res<'a, (Option<u32>, Option<u32>, bool)> {
        let open = i;
        let (i, _) = char('{').parse(i)?;
        let (i, min) = self.number(i)?;
        let (i, comma) = opt(char(',')).parse(i)?;
        let (i, max) = if comma.is_some() {
            self.number(i)?
        } else {
            (i, min)
        };
        match char::<&str, PErr>('}').parse(i) {
            Ok((i, _)) => {
                if min.is_none() && max.is_none() {
                    return failure(open, 1, "empty bounds", Some("write {m,n}, {m,} or {n}"));
                }
                Ok((i, (min, max, comma.is_some())))
            }
            Err(_) => failure(
                open,
                1,
                "unclosed bounds",
                Some("write {m,n}: two numbers, a comma, and `}`"),
            ),
        }
    }

    fn quantifier(&self, i: &'a str, atom: Node) -> Res<'a, Node> {
        if matches!(atom.kind, NodeKind::Gap { .. }) {
            return Ok((i, atom));
        }
        let start = atom.span.start;
        let (rest, min, max) = match i.chars().next() {
            Some('?') => (&i[1..], 0, Some(1)),
            Some('*') => (&i[1..], 0, None),
            Some('+') => (&i[1..], 1, None),
            Some('{') if i[1..].starts_with(|c: char| c.is_ascii_digit() || c == ',') => {
                let (rest, (min, max, _)) = self.bounds(i)?;
                let min = min.unwrap_or(0);
                if let Some(max) = max {
                    if max < min {
                        return failure(
                            i,
                            i.len() - rest.len(),
                            format!("{{{min},{max}}}: the upper bound is below the lower"),
                            Some("write {m,n} with m ≤ n"),
                        );
                    }
                    if max == 0 {
                        return failure(
                            i,
                            i.len() - rest.len(),
                            "a repetition of zero times matches nothing",
                            Some("remove the item"),
                        );
                    }
                }
                (rest, min, max)
            }
            _ => return Ok((i, atom)),
        };
        let node = Node {
            kind: NodeKind::Repeat {
                node: Box::new(atom),
                min,
                max,
            },
            span: start..self.off(rest),
        };
        Ok((rest, node))
    }

    fn atom(&self, i: &'a str) -> Res<'a, Node> {
        let Some(c) = i.chars().next() else {
            return nothing(i);
        };
        match c {
            '(' => self.group(i, '(', ')', "group"),
            '<' => self.group(i, '<', '>', "marker"),
            '{' => self.capture(i),
            '"' => self.phrase(i),
            '/' => self.regex(i),
            '@' => self.reference(i),
            '#' => self.class(i),
            '_' => Ok((&i[1..], self.node(i, &i[1..], NodeKind::Any))),
            '^' => Ok((&i[1..], self.node(i, &i[1..], NodeKind::LineStart))),
            '$' => Ok((&i[1..], self.node(i, &i[1..], NodeKind::LineEnd))),
            '.' if i.starts_with("...") => self.gap(i),
            c if c.is_alphanumeric() => self.word(i),
            _ => nothing(i),
        }
    }

    fn group(&self, i: &'a str, open: char, close: char, what: &str) -> Res<'a, Node> {
        let inner = ws(&i[1..]);
        let (rest, node) = match self.alt(inner) {
            Err(nom::Err::Error(_)) => {
                return failure(
                    inner,
                    0,
                    format!("empty {what}"),
                    Some(&format!("put a pattern between `{open}` and `{close}`")),
                )
            }
            r => r?,
        };
        let rest = ws(rest);
        let Some(rest) = rest.strip_prefix(close) else {
            return failure(
                i,
                1,
                format!("unclosed {what}"),
                Some(&format!("add `{close}` to close the {what} opened here")),
            );
        };
        let kind = if open == '<' {
            NodeKind::Marker(Box::new(node))
        } else {
            node.kind
        };
        Ok((rest, self.node(i, rest, kind)))
    }

    fn name(i: &'a str) -> Res<'a, &'a str> {
        take_while1(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-').parse(i)
    }

    fn capture(&self, i: &'a str) -> Res<'a, Node> {
        let after = ws(&i[1..]);
        if after.starts_with(|c: char| c.is_ascii_digit() || c == ',') {
            return failure(
                i,
                1,
                "bounds must follow the item they repeat",
                Some("write `word{1,2}` with no space before `{`; a capture is `{name: pattern}`"),
            );
        }
        let Ok((rest, name)) = Self::name(after) else {
            return failure(i, 1, "expected a capture name after `{`", Some("write {name: pattern}; quantifiers attach to the item before with no space, as in `word{1,3}`"));
        };
        let rest = ws(rest);
        let Some(rest) = rest.strip_prefix(':') else {
            return failure(
                rest,
                0,
                format!("expected `:` after capture name `{name}`"),
                Some("write {name: pattern}"),
            );
        };
        let inner = ws(rest);
        let (rest, node) = match self.alt(inner) {
            Err(nom::Err::Error(_)) => {
                return failure(
                    inner,
                    0,
                    format!("empty capture `{name}`"),
                    Some("write {name: pattern}"),
                )
            }
            r => r?,
        };
        let rest = ws(rest);
        let Some(rest) = rest.strip_prefix('}') else {
            return failure(
                i,
                1,
                "unclosed capture",
                Some("add `}` to close the capture opened here"),
            );
        };
        let kind = NodeKind::Capture {
            name: name.to_string(),
            node: Box::new(node),
        };
        Ok((rest, self.node(i, rest, kind)))
    }

    fn phrase(&self, i: &'a str) -> Res<'a, Node> {
        let body = &i[1..];
        let Some(end) = body.find('"') else {
            return failure(
                i,
                1,
                "unclosed quote",
                Some("add `\"` to end the exact-case phrase"),
            );
        };
        let text = &body[..end];
        if text.trim().is_empty() {
            return failure(
                i,
                end + 2,
                "empty phrase",
                Some("put the exact-case words between the quotes"),
            );
        }
        let rest = &body[end + 1..];
        Ok((rest, self.node(i, rest, NodeKind::Phrase(text.to_string()))))
    }

    fn regex(&self, i: &'a str) -> Res<'a, Node> {
        let body = &i[1..];
        let mut source = String::new();
        let mut chars = body.char_indices();
        let mut end = None;
        while let Some((k, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, '/')) => source.push('/'),
                    Some((_, d)) => {
                        source.push('\\');
                        source.push(d);
                    }
                    None => source.push('\\'),
                },
                '/' => {
                    end = Some(k);
                    break;
                }
                c => source.push(c),
            }
        }
        let Some(end) = end else {
            return failure(
                i,
                1,
                "unclosed regex",
                Some("end the regex with `/` (write `\\/` for a slash inside it)"),
            );
        };
        if source.is_empty() {
            return failure(
                i,
                2,
                "empty regex",
                Some("write a regex between the slashes, e.g. /^\\d+$/"),
            );
        }
        let mut rest = &body[end + 1..];
        let ignore_case =
            rest.starts_with('i') && !rest[1..].starts_with(|c: char| c.is_alphanumeric());
        if ignore_case {
            rest = &rest[1..];
        }
        Ok((
            rest,
            self.node(
                i,
                rest,
                NodeKind::Regex {
                    source,
                    ignore_case,
                },
            ),
        ))
    }

    fn reference(&self, i: &'a str) -> Res<'a, Node> {
        match Self::name(&i[1..]) {
            Ok((rest, name)) => Ok((rest, self.node(i, rest, NodeKind::Ref(name.to_string())))),
            Err(_) => failure(
                i,
                1,
                "expected a name after `@`",
                Some("write @name, where name is a lexicon or named pattern"),
            ),
        }
    }

    fn class(&self, i: &'a str) -> Res<'a, Node> {
        let (rest, name) = take_while(|c: char| c.is_ascii_alphanumeric()).parse(&i[1..])?;
        match Class::from_name(name) {
            Some(c) => Ok((rest, self.node(i, rest, NodeKind::Class(c)))),
            None => failure(
                i,
                1 + name.len(),
                format!("unknown class `#{name}`"),
                Some(&format!("the classes are {}", Class::NAMES)),
            ),
        }
    }

    fn gap(&self, i: &'a str) -> Res<'a, Node> {
        let rest = &i[3..];
        let (rest, min, max) = if rest.starts_with('{') {
            let (r, (min, max, comma)) = self.bounds(rest)?;
            let (min, max) = match (min, max, comma) {
                (Some(n), Some(_), false) => (n, n),
                (min, Some(max), true) => (min.unwrap_or(0), max),
                _ => {
                    return failure(
                        rest,
                        rest.len() - r.len(),
                        "a gap needs an upper bound",
                        Some("write ...{m,n}, e.g. ...{0,3}"),
                    )
                }
            };
            if max < min {
                return failure(
                    rest,
                    rest.len() - r.len(),
                    "the gap's upper bound is below the lower",
                    Some("write ...{m,n} with m ≤ n"),
                );
            }
            (r, min, max)
        } else {
            (rest, 0, DEFAULT_GAP)
        };
        Ok((rest, self.node(i, rest, NodeKind::Gap { min, max })))
    }

    fn word(&self, i: &'a str) -> Res<'a, Node> {
        // A word is what the document tokenizer reads as one word, so that
        // "U.S.", "11:23", "S-400" and "Hay’at" mean the same in both.
        let (end, _) = tokenize::word_end(i, 0);
        let text = &i[..end];
        let mut rest = &i[end..];
        let mut inflect = false;
        let mut forms = Vec::new();
        if let Some(r) = rest.strip_prefix('~') {
            inflect = true;
            rest = r;
            if let Some(r) = rest.strip_prefix('[') {
                let Some(close) = r.find(']') else {
                    return failure(
                        rest,
                        1,
                        "unclosed list of forms",
                        Some("write word~[form|form]"),
                    );
                };
                forms = r[..close]
                    .split('|')
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty())
                    .collect();
                if forms.is_empty() {
                    return failure(
                        rest,
                        close + 2,
                        "empty list of forms",
                        Some("write word~[form|form], or just word~"),
                    );
                }
                rest = &r[close + 1..];
            }
        }
        let toks = tokenize::split(text);
        if toks.len() > 1 {
            if inflect {
                return failure(
                    i,
                    end,
                    format!("`{text}~`: only a single word can be inflected"),
                    Some("put `~` on one word"),
                );
            }
            let items = toks
                .into_iter()
                .map(|(t, _)| {
                    let off = t.as_ptr() as usize - i.as_ptr() as usize;
                    let kind = if t.chars().all(char::is_alphanumeric) || toks_is_word(t) {
                        NodeKind::Word {
                            text: t.to_string(),
                            inflect: false,
                            forms: Vec::new(),
                        }
                    } else {
                        NodeKind::Phrase(t.to_string())
                    };
                    self.node(&i[off..], &i[off + t.len()..], kind)
                })
                .collect();
            return Ok((rest, self.node(i, rest, NodeKind::Seq(items))));
        }
        let kind = NodeKind::Word {
            text: text.to_string(),
            inflect,
            forms,
        };
        Ok((rest, self.node(i, rest, kind)))
    }
}

fn toks_is_word(t: &str) -> bool {
    tokenize::split(t)
        .first()
        .is_some_and(|(_, k)| matches!(k, TokenKind::Word | TokenKind::Number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(p: &str) -> PatternError {
        parse(p).expect_err(p)
    }

    #[test]
    fn parses_the_sketch_pattern() {
        let n = parse("{who: @nationality} rebels ...{0,3} capture~ Damascus").unwrap();
        let NodeKind::Seq(items) = n.kind else {
            panic!()
        };
        assert_eq!(items.len(), 5);
        assert!(matches!(&items[0].kind, NodeKind::Capture { name, .. } if name == "who"));
        assert_eq!(items[2].kind, NodeKind::Gap { min: 0, max: 3 });
        assert!(matches!(
            &items[3].kind,
            NodeKind::Word { inflect: true, .. }
        ));
        assert_eq!(items[3].span, 36..44);
    }

    #[test]
    fn quantifiers_attach_without_space() {
        let n = parse("(very | most)? big{1,2} x+ y*").unwrap();
        let NodeKind::Seq(items) = n.kind else {
            panic!()
        };
        assert!(matches!(
            items[0].kind,
            NodeKind::Repeat {
                min: 0,
                max: Some(1),
                ..
            }
        ));
        assert!(matches!(
            items[1].kind,
            NodeKind::Repeat {
                min: 1,
                max: Some(2),
                ..
            }
        ));
        assert!(matches!(
            items[2].kind,
            NodeKind::Repeat {
                min: 1,
                max: None,
                ..
            }
        ));
    }

    #[test]
    fn words_phrases_regex_marker_negation() {
        let n =
            parse(r#"^ <"Close Search Window"> $ | !pro /^\d{1,2}:\d\d$/i U.S. visit~[visits]"#)
                .unwrap();
        assert!(matches!(n.kind, NodeKind::Alt(_)));
    }

    #[test]
    fn abbreviations_are_one_word() {
        let n = parse("U.S. troops").unwrap();
        let NodeKind::Seq(items) = n.kind else {
            panic!()
        };
        assert!(matches!(&items[0].kind, NodeKind::Word { text, .. } if text == "U.S."));
    }

    #[test]
    fn error_positions() {
        assert_eq!(err("Russian (rebels").span.start, 8);
        assert_eq!(err("a | ").span.start, 2);
        assert_eq!(err("a ) b").span.start, 2);
        assert_eq!(err("{who @x}").span.start, 5);
        assert_eq!(err("x{3,1}").span.start, 1);
        assert_eq!(err("/abc").span.start, 0);
        assert_eq!(err("\"abc").span.start, 0);
        assert_eq!(err("a #nope").span, 2..7);
        assert_eq!(err("a , b").span.start, 2);
        assert!(err("a , b").hint.unwrap().contains("quote"));
        assert_eq!(err("").span.start, 0);
        assert_eq!(err("!").span.start, 1);
        assert_eq!(err("a ...{0,} b").span.start, 5);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for p in [
            "((",
            "{",
            "<",
            "{a:",
            "~",
            "a~[",
            "...{",
            "...{9999}",
            "@",
            "#",
            "\u{FFFC}",
            "é~",
            "a{",
            "a{,}",
            "x{99999999999}",
        ] {
            let _ = parse(p);
        }
    }
}
