//! Generates `message::ids`: one typed constructor per message of the English catalogue
//! (`locales/en/*.ftl`), so the core cannot name an id that does not exist or leave out an argument
//! (see `src/message/mod.rs`), and the English patterns as static tables (`english.rs`). A file the
//! parser refuses fails the build with its line.

#[path = "src/message/syntax.rs"]
#[allow(dead_code)]
mod syntax;

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=src/message/syntax.rs");
    let mut files: Vec<_> = std::fs::read_dir("locales/en")
        .expect("locales/en")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    let mut out = String::new();
    // The English patterns as data, one table per file, sorted by id for a binary search: English
    // needs no parsing at run time (the page's wasm carries no parser until it installs Japanese).
    let mut tables = String::new();
    let mut tables_named: Vec<String> = Vec::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("a catalogue file");
        let entries = match syntax::parse(&text) {
            Ok(entries) => entries,
            Err((line, why)) => panic!("{}:{line}: {why}", path.display()),
        };
        let table = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_uppercase())
            .unwrap_or_default();
        let mut sorted: Vec<&syntax::Entry> = entries.iter().collect();
        sorted.sort_by_key(|e| e.id);
        tables_named.push(table.clone());
        let _ = writeln!(tables, "pub(super) const {table}: Table = Table(&[");
        for entry in sorted {
            let pieces: Vec<String> = entry
                .pieces
                .iter()
                .map(|p| match p {
                    syntax::Piece::Text(t) => format!("Piece::Text(Cow::Borrowed({:?}))", t.as_ref()),
                    syntax::Piece::Arg(a) => format!("Piece::Arg({a:?})"),
                })
                .collect();
            let _ = writeln!(tables, "    ({:?}, &[{}]),", entry.id, pieces.join(", "));
        }
        let _ = writeln!(tables, "]);");
        for entry in &entries {
            let args = entry.args();
            let function = entry.id.replace('-', "_");
            let params: Vec<String> = args
                .iter()
                .map(|a| format!("{}: &dyn std::fmt::Display", a.replace('-', "_")))
                .collect();
            let values: Vec<String> = args
                .iter()
                .map(|a| format!("({a:?}, {})", a.replace('-', "_")))
                .collect();
            let english: String = entry
                .pieces
                .iter()
                .map(|p| match p {
                    syntax::Piece::Text(t) => t.to_string(),
                    syntax::Piece::Arg(a) => format!("{{${a}}}"),
                })
                .collect();
            let _ = writeln!(
                out,
                "/// `{}`: {}",
                entry.id,
                english.replace('\n', " ").replace('`', "'")
            );
            let _ = writeln!(
                out,
                "pub fn {function}({}) -> Message {{ Message::with_args(super::english::{table}, {:?}, &[{}]) }}",
                params.join(", "),
                entry.id,
                values.join(", ")
            );
        }
    }
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("message_ids.rs");
    std::fs::write(dest, out).expect("writing message_ids.rs");
    let _ = writeln!(
        tables,
        "pub(super) const ALL: &[Table] = &[{}];",
        tables_named.join(", ")
    );
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("english.rs");
    std::fs::write(dest, tables).expect("writing english.rs");
}
