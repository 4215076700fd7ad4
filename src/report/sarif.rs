//! Findings as SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure DevOps) read.

use crate::lint::{Finding, Rule, Severity, RULES};
use serde_json::{json, Value};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF has no "security" level: a security finding is a `warning` tagged `security`, with
/// the `security-severity` score GitHub uses to rank it.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Security | Severity::Warning => "warning",
        Severity::Suggestion => "note",
    }
}

/// The first link of the rule's References: where to learn more.
fn help_uri(rule: &Rule) -> Option<&str> {
    rule.doc().references().first().copied()
}

fn rule_descriptor(rule: &Rule) -> Value {
    let mut tags = vec!["aws", "iam-policy"];
    let mut properties = json!({});
    if rule.severity == Severity::Security {
        tags.push("security");
        properties["security-severity"] = json!("7.0");
    }
    properties["tags"] = json!(tags);
    let mut d = json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary() },
        "fullDescription": { "text": rule.summary() },
        "help": { "text": rule.docs, "markdown": rule.docs },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": properties,
    });
    if let Some(uri) = help_uri(rule) {
        d["helpUri"] = json!(uri);
    }
    d
}

fn result(file: &str, f: &Finding) -> Value {
    let index = RULES.iter().position(|r| r.code == f.code);
    let mut text = f.message.clone();
    if let Some(help) = &f.help {
        text.push_str("; help: ");
        text.push_str(help);
    }
    let mut r = json!({
        "ruleId": f.code,
        "level": level(f.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": file },
                "region": {
                    "startLine": f.line,
                    "startColumn": f.column,
                    "endLine": f.end_line,
                    "endColumn": f.end_column.max(f.column),
                    "charOffset": f.start,
                    "charLength": f.end - f.start,
                }
            }
        }],
        "properties": { "severity": f.severity.as_str(), "path": f.path },
    });
    if let Some(i) = index {
        r["ruleIndex"] = json!(i);
    }
    r
}

/// One SARIF log with one run over `files`: each `(uri, findings)` as the CLI checked it.
pub fn sarif(files: &[(&str, &[Finding])]) -> Value {
    let results: Vec<Value> = files
        .iter()
        .flat_map(|(file, findings)| findings.iter().map(move |f| result(file, f)))
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "cwlogs-policy",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
                    "rules": RULES.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>(),
                }
            },
            "artifacts": files.iter().map(|(file, _)| json!({ "location": { "uri": file } })).collect::<Vec<_>>(),
            "results": results,
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;
    use crate::policy::PolicyKind;

    #[test]
    fn every_finding_becomes_a_located_result_with_its_rule() {
        let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}]\n}";
        let analysis = analyze(text, PolicyKind::Bucket);
        let log = sarif(&[("policies/bucket.json", &analysis.findings)]);
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), analysis.findings.len());
        let wildcard = results.iter().find(|r| r["ruleId"] == "SEC001").expect("SEC001 result");
        assert_eq!(wildcard["level"], "warning");
        let region = &wildcard["locations"][0]["physicalLocation"]["region"];
        let column = text.lines().nth(2).unwrap().find("\"*\"").unwrap() as u64 + 1;
        assert_eq!(
            (region["startLine"].as_u64(), region["startColumn"].as_u64()),
            (Some(3), Some(column))
        );
        assert_eq!(
            (region["endLine"].as_u64(), region["endColumn"].as_u64()),
            (Some(3), Some(column + 3))
        );
        let index = wildcard["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(log["runs"][0]["tool"]["driver"]["rules"][index]["id"], "SEC001");
    }

    #[test]
    fn rules_carry_help_and_a_link() {
        let log = sarif(&[]);
        let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), RULES.len());
        for r in rules {
            assert!(
                r["helpUri"].as_str().is_some_and(|u| u.starts_with("https://")),
                "{}",
                r["id"]
            );
            assert!(r["help"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("## What it does")));
        }
    }
}
