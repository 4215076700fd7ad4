//! The message catalogues are complete in both languages (issue 15): every id of one language is in
//! the other, with the same named arguments, each used. English is the source (build.rs makes the
//! typed constructors from it), so a Japanese message that lacks an argument drops a fact the
//! English one states, and one with an argument English lacks would show `{$name}` to the reader.

use cwlogs_policy::message::{ids, syntax, Lang, Message};
use std::collections::BTreeMap;
use std::path::Path;

/// Each `.ftl` file of `locales/LANG/`, by file name, with its text.
fn files(lang: &str) -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

/// What is wrong between two catalogues, one line per problem (empty when complete).
fn problems(en: &BTreeMap<String, String>, ja: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    for name in en.keys().chain(ja.keys()) {
        if !(en.contains_key(name) && ja.contains_key(name)) {
            out.push(format!("{name}: in only one language"));
        }
    }
    for (name, en_text) in en {
        let Some(ja_text) = ja.get(name) else { continue };
        let en_entries = match syntax::parse(en_text) {
            Ok(e) => e,
            Err((line, why)) => {
                out.push(format!("en/{name}:{line}: {why}"));
                continue;
            }
        };
        let ja_entries = match syntax::parse(ja_text) {
            Ok(e) => e,
            Err((line, why)) => {
                out.push(format!("ja/{name}:{line}: {why}"));
                continue;
            }
        };
        for e in &en_entries {
            match ja_entries.iter().find(|j| j.id == e.id) {
                None => out.push(format!("ja/{name}: no `{}` (en line {})", e.id, e.line)),
                Some(j) => {
                    let (mut want, mut have) = (e.args(), j.args());
                    want.sort();
                    have.sort();
                    for arg in want.iter().filter(|a| !have.contains(a)) {
                        out.push(format!("ja/{name}:{}: `{}` does not use ${arg}", j.line, j.id));
                    }
                    for arg in have.iter().filter(|a| !want.contains(a)) {
                        out.push(format!(
                            "ja/{name}:{}: `{}` uses ${arg}, which English does not have",
                            j.line, j.id
                        ));
                    }
                }
            }
        }
        for j in ja_entries.iter().filter(|j| !en_entries.iter().any(|e| e.id == j.id)) {
            out.push(format!("ja/{name}:{}: `{}` is not an English id", j.line, j.id));
        }
    }
    out
}

#[test]
fn every_id_is_in_both_languages_with_the_same_arguments() {
    let found = problems(&files("en"), &files("ja"));
    assert!(found.is_empty(), "the catalogues differ:\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_a_missing_id_a_dropped_argument_and_an_extra_one() {
    let en = BTreeMap::from([(
        "a.ftl".to_owned(),
        "x = one { $n }\ny = two { $a } { $b }\nz = three\n".to_owned(),
    )]);
    let ja = BTreeMap::from([("a.ftl".to_owned(), "x = いち\ny = に { $a } { $c }\n".to_owned())]);
    let found = problems(&en, &ja);
    assert_eq!(
        found,
        [
            "ja/a.ftl:1: `x` does not use $n",
            "ja/a.ftl:2: `y` does not use $b",
            "ja/a.ftl:2: `y` uses $c, which English does not have",
            "ja/a.ftl: no `z` (en line 3)",
        ]
    );
    let only_en = BTreeMap::from([("b.ftl".to_owned(), String::new())]);
    assert_eq!(problems(&only_en, &BTreeMap::new()), ["b.ftl: in only one language"]);
}

#[test]
fn every_japanese_message_renders_without_a_missing_argument() {
    // The catalogue the CLI carries, read as the CLI reads it: every id renders in Japanese with its
    // arguments filled, and differs from English (a message copied untranslated is a gap).
    for text in cwlogs_policy::message::ENGLISH {
        for entry in syntax::parse(text).unwrap() {
            let args: Vec<(&'static str, String)> = entry
                .args()
                .into_iter()
                .map(|a| (&*Box::leak(a.to_owned().into_boxed_str()), format!("<{a}>")))
                .collect();
            let id: &'static str = Box::leak(entry.id.to_owned().into_boxed_str());
            let message = Message::catalogued(id, args);
            let ja = message.render(Lang::Ja);
            assert!(!ja.contains("{$"), "{id}: {ja}");
            assert_ne!(ja, message.english(), "{id} is not translated");
        }
    }
}

#[test]
fn a_constructor_fills_its_arguments() {
    let m = ids::duplicate_sid(&"\"Root\"");
    assert_eq!(m.render(Lang::En), "duplicate Sid \"Root\"");
    assert_eq!(m.render(Lang::Ja), "Sid \"Root\" が重複しています");
}

#[test]
fn the_language_follows_lc_all_then_lc_messages_then_lang() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
    };
    assert_eq!(Lang::from_environment(env(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "ja_JP.UTF-8"), ("LC_ALL", "C")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "C"), ("LC_MESSAGES", "ja_JP")])),
        Lang::Ja
    );
    assert_eq!(Lang::from_environment(env(&[("LC_ALL", ""), ("LANG", "ja")])), Lang::Ja);
    assert_eq!(Lang::from_environment(env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
    assert_eq!(Lang::from_environment(env(&[])), Lang::En);
    assert_eq!(Lang::from_locale("ja-JP"), Some(Lang::Ja));
}

#[test]
fn a_fetched_catalogue_that_does_not_parse_is_refused_with_its_line() {
    // What the page will hand `install` is a file from the network: a broken one is refused (the page
    // stays in English), never a panic.
    let refused = cwlogs_policy::message::install(Lang::Ja, "ok = fine\nbroken = { $\n");
    assert_eq!(refused, Err("line 2: `broken`: `{ $` without a name".to_owned()));
    let refused = cwlogs_policy::message::install(Lang::Ja, "no equals sign\n");
    assert_eq!(refused, Err("line 1: expected `id = text`".to_owned()));
}
