//! The README documents what the tool really does.

use cwlogs_policy::lint::RULES;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

#[test]
fn the_readme_lists_every_rule_with_its_name() {
    let text = readme();
    for rule in RULES {
        let row = format!("| `{}` | {} | `{}` |", rule.code, rule.severity.as_str(), rule.name);
        assert!(text.contains(&row), "README.md lacks the row for {} ({row})", rule.code);
    }
}

#[test]
fn the_readme_gives_the_two_setup_commands() {
    let text = readme();
    assert!(text.contains("bash scripts/serve.sh"));
    assert!(text.contains("bash scripts/test.sh"));
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).expect(".ci/run");
    assert!(ci.contains("scripts/test.sh"), ".ci/run runs the README's test command");
}

/// The README's "Access Analyzer coverage" section, up to the next heading.
fn coverage_section(text: &str) -> &str {
    let start = text.find("### Access Analyzer coverage").expect("README.md has the Access Analyzer coverage section");
    let rest = &text[start + 3..];
    let end = rest.find("\n#").map_or(rest.len(), |i| i + 3);
    &text[start..start + end]
}

#[test]
fn the_access_analyzer_coverage_table_names_every_rule_once_per_check() {
    let text = readme();
    let section = coverage_section(&text);
    let rows: Vec<Vec<&str>> = section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| AA check"))
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect();
    assert!(rows.len() >= 135, "the table lists {} checks; AA's reference has 135", rows.len());
    let mut titles = std::collections::BTreeSet::new();
    let mut codes = std::collections::BTreeSet::new();
    for row in &rows {
        assert_eq!(row.len(), 4, "a row has check, code, severity and here: {row:?}");
        assert!(titles.insert(row[0]), "check {:?} is listed twice", row[0]);
        assert!(codes.insert(row[1]), "issue code {} is listed twice", row[1]);
        assert!(["error", "warning", "security", "suggestion"].contains(&row[2]), "{row:?}");
        let here = row[3];
        let named: Vec<&cwlogs_policy::lint::Rule> = RULES.iter().copied().filter(|r| here.contains(&format!("`{}`", r.code))).collect();
        assert!(
            !named.is_empty() || here.starts_with("not yet") || here.starts_with("not applicable: "),
            "{}: name a rule, \"not yet\" or \"not applicable: REASON\": {here}",
            row[0]
        );
        // A rule whose severity is not AA's says why beside it.
        if !here.starts_with("not yet") && !named.is_empty() && named.iter().all(|r| r.severity.as_str() != row[2]) {
            assert!(here.contains("severity") || here.contains("as AA"), "{}: {here} differs from AA's {} without a stated reason", row[0], row[2]);
        }
    }
    for rule in RULES {
        assert!(section.contains(&format!("`{}`", rule.code)), "the coverage section does not name {}", rule.code);
    }
    let not_yet = rows.iter().filter(|r| r[3].starts_with("not yet")).count();
    let not_applicable = rows.iter().filter(|r| r[3].starts_with("not applicable")).count();
    let implemented = rows.len() - not_yet - not_applicable;
    let counts = format!(
        "Counts: {implemented} implemented (some partly, as the cell says), {not_applicable} not applicable,\n{not_yet} not yet."
    );
    assert!(section.contains(&counts), "the section's counts are not the table's: {counts}");
}
