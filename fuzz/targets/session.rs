//! A share link's fragment and the autosaved record (both arrive from outside the page: a link
//! anyone sent, storage another tab or version wrote).
//! Selector: even = the text is a fragment, odd = an autosaved record.

use super::seeds::{input, policies};
use super::selector_and_text;
use cwlogs_policy::scenarios::ScenarioId;
use cwlogs_policy::session::{decode, encode, PageState, SaveDecision, SavedRecord, TabSync};
use std::path::Path;

pub fn run(data: &[u8]) {
    let (selector, text) = selector_and_text(data);
    if selector % 2 == 0 {
        if let Ok(state) = decode(&text) {
            // What a link opens, a link of it opens again.
            assert_eq!(decode(&encode(&state)), Ok(state), "the state changed through a link");
        }
        return;
    }
    if let Ok(record) = SavedRecord::parse(&text) {
        assert_eq!(SavedRecord::parse(&record.to_json()), Ok(record.clone()));
    }
    let mut tab = TabSync::new("fuzz-tab");
    if let Ok(Some(state)) = tab.open(Some(&text)) {
        let stored_rev = SavedRecord::parse(&text).map(|r| r.rev).unwrap_or(0);
        // Restored work saved again is written or unchanged, never held.
        let decision = tab.save(&state, Some(&text));
        assert!(matches!(decision, SaveDecision::Unchanged | SaveDecision::Write(_)), "{decision:?}");
        // A change to it is written under a new revision, which other tabs can tell apart.
        let changed = PageState { teaching: !state.teaching, ..state };
        let mut again = TabSync::new("fuzz-tab");
        let _ = again.open(Some(&text));
        let SaveDecision::Write(record) = again.save(&changed, Some(&text)) else {
            panic!("a change to restored work was not written");
        };
        let rev = SavedRecord::parse(&record).map(|r| r.rev).unwrap_or(0);
        assert!(rev != 0 && rev != stored_rev, "written as revision {rev} over {stored_rev}");
    }
}

pub fn seeds(root: &Path) -> Vec<Vec<u8>> {
    let mut states = vec![PageState::default()];
    for (i, (kind, text)) in policies(root).into_iter().take(12).enumerate() {
        let mut state = PageState::default();
        state.scenario = ScenarioId::ALL[i % ScenarioId::ALL.len()];
        state.checker_text = text;
        state.checker_kind = kind;
        state.teaching = i % 3 == 0;
        state.pasted.insert("compare.before".into(), "{}".into());
        states.push(state);
    }
    let mut out = Vec::new();
    for (i, state) in states.iter().enumerate() {
        let fragment = encode(state);
        out.push(input(0, &[&fragment]));
        let record = SavedRecord { tab: format!("tab-{i}"), rev: i as u64, state: fragment };
        out.push(input(1, &[&record.to_json()]));
    }
    out
}
