//! Standard output and standard error for every command. `say!` panics when the reader has
//! gone (`cwlogs-policy rules | head` closes the pipe after ten lines); here a closed pipe only
//! ends the writing, and the command still returns its own exit status, which tells a script the
//! verdict (allowed, findings, …) whether or not anyone read the text.

use cwlogs_policy::message::{Lang, Message};
use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// The language every command speaks, chosen once in `main` (`--lang`, else the environment).
static LANG: OnceLock<Lang> = OnceLock::new();

pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// `message` in the command's language.
pub fn words(message: Message) -> String {
    message.render(lang())
}

/// Set when a write failed for another reason than a closed pipe (a full disk): the output is
/// incomplete and nobody was told, so the command exits 2.
static FAILED: AtomicBool = AtomicBool::new(false);

/// A line on standard output, as `say!` writes it.
macro_rules! say {
    () => { $crate::output::stdout(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::output::stdout(format_args!("{}\n", format_args!($($arg)*))) };
}

/// A line on standard error, as `tell!` writes it.
macro_rules! tell {
    () => { $crate::output::stderr(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::output::stderr(format_args!("{}\n", format_args!($($arg)*))) };
}

pub fn stdout(text: fmt::Arguments) {
    settle(io::stdout().lock().write_fmt(text));
}

pub fn stderr(text: fmt::Arguments) {
    settle(io::stderr().lock().write_fmt(text));
}

fn settle(result: io::Result<()>) {
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(_) => FAILED.store(true, Ordering::Relaxed),
    }
}

/// The command's exit status, or 2 when some of its output could not be written (see [`FAILED`]).
pub fn status(code: u8) -> u8 {
    if FAILED.load(Ordering::Relaxed) {
        2
    } else {
        code
    }
}
