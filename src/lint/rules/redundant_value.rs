//! IAM032: a value a statement already lists, or one a wildcard of the same list covers.

use std::collections::HashMap;

use crate::json::{escape_string, Span, Value};
use crate::lint::{Context, Diagnostic};
use crate::normalize::condition::{value_key, Operator};
use crate::normalize::{action, infer_partition, pattern, principal};
use crate::message::ids;

/// Pattern-table cells one run may spend on wildcard coverage; beyond it only exact duplicates
/// are reported, so a pasted list of a hundred thousand wildcards stays linear.
const CELL_BUDGET: usize = 8_000_000;

crate::declare_rule! {
    /// A statement lists the same value twice, or a value a wildcard in the same list already covers.
    ///
    /// ## What it does
    /// Within one statement, flags a value of `Action`, `NotAction`, `Resource`, `NotResource`,
    /// a principal type or a condition key that repeats an earlier one — actions compared
    /// without case (AWS ignores it), an account id and its `:root` ARN as the same principal —
    /// and an action, resource or AWS principal that a wildcard in the same list already
    /// matches: `kms:Decrypt` next to `kms:*`, `arn:aws:s3:::b/logs/x` next to
    /// `arn:aws:s3:::b/*`, a role next to `"*"`.
    ///
    /// ## Why it matters
    /// The extra value changes nothing, but it makes the policy longer (closer to its size
    /// limit) and suggests a narrower grant than the wildcard really gives: a reviewer who sees
    /// `kms:Decrypt` may not notice that `kms:*` next to it allows every KMS action.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["kms:*", "kms:Decrypt", "KMS:decrypt"], "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM032",
        name: "redundant-value",
        severity: Suggestion,
        check: check,
    }
}

/// One value of a list: its comparison form, text, span and path.
struct Item<'v> {
    key: String,
    text: &'v str,
    span: Span,
    path: String,
}

/// How a list compares its values.
#[derive(Clone, Copy)]
enum Compare {
    /// Equal keys only.
    Exact,
    /// Equal keys, or covered by a wildcard value of the list.
    Wildcards,
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let partition = infer_partition(&ctx.policy.statements);
    let mut budget = CELL_BUDGET;
    for node in ctx.statements() {
        let Some(members) = node.json.as_object() else { continue };
        for m in members {
            let path = node.path_to(&m.key);
            match m.key.as_str() {
                "Action" | "NotAction" => {
                    let items = strings(&m.value, &path, action::key);
                    report(&items, Compare::Wildcards, "action", &mut budget, out);
                }
                "Resource" | "NotResource" => {
                    let items = strings(&m.value, &path, str::to_owned);
                    report(&items, Compare::Wildcards, "resource", &mut budget, out);
                }
                "Principal" | "NotPrincipal" => {
                    for e in m.value.as_object().unwrap_or(&[]) {
                        let key = |v: &str| principal::value(&e.key, v, partition);
                        let items = strings(&e.value, &format!("{path}.{}", e.key), key);
                        let compare = if e.key == "AWS" {
                            Compare::Wildcards
                        } else {
                            Compare::Exact
                        };
                        report(&items, compare, "principal", &mut budget, out);
                    }
                }
                "Condition" => {
                    for op in m.value.as_object().unwrap_or(&[]) {
                        let operator = Operator::parse(&op.key);
                        for e in op.value.as_object().unwrap_or(&[]) {
                            let here = format!("{path}.{}.{}", op.key, e.key);
                            let items = scalars(ctx.text, &e.value, &here, |v| value_key(&operator, v));
                            report(&items, Compare::Exact, "condition value", &mut budget, out);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// The string items of an array (a single value cannot repeat).
fn strings<'v>(v: &'v Value, path: &str, key: impl Fn(&str) -> String) -> Vec<Item<'v>> {
    let Some(list) = v.as_array() else { return Vec::new() };
    list.iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let text = item.as_str()?;
            Some(Item {
                key: key(text),
                text,
                span: item.span,
                path: format!("{path}[{i}]"),
            })
        })
        .collect()
}

/// Like [`strings`], with booleans and numbers as written (condition values may be either).
fn scalars<'v>(source: &'v str, v: &'v Value, path: &str, key: impl Fn(&str) -> String) -> Vec<Item<'v>> {
    let Some(list) = v.as_array() else { return Vec::new() };
    list.iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let text = match item.as_str() {
                Some(s) => s,
                None if item.as_array().is_none() && item.as_object().is_none() => {
                    source.get(item.span.start..item.span.end)?
                }
                None => return None,
            };
            Some(Item {
                key: key(text),
                text,
                span: item.span,
                path: format!("{path}[{i}]"),
            })
        })
        .collect()
}

fn report(items: &[Item], compare: Compare, what: &str, budget: &mut usize, out: &mut Vec<Diagnostic>) {
    if items.len() < 2 {
        return;
    }
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    let wildcards: Vec<usize> = match compare {
        Compare::Exact => Vec::new(),
        Compare::Wildcards => (0..items.len())
            .filter(|&i| pattern::has_wildcard(&items[i].key))
            .collect(),
    };
    for (j, item) in items.iter().enumerate() {
        if let Some(&i) = first.get(item.key.as_str()) {
            let (text, earlier) = (escape_string(item.text), &items[i].path);
            let message = if items[i].text == item.text {
                ids::redundant_value(&what, &text, earlier)
            } else {
                ids::redundant_value_same(&what, &text, earlier)
            };
            out.push(
                Diagnostic::new(&RULE, message)
                .at(item.span)
                .path(item.path.clone())
                .help(ids::redundant_value_help()),
            );
            continue;
        }
        first.insert(&item.key, j);
        if *budget == 0 {
            continue;
        }
        let covering = wildcards.iter().copied().find(|&i| {
            let outer = &items[i].key;
            // Of two wildcards matching the same values, the later one is the redundant one.
            if i == j || outer == &item.key || !affordable(budget, outer, &item.key) {
                return false;
            }
            covers(outer, &item.key) && (i < j || !covers(&item.key, outer))
        });
        if let Some(i) = covering {
            out.push(
                Diagnostic::new(
                    &RULE,
                    ids::redundant_value_2(&what, &escape_string(item.text), &escape_string(items[i].text)),
                )
                .at(item.span)
                .path(item.path.clone())
                .note(ids::redundant_value_note(&escape_string(items[i].text), &items[i].path))
                .help(ids::redundant_value_help_2(&escape_string(item.text))),
            );
        }
    }
}

/// `pattern::covers` behind a cheap test of the literal text before the first wildcard and
/// after the last: `kms:Create*` cannot cover `kms:Describe*`, whatever the rest says. Most pairs
/// of a real list stop there, without the pattern table.
pub(super) fn covers(outer: &str, inner: &str) -> bool {
    could_cover(outer, inner) && pattern::covers(outer, inner)
}

fn could_cover(outer: &str, inner: &str) -> bool {
    let wild = |b: u8| b == b'*' || b == b'?';
    let (Some(first), Some(last)) = (outer.bytes().position(wild), outer.bytes().rposition(wild)) else {
        return outer == inner;
    };
    // `pattern::covers` matches the literal ends of `outer` character for character, so `inner`
    // must begin and end with them; a wildcard of `inner` there is never covered. Checked here
    // first because most pairs differ right there, and the table costs far more.
    inner.starts_with(&outer[..first]) && inner.ends_with(&outer[last + 1..])
}

/// Charges one pattern comparison to the budget; false once it is spent.
fn affordable(budget: &mut usize, outer: &str, inner: &str) -> bool {
    let cost = (outer.len() + 1).saturating_mul(inner.len() + 1);
    if cost > *budget {
        *budget = 0;
        return false;
    }
    *budget -= cost;
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::{self, *};

    /// The quick test in front of the table never changes its answer: every pattern of up to
    /// four characters over `a b * ?` against every other.
    #[test]
    fn the_quick_rejection_agrees_with_the_table() {
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .filter(|w| w.len() == words.last().map_or(0, String::len))
                .flat_map(|w| ["a", "b", "*", "?"].map(|c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        for outer in &words {
            for inner in &words {
                assert_eq!(
                    covers(outer, inner),
                    pattern::covers(outer, inner),
                    "{outer:?} covers {inner:?}"
                );
            }
        }
    }

    #[test]
    fn table() {
        for kind in PolicyKind::ALL {
            assert_fails(
                &RULE,
                kind,
                &[
                    r#"{"Statement": [{"Action": ["kms:Decrypt", "kms:Decrypt"]}]}"#,
                    r#"{"Statement": [{"Action": ["kms:Decrypt", "KMS:decrypt"]}]}"#,
                    r#"{"Statement": [{"Action": ["kms:*", "kms:Decrypt"]}]}"#,
                    r#"{"Statement": [{"NotAction": ["kms:Describe*", "kms:DescribeKey"]}]}"#,
                    r#"{"Statement": [{"Action": ["kms:GenerateDataKey", "kms:Generate*", "kms:GenerateDataKey*"]}]}"#,
                    r#"{"Statement": [{"Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b/logs/x"]}]}"#,
                    r#"{"Statement": [{"Resource": ["*", "arn:aws:s3:::b"]}]}"#,
                    r#"{"Statement": [{"Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:root"]}}]}"#,
                    r#"{"Statement": [{"Principal": {"AWS": ["*", "arn:aws:iam::111122223333:role/r"]}}]}"#,
                    r#"{"Statement": [{"Principal": {"Service": ["logs.amazonaws.com", "logs.amazonaws.com"]}}]}"#,
                    r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": ["111122223333", "111122223333"]}}}]}"#,
                    r#"{"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": [true, true]}}}]}"#,
                ],
            );
            assert_passes(
                &RULE,
                kind,
                &[
                    r#"{"Statement": [{"Action": ["kms:Decrypt", "kms:Encrypt"], "Resource": "*"}]}"#,
                    r#"{"Statement": [{"Action": "kms:*"}, {"Action": "kms:Decrypt"}]}"#,
                    // Resource ARNs are case-sensitive.
                    r#"{"Statement": [{"Resource": ["arn:aws:s3:::b/A", "arn:aws:s3:::b/a"]}]}"#,
                    r#"{"Statement": [{"Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}]}"#,
                    // Under a Like operator a value with `*` is a pattern, but values are alternatives.
                    r#"{"Statement": [{"Condition": {"StringLike": {"aws:SourceArn": ["arn:aws:logs:*", "arn:aws:logs:us-east-1:*"]}}}]}"#,
                    r#"{"Statement": [{"Principal": {"Service": "logs.amazonaws.com", "AWS": "logs.amazonaws.com"}}]}"#,
                    r#"{"Statement": [{"Action": ["kms:Decrypt", 1, "kms:decrypt "]}]}"#,
                ],
            );
        }
    }

    #[test]
    fn names_what_makes_a_value_redundant() {
        let text = r#"{"Statement": [{"Action": ["kms:Decrypt", "kms:*", "KMS:Decrypt", "kms:Encrypt"]}]}"#;
        let found = findings(&RULE, Key, text);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "action \"kms:Decrypt\" is already covered by \"kms:*\"",
                "action \"KMS:Decrypt\" is the same as Statement[0].Action[0]",
                "action \"kms:Encrypt\" is already covered by \"kms:*\"",
            ]
        );
        assert_eq!(flagged(text, &found[1]), "\"KMS:Decrypt\"");
        assert_eq!(found[1].path, "Statement[0].Action[2]");
        assert_eq!(found[0].note.as_deref(), Some("\"kms:*\" is Statement[0].Action[1]"));
    }

    #[test]
    fn the_literal_ends_decide_most_pairs() {
        let table = [
            ("kms:*", "kms:decrypt", true),
            ("kms:create*", "kms:describe*", false),
            ("kms:describe*", "kms:describekey", true),
            ("arn:aws:s3:::b/*", "arn:aws:s3:::b", false),
            ("*:log-group:*", "arn:aws:logs:us-east-1:1:log-group:app:*", true),
            ("a*z", "a?z", true),
            ("a*z", "a*", false),
            ("ab*", "a?c", false),
            ("ab*", "a?", false),
            ("é*", "éa", true),
            ("?", "é", true),
        ];
        for (outer, inner, expected) in table {
            assert_eq!(covers(outer, inner), expected, "{outer} ⊇ {inner}");
            // The shortcut never decides against the pattern table.
            assert_eq!(covers(outer, inner), pattern::covers(outer, inner), "{outer} ⊇ {inner}");
        }
    }

    #[test]
    fn of_two_equivalent_wildcards_the_later_is_flagged() {
        let text = r#"{"Statement": [{"Action": ["kms:*", "kms:**"]}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "Statement[0].Action[1]");
    }

    #[test]
    fn a_huge_list_of_wildcards_stays_within_budget() {
        let actions: Vec<String> = (0..20_000).map(|i| format!("\"kms:A{i}*\"")).collect();
        let text = format!(
            r#"{{"Statement": [{{"Action": [{}, "kms:A1*"]}}]}}"#,
            actions.join(", ")
        );
        // The repeat is found by hashing, whatever the budget.
        let found = findings(&RULE, Key, &text);
        assert!(found
            .iter()
            .any(|d| d.message.contains("repeats Statement[0].Action[1]")));
    }
}
