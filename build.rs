//! Generates `message::ids`: one typed constructor per message of the English catalogue
//! (`locales/en/*.ftl`), so the core cannot name an id that does not exist or leave out an argument
//! (see `src/message/mod.rs`). A file the parser refuses fails the build with its line.

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
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("a catalogue file");
        let entries = match syntax::parse(&text) {
            Ok(entries) => entries,
            Err((line, why)) => panic!("{}:{line}: {why}", path.display()),
        };
        for entry in entries {
            let args = entry.args();
            let function = entry.id.replace('-', "_");
            let params: Vec<String> = args
                .iter()
                .map(|a| format!("{}: impl std::fmt::Display", a.replace('-', "_")))
                .collect();
            let values: Vec<String> = args
                .iter()
                .map(|a| format!("({a:?}, {}.to_string())", a.replace('-', "_")))
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
                "pub fn {function}({}) -> Message {{ Message::catalogued({:?}, vec![{}]) }}",
                params.join(", "),
                entry.id,
                values.join(", ")
            );
        }
    }
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("message_ids.rs");
    std::fs::write(dest, out).expect("writing message_ids.rs");
}
