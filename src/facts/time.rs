//! Dates of facts and claims, at the precision they were given: a year, a
//! month or a day. A partial date stands for the span of days it names.

use std::fmt;

use jiff::civil::Date;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// A date given as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialDate {
    /// The first day it names.
    pub start: Date,
    /// The last day it names.
    pub end: Date,
    /// As written.
    pub text: String,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a timestamp's date part is accepted too).
    pub fn parse(s: &str) -> Option<PartialDate> {
        let s = s.trim();
        let text = s.to_string();
        let b = s.as_bytes();
        let all_digits = |r: std::ops::Range<usize>| {
            s.get(r)
                .is_some_and(|x| !x.is_empty() && x.bytes().all(|c| c.is_ascii_digit()))
        };
        if b.len() == 4 && all_digits(0..4) {
            let y: i16 = s.parse().ok()?;
            let start = Date::new(y, 1, 1).ok()?;
            let end = Date::new(y, 12, 31).ok()?;
            return Some(PartialDate { start, end, text });
        }
        if b.len() == 7 && all_digits(0..4) && b[4] == b'-' && all_digits(5..7) {
            let y: i16 = s[..4].parse().ok()?;
            let m: i8 = s[5..7].parse().ok()?;
            let start = Date::new(y, m, 1).ok()?;
            let end = start.last_of_month();
            return Some(PartialDate { start, end, text });
        }
        let day = s.get(..10)?;
        if s.len() > 10 && !s[10..].starts_with(['T', ' ', 't']) {
            return None;
        }
        let d: Date = day.parse().ok()?;
        Some(PartialDate {
            start: d,
            end: d,
            text: day.to_string(),
        })
    }

    /// Parses a date as prose writes it: `4 April 2023`, `April 4, 2023`,
    /// `Apr. 4 2023`, `April 2023`, `2023` (month names in English, in any
    /// case, full or abbreviated), or any form [`PartialDate::parse`] reads.
    pub fn parse_prose(s: &str) -> Option<PartialDate> {
        if let Some(d) = PartialDate::parse(s) {
            return Some(d);
        }
        let words: Vec<&str> = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| {
                !w.is_empty() && !w.eq_ignore_ascii_case("of") && !w.eq_ignore_ascii_case("the")
            })
            .collect();
        let day = |w: &str| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            let ordinal = suffix.is_empty()
                || ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|o| suffix.eq_ignore_ascii_case(o));
            (ordinal && (1..=2).contains(&digits.len()))
                .then(|| digits.parse::<i8>().ok())
                .flatten()
        };
        let year = |w: &str| (w.len() == 4).then(|| w.parse::<i16>().ok()).flatten();
        let (y, m, d) = match words.as_slice() {
            [a, b, c] => match (day(a), month(b), month(a), day(b)) {
                (Some(d), Some(m), _, _) => (year(c)?, m, Some(d)),
                (_, _, Some(m), Some(d)) => (year(c)?, m, Some(d)),
                _ => return None,
            },
            [a, b] => (year(b)?, month(a)?, None),
            _ => return None,
        };
        let text = s.trim().to_string();
        match d {
            Some(d) => {
                let date = Date::new(y, m, d).ok()?;
                Some(PartialDate {
                    start: date,
                    end: date,
                    text,
                })
            }
            None => {
                let start = Date::new(y, m, 1).ok()?;
                Some(PartialDate {
                    start,
                    end: start.last_of_month(),
                    text,
                })
            }
        }
    }

    /// A single day.
    pub fn day(d: Date) -> PartialDate {
        PartialDate {
            start: d,
            end: d,
            text: d.to_string(),
        }
    }

    /// No known start: a state that holds for as far back as it matters
    /// (where a place is, unless it was founded, moved or renamed).
    pub fn always() -> PartialDate {
        PartialDate {
            start: Date::MIN,
            end: Date::MIN,
            text: String::new(),
        }
    }

    /// Whether it is [`PartialDate::always`].
    pub fn is_always(&self) -> bool {
        self.text.is_empty()
    }

    /// The year of its first day.
    pub fn year(&self) -> i16 {
        self.start.year()
    }
}

/// The number of an English month's name, full or abbreviated ("Sept" too).
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
    let w = w.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let k = NAMES
        .iter()
        .position(|n| *n == w || (w.len() <= 4 && n.starts_with(&w)))?;
    Some(k as i8 + 1)
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date: YYYY, YYYY-MM or YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PartialDate, E> {
                PartialDate::parse(v).ok_or_else(|| {
                    E::custom(format!("`{v}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
                })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PartialDate, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PartialDate, E> {
                self.visit_str(&v.to_string())
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precisions() {
        let y = PartialDate::parse("2015").unwrap();
        assert_eq!(
            (y.start.to_string(), y.end.to_string()),
            ("2015-01-01".into(), "2015-12-31".into())
        );
        let m = PartialDate::parse("2021-02").unwrap();
        assert_eq!(m.end.to_string(), "2021-02-28");
        let d = PartialDate::parse("2024-12-08").unwrap();
        assert_eq!(d.start, d.end);
        assert!(PartialDate::parse("2024-13-01").is_none());
        assert!(PartialDate::parse("soon").is_none());
        assert!(PartialDate::parse("2024-12-08x").is_none());
        assert_eq!(
            PartialDate::parse("2024-12-08T10:00:00Z").unwrap().text,
            "2024-12-08"
        );
    }

    #[test]
    fn dates_as_prose_writes_them() {
        let day =
            |s: &str| PartialDate::parse_prose(s).map(|d| (d.start.to_string(), d.end.to_string()));
        let d = |x: &str| Some((x.to_string(), x.to_string()));
        assert_eq!(day("4 April 2023"), d("2023-04-04"));
        assert_eq!(day("April 4, 2023"), d("2023-04-04"));
        assert_eq!(day("Apr. 4 2023"), d("2023-04-04"));
        assert_eq!(day("4th of April 2023"), d("2023-04-04"));
        assert_eq!(day("8 December 2024"), d("2024-12-08"));
        assert_eq!(day("Sept 1 2024"), d("2024-09-01"));
        assert_eq!(
            day("April 2023"),
            Some(("2023-04-01".into(), "2023-04-30".into()))
        );
        assert_eq!(day("2024").map(|d| d.1), Some("2024-12-31".into()));
        for bad in [
            "31 February 2023",
            "Aprilx 4 2023",
            "4 April",
            "April",
            "4 5 2023",
            "Ma 4 2023",
        ] {
            assert_eq!(day(bad), None, "{bad}");
        }
    }
}
