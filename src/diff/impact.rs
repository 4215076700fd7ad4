//! Impact labels: whether a change lets more requests through, fewer, or neither.

use super::ChangeKind;
use crate::policy::Effect;
use serde::Serialize;

/// What a change does to access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub enum Impact {
    /// More requests are allowed (or fewer denied).
    Broadening,
    /// Fewer requests are allowed (or more denied).
    Narrowing,
    /// Access is the same, or the direction cannot be told from the policy alone.
    Neutral,
}

/// How a change moves the set of requests a statement matches, before its effect is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Wider,
    Narrower,
    /// The value was already covered by another (`kms:Decrypt` beside `kms:*`).
    Same,
    /// Depends on the values (`NumericLessThan` 10 → 20), or the statement is unreadable.
    Unclear,
}

/// How the changes inside one pair of statements turn into impacts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Both sides have this effect: a wider Allow broadens, a wider Deny narrows.
    Same(Effect),
    /// The effect itself changed, so the whole statement now works the other way: every change
    /// in it moves access the same way as the effect change does.
    Flipped(Impact),
    /// Neither side has a valid effect; AWS would reject it, so nothing it says grants anything.
    Unreadable,
}

impl Mode {
    pub fn of(old: Option<Effect>, new: Option<Effect>) -> Mode {
        match (old, new) {
            (Some(a), Some(b)) if a == b => Mode::Same(a),
            (None, None) => Mode::Unreadable,
            (old, new) => Mode::Flipped(effect_change(old, new)),
        }
    }

    pub fn impact(self, scope: Scope) -> Impact {
        match (self, scope) {
            (_, Scope::Same | Scope::Unclear) | (Mode::Unreadable, _) => Impact::Neutral,
            (Mode::Flipped(impact), _) => impact,
            (Mode::Same(Effect::Allow), Scope::Wider) | (Mode::Same(Effect::Deny), Scope::Narrower) => {
                Impact::Broadening
            }
            (Mode::Same(_), _) => Impact::Narrowing,
        }
    }
}

/// An effect replaced: towards Allow broadens, towards Deny narrows. A missing or invalid effect
/// makes AWS ignore the statement, so it sits between the two.
pub(crate) fn effect_change(old: Option<Effect>, new: Option<Effect>) -> Impact {
    match (old, new) {
        (a, b) if a == b => Impact::Neutral,
        (_, Some(Effect::Allow)) | (Some(Effect::Deny), None) => Impact::Broadening,
        _ => Impact::Narrowing,
    }
}

/// A whole statement added or removed.
pub(crate) fn of_whole(effect: Option<Effect>, kind: ChangeKind) -> Impact {
    match (effect, kind) {
        (None, _) | (_, ChangeKind::Changed) => Impact::Neutral,
        (Some(Effect::Allow), ChangeKind::Added) | (Some(Effect::Deny), ChangeKind::Removed) => Impact::Broadening,
        _ => Impact::Narrowing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Effect::{Allow, Deny};

    #[test]
    fn a_wider_allow_broadens_and_a_wider_deny_narrows() {
        assert_eq!(
            Mode::of(Some(Allow), Some(Allow)).impact(Scope::Wider),
            Impact::Broadening
        );
        assert_eq!(Mode::of(Some(Deny), Some(Deny)).impact(Scope::Wider), Impact::Narrowing);
        assert_eq!(
            Mode::of(Some(Deny), Some(Deny)).impact(Scope::Narrower),
            Impact::Broadening
        );
        assert_eq!(Mode::of(Some(Allow), Some(Allow)).impact(Scope::Same), Impact::Neutral);
    }

    #[test]
    fn a_flipped_effect_decides_every_change_in_the_statement() {
        let to_allow = Mode::of(Some(Deny), Some(Allow));
        assert_eq!(to_allow, Mode::Flipped(Impact::Broadening));
        assert_eq!(to_allow.impact(Scope::Narrower), Impact::Broadening);
        assert_eq!(Mode::of(Some(Allow), None).impact(Scope::Wider), Impact::Narrowing);
        assert_eq!(Mode::of(None, None).impact(Scope::Wider), Impact::Neutral);
    }

    #[test]
    fn whole_statements_count_by_their_effect() {
        assert_eq!(of_whole(Some(Allow), ChangeKind::Added), Impact::Broadening);
        assert_eq!(of_whole(Some(Allow), ChangeKind::Removed), Impact::Narrowing);
        assert_eq!(of_whole(Some(Deny), ChangeKind::Added), Impact::Narrowing);
        assert_eq!(of_whole(Some(Deny), ChangeKind::Removed), Impact::Broadening);
        assert_eq!(of_whole(None, ChangeKind::Added), Impact::Neutral);
    }

    #[test]
    fn effects_towards_allow_broaden() {
        assert_eq!(effect_change(Some(Deny), Some(Allow)), Impact::Broadening);
        assert_eq!(effect_change(None, Some(Allow)), Impact::Broadening);
        assert_eq!(effect_change(Some(Allow), Some(Deny)), Impact::Narrowing);
        assert_eq!(effect_change(None, Some(Deny)), Impact::Narrowing);
        assert_eq!(effect_change(Some(Deny), None), Impact::Broadening);
    }
}
