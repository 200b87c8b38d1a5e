//! A run over many files: each read, parsed and checked on its own thread
//! in memory kept from the files before (buffers and word ids), then the
//! checks over the whole run, and one order: by path, then by position.

use std::sync::Arc;

use rayon::prelude::*;

use super::{sort, Engine};
use crate::checks::DocClaims;
use crate::document::{Buffers, Document};
use crate::error::ConfigError;
use crate::facts::Claim;
use crate::finding::FileReport;
use crate::inputs::{self, Input};
use crate::vocab::WordIds;

/// What a run over many files found.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Each file read, sorted by path, its findings sorted by position.
    pub reports: Vec<FileReport>,
    /// Files that could not be read, in the order of the inputs.
    pub errors: Vec<ConfigError>,
}

impl Engine {
    /// Checks every input, in parallel, then the claims across them.
    pub fn check_corpus(&self, inputs: &[Input]) -> Corpus {
        let results: Vec<Result<(FileReport, Vec<Claim>), ConfigError>> = inputs
            .par_iter()
            .map_init(
                || (Buffers::default(), WordIds::default()),
                |(buffers, ids), i| self.check_input(i, buffers, ids),
            )
            .collect();
        let mut checked = Vec::new();
        let mut errors = Vec::new();
        for r in results {
            match r {
                Ok(rep) => checked.push(rep),
                Err(e) => errors.push(e),
            }
        }
        checked.sort_by(|a, b| a.0.path.cmp(&b.0.path));
        let claims: Vec<DocClaims> = checked
            .iter_mut()
            .map(|(r, c)| (r.path.clone(), std::mem::take(c)))
            .collect();
        let mut reports: Vec<FileReport> = checked.into_iter().map(|(r, _)| r).collect();
        // Claims that disagree across documents, reported in both.
        if reports.len() > 1 {
            for c in &self.corpus_checks {
                for (d, mut f) in c.check(&claims) {
                    f.severity = self.settings.severity_of(&f.rule, f.severity);
                    reports[d].findings.push(f);
                }
            }
        }
        for r in &mut reports {
            sort(&mut r.findings);
        }
        Corpus { reports, errors }
    }

    /// Reads, parses and checks one input in the memory of `buffers` and
    /// `ids`; its findings are not sorted yet.
    fn check_input(
        &self,
        input: &Input,
        buffers: &mut Buffers,
        ids: &mut WordIds,
    ) -> Result<(FileReport, Vec<Claim>), ConfigError> {
        let (path, source, format) = inputs::read(input, buffers.source())?;
        let mut indexer = self.vocab().indexer(std::mem::take(ids));
        let mut doc =
            Document::parse_with_forms(path.clone(), source, format, buffers, &mut indexer);
        *ids = indexer.finish();
        // The document's own date wins; the settings' stands in when it has none (else today).
        if doc.date.is_none() {
            doc.date = self.settings.as_of;
        }
        let analysis = self.analyze_with(&doc, ids);
        // Memory stays bounded by the largest file, not the corpus: the text of
        // a file is not kept (findings carry their own text; the human form reads
        // the file again for its snippets), and the document's memory serves the
        // next file this thread reads.
        let source = if matches!(input, Input::File { .. }) {
            Arc::from("")
        } else {
            Arc::from(doc.source.as_str())
        };
        buffers.recycle(doc);
        // Findings and claims are kept until the report is written: no spare
        // room (a vector of a few grows to room for four at least).
        let mut findings = analysis.findings;
        findings.shrink_to_fit();
        let report = FileReport {
            path,
            source,
            findings,
        };
        let mut claims = analysis.claims;
        claims.shrink_to_fit();
        Ok((report, claims))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::engine::Settings;
    use crate::rules::Rulebook;

    /// Pieces of markup and prose that random documents are made of.
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<br/>",
        "&nbsp;",
        "&#8217;",
        "<!-- factlint-disable -->",
        "\n",
        "\n\n",
        " ",
        "Russian",
        "rebels",
        "capturing",
        "Damascus",
        ".",
        ",",
        "“",
        "”",
        "\"",
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
        "&amp;",
        "\\",
        "http://x.y/",
        "U.S.",
        "11:23",
        "1,000",
        "é",
        "\u{301}",
        "\u{FEFF}",
        "\r\n",
        "\t",
        "Visited 1 times",
        "Written by",
        "NATO",
        "Libya",
        "Haftar’s",
        "TK",
        "İ",
        "ﬁ",
    ];

    /// Documents made of `PIECES`, the same in every run.
    fn documents(n: usize) -> impl Iterator<Item = (String, Format)> {
        let mut state: u64 = 0x5851_F42D_4C95_7F2D;
        (0..n).map(move |i| {
            let mut next = || {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) as usize
            };
            let len = next() % (60 + (i % 7) * 20);
            let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            let format = [Format::Markdown, Format::Text, Format::Html, Format::Mdx][i % 4];
            (text, format)
        })
    }

    #[test]
    fn documents_parsed_in_recycled_buffers_are_the_same() {
        // One thread's buffers serve document after document (as in a run):
        // each parse must equal a parse in fresh memory, whatever came
        // before, and the word ids found while parsing, in memory kept
        // from the documents before, must equal those found afterwards. A
        // long document first (its memory then serves shorter ones), a
        // few fixed ones, then generated ones.
        let long = "# Title *with* emphasis\n\nIntro *Russian*\n**rebels** took &amp; \
            [Damascus](https://x.org) on `2024-12-08`.\nA second\nline.\n\n- Exit *mobile* version\n\n\
            | a | b |\n|---|---|\n| one | two&nbsp;three |\n\n> Quoted\n> across lines.\n"
            .repeat(20);
        let fixed = [
            (long, Format::Markdown),
            (
                "Ünïcode Haftar’s men.\n\nBashār said so.".into(),
                Format::Text,
            ),
            ("<p>One &amp; <b>two</b>\nthree</p>".into(), Format::Html),
            (String::new(), Format::Markdown),
        ];
        // What a document's parse yields, in a form that can be compared.
        let summary = |d: &Document| {
            let toks: Vec<_> = d
                .tokens
                .iter()
                .map(|t| {
                    let forms = (d.text(t).to_string(), d.norm(t).to_string());
                    (t.span(), forms, t.flags, t.sentence)
                })
                .collect();
            let shape = (d.sentences.clone(), d.blocks().to_vec(), d.lines().to_vec());
            (toks, shape, d.leads().to_vec())
        };
        let book = Rulebook::builtin().expect("the built-in rules load");
        let engine = Engine::new(Arc::new(book), Settings::default());
        let mut ids = WordIds::default();
        let mut buffers = Buffers::default();
        for (text, format) in fixed.into_iter().chain(documents(5_000)) {
            let fresh = Document::parse("fuzz", text.as_str(), format);
            let mut source = buffers.source();
            assert!(source.is_empty());
            source.extend_from_slice(text.as_bytes());
            let source = String::from_utf8(source).expect("the text is UTF-8");
            let mut indexer = engine.vocab().indexer(std::mem::take(&mut ids));
            let reused =
                Document::parse_with_forms("fuzz", source, format, &mut buffers, &mut indexer);
            ids = indexer.finish();
            assert_eq!(reused.source, text);
            assert_eq!(summary(&reused), summary(&fresh), "{text:?}");
            assert_eq!(reused.position(text.len()), fresh.position(text.len()));
            assert_eq!(ids, engine.word_ids(&fresh), "{text:?}");
            buffers.recycle(reused);
        }
    }

    /// How many findings the run's checks give two documents dated
    /// 2025-06-01 (each document's claims found by the engine).
    fn across(engine: &Engine, a: &str, b: &str) -> usize {
        let docs: Vec<DocClaims> = [a, b]
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let text = format!("---\ndate: 2025-06-01\n---\n{t}\n");
                let doc = Document::parse(format!("{i}.md"), text, Format::Markdown);
                (doc.path.clone(), engine.analyze(&doc).claims)
            })
            .collect();
        engine
            .corpus_checks
            .iter()
            .map(|c| c.check(&docs).len())
            .sum()
    }

    #[test]
    fn across_documents_examples() {
        let book = Rulebook::builtin().expect("the built-in rules load");
        let engine = Engine::new(Arc::new(book), Settings::default());
        let flag = [
            (
                "Turkey intervened in Libya in 2020.",
                "Turkey intervened in Libya in 2019.",
            ),
            (
                "Egypt intervened in Libya in 2015.",
                "Egypt's 2016 intervention in Libya was brief.",
            ),
            (
                "The al-Watiya air base in Tripoli grew.",
                "The al-Watiya air base in Misrata grew.",
            ),
            (
                "Jets left the Hmeimim air base in Tartus.",
                "Jets left the Hmeimim air base in Damascus.",
            ),
            (
                "Russia intervened in Syria in 2016.",
                "Russia intervened in Syria in 2015.",
            ),
        ];
        let pass = [
            (
                "Turkey intervened in Libya in 2020.",
                "Turkey intervened in Libya in 2020.",
            ),
            (
                "Egypt intervened in Libya in 2015.",
                "Turkey intervened in Libya in 2020.",
            ),
            (
                "The al-Watiya air base in Libya grew.",
                "The al-Watiya air base in Libya was busy.",
            ),
            (
                "Jets left the Hmeimim air base in Latakia.",
                "Jets left the Hmeimim air base in Syria.",
            ),
            (
                "Russia intervened in Syria in 2015.",
                "Rebels captured Damascus.",
            ),
        ];
        for (a, b) in flag {
            assert_eq!(across(&engine, a, b), 2, "should flag both: {a} / {b}");
        }
        for (a, b) in pass {
            assert_eq!(across(&engine, a, b), 0, "should pass: {a} / {b}");
        }
    }
}
