//! The fuzz targets: one file per kind of untrusted input the core reads. Each has
//! `run(data)`, which feeds the bytes to the core and asserts (panics on) what must hold for any
//! input, and `seeds(root)`, the starting corpus read from the repository's fixtures and samples.
//!
//! Compiled twice: by the AFL binary (`fuzz/src/main.rs`, built by `scripts/fuzz.sh`) and by the
//! native test `tests/fuzz_targets.rs`, which runs every seed and every saved crash
//! (`tests/fixtures/fuzz/TARGET/`) through `run` in `cargo test`. So nothing here may use `afl`.
//!
//! Adding a target: a file here with those two functions, and its name in the `targets!` line.

mod invariants;
mod seeds;

/// One target: its name on the command line and in `tests/fixtures/fuzz/`.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
    pub seeds: fn(&std::path::Path) -> Vec<Vec<u8>>,
}

macro_rules! targets {
    ($($name:ident),* $(,)?) => {
        $(pub mod $name;)*
        pub const TARGETS: &[Target] = &[$(Target { name: stringify!($name), run: $name::run, seeds: $name::seeds }),*];
    };
}

targets!(analyze, merge_diff, simulate, session, cloudtrail, scenario, troubleshoot, import);

pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// The first byte chooses among a target's variants (a policy kind, a mode); the rest is the text,
/// read lossily so every byte string reaches the parser.
fn selector_and_text(data: &[u8]) -> (u8, String) {
    match data.split_first() {
        Some((&selector, rest)) => (selector, String::from_utf8_lossy(rest).into_owned()),
        None => (0, String::new()),
    }
}

/// `text` cut at NUL bytes (which no JSON document holds) into the parts of a multi-input target.
fn parts(text: &str) -> Vec<&str> {
    text.split('\0').collect()
}
