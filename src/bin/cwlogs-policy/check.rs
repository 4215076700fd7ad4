//! `check` and `rules`: findings as compiler-style text or as JSON.

use crate::args::{CheckArgs, Format, KindArg};
use cwlogs_policy::json::LineIndex;
use cwlogs_policy::lint::{rule_by_code, Finding, Severity, RULES};
use cwlogs_policy::policy::PolicyKind;
use cwlogs_policy::{analyze, Analysis};
use std::io::Read;

fn kind(arg: KindArg) -> PolicyKind {
    match arg {
        KindArg::Key => PolicyKind::Key,
        KindArg::Bucket => PolicyKind::Bucket,
        KindArg::LogResource => PolicyKind::LogResource,
        KindArg::Identity => PolicyKind::Identity,
        KindArg::Trust => PolicyKind::Trust,
    }
}

fn read(path: &std::path::Path) -> std::io::Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path)
    }
}

pub fn run(args: &CheckArgs) -> u8 {
    let mut reports = Vec::new();
    for path in &args.files {
        match read(path) {
            Ok(text) => {
                let analysis = analyze(&text, kind(args.kind));
                reports.push((path.display().to_string(), text, analysis));
            }
            Err(e) => {
                eprintln!("cwlogs-policy: cannot read {}: {e}", path.display());
                return 2;
            }
        }
    }
    match args.format {
        Format::Json => {
            let out: Vec<serde_json::Value> = reports
                .iter()
                .map(|(file, _, a)| serde_json::json!({ "file": file, "kind": a.kind, "findings": a.findings }))
                .collect();
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        Format::Text => {
            for (file, text, analysis) in &reports {
                print_text(file, text, analysis);
            }
        }
    }
    u8::from(reports.iter().any(|(_, _, a)| a.has_errors()))
}

fn print_text(file: &str, text: &str, analysis: &Analysis) {
    let index = LineIndex::new(text);
    for f in &analysis.findings {
        println!("{file}:{}:{}: {}[{}] {}", f.line, f.column, f.severity.as_str(), f.code, f.message);
        print_source(text, &index, f);
        if let Some(note) = &f.note {
            println!("  note: {note}");
        }
        if let Some(help) = &f.help {
            println!("  help: {help}");
        }
    }
    let n = |s| analysis.count(s);
    println!(
        "{file}: {} error(s), {} security, {} warning(s), {} suggestion(s)",
        n(Severity::Error),
        n(Severity::Security),
        n(Severity::Warning),
        n(Severity::Suggestion)
    );
}

/// The offending line with a caret underline, as compilers show it.
fn print_source(text: &str, index: &LineIndex, f: &Finding) {
    let Some((start, end)) = index.line_range(text, f.line) else { return };
    let line = &text[start..end];
    let width = if f.end_line == f.line { f.end_column.saturating_sub(f.column).max(1) } else { line.chars().count().saturating_sub(f.column - 1).max(1) };
    let gutter = f.line.to_string().len();
    println!("{:>gutter$} | {line}", f.line);
    println!("{:>gutter$} | {}{}", "", " ".repeat(f.column - 1), "^".repeat(width));
}

pub fn rules(code: Option<&str>) -> u8 {
    match code {
        None => {
            for rule in RULES {
                println!("{:8} {:10} {:32} {}", rule.code, rule.severity.as_str(), rule.name, rule.summary());
            }
            0
        }
        Some(code) => match rule_by_code(&code.to_ascii_uppercase()) {
            Some(rule) => {
                println!("{} {} ({})\n\n{}", rule.code, rule.name, rule.severity.as_str(), rule.docs);
                0
            }
            None => {
                eprintln!("cwlogs-policy: no rule {code}; `cwlogs-policy rules` lists them");
                2
            }
        },
    }
}
