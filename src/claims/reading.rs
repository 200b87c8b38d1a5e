//! How the names a claim captured are read as actors of the fact base:
//! hyphenated compounds ("HTS-held"), possessives ("Russia's"), a capital
//! standing for its state ("Moscow launched …"), a bare family name, and
//! what a person heads ("Haftar's backers" back the force he commands).

use jiff::civil::Date;

use crate::facts::{Actor, EntityId, FactBase};

/// Last parts of a hyphenated word that say how its first part stands to
/// what follows: "HTS-held Homs", "Russian-backed forces".
const COMPOUNDS: &[&str] = &[
    "held",
    "controlled",
    "operated",
    "owned",
    "built",
    "occupied",
    "backed",
    "supported",
    "sponsored",
    "funded",
    "armed",
    "led",
    "run",
    "based",
    "allied",
    "aligned",
    "affiliated",
];

/// Whether a captured name is written as a possessive ("Russia's", "Russia’s").
pub fn is_possessive(text: &str) -> bool {
    let t = text.trim_end();
    ["'s", "’s", "ʼs", "s'", "s’"]
        .iter()
        .any(|p| t.ends_with(p))
}

/// The readings of a name, or of the first part of a hyphenated compound
/// ("HTS-held" reads as HTS).
pub fn name<'f>(fb: &'f FactBase, text: &str) -> &'f [Actor] {
    let r = fb.resolve(text);
    if !r.is_empty() {
        return r;
    }
    match text.rsplit_once(['-', '‐', '‑']) {
        Some((head, tail)) if COMPOUNDS.contains(&tail.to_lowercase().as_str()) => fb.resolve(head),
        _ => &[],
    }
}

/// The readings of a claim's subject: a capital also stands for its
/// country's state ("Moscow intervened"). A bare family name stands for
/// the member the article has introduced; with none, for the one member
/// the relation has facts about (`relation`), or, for a title, for each.
pub fn subject(
    fb: &FactBase,
    text: &str,
    relation: Option<usize>,
    titled: bool,
    introduced: &dyn Fn(EntityId) -> bool,
    at: Date,
) -> Option<Vec<Actor>> {
    let mut readings: Vec<Actor> = name(fb, text).to_vec();
    if readings.is_empty() {
        return None;
    }
    if fb.is_family_name(text) {
        let named: Vec<Actor> = readings
            .iter()
            .copied()
            .filter(|a| introduced(a.entity()))
            .collect();
        if !named.is_empty() {
            readings = named;
        } else if !titled {
            let r = relation?;
            let known: Vec<Actor> = readings
                .iter()
                .copied()
                .filter(|a| fb.facts_of(r).any(|f| f.subject == a.entity()))
                .collect();
            if known.len() != 1 {
                return None;
            }
            readings = known;
        }
    }
    if let Some(capital) = fb.relation("capital-of") {
        let states: Vec<Actor> = fb
            .facts_of(capital)
            .filter(|f| readings.iter().any(|a| a.entity() == f.subject))
            .filter(|f| f.until.as_ref().is_none_or(|u| u.end >= at))
            .filter_map(|f| f.object.map(Actor::Entity))
            .collect();
        readings.extend(states);
    }
    Some(readings)
}

/// The readings of a claim's object: a person also stands for what the
/// person heads at the time (`heads` relations: "Haftar's backers" are
/// the LNA's).
pub fn object(fb: &FactBase, text: &str, t: (Date, Date)) -> Option<Vec<Actor>> {
    let mut readings: Vec<Actor> = name(fb, text).to_vec();
    if readings.is_empty() {
        return None;
    }
    let persons: Vec<EntityId> = readings
        .iter()
        .map(|a| a.entity())
        .filter(|&e| fb.entities[e].kind == "person")
        .collect();
    for (r, rel) in fb.relations.iter().enumerate() {
        if !rel.heads {
            continue;
        }
        for f in fb.facts_of(r) {
            let during = f.from.start <= t.1 && f.until.as_ref().is_none_or(|u| u.end >= t.0);
            if persons.contains(&f.subject) && during {
                if let Some(o) = f.object {
                    readings.push(Actor::Entity(o));
                }
            }
        }
    }
    Some(readings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives() {
        assert!(is_possessive("Russia's"));
        assert!(is_possessive("Khalifa Haftar’s"));
        assert!(!is_possessive("Russia"));
    }
}
