//! Doubled words: "the the".

use super::{Check, CheckInfo, Context, Report};
use crate::finding::{Finding, Severity};
use crate::text::TokenKind;

/// The check.
pub struct DoubledWord;

/// Words that are correctly doubled in English prose.
const ALLOWED: &[&str] = &[
    "had", "that", "so", "very", "bye", "no", "yes", "ha", "go", "chop", "knock", "many", "far",
    "more", "much", "really", "well", "tut", "walla", "wagga", "pago", "bora", "baden", "sirhan",
    "hush", "is", "do", "blah", "tsk", "dum", "la", "boo", "yeah", "hear", "again", "round",
    "over", "on", "cha", "aye", "mm", "hmm", "ah", "oh",
];

/// What the check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "hygiene.doubled-word",
    severity: Severity::Warning,
    summary: "the same word twice in a row: “the the”",
    details: "0.29 | all real typos (\"the the\", \"of of\", \"to to\", \"handling handling\")",
    flag: &[
        "The the base was closed.",
        "The ecole école stayed open.",
        "Russia moved its its air defences.",
        "They said that the\nthe rebels had won.",
        "It was a a long war.",
        "Libya has been divided for for years.",
    ],
    pass: &[
        "He had had enough.",
        "She said that that was the end.",
        "Walla Walla is in Washington.",
        "The word “the”, the article, is common.",
        "Bye bye, she said.",
        "Rename Value::to_str to to_cow_str in the API.",
        "set(DIFF diff)",
        "v   v",
        "He said no, no and no again.",
    ],
};

impl Check for DoubledWord {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let toks = &doc.tokens;
        for_each_same_lead(doc.leads(), |k| {
            let (a, b) = (&toks[k], &toks[k + 1]);
            // Pairs are looked for within sentences.
            if a.sentence != b.sentence {
                return;
            }
            if a.kind != TokenKind::Word
                || b.kind != TokenKind::Word
                || a.norm_len() != b.norm_len()
                || doc.norm(a) != doc.norm(b)
            {
                return;
            }
            // Only white space between them (a comma or markup makes it deliberate).
            // One space or one line break between them: wider gaps are table columns.
            let between = doc.slice(a.end()..b.start());
            let gap = between == " "
                || (between.starts_with('\n')
                    && between[1..].chars().all(|c| c == ' ')
                    && between.len() <= 9);
            let caps_and_lower = doc.text(a).chars().all(|c| !c.is_lowercase())
                != doc.text(b).chars().all(|c| !c.is_lowercase())
                && doc.text(a).chars().count() > 1
                && !doc.text(a)[1..].chars().any(char::is_lowercase);
            let letter = doc.text(a).chars().count() < 2 && doc.norm(a) != "a";
            if !gap || caps_and_lower || letter || ALLOWED.contains(&doc.norm(a)) {
                return;
            }
            out.push(
                Report {
                    check: self,
                    span: a.start()..b.end(),
                    message: format!("“{}” is written twice", doc.text(a)),
                    help: None,
                    suggestion: Some(doc.text(a).to_string()),
                }
                .finding(doc),
            );
        });
    }
}

/// Calls `f` with each `k` where tokens `k` and `k + 1` may be the same
/// word by their first bytes (`leads`): ASCII first letters equal but for
/// case, or a first byte beyond ASCII (an accent may vanish in the matching
/// form: "école", "ecole"), and a few more that the caller rules out. Eight
/// pairs are decided at once, as the bytes of two 64-bit integers, and only
/// the few that pass are looked at one by one.
fn for_each_same_lead(leads: &[u8], mut f: impl FnMut(usize)) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |k: usize| {
        leads
            .get(k..k + 8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let pairs = leads.len().saturating_sub(1);
    let mut base = 0;
    while base + 8 <= pairs {
        let (Some(x), Some(y)) = (word(base), word(base + 1)) else {
            break;
        };
        // A zero byte in `z` is a pair of equal letters but for case. The
        // zero-byte test may also flag a byte just above a zero one, never
        // misses one: extra pairs are ruled out by the caller.
        let z = (x | (0x20 * ONES)) ^ (y | (0x20 * ONES));
        let equal = z.wrapping_sub(ONES) & !z & HIGH;
        let mut mask = equal | ((x | y) & HIGH);
        while mask != 0 {
            f(base + mask.trailing_zeros() as usize / 8);
            mask &= mask - 1;
        }
        base += 8;
    }
    for k in base..pairs {
        let (a, b) = (leads[k], leads[k + 1]);
        if (a | b) >= 0x80 || (a | 0x20) == (b | 0x20) {
            f(k);
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn eight_pairs_at_a_time_miss_no_pair() {
        // Every pair the byte-by-byte test admits is reported, at every
        // offset and length (the last few pairs are tested one by one).
        let alphabet = b"aAbB.,\xC3\xA9 tT1[";
        let mut state = 12345u32;
        for len in 0..80 {
            for _ in 0..20 {
                let leads: Vec<u8> = (0..len)
                    .map(|_| {
                        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                        alphabet[(state >> 16) as usize % alphabet.len()]
                    })
                    .collect();
                let mut got = Vec::new();
                super::for_each_same_lead(&leads, |k| got.push(k));
                assert!(got.windows(2).all(|w| w[0] < w[1]), "{got:?}");
                assert!(got.iter().all(|&k| k + 1 < leads.len()));
                for k in 0..leads.len().saturating_sub(1) {
                    let (a, b) = (leads[k], leads[k + 1]);
                    if (a | b) >= 0x80 || (a | 0x20) == (b | 0x20) {
                        assert!(got.contains(&k), "pair {k} of {leads:?}");
                    }
                }
            }
        }
    }
}
