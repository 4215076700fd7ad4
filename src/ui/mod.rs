//! The page (wasm32 only): thin Leptos components over the pure core.

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
mod session;
mod troubleshooter;

pub use app::App;
