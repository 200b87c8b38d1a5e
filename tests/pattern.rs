//! The pattern matcher on real tokens: words, phrases, gaps, markers,
//! captures, anchors, regexes and repetition, each found alike by comparing
//! text and by comparing word ids.

use factlint::document::Document;
use factlint::pattern::{compile, parse, Cache, Program};
use factlint::vocab::WordIds;

/// The marked text of each match, found by text (no word ids) and by
/// ids (the program bound to a vocabulary), which must agree.
fn matches(pattern: &str, text: &str) -> Vec<String> {
    let prog = compile(&parse(pattern).unwrap()).unwrap();
    let doc = Document::from_text(text);
    let by_text = matches_with(&prog, &doc, &WordIds::default());
    let mut vocab = factlint::vocab::Vocab::default();
    prog.bind(&mut vocab);
    let by_id = matches_with(&prog, &doc, &vocab.index(doc.prose()));
    assert_eq!(by_id, by_text, "{pattern:?} on {text:?}");
    by_id
}

fn matches_with(prog: &Program, doc: &Document, ids: &WordIds) -> Vec<String> {
    let mut cache = Cache::default();
    let mut out = Vec::new();
    for s in &doc.sentences {
        for m in prog.find_iter(doc.prose(), ids, s.clone(), &mut cache) {
            let r = m.marked();
            out.push(
                doc.slice(doc.tokens[r.start].start()..doc.tokens[r.end - 1].end())
                    .to_string(),
            );
        }
    }
    out
}

#[test]
fn many_matches_in_one_long_sentence() {
    let text = vec!["Russian rebels took Damascus and"; 300].join(" ");
    assert_eq!(matches("rebels took Damascus", &text).len(), 300);
    assert_eq!(matches("<Russian> rebels", &text).len(), 300);
}

#[test]
fn words_are_case_insensitive_and_inflect() {
    assert_eq!(
        matches("rebels capture~ Damascus", "Rebels CAPTURED damascus."),
        ["Rebels CAPTURED damascus"]
    );
    assert!(matches("rebels capture Damascus", "rebels captured Damascus").is_empty());
}

#[test]
fn exact_case_phrase() {
    assert_eq!(matches("\"NATO\"", "Nato or NATO"), ["NATO"]);
}

#[test]
fn gaps_are_bounded() {
    assert_eq!(
        matches("rebels ...{0,2} Damascus", "rebels soon took Damascus"),
        ["rebels soon took Damascus"]
    );
    assert!(matches("rebels ...{0,1} Damascus", "rebels soon took Damascus").is_empty());
    assert!(
        matches("rebels ... Damascus", "rebels. Damascus").is_empty(),
        "gaps stay in the sentence"
    );
}

#[test]
fn marker_and_captures() {
    let prog = compile(&parse("{who: Russian | Syrian} <rebels>").unwrap()).unwrap();
    let doc = Document::from_text("Syrian rebels");
    let m = prog
        .find_at(
            doc.prose(),
            &WordIds::default(),
            0..2,
            0,
            &mut Cache::default(),
        )
        .unwrap();
    assert_eq!(m.marked(), 1..2);
    assert_eq!(m.capture(0), Some(0..1));
    assert_eq!(m.whole(), 0..2);
}

#[test]
fn negation_and_optional() {
    assert_eq!(matches("!pro rebels", "the rebels"), ["the rebels"]);
    assert!(matches("!the rebels", "the rebels").is_empty());
    assert_eq!(
        matches("very? big", "a very big and big"),
        ["very big", "big"]
    );
}

#[test]
fn possessives_match_the_word() {
    assert_eq!(matches("Haftar army", "Haftar’s army"), ["Haftar’s army"]);
}

#[test]
fn line_anchors() {
    let text = "Visited 1 times\nClose Search Window\nDo not Close Search Window now";
    assert_eq!(
        matches("^ \"Close Search Window\" $", text),
        ["Close Search Window"]
    );
}

#[test]
fn regex_and_classes() {
    assert_eq!(
        matches("by #time (AM | PM)?", "by 11:23 AM"),
        ["by 11:23 AM"]
    );
    assert_eq!(matches("/^s-\\d+$/i", "the S-400 system"), ["S-400"]);
    assert_eq!(
        matches(
            "#lower <\"(\" #lower \")\"> #lower",
            "a long-time (ally) partner and the (LNA) army"
        ),
        ["(ally)"]
    );
}

#[test]
fn repetition() {
    assert_eq!(
        matches("very{2,3} big", "very very very very big"),
        ["very very very big"]
    );
    assert_eq!(matches("(a | b)+ c", "x a b a c"), ["a b a c"]);
}

#[test]
fn pathological_patterns_stay_linear() {
    let text = "a ".repeat(300);
    assert!(matches("(a? ){20} (a ){20} b", &text).is_empty());
    assert!(matches("(a | a a)* b", &text).is_empty());
}
