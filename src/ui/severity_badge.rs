//! A finding's or rule's severity as a badge: an icon and the word.

use crate::lint::Severity;
use leptos::prelude::*;

/// The icon is decoration; the word carries the meaning, so colour is never the only signal.
#[component]
pub fn SeverityBadge(severity: Severity) -> impl IntoView {
    let icon = match severity {
        Severity::Error => "✖",
        Severity::Security => "◆",
        Severity::Warning => "▲",
        Severity::Suggestion => "●",
    };
    view! {
        <span class=format!("badge sev-{}", severity.as_str())>
            <span class="badge-icon" aria-hidden="true">{icon}</span>
            " "
            {severity.as_str()}
        </span>
    }
}
