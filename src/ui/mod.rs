//! The page (wasm32 only): thin Leptos components over the pure core.

mod app;
mod bundle;
mod checker;
mod copy_button;
mod dom;
mod download_button;
mod findings;
mod form;
mod rich_text;
mod rules_panel;
mod scenario_select;

pub use app::App;
