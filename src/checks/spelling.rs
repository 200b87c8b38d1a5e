//! One entity spelled two ways in one document (Khmeimim and Hmeimim).

use super::{Check, CheckInfo, Context, Report, Setup};
use std::sync::Arc;

use crate::facts::{Actor, FactBase};
use crate::finding::{Finding, Related, Severity};

/// The check.
pub struct SpellingConsistency {
    facts: Arc<FactBase>,
}

impl SpellingConsistency {
    /// The check, over the fact base's names.
    pub fn new(setup: &mut Setup) -> Self {
        SpellingConsistency {
            facts: setup.facts(),
        }
    }
}

fn is_acronym(s: &str) -> bool {
    s.len() <= 6
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !s.chars().any(char::is_lowercase)
}

/// Words that name what a thing is rather than which one it is.
const GENERIC: &[&str] = &[
    "air",
    "base",
    "airbase",
    "naval",
    "facility",
    "airport",
    "port",
    "city",
    "province",
    "governorate",
    "the",
];

/// A name without Arabic article prefixes and generic words, for telling a
/// short form ("Assad", "Hmeimim") from a spelling variant ("Asad", "Khmeimim").
fn bare(key: &str) -> String {
    key.split(' ')
        .map(|w| {
            w.strip_prefix("al-")
                .or_else(|| w.strip_prefix("el-"))
                .unwrap_or(w)
        })
        .filter(|w| !matches!(*w, "al" | "el") && !GENERIC.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two names of one entity are spelling variants ("Haftar" and "Hifter"), not
/// a short and a long form ("Assad" and "Bashar al-Assad") nor two different
/// names ("al-Sharaa" and "al-Jolani"): the surnames, or the whole names when
/// they have as many words, differ by a few letters.
fn variants(a: &str, b: &str) -> bool {
    let (x, y) = (bare(a), bare(b));
    if x == y {
        return false;
    }
    let close = |p: &str, q: &str| {
        let d = strsim::levenshtein(p, q);
        d > 0 && d * 3 <= p.chars().count().max(q.chars().count())
    };
    let (lx, ly) = (
        x.rsplit(' ').next().unwrap_or(""),
        y.rsplit(' ').next().unwrap_or(""),
    );
    if x.split(' ').count() == y.split(' ').count() {
        close(&x, &y)
    } else {
        close(lx, ly)
    }
}

/// A spelling seen in the document: the name's key, the text as written, where.
type Spelled<'a> = (&'a str, &'a str, std::ops::Range<usize>);

/// What the check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "consistency.spelling",
    severity: Severity::Warning,
    summary: "the same entity spelled two ways in one document",
    details: "one entity of the fact base spelled two ways in one article (Khmeimim and Hmeimim; Gaddafi and Qaddafi), reported once at the second spelling with the first as a related location. Short and long forms (\"Assad\", \"Bashar al-Assad\"), acronyms and different names of one person (al-Sharaa, al-Jolani) are not variants: the surnames must differ by a few letters. The fix suggests the entity's `preferred` spelling when it has one.",
    flag: &[
        "Jets flew from Khmeimim. Later they returned to Hmeimim.",
        "Jets flew from the Hmeimim air base. Later they returned to Khmeimim.",
        "Gaddafi ruled for decades. Qaddafi was killed in 2011.",
        "Khalifa Haftar spoke. Hifter then left.",
        "Tartus is a port. The base at Tartous grew.",
        "Hay'at Tahrir al-Sham advanced. Hayat Tahrir al-Sham took the city.",
    ],
    pass: &[
        "Bashar al-Assad fled. Assad now lives in Moscow.",
        "Hayat Tahrir al-Sham (HTS) advanced. HTS took the city.",
        "Khalifa Haftar spoke. Haftar then left.",
        "Hmeimim is an air base. Hmeimim lies near Latakia.",
        "The Hmeimim air base is busy. Hmeimim lies near Latakia.",
        "Gaddafi fell in 2011; Gaddafi’s forces scattered.",
        "Ahmed al-Sharaa, once known as Abu Mohammed al-Jolani, spoke.",
        "The S-300PMU1 and the S-300PMU2 are different models.",
        "Rifaat al-Assad lived in France; Bashar al-Assad stayed in Damascus.",
    ],
};

impl Check for SpellingConsistency {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let fb = &*self.facts;
        let names = fb.find_names(doc.prose(), cx.ids);
        // The names of one entity each, as (entity, index) packed in one
        // integer and sorted: grouped by entity, in document order within
        // a group, with one allocation however many entities there are.
        // The entities named by a name of their own (not shared): a family
        // name's spellings are grouped with the one the article names.
        let named: Vec<usize> = names
            .iter()
            .filter_map(|m| match m.actors {
                [Actor::Entity(e)] => Some(*e),
                _ => None,
            })
            .collect();
        let mut order: Vec<u64> = names
            .iter()
            .enumerate()
            .filter_map(|(k, m)| {
                let mut entities = m.actors.iter().filter_map(|a| match a {
                    Actor::Entity(e) => Some(*e),
                    Actor::Nationality(_) => None,
                });
                // Names shared by several entities say nothing about spelling,
                // but for a family name ("Gaddafi", "Qaddafi"): its spellings
                // stand for the family member the article names (else its first).
                match (entities.next(), entities.next()) {
                    (Some(e), None) => Some(((e as u64) << 32) | k as u64),
                    (Some(e), Some(f)) if fb.is_family_name(m.key) => {
                        let all = [e, f].into_iter().chain(entities);
                        let (mut first, mut introduced) = (usize::MAX, None);
                        for x in all {
                            first = first.min(x);
                            if introduced.is_none() && named.contains(&x) {
                                introduced = Some(x);
                            }
                        }
                        let group = introduced.unwrap_or(first);
                        Some(((group as u64) << 32) | k as u64)
                    }
                    _ => None,
                }
            })
            .collect();
        order.sort_unstable();
        // The spellings of the current entity seen so far (key, written form, span).
        let mut list: Vec<Spelled> = Vec::new();
        let mut current = None;
        for packed in order {
            let (e, m) = ((packed >> 32) as usize, &names[packed as u32 as usize]);
            if current != Some(e) {
                list.clear();
                current = Some(e);
            }
            // A spelling seen before (most names): each name's key is one
            // string of the fact base, so the same key is at the same address.
            if list
                .iter()
                .any(|(k, _, _)| std::ptr::eq(*k, m.key) || *k == m.key)
            {
                continue;
            }
            let written = doc.slice(m.span.clone());
            if is_acronym(written) {
                continue;
            }
            // A short form of a spelling already used ("Dbeibah" after
            // "Abdul Hamid Dbeibah") agrees with it, whatever came between.
            let short_of = |k: &str| {
                let (long, short) = (bare(k), bare(m.key));
                long.len() > short.len()
                    && long.ends_with(short.as_str())
                    && long[..long.len() - short.len()].ends_with(' ')
            };
            if list.iter().any(|(k, _, _)| short_of(k)) {
                list.push((m.key, written, m.span.clone()));
                continue;
            }
            if let Some((_, first, first_span)) = list.iter().find(|(k, _, _)| variants(k, m.key)) {
                let ent = &fb.entities[e];
                let preferred = ent.preferred.clone();
                let suggestion = preferred.clone().unwrap_or_else(|| first.to_string());
                let mut f = Report {
                    check: self,
                    span: m.span.clone(),
                    message: format!(
                        "“{written}” and “{first}” spell the same name ({}) two ways",
                        ent.name
                    ),
                    help: Some(match &preferred {
                        Some(p) => format!("House style is “{p}”."),
                        None => "Use one spelling throughout.".to_string(),
                    }),
                    suggestion: Some(suggestion),
                }
                .finding(doc);
                f.related.push(Related::here(
                    doc,
                    first_span.clone(),
                    format!("first spelled “{first}” here"),
                ));
                out.push(f);
            }
            list.push((m.key, written, m.span.clone()));
        }
    }
}
