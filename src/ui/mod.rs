//! The page (wasm32 only): thin Leptos components over the pure core.

mod analyst;
mod app;
mod bundle;
mod catalogue_loader;
mod checker;
mod compare;
mod copy_button;
mod dom;
mod download_button;
mod findings;
mod form;
mod record_import;
mod rich_text;
mod rules_panel;
mod scenario_select;
mod section_nav;
mod severity_badge;
mod session;
mod troubleshooter;
mod try_example;
mod wrap_points;

pub use app::App;
/// Starts the analysis worker; call once the page is mounted.
pub use analyst::start as start_analyst;
