//! Teaching mode (why each statement and condition key is there, and what breaks without it) and the
//! print-only review for an approval ticket. All of it is `crate::teaching` in the core; this renders it.

mod bar;
mod breakage;
mod lessons;
mod review;

pub use bar::TeachingBar;
pub use lessons::StatementLessons;
pub use review::{ReviewLink, ReviewSummary};

use crate::scenarios::Bundle;
use leptos::prelude::*;
use serde_json::Value;

/// What teaching mode and the review read, provided once by the app: the switch, and the form input
/// and bundle the document cards come from (a card knows only its document).
#[derive(Clone, Copy)]
pub struct Teaching {
    pub on: RwSignal<bool>,
    pub input: Signal<Value>,
    pub bundle: Signal<Option<Bundle>>,
}

impl Teaching {
    /// Makes teaching mode available to every component below the caller. It starts off; the
    /// session bar puts `on` in the saved state, so a link or the autosave turns it back on.
    pub fn provide(input: Signal<Value>, bundle: Signal<Option<Bundle>>) -> Teaching {
        let teaching = Teaching {
            on: RwSignal::new(false),
            input,
            bundle,
        };
        provide_context(teaching);
        teaching
    }
}
