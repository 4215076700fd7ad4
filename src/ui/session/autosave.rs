//! Restores the page at load (a link first, else the autosaved work), saves every change a moment
//! after it, and keeps tabs from silently overwriting each other ([`TabSync`] decides).

use super::page_signals::{PageSignals, SavedSignals};
use crate::session::{decode, encode, LinkError, PageState, SaveDecision, TabSync, Theirs, STORAGE_KEY};
use crate::ui::dom;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Saves wait this long after the last change, so typing is not slowed by a write per key.
const SAVE_DELAY_MS: u32 = 400;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// Another tab's work is stored; this tab writes nothing until the user chooses.
    Held,
    Unavailable(String),
}

/// Something the page says once about what it opened.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The fragment could not be opened; `fragment` is kept for the user to copy.
    BadLink { error: String, fragment: String },
    /// The autosaved record could not be read; `record` is kept for the user to copy.
    BadSave { error: String, record: String },
    /// A link replaced the work this tab had; `previous` brings it back.
    OpenedLink { previous: Option<PageState> },
}

/// What the other tab did, for the banner.
#[derive(Clone, Debug, PartialEq)]
pub enum OtherTab {
    Changed,
    StartedOver,
    Unreadable(String),
}

#[derive(Clone, Copy)]
pub struct Autosave {
    page: SavedSignals,
    sync: StoredValue<TabSync>,
    pub status: RwSignal<SaveStatus>,
    pub other_tab: RwSignal<Option<OtherTab>>,
    pub notice: RwSignal<Option<Notice>>,
    /// The fragment of the last saved state, for showing the link.
    pub fragment: RwSignal<String>,
    /// Bumped per change; a delayed save runs only if no change came after it.
    changes: StoredValue<u32>,
}

impl Autosave {
    /// Restores the page and starts saving. Call once, before the page's first render.
    pub fn start(page: PageSignals) -> Autosave {
        let page = SavedSignals::new(page);
        let this = Autosave {
            page,
            sync: StoredValue::new(TabSync::new(dom::random_id())),
            status: RwSignal::new(SaveStatus::Saved),
            other_tab: RwSignal::new(None),
            notice: RwSignal::new(None),
            fragment: RwSignal::new(String::new()),
            changes: StoredValue::new(0),
        };
        let unreadable_record = this.restore_saved();
        this.open_fragment(&dom::location_hash());
        this.fragment.set(encode(&page.snapshot()));

        // Every change, after a pause. An unreadable record is not overwritten before the user
        // changes something (it stays copyable in the notice until then).
        Effect::new(move |ran: Option<()>| {
            page.track();
            if ran.is_some() || !unreadable_record {
                this.save_soon();
            }
        });
        dom::on_storage_change(STORAGE_KEY, move |new_value| this.other_tab_saved(new_value));
        dom::on_hash_change(move |hash| {
            this.open_fragment(&hash);
            this.save_now();
        });
        dom::on_page_hide(move || this.save_now());
        this
    }

    /// True when a record is stored but cannot be read.
    fn restore_saved(&self) -> bool {
        let stored = match dom::storage_get(STORAGE_KEY) {
            Ok(stored) => stored,
            Err(why) => {
                self.status.set(SaveStatus::Unavailable(why));
                return false;
            }
        };
        match self.sync.try_update_value(|sync| sync.open(stored.as_deref())) {
            Some(Ok(Some(state))) => self.page.apply(state),
            Some(Err(error)) => {
                self.notice.set(Some(Notice::BadSave {
                    error: error.to_string(),
                    record: stored.unwrap_or_default(),
                }));
                return true;
            }
            _ => {}
        }
        false
    }

    fn open_fragment(&self, hash: &str) {
        match decode(hash) {
            Err(LinkError::NotOurs) => {}
            Err(error) => self.notice.set(Some(Notice::BadLink {
                error: error.to_string(),
                fragment: hash.to_owned(),
            })),
            Ok(state) => {
                let previous = self.page.snapshot();
                if previous != state {
                    self.page.apply(state);
                    let previous = (previous != PageState::default()).then_some(previous);
                    self.notice.set(Some(Notice::OpenedLink { previous }));
                }
                // Reloading now shows the autosaved work, which includes later changes.
                dom::clear_location_hash();
            }
        }
    }

    fn save_soon(&self) {
        let Some(change) = self.changes.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        let this = *self;
        spawn_local(async move {
            gloo::timers::future::TimeoutFuture::new(SAVE_DELAY_MS).await;
            if this.changes.try_get_value() == Some(change) {
                this.save_now();
            }
        });
    }

    pub fn save_now(&self) {
        let mine = self.page.snapshot();
        self.fragment.set(encode(&mine));
        let stored = match dom::storage_get(STORAGE_KEY) {
            Ok(stored) => stored,
            Err(why) => return self.status.set(SaveStatus::Unavailable(why)),
        };
        match self.sync.try_update_value(|sync| sync.save(&mine, stored.as_deref())) {
            Some(SaveDecision::Write(record)) => self.write(&record, stored.as_deref()),
            Some(SaveDecision::Hold) => self.show_conflict(),
            _ => {}
        }
    }

    /// Writes `record` over `stored`; when the browser refuses (storage full), this tab is still at
    /// `stored` and the next change tries again.
    fn write(&self, record: &str, stored: Option<&str>) {
        match dom::storage_set(STORAGE_KEY, record) {
            Ok(()) => self.status.set(SaveStatus::Saved),
            Err(why) => {
                self.sync.update_value(|sync| sync.write_failed(stored));
                self.status
                    .set(SaveStatus::Unavailable(format!("the browser refused to save ({why})")));
            }
        }
    }

    fn other_tab_saved(&self, new_value: Option<String>) {
        let mine = self.page.snapshot();
        if self
            .sync
            .try_update_value(|sync| sync.on_other_tab(&mine, new_value.as_deref()))
            == Some(true)
        {
            self.show_conflict();
        } else if self.other_tab.get_untracked().is_some() {
            // The other tab came back to this tab's work: nothing is left to decide.
            self.other_tab.set(None);
            self.status.set(SaveStatus::Saved);
        }
    }

    fn show_conflict(&self) {
        let other = self.sync.with_value(|sync| {
            sync.conflict().map(|c| match &c.theirs {
                Theirs::Work(_) => OtherTab::Changed,
                Theirs::StartedOver => OtherTab::StartedOver,
                Theirs::Unreadable(e) => OtherTab::Unreadable(e.to_string()),
            })
        });
        self.other_tab.set(other);
        self.status.set(SaveStatus::Held);
    }

    pub fn load_theirs(&self) {
        if let Some(Some(state)) = self.sync.try_update_value(|sync| sync.load_theirs()) {
            self.page.apply(state);
            self.other_tab.set(None);
            self.status.set(SaveStatus::Saved);
        }
    }

    pub fn keep_mine(&self) {
        let mine = self.page.snapshot();
        let stored = dom::storage_get(STORAGE_KEY).ok().flatten();
        if let Some(record) = self
            .sync
            .try_update_value(|sync| sync.keep_mine(&mine, stored.as_deref()))
        {
            self.other_tab.set(None);
            self.write(&record, stored.as_deref());
        }
    }

    /// Clears every form and pasted text here and the saved copy (other tabs are asked). Teaching
    /// mode stays as it is: it is how the work is shown, and a trainer starts over between exercises.
    pub fn start_over(&self) {
        let teaching = self.page.snapshot().teaching;
        self.sync.update_value(TabSync::start_over);
        if let Err(why) = dom::storage_remove(STORAGE_KEY) {
            self.status.set(SaveStatus::Unavailable(why));
        } else if self.status.get_untracked() == SaveStatus::Held {
            self.status.set(SaveStatus::Saved);
        }
        self.other_tab.set(None);
        self.notice.set(None);
        self.page.apply(PageState {
            teaching,
            ..PageState::default()
        });
    }

    /// Back to the work a link replaced.
    pub fn restore_previous(&self, previous: PageState) {
        self.notice.set(None);
        self.page.apply(previous);
    }

    /// The link for the state as it is now (not waiting for the save).
    pub fn link_now(&self) -> String {
        crate::session::share_link(&dom::page_url(), &self.page.snapshot())
    }

    pub fn link_to(&self, fragment: &str) -> String {
        let url = dom::page_url();
        format!("{}#{fragment}", url.split('#').next().unwrap_or_default())
    }
}
