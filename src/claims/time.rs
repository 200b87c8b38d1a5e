//! Time as reporters write it: the dates a sentence names ("8 December
//! 2024", "December 8, 2024", "Dec. 8", "in 2015", "on Sunday", "since
//! 2017"), each resolved against the article's date where it leaves the
//! year out, with the word that relates it to the claim ("since", "until",
//! "by", "in").

use std::ops::Range;

use jiff::civil::{Date, Weekday};

use crate::document::Document;
use crate::facts::PartialDate;
use crate::text::TokenKind;

/// How a date stands to what the sentence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// At that time ("in 2015", "on 8 December", "by December 8").
    At,
    /// From then on ("since 2017", "from 2011").
    Since,
    /// Up to then ("until 2021", "till").
    Until,
}

/// A date a sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The tokens that write it (with its preposition).
    pub tokens: Range<usize>,
    /// The days it names.
    pub date: PartialDate,
    /// How it relates to the claim.
    pub relation: Relation,
}

/// A span of years a sentence names ("for 24 years", "for nearly three decades").
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    /// The tokens that write it.
    pub tokens: Range<usize>,
    /// The fewest and most years it can mean.
    pub years: (f32, f32),
}

/// The number of an English month's name, full or abbreviated to three
/// letters ("Sept" too).
fn month(w: &str) -> Option<i8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    let w = w.to_ascii_lowercase();
    if w == "sept" {
        return Some(9);
    }
    NAMES
        .iter()
        .position(|n| *n == w || (w.len() == 3 && n.starts_with(&w)))
        .map(|k| k as i8 + 1)
}

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w.to_ascii_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// A day of the month written as a number ("8", "8th").
fn day(w: &str) -> Option<i8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    let ordinal = suffix.is_empty()
        || ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| suffix.eq_ignore_ascii_case(o));
    (ordinal && (1..=2).contains(&digits.len()))
        .then(|| digits.parse::<i8>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// A year written as four digits from 1900 to 2099.
fn year(w: &str) -> Option<i16> {
    (w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        .then(|| w.parse::<i16>().ok())
        .flatten()
}

/// A month and, if given, a day: a date written without its year.
type MonthDay = (i8, Option<i8>);

/// A span of years written as one word: "2019-2020", "2019-20".
fn years(w: &str) -> Option<(i16, i16)> {
    let (a, b) = w.split_once(['-', '‐', '‑'])?;
    let a = year(a)?;
    let b = match b.len() {
        4 => year(b)?,
        2 => a - a % 100 + b.parse::<i16>().ok()?,
        _ => return None,
    };
    (b > a).then_some((a, b))
}

/// A number written in digits or words (for durations).
/// The years an age adjective of a thing allows: "decade-old" is ten
/// years and under twenty, "two-decade-old" twenty and under thirty,
/// "decades-old" twenty or more. Ages in years ("44-year-old") are left
/// out: they are people's ages far more often than a state's.
fn age(w: &str) -> Option<(f32, f32)> {
    let w = w.strip_suffix("-old")?;
    let (n, unit) = match w.rsplit_once('-') {
        Some((n, unit)) => (number(n)?, unit),
        None => (1.0, w),
    };
    let (per, plural) = match unit {
        "decade" => (10.0, false),
        "decades" => (10.0, true),
        "century" => (100.0, false),
        _ => return None,
    };
    if plural {
        return Some((2.0 * per, 10.0 * per));
    }
    Some((n * per, (n + 1.0) * per - 0.5))
}

fn number(w: &str) -> Option<f32> {
    if let Ok(n) = w.parse::<f32>() {
        return Some(n);
    }
    Some(match w.to_ascii_lowercase().as_str() {
        "one" | "a" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        _ => return None,
    })
}

/// A date without its year, placed in the year that puts it on or before
/// the article's date (a report speaks of a past day).
fn placed(m: i8, d: Option<i8>, at: Date) -> Option<PartialDate> {
    let make = |y: i16| -> Option<(Date, Date)> {
        match d {
            Some(d) => {
                let x = Date::new(y, m, d).ok()?;
                Some((x, x))
            }
            None => {
                let x = Date::new(y, m, 1).ok()?;
                Some((x, x.last_of_month()))
            }
        }
    };
    let (mut s, mut e) = make(at.year())?;
    if s > at {
        (s, e) = make(at.year() - 1)?;
    }
    Some(PartialDate {
        start: s,
        end: e,
        text: s.to_string(),
    })
}

/// A time relative to the article's date `at`, in the words `w(0)`,
/// `w(1)`, …, and how many words write it.
fn relative(w: &dyn Fn(usize) -> Option<String>, at: Date) -> Option<(PartialDate, usize)> {
    let span = |start: Date, end: Date| PartialDate {
        start,
        end,
        text: start.to_string(),
    };
    let year = |y: i16| Some(span(Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?));
    let month = |d: Date| Some(span(d.first_of_month(), d.last_of_month()));
    let first = w(0)?;
    match (first.as_str(), w(1).as_deref()) {
        ("yesterday", _) => Some((PartialDate::day(at.yesterday().ok()?), 1)),
        ("last", Some("year")) => Some((year(at.year() - 1)?, 2)),
        ("this", Some("year")) => Some((span(Date::new(at.year(), 1, 1).ok()?, at), 2)),
        ("last", Some("month")) => Some((month(at.first_of_month().yesterday().ok()?)?, 2)),
        ("this", Some("month")) => Some((span(at.first_of_month(), at), 2)),
        ("earlier", Some("this")) => match w(2).as_deref() {
            Some("month") => Some((span(at.first_of_month(), at), 3)),
            Some("year") => Some((span(Date::new(at.year(), 1, 1).ok()?, at), 3)),
            _ => None,
        },
        // "ten years ago (today)"
        (n, Some("years" | "year")) if w(2).as_deref() == Some("ago") => {
            let n = number(n)? as i16;
            if w(3).as_deref() == Some("today") {
                let d = Date::new(at.year() - n, at.month(), at.day()).ok()?;
                Some((PartialDate::day(d), 4))
            } else {
                Some((year(at.year() - n)?, 3))
            }
        }
        _ => None,
    }
}

/// The dates that the tokens `range` of `doc` name, in order, resolved
/// against `at` (the article's date) where they leave the year out.
pub fn dates_in(doc: &Document, range: Range<usize>, at: Date) -> Vec<Mention> {
    let toks = &doc.tokens[range.clone()];
    let word = |k: usize| -> Option<&str> {
        let t = toks.get(k)?;
        matches!(t.kind, TokenKind::Word | TokenKind::Number).then(|| doc.text(t))
    };
    let punct = |k: usize, p: &str| toks.get(k).is_some_and(|t| doc.text(t) == p);
    let mut out = Vec::new();
    // For each mention: whether it writes its year, and the month and day
    // of one that leaves it out.
    let mut kinds: Vec<(bool, Option<MonthDay>)> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let start = k;
        // (day) Month (day) (,) (year) | Month year | year | weekday
        let mut date: Option<PartialDate> = None;
        let mut yearless: Option<MonthDay> = None;
        let mut explicit = false;
        let mut end = k;
        // Times relative to the article's date ("last year", "this month",
        // "ten years ago", "yesterday").
        if let Some((d, n)) = relative(&|j| word(k + j).map(str::to_ascii_lowercase), at) {
            date = Some(d);
            end = k + n;
        } else if let Some(w) = word(k) {
            if let (Some(d), Some(m)) = (day(w), word(k + 1).and_then(month)) {
                // 8 December (2024)
                let mut j = k + 2;
                if punct(j, ",") {
                    j += 1;
                }
                match word(j).and_then(year) {
                    Some(y) => {
                        date = Date::new(y, m, d).ok().map(PartialDate::day);
                        explicit = true;
                        end = j + 1;
                    }
                    None => {
                        date = placed(m, Some(d), at);
                        yearless = Some((m, Some(d)));
                        end = k + 2;
                    }
                }
            } else if let Some(m) = month(w) {
                let mut j = k + 1;
                if punct(j, ".") {
                    j += 1;
                }
                if let Some(d) = word(j).and_then(day) {
                    // December 8(,) (2024)
                    let mut y = j + 1;
                    if punct(y, ",") {
                        y += 1;
                    }
                    match word(y).and_then(year) {
                        Some(yy) => {
                            date = Date::new(yy, m, d).ok().map(PartialDate::day);
                            explicit = true;
                            end = y + 1;
                        }
                        None => {
                            date = placed(m, Some(d), at);
                            yearless = Some((m, Some(d)));
                            end = j + 1;
                        }
                    }
                } else if let Some(yy) = word(j).and_then(year) {
                    // December 2024
                    date = Date::new(yy, m, 1).ok().map(|s| PartialDate {
                        start: s,
                        end: s.last_of_month(),
                        text: s.to_string(),
                    });
                    explicit = true;
                    end = j + 1;
                } else if w.len() > 3 && w != "May" && w != "may" {
                    // "in December": the last December on or before the article.
                    let before = start.checked_sub(1).and_then(word).is_some_and(|p| {
                        matches!(
                            p.to_ascii_lowercase().as_str(),
                            "in" | "since" | "until" | "by" | "early" | "late" | "mid"
                        )
                    });
                    if before {
                        date = placed(m, None, at);
                        yearless = Some((m, None));
                        end = k + 1;
                    }
                }
            } else if let Some(y) = year(w) {
                date = PartialDate::parse(&y.to_string());
                explicit = true;
                end = k + 1;
            } else if let Some((a, b)) = years(w) {
                // "2019-2020", "2019-20"
                date = Some(PartialDate {
                    start: Date::new(a, 1, 1).ok().unwrap_or(at),
                    end: Date::new(b, 12, 31).ok().unwrap_or(at),
                    text: w.to_string(),
                });
                explicit = true;
                end = k + 1;
            } else if let Some(wd) = weekday(w) {
                // "on Sunday": the last such day on or before the article's date.
                let on = start.checked_sub(1).and_then(word).is_some_and(|p| {
                    p.eq_ignore_ascii_case("on") || p.eq_ignore_ascii_case("last")
                });
                if on {
                    let mut back = (at.weekday().to_monday_zero_offset()
                        - wd.to_monday_zero_offset())
                    .rem_euclid(7);
                    // "Last Sunday" in Sunday's paper is a week before.
                    let last = start
                        .checked_sub(1)
                        .and_then(word)
                        .is_some_and(|p| p.eq_ignore_ascii_case("last"));
                    if back == 0 && last {
                        back = 7;
                    }
                    date = at
                        .checked_sub(jiff::Span::new().days(i64::from(back)))
                        .ok()
                        .map(PartialDate::day);
                    end = k + 1;
                }
            }
        }
        let Some(date) = date else {
            k += 1;
            continue;
        };
        let prep = start
            .checked_sub(1)
            .and_then(word)
            .map(str::to_ascii_lowercase);
        let relation = match prep.as_deref() {
            Some("since" | "from") => Relation::Since,
            Some("until" | "till" | "through") => Relation::Until,
            _ => Relation::At,
        };
        let first = if prep.is_some() { start - 1 } else { start };
        out.push(Mention {
            tokens: range.start + first..range.start + end,
            date,
            relation,
        });
        kinds.push((explicit, yearless));
        k = end.max(k + 1);
    }
    // A date without its year takes the year the sentence gives another
    // ("on June 10, 2000, a month before … on July 10").
    if let Some(y) = out
        .iter()
        .zip(&kinds)
        .find(|(m, (explicit, _))| *explicit && m.date.start.first_of_year() != m.date.start)
        .map(|(m, _)| m.date.start.year())
    {
        for (m, (_, yearless)) in out.iter_mut().zip(&kinds) {
            if let Some((mo, d)) = *yearless {
                if let Some(date) = placed(mo, d, Date::new(y, 12, 31).unwrap_or(at)) {
                    m.date = date;
                }
            }
        }
    }
    out
}

/// Nouns of a time in office or of a state ("an eight-year tenure").
const TENURES: &[&str] = &[
    "rule",
    "tenure",
    "reign",
    "term",
    "presidency",
    "premiership",
    "leadership",
    "command",
    "presence",
    "stint",
    "war",
    "occupation",
    "intervention",
    "mission",
    "lease",
];

/// The years "N years" or "N decades" can mean, with the hedge before it:
/// a count of years is that many and under one more; decades are rounded
/// ("three decades" for 27 to 33 years).
fn spanned(n: f32, unit: f32, hedge: Option<&str>) -> (f32, f32) {
    let v = n * unit;
    match hedge {
        Some("about" | "around" | "some" | "roughly") => (v * 0.85, v * 1.15),
        Some("nearly" | "almost") => (v * 0.8, v),
        Some("over" | "more") => (v, v * 1.5),
        _ if unit >= 10.0 => (v - 0.3 * unit, v + 0.3 * unit),
        _ => (v - 0.5, v + 1.0),
    }
}

/// The spans of years that the tokens `range` of `doc` name ("for 24
/// years", "for more than two decades", "a decade-old base", "an
/// eight-year tenure").
pub fn durations_in(doc: &Document, range: Range<usize>) -> Vec<Duration> {
    let toks = &doc.tokens[range.clone()];
    let word = |k: usize| toks.get(k).map(|t| doc.norm(t));
    let mut out = Vec::new();
    for k in 0..toks.len() {
        let at = |n: usize| range.start + k..range.start + k + n;
        // "decade-old", "two-decade-old", "a century-old"
        if let Some(years) = word(k).and_then(age) {
            out.push(Duration {
                tokens: at(1),
                years,
            });
            continue;
        }
        // "an eight-year tenure", "his 24-year rule"
        if let Some((n, unit)) = word(k).and_then(|w| w.rsplit_once('-')) {
            let tenure = word(k + 1).is_some_and(|w| TENURES.contains(&w));
            let unit = match unit {
                "year" => 1.0,
                "decade" => 10.0,
                _ => 0.0,
            };
            if let (true, true, Some(n)) = (tenure, unit > 0.0, number(n)) {
                out.push(Duration {
                    tokens: at(2),
                    years: spanned(n, unit, None),
                });
            }
            continue;
        }
        if word(k) != Some("for") {
            continue;
        }
        // for (about | nearly | more than | almost | over) N (years | decades)
        let mut j = k + 1;
        let hedge = match word(j) {
            Some(h @ ("about" | "around" | "some" | "roughly" | "nearly" | "almost" | "over")) => {
                j += 1;
                Some(h)
            }
            Some("more") if word(j + 1) == Some("than") => {
                j += 2;
                Some("more")
            }
            _ => None,
        };
        let Some(n) = word(j).and_then(number) else {
            continue;
        };
        let unit = match word(j + 1) {
            Some("years" | "year") => 1.0,
            Some("decades" | "decade") => 10.0,
            _ => continue,
        };
        out.push(Duration {
            tokens: range.start + k..range.start + j + 2,
            years: spanned(n, unit, hedge),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str, at: &str) -> Vec<(String, Relation)> {
        let doc = Document::from_text(text);
        let at: Date = at.parse().unwrap();
        dates_in(&doc, 0..doc.tokens.len(), at)
            .into_iter()
            .map(|m| {
                let d = if m.date.start == m.date.end {
                    m.date.start.to_string()
                } else {
                    format!("{}..{}", m.date.start, m.date.end)
                };
                (d, m.relation)
            })
            .collect()
    }

    #[test]
    fn dates_as_reporters_write_them() {
        use Relation::*;
        let at = "2024-12-20";
        assert_eq!(
            mentions("on 8 December 2024", at),
            [("2024-12-08".into(), At)]
        );
        assert_eq!(
            mentions("on December 8, 2024", at),
            [("2024-12-08".into(), At)]
        );
        assert_eq!(
            mentions("by Dec. 8 the city fell", at),
            [("2024-12-08".into(), At)]
        );
        assert_eq!(mentions("on December 8", at), [("2024-12-08".into(), At)]);
        // A day later in the year than the article: last year's.
        assert_eq!(mentions("on December 28", at), [("2023-12-28".into(), At)]);
        assert_eq!(mentions("on Sunday", at), [("2024-12-15".into(), At)]);
        assert_eq!(
            mentions("since 2017", at),
            [("2017-01-01..2017-12-31".into(), Since)]
        );
        assert_eq!(
            mentions("until March 2021", at),
            [("2021-03-01..2021-03-31".into(), Until)]
        );
        assert_eq!(
            mentions("in December", at),
            [("2024-12-01..2024-12-31".into(), At)]
        );
        // A date without its year takes the year the sentence gives.
        assert_eq!(
            mentions(
                "died on June 10, 2000, a month before his son took office on July 17",
                at
            ),
            [("2000-06-10".into(), At), ("2000-07-17".into(), At)]
        );
        // Relative to the article's date.
        assert_eq!(
            mentions(
                "joined last year; ten years ago today; earlier this month",
                at
            ),
            [
                ("2023-01-01..2023-12-31".into(), At),
                ("2014-12-20".into(), At),
                ("2024-12-01..2024-12-20".into(), At)
            ]
        );
        // Not dates: "may", a number of people, a bare weekday.
        assert!(mentions("He may go. 300 people came. Sunday is a holiday.", at).is_empty());
    }

    #[test]
    fn durations() {
        let doc = Document::from_text("He ruled for 24 years, then for nearly three decades more.");
        let d: Vec<(f32, f32)> = durations_in(&doc, 0..doc.tokens.len())
            .into_iter()
            .map(|d| d.years)
            .collect();
        assert_eq!(d, [(23.5, 25.0), (24.0, 30.0)]);
        let doc = Document::from_text("It ended an eight-year tenure after three decades.");
        let d: Vec<(f32, f32)> = durations_in(&doc, 0..doc.tokens.len())
            .into_iter()
            .map(|d| d.years)
            .collect();
        assert_eq!(d, [(7.5, 9.0)]);
        let doc =
            Document::from_text("A decade-old base, a two-decade-old war, a 59-year-old man.");
        let d: Vec<(f32, f32)> = durations_in(&doc, 0..doc.tokens.len())
            .into_iter()
            .map(|d| d.years)
            .collect();
        assert_eq!(d, [(10.0, 19.5), (20.0, 29.5)]);
    }
}
