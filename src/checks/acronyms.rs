//! Acronyms: used before they are spelled out, or spelled out two ways.

use std::collections::HashMap;
use std::ops::Range;

use super::{Check, CheckInfo, Context, Report};
use crate::document::Document;
use crate::finding::{Finding, Related, Severity};
use crate::text::TokenKind;

/// The check.
pub struct Acronyms;

/// Acronyms every reader knows (countries, blocs, big news outlets, units):
/// never flagged for use before definition.
const KNOWN: &[&str] = &[
    "US", "U.S.", "USA", "UK", "UN", "EU", "NATO", "USSR", "AM", "PM", "TV", "CEO", "GDP", "AI",
    "ID", "OK", "PDF", "HTML", "URL", "API", "CPU", "BBC", "CNN", "AFP", "AP", "FBI", "CIA",
    "NASA", "COVID", "DNA", "HIV", "AIDS", "UAE", "IT", "PR", "VIP", "FAQ", "GPS", "USB", "IQ",
    "OPEC", "IMF", "NGO", "NGOs", "GMT", "UTC", "BC", "AD", "BCE", "CE", "MP", "MPs", "NBC", "ABC",
    "CBS", "NPR", "WSJ", "NYT", "FT", "UPI", "DPA", "TASS", "UEFA", "FIFA", "NBA", "NFL", "ISIS",
    "ISIL", "EST", "PST", "CET", "LLC", "INC", "LTD",
];

/// Small words a spelled-out name may contain without a letter in the acronym.
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "de", "du", "des", "la", "le", "al", "el", "in", "on", "to",
];

fn is_acronym(text: &str) -> bool {
    let letters = text.trim_end_matches('s');
    (2..=6).contains(&letters.chars().count()) && letters.chars().all(|c| c.is_ascii_uppercase())
}

/// The letter a word gives an acronym: its first, or the first after "al-".
fn initial(word: &str) -> Option<char> {
    let w = word
        .strip_prefix("al-")
        .or_else(|| word.strip_prefix("el-"))
        .or_else(|| word.strip_prefix("Al-"))
        .unwrap_or(word);
    w.chars().next().map(|c| c.to_ascii_uppercase())
}

/// The spelled-out form before "(ACR)", if the words' initials give the acronym.
fn expansion(
    doc: &Document,
    open: usize,
    acr: &str,
    sentence_start: usize,
) -> Option<Range<usize>> {
    let letters: Vec<char> = acr.trim_end_matches('s').chars().collect();
    let mut k = open;
    let mut got: Vec<char> = Vec::new();
    // Connectors are skipped, but not without bound: a spelled-out name has
    // at most a few of them per letter.
    let oldest = open.saturating_sub(letters.len() * 3).max(sentence_start);
    while k > oldest && got.len() < letters.len() {
        k -= 1;
        let t = &doc.tokens[k];
        if t.kind != TokenKind::Word {
            return None;
        }
        let w = doc.text(t);
        if CONNECTORS.contains(&doc.norm(t)) {
            continue;
        }
        got.insert(0, initial(w)?);
    }
    (got == letters).then_some(k..open)
}

/// What the check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "consistency.acronym",
    severity: Severity::Warning,
    summary: "an acronym used before it is spelled out, or spelled out two different ways",
    details: "0.18 | \"HIR\" and \"MSRV\" used before being spelled out further down a changelog",
    flag: &[
        "The SDF reported it. The Syrian Democratic Forces (SDF) cited officials.",
        "The LNA advanced. Later the Libyan National Army (LNA) withdrew.",
        "The Government of National Unity (GNU) met. The Government of National Understanding (GNU) did not.",
        "HTS took Aleppo. Hayat Tahrir al-Sham (HTS) then took Damascus.",
        "GNU ministers met. The Government of National Unity (GNU) was formed in 2021.",
    ],
    pass: &[
        "The Wall Street Journal (WSJ) cited officials. The WSJ said more.",
        "NATO and the US met. The North Atlantic Treaty Organization (NATO) was founded in 1949.",
        "The Libyan National Army (LNA) advanced. The LNA then withdrew.",
        "The SNA fought too.",
        "The report (PDF) is online.",
    ],
};

impl Check for Acronyms {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        // Definitions: "Long Name (ACR)".
        let mut defined: HashMap<String, (usize, Range<usize>, String)> = HashMap::new();
        let toks = &doc.tokens;
        // Each "(" (found in the dense array of first bytes) with two tokens
        // after it and one before it in its sentence.
        for i in memchr::memchr_iter(b'(', doc.leads()) {
            let s = &doc.sentences[toks[i].sentence as usize];
            if i < s.start + 1
                || i + 2 >= s.end
                || doc.text(&toks[i]) != "("
                || doc.text(&toks[i + 2]) != ")"
            {
                continue;
            }
            let acr = doc.text(&toks[i + 1]);
            if !is_acronym(acr) {
                continue;
            }
            let Some(exp) = expansion(doc, i, acr, s.start) else {
                continue;
            };
            let span = toks[exp.start].start()..toks[i + 2].end();
            let words = super::words_of(doc, &toks[exp.clone()]);
            match defined.get(acr) {
                Some((_, first_span, first_words)) if *first_words != words => {
                    let mut f = Report {
                        check: self,
                        span: span.clone(),
                        message: format!(
                            "“{acr}” is spelled out two ways: “{}” and, earlier, “{}”",
                            doc.slice(toks[exp.start].start()..toks[i - 1].end()),
                            doc.slice(first_span.clone())
                        ),
                        help: Some("Give an acronym one expansion per article.".into()),
                        suggestion: None,
                    }
                    .finding(doc);
                    f.related.push(Related::here(
                        doc,
                        first_span.clone(),
                        "first spelled out here",
                    ));
                    out.push(f);
                }
                Some(_) => {}
                None => {
                    defined.insert(acr.to_string(), (i + 1, span, words));
                }
            }
        }
        // Uses before the definition (the first one only).
        let mut reported: Vec<&str> = Vec::new();
        if defined.is_empty() {
            return;
        }
        for (idx, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let text = doc.text(t);
            let Some((def_at, def_span, _)) = defined.get(text) else {
                continue;
            };
            if KNOWN.contains(&text) || reported.contains(&text) {
                continue;
            }
            if idx >= *def_at {
                continue;
            }
            reported.push(text);
            let mut f = Report {
                check: self,
                span: t.span(),
                message: format!("“{text}” is used before it is spelled out"),
                help: Some(format!(
                    "Spell it out at first use: “{}”.",
                    doc.slice(def_span.clone())
                )),
                suggestion: None,
            }
            .finding(doc);
            f.related
                .push(Related::here(doc, def_span.clone(), "spelled out here"));
            out.push(f);
        }
    }
}
