//! The page's state outside the page: share links (the whole state in the URL fragment, which
//! browsers never send to a server) and autosave (the same encoding in localStorage, shared by the
//! page's tabs without one silently overwriting another's work). Pure: the page does the I/O.

mod autosave;
mod base64url;
mod link;
mod state;

pub use autosave::{Conflict, SaveDecision, SavedRecord, TabSync, Theirs, STORAGE_KEY};
pub use link::{decode, encode, share_link, LinkError, VERSION};
pub use state::{blank_inputs, default_inputs, is_saved, PageState, MAX_SAVED_TEXT};
