//! cwlogs-policy-builder: build, check and explain the AWS policies that encrypt and deliver
//! Amazon CloudWatch Logs. Everything here but `ui` is plain Rust with no web dependency.

mod analysis;
pub mod analyst;
pub mod catalog;
pub mod compare;
pub mod diff;
pub mod eval;
pub mod json;
pub mod lint;
pub mod merge;
pub mod normalize;
pub mod policy;
pub mod export;
pub mod import;
pub mod report;
pub mod samples;

pub use analysis::{analyze, analyze_as, analyze_fragment, analyze_in_scenario, analyze_in_stack, Analysis};
pub mod scenarios;
pub mod session;
pub mod teaching;
#[cfg(target_arch = "wasm32")]
pub mod ui;
