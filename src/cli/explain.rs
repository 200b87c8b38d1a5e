//! `factlint explain RULE` and `factlint facts [QUERY]`: what the linter knows.

use factlint::facts::sources::Where;
use factlint::facts::FactBase;
use factlint::report::style::Style;
use factlint::text::normalize::normalize;

use super::{ruleset, RuleArgs, EXIT_CONFIG, EXIT_FINDINGS, EXIT_OK};

/// Prints one rule in full.
pub fn rule(id: &str, args: &RuleArgs) -> i32 {
    let engine = match ruleset::load_or_exit(args) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let book = engine.rulebook();
    let style = Style::stdout();
    let Some(r) = book.rule(id) else {
        if let Some(c) = engine.check_info(id) {
            println!(
                "{} ({})",
                style.bold(c.id),
                style.severity(engine.settings().severity_of(c.id, c.severity))
            );
            println!("\nkind: built-in check\n{}", c.summary);
            return EXIT_OK;
        }
        eprintln!("no rule or check `{id}`; `factlint rules` lists them");
        return EXIT_CONFIG;
    };
    println!("{} ({})", style.bold(&r.id), style.severity(r.severity));
    println!(
        "{}",
        style.dim(&format!("defined in {}:{}", r.origin.file, r.origin.line))
    );
    let kind = if r.claim.is_some() {
        "claim (checked against the fact base)"
    } else {
        "phrase"
    };
    println!("\nkind: {kind}");
    println!("patterns:");
    for p in &r.patterns {
        println!("  {p}");
    }
    if !r.unless_patterns.is_empty() {
        println!("unless:");
        for p in &r.unless_patterns {
            println!("  {p}");
        }
    }
    if let Some(h) = &r.help {
        println!("\nhelp: {}", h.render(|_| Some("…")));
    }
    if !r.examples.flag.is_empty() || !r.examples.pass.is_empty() {
        println!("\nflags:");
        for e in &r.examples.flag {
            println!("  {} {}", style.error("✖"), e.text);
            if let Some(span) = &e.span {
                println!("      at “{span}”");
            }
            if let Some(s) = &e.suggest {
                println!("      suggesting “{s}”");
            }
        }
        println!("passes:");
        for e in &r.examples.pass {
            println!("  {} {}", style.ok("✔"), e.text);
        }
    }
    if !r.sources.is_empty() {
        println!("\nsources:");
        for s in r.sources.iter() {
            println!("  {s}");
        }
    }
    EXIT_OK
}

fn matches(fb: &FactBase, e: usize, words: &[String]) -> bool {
    let ent = &fb.entities[e];
    let hay: Vec<String> = std::iter::once(&ent.id)
        .chain(std::iter::once(&ent.name))
        .chain(&ent.aliases)
        .chain(&ent.demonyms)
        .map(|s| normalize(s))
        .collect();
    words
        .iter()
        .all(|w| hay.iter().any(|h| h.contains(w.as_str())))
}

/// Prints every breach of the fact base's source policy.
pub fn audit(args: &RuleArgs) -> i32 {
    let engine = match ruleset::load_or_exit(args) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let fb = &engine.rulebook().facts;
    let style = Style::stdout();
    let breaches = fb.audit();
    for b in &breaches {
        let what = match b.at {
            Where::Fact(i) => {
                let f = &fb.facts[i];
                let mut s = format!(
                    "fact {} {}",
                    fb.entities[f.subject].id, fb.relations[f.relation].name
                );
                if let Some(o) = f.object {
                    s.push(' ');
                    s.push_str(&fb.entities[o].id);
                }
                format!("{s} (from {})", f.from)
            }
            Where::Coverage(i) => {
                let c = &fb.coverage[i];
                format!(
                    "coverage {} {}",
                    fb.relations[c.relation].name, fb.entities[c.object].id
                )
            }
            Where::Entity(i) => format!("entity {}", fb.entities[i].id),
        };
        println!("{} {}: {}", style.error("✖"), style.bold(&what), b.message);
    }
    println!(
        "{} breaches of the source policy ({} tiers, {} denied domains)",
        breaches.len(),
        fb.policy.tiers.len(),
        fb.policy.deny.len()
    );
    if breaches.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}

/// Prints the entities and facts that match `query` (all when empty).
pub fn facts(query: &[String], args: &RuleArgs) -> i32 {
    let engine = match ruleset::load_or_exit(args) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let style = Style::stdout();
    let fb = &engine.rulebook().facts;
    let words: Vec<String> = query.iter().map(|q| normalize(q)).collect();
    let hits: Vec<usize> = (0..fb.entities.len())
        .filter(|&e| matches(fb, e, &words))
        .collect();
    let relation_hits: Vec<usize> = (0..fb.relations.len())
        .filter(|&r| {
            !words.is_empty()
                && words
                    .iter()
                    .all(|w| fb.relations[r].name.contains(w.as_str()))
        })
        .collect();
    if hits.is_empty() && relation_hits.is_empty() {
        println!("nothing in the fact base matches “{}”", query.join(" "));
        return EXIT_FINDINGS;
    }
    for &e in &hits {
        let ent = &fb.entities[e];
        let mut line = format!(
            "{} {} [{}]",
            style.bold(&fb.display(e)),
            style.dim(&format!("({})", ent.id)),
            ent.kind
        );
        if let Some(t) = &ent.subtype {
            line.push_str(&format!(" {t}"));
        }
        if let Some(c) = ent.country {
            line.push_str(&format!(", {}", fb.entities[c].name));
        }
        println!("{line}");
        if !ent.aliases.is_empty() {
            println!("  also: {}", ent.aliases.join(", "));
        }
        if let Some(p) = &ent.preferred {
            println!("  preferred: {p}");
        }
        if !ent.demonyms.is_empty() {
            println!("  demonyms: {}", ent.demonyms.join(", "));
        }
    }
    let mut shown = 0;
    for f in &fb.facts {
        let about = hits.contains(&f.subject)
            || f.object.is_some_and(|o| hits.contains(&o))
            || relation_hits.contains(&f.relation);
        if !about {
            continue;
        }
        if shown == 0 {
            println!();
        }
        shown += 1;
        println!("{} {}", style.info("•"), fb.describe(f));
        if let Some(n) = &f.note {
            println!("    note: {n}");
        }
        if let Some(d) = &f.last_reported {
            println!("    last reported: {d}");
        }
        if let Some(d) = &f.checked {
            println!("    checked: {d}");
        }
        for s in f.sources.iter() {
            println!("    {}", style.dim(s));
        }
    }
    for c in &fb.coverage {
        if hits.contains(&c.object) || relation_hits.contains(&c.relation) {
            let holders = "every holder is listed above";
            println!(
                "{} complete: “{}” for {} from {} ({holders})",
                style.info("•"),
                fb.relations[c.relation].phrase,
                fb.display(c.object),
                c.from
            );
            for s in c.sources.iter() {
                println!("    {}", style.dim(s));
            }
        }
    }
    EXIT_OK
}
