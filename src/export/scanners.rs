//! The scanners the templates are tested with, at the versions `scripts/setup.sh` installs: read
//! from the one file that pins them, so the page cannot name other versions than the test ran.

const PINS: &str = include_str!("../../scripts/scanners.txt");

/// `(name, version)` of each pinned scanner, in the file's order.
pub fn scanners() -> Vec<(&'static str, &'static str)> {
    PINS.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once("=="))
        .collect()
}

/// What the Export bar says about the templates.
pub fn scanned_note() -> String {
    let named: Vec<String> = scanners().iter().map(|(n, v)| format!("{n} {v}")).collect();
    format!(
        "The CloudFormation and Terraform templates pass {} in this tool's tests, run on a representative set of every scenario's options: no cfn-lint errors or warnings, and each checkov check that does not fit is suppressed in the template with its reason.",
        named.join(" and ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pins_name_both_scanners_with_exact_versions() {
        let found = scanners();
        let names: Vec<&str> = found.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["cfn-lint", "checkov"]);
        for (name, version) in &found {
            assert!(
                !version.is_empty() && version.split('.').all(|p| p.parse::<u32>().is_ok()),
                "{name} is pinned to an exact version: {version}"
            );
            assert!(scanned_note().contains(&format!("{name} {version}")));
        }
    }
}
