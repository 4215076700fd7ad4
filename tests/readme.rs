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
