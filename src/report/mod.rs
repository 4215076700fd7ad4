//! Findings and rules as something to show: annotated text, summaries, SARIF, step scripts.
//! Pure, so the page and snapshot tests render the same thing.

mod annotate;
mod sarif;
mod script;
mod summary;

pub use annotate::{annotate, annotate_spans, AnnotatedLine, Segment};
pub use sarif::sarif;
pub use script::script;
pub use summary::summary;
