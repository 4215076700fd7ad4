//! The audit trail of the bundle's steps: what CloudTrail records and the alerts worth setting
//! (placeholder: filled from `scenarios::audit_trail` once it exists; renders nothing until then).

use crate::scenarios::Bundle;
use leptos::prelude::*;

#[component]
pub fn AuditTrailPanel(#[prop(into)] bundle: Signal<Option<Bundle>>) -> impl IntoView {
    let _ = bundle;
}
