//! cwlogs-policy-builder: build, check and explain the AWS policies that encrypt and deliver
//! Amazon CloudWatch Logs. Everything here but `ui` is plain Rust with no web dependency.
//!
//! The modules below are in layer order, a layer meant to use only the ones above it: the core (text, AWS
//! facts, the policy model and what AWS decides), the analyses (judging and comparing policies),
//! generation (scenario bundles and their exports) and the app (what the page and the worker
//! need). Where a module still reaches up a layer, README "Architecture" says so.

// Core: policy text and its meaning, no judgement.
pub mod message; // what the tool says, by id and arguments, in English or Japanese (locales/)
pub mod json; // strict JSON with byte spans: the only reader of policy text
pub mod catalog; // AWS facts kept as data: partitions, Regions, service principals, the IAM catalogue
pub mod policy; // the policy model, its kinds and their size limits, lowering from JSON, printing
pub mod normalize; // one spelling per meaning: canonical form, equivalence, coverage
pub mod eval; // what AWS decides for one request, and which statements decided it

// Analyses: judging and comparing policies.
pub mod lint; // the validator: findings, one file per rule, the rules' parsed docs
mod analysis; // text → findings in one call (parse, lower, lint), alone or against a scenario
pub mod diff; // what changed between two policies, and whether it widens or narrows access
pub mod merge; // add required statements to an existing policy without touching a byte of it
pub mod compare; // a pasted policy against a bundle's document: changes, merge, apply, the calls
pub mod import; // policies inside pasted CLI output, templates, Terraform and Config items
pub mod report; // findings as something to show: annotated text, summaries, SARIF, step scripts
pub mod teaching; // why each generated statement is there, and "Break it"

// Generation: scenario bundles and their exports.
pub mod scenarios; // each scenario's form, checks, documents and typed steps
pub mod export; // a bundle as a bash script, a CloudFormation template or a Terraform configuration

// App: what the page and its analysis worker need.
pub mod samples; // "Try an example" policies
pub mod session; // share links and autosave, pure (the page does the I/O)
pub mod analyst; // the questions the page asks the analysis worker and its answers
#[cfg(target_arch = "wasm32")]
pub mod ui; // Leptos components over the core

pub use analysis::{analyze, analyze_as, analyze_fragment, analyze_in_scenario, analyze_in_stack, Analysis};
