//! Criterion benches for the hot paths: building a document (tokenising),
//! word ids, the matcher, fact-base lookups, and a whole check.
//! Run with `cargo bench`; the corpus is made here from our own sentences.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factlint::document::{Document, Format};
use std::sync::Arc;

use factlint::{Engine, Rulebook, Settings};

/// About 64 KB of article-like Markdown, with a few planted errors.
fn article() -> String {
    let sentences = [
        "Officials in Tripoli discussed the budget on Monday, a ministry spokesman said.",
        "Hayat Tahrir al-Sham captured Damascus on 8 December 2024 after a short offensive.",
        "Residents of Benghazi said the harbour would take at least six months to finish.",
        "“We expect the bridge to open before the end of the year,” said the governor.",
        "Russian rebels captured Damascus, according to a report that was later corrected.",
        "LNA commander Khalifa Haftar met the envoy in Benghazi.",
        "The Hmeimim air base in Latakia hosts Russian aircraft.",
        "See the [full report](https://example.org/report) and the `budget_2025` table.",
    ];
    let mut s = String::from("---\ntitle: Bench\ndate: 2025-06-01\n---\n\n# Bench\n\n");
    let mut i = 0;
    while s.len() < 64_000 {
        for _ in 0..4 {
            s.push_str(sentences[i % sentences.len()]);
            s.push(' ');
            i += 7;
        }
        s.push_str("\n\n");
    }
    s
}

fn benches(c: &mut Criterion) {
    let text = article();
    let book = Rulebook::builtin().unwrap_or_else(|_| panic!("built-in rules load"));
    let engine = Engine::new(Arc::new(book), Settings::default());
    let book = engine.rulebook();
    let doc = Document::parse("bench.md", text.as_str(), Format::Markdown);
    let mut g = c.benchmark_group("hot_paths");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("tokenize (document build)", |b| {
        b.iter(|| Document::parse("bench.md", black_box(text.as_str()), Format::Markdown))
    });
    g.bench_function("check (rules, claims and checks)", |b| {
        b.iter(|| engine.analyze(black_box(&doc)))
    });
    g.bench_function("word ids (vocabulary lookup)", |b| {
        b.iter(|| engine.word_ids(black_box(&doc)))
    });
    let ids = engine.word_ids(&doc);
    g.bench_function("fact base: find names", |b| {
        b.iter(|| book.facts.find_names(black_box(doc.prose()), &ids))
    });
    g.finish();
    let mut g = c.benchmark_group("lookups");
    g.bench_function("fact base: resolve a name", |b| {
        b.iter(|| book.facts.resolve(black_box("Hay’at Tahrir al-Sham")))
    });
    let rule = book
        .rule("claim.captured-by-nationality")
        .unwrap_or_else(|| panic!("rule"));
    let one = Document::from_text("However, with Russian rebels capturing Damascus, the Syrian capital, the bases are at risk.");
    let range = one.sentences[0].clone();
    let one_ids = engine.word_ids(&one);
    g.bench_function("match: one claim pattern on one sentence", |b| {
        let mut cache = factlint::pattern::Cache::default();
        b.iter(|| {
            rule.program
                .find_iter(black_box(one.prose()), &one_ids, range.clone(), &mut cache)
        })
    });
    g.finish();
}

criterion_group!(hot, benches);
criterion_main!(hot);
