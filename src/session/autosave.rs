//! Autosave shared by every tab of the page: one stored record, and the rule that a tab never
//! silently writes over work another tab saved after it last looked.
//!
//! Each tab remembers the revision it last loaded or wrote. It writes only while the stored
//! revision is still that one; when another tab has saved newer, different work, the tab holds its
//! changes and asks: load theirs, or keep mine (which writes over theirs with a higher revision).

use super::link::{decode, encode, LinkError};
use super::state::PageState;
use serde::{Deserialize, Serialize};

/// The localStorage key of the record.
pub const STORAGE_KEY: &str = "cwlogs-policy-builder.session";

/// What is stored: who wrote it, its revision, and the state as a link fragment (so stored work
/// is versioned exactly like links).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedRecord {
    pub tab: String,
    pub rev: u64,
    pub state: String,
}

impl SavedRecord {
    pub fn parse(text: &str) -> Result<SavedRecord, LinkError> {
        serde_json::from_str(text).map_err(|e| LinkError::Corrupt {
            detail: format!("the saved record is not readable ({e})"),
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What another tab did, as this tab sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum Theirs {
    Work(PageState),
    /// The other tab chose "start over": nothing is stored.
    StartedOver,
    /// Saved by a page this one cannot read (a newer version, or damaged).
    Unreadable(LinkError),
}

/// Newer work from another tab that this tab has not taken or overruled yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub rev: u64,
    pub theirs: Theirs,
}

/// What to do with the local state after a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveDecision {
    /// Store this record (JSON).
    Write(String),
    /// Stored work already equals this state.
    Unchanged,
    /// Another tab's newer work is stored and the user has not decided: write nothing.
    Hold,
}

/// One tab's view of the shared record.
#[derive(Clone, Debug, PartialEq)]
pub struct TabSync {
    tab: String,
    /// The revision this tab last loaded or wrote; 0 when nothing was stored.
    synced_rev: u64,
    conflict: Option<Conflict>,
}

impl TabSync {
    pub fn new(tab: impl Into<String>) -> TabSync {
        TabSync {
            tab: tab.into(),
            synced_rev: 0,
            conflict: None,
        }
    }

    pub fn conflict(&self) -> Option<&Conflict> {
        self.conflict.as_ref()
    }

    /// At page load, with what is stored: the work to restore, or why it cannot be.
    pub fn open(&mut self, stored: Option<&str>) -> Result<Option<PageState>, LinkError> {
        let Some(stored) = stored else { return Ok(None) };
        let record = SavedRecord::parse(stored)?;
        self.synced_rev = record.rev;
        decode(&record.state).map(Some)
    }

    /// After a local change: whether to write `mine`, given what is stored now.
    pub fn save(&mut self, mine: &PageState, stored: Option<&str>) -> SaveDecision {
        if self.conflict.is_some() {
            return SaveDecision::Hold;
        }
        let fragment = encode(mine);
        let record = stored.and_then(|s| SavedRecord::parse(s).ok());
        let stored_rev = record.as_ref().map_or(0, |r| r.rev);
        match &record {
            Some(r) if r.state == fragment => {
                self.synced_rev = r.rev;
                return SaveDecision::Unchanged;
            }
            None if *mine == PageState::default() => {
                self.synced_rev = 0;
                return SaveDecision::Unchanged;
            }
            _ => {}
        }
        // A stored record we cannot parse is replaced; the page showed it when it loaded.
        let overruled = stored.is_some() && record.is_none();
        if stored_rev != self.synced_rev && !overruled {
            // Another tab wrote (or cleared) since this one last looked, and no event told us yet.
            self.conflict = Some(Conflict {
                rev: stored_rev,
                theirs: theirs(record.as_ref()),
            });
            return SaveDecision::Hold;
        }
        SaveDecision::Write(self.write(fragment, stored_rev))
    }

    /// Another tab changed the record (`new_value` as the storage event gives it). True when the
    /// user must now choose; false when the change needs nothing (same work, or nothing new).
    pub fn on_other_tab(&mut self, mine: &PageState, new_value: Option<&str>) -> bool {
        let record = new_value.and_then(|s| SavedRecord::parse(s).ok());
        let rev = record.as_ref().map_or(0, |r| r.rev);
        let theirs = match (new_value, &record) {
            (Some(_), None) => Theirs::Unreadable(LinkError::Corrupt {
                detail: "the saved record is not readable".into(),
            }),
            _ => theirs(record.as_ref()),
        };
        let same = match &theirs {
            Theirs::Work(state) => state == mine,
            Theirs::StartedOver => *mine == PageState::default(),
            Theirs::Unreadable(_) => false,
        };
        if same {
            self.synced_rev = rev;
            self.conflict = None;
            return false;
        }
        if rev == self.synced_rev && record.as_ref().is_some_and(|r| r.tab == self.tab) {
            return self.conflict.is_some();
        }
        self.conflict = Some(Conflict { rev, theirs });
        true
    }

    /// "Load theirs": the state to show (defaults when they started over); None when there is no
    /// conflict or their work cannot be read here.
    pub fn load_theirs(&mut self) -> Option<PageState> {
        let conflict = self.conflict.take()?;
        let state = match conflict.theirs {
            Theirs::Work(state) => state,
            Theirs::StartedOver => PageState::default(),
            unreadable @ Theirs::Unreadable(_) => {
                self.conflict = Some(Conflict {
                    rev: conflict.rev,
                    theirs: unreadable,
                });
                return None;
            }
        };
        self.synced_rev = conflict.rev;
        Some(state)
    }

    /// "Keep mine": the record that writes over theirs.
    pub fn keep_mine(&mut self, mine: &PageState, stored: Option<&str>) -> String {
        let stored_rev = stored.and_then(|s| SavedRecord::parse(s).ok()).map_or(0, |r| r.rev);
        let conflict_rev = self.conflict.take().map_or(0, |c| c.rev);
        self.write(encode(mine), stored_rev.max(conflict_rev))
    }

    /// The browser refused the write (storage full): this tab is still at what is stored.
    pub fn write_failed(&mut self, stored: Option<&str>) {
        self.synced_rev = stored.and_then(|s| SavedRecord::parse(s).ok()).map_or(0, |r| r.rev);
    }

    /// "Start over": the caller clears the record; the next save starts afresh.
    pub fn start_over(&mut self) {
        self.synced_rev = 0;
        self.conflict = None;
    }

    /// The record JSON for `fragment`, with a revision above both `above` and this tab's. Past
    /// the last revision (only a damaged or forged record gets there) it starts again at 1: a
    /// revision that differs, so other tabs still notice the write, and never 0, "nothing stored".
    fn write(&mut self, fragment: String, above: u64) -> String {
        let rev = above.max(self.synced_rev).checked_add(1).unwrap_or(1);
        self.synced_rev = rev;
        SavedRecord {
            tab: self.tab.clone(),
            rev,
            state: fragment,
        }
        .to_json()
    }
}

fn theirs(record: Option<&SavedRecord>) -> Theirs {
    match record {
        None => Theirs::StartedOver,
        Some(record) => match decode(&record.state) {
            Ok(state) => Theirs::Work(state),
            Err(e) => Theirs::Unreadable(e),
        },
    }
}
