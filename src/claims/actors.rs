//! Who or what a claim's names may stand for, compared with each other and
//! with the fact base's entities: the one place that decides when two
//! readings can be the same actor, and when two places overlap.

use crate::facts::{Actor, EntityId, FactBase};

/// Whether some reading of `a` can be the same actor as some reading of
/// `b`: the same entity, the same nationality, or an entity and its
/// country's nationality ("Syrian rebels" and HTS, a Syrian group).
pub(crate) fn may_be(fb: &FactBase, a: &[Actor], b: &[Actor]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| match (*x, *y) {
            (Actor::Entity(p), Actor::Entity(q))
            | (Actor::Nationality(p), Actor::Nationality(q)) => p == q,
            (Actor::Entity(e), Actor::Nationality(c))
            | (Actor::Nationality(c), Actor::Entity(e)) => {
                e == c || fb.entities[e].country == Some(c)
            }
        })
    })
}

/// Whether some reading of `a` can be entity `e` (see [`may_be`]).
pub(crate) fn may_be_entity(fb: &FactBase, a: &[Actor], e: EntityId) -> bool {
    may_be(fb, a, &[Actor::Entity(e)])
}

/// Whether no reading of `a` lies within a reading of `b` or contains one:
/// "Moscow" and "Russia" overlap, "Latakia" and "Tartus" do not.
pub(crate) fn disjoint(fb: &FactBase, a: &[Actor], b: &[Actor]) -> bool {
    a.iter().all(|x| {
        b.iter().all(|y| {
            let (x, y) = (x.entity(), y.entity());
            !fb.within(x, y) && !fb.within(y, x)
        })
    })
}

/// Whether no reading of `a` overlaps entity `e` (see [`disjoint`]).
pub(crate) fn disjoint_from(fb: &FactBase, a: &[Actor], e: EntityId) -> bool {
    disjoint(fb, a, &[Actor::Entity(e)])
}
