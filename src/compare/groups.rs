//! "Will it work?" with many log groups: the same call, judged the same way, repeats once per log
//! group. Rows that differ only in one word of their description (the log group) are shown as one.

use super::checks::{CallRow, Verdict};
use serde::Serialize;

/// Rows shown as one: the first row's verdicts, and its description with the word that varies
/// replaced by every row's word ("… of /app/a, /app/b and /app/c").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CallGroup {
    pub description: String,
    /// How many rows the group stands for (1: a row on its own).
    pub count: usize,
    pub row: CallRow,
}

/// Groups `rows` in their order. A row joins the first earlier group with the same caller, action
/// and verdicts (the evaluator's wording aside, which names the log group) whose descriptions differ
/// from it in the same single word.
pub fn group_calls(rows: &[CallRow]) -> Vec<CallGroup> {
    struct Open<'a> {
        first: &'a CallRow,
        /// Index of the word that varies, once a second row joined.
        varying: Option<usize>,
        words: Vec<&'a str>,
    }
    let mut groups: Vec<Open> = Vec::new();
    for row in rows {
        let joined = groups.iter_mut().find_map(|g| {
            if !same_call(g.first, row) {
                return None;
            }
            let at = single_difference(&g.first.description, &row.description)?;
            (g.varying.is_none_or(|v| v == at)).then(|| {
                g.varying = Some(at);
                g.words.push(row.description.split(' ').nth(at).unwrap_or(""));
            })
        });
        if joined.is_none() {
            groups.push(Open {
                first: row,
                varying: None,
                words: Vec::new(),
            });
        }
    }
    groups
        .into_iter()
        .map(|g| {
            let description = match g.varying {
                None => g.first.description.clone(),
                Some(at) => {
                    let mut words: Vec<String> = g.first.description.split(' ').map(str::to_owned).collect();
                    let mut all = vec![words[at].clone()];
                    all.extend(g.words.iter().map(|w| (*w).to_owned()));
                    words[at] = list(&all);
                    words.join(" ")
                }
            };
            CallGroup {
                description,
                count: g.words.len() + 1,
                row: g.first.clone(),
            }
        })
        .collect()
}

fn same_call(a: &CallRow, b: &CallRow) -> bool {
    a.caller == b.caller
        && a.action == b.action
        && same_verdict(&a.generated, &b.generated)
        && same_verdict(&a.pasted, &b.pasted)
        && match (&a.merged, &b.merged) {
            (Some(x), Some(y)) => same_verdict(x, y),
            (None, None) => true,
            _ => false,
        }
}

fn same_verdict(a: &Verdict, b: &Verdict) -> bool {
    (a.ok, a.effect, &a.by, &a.fix, &a.unevaluable) == (b.ok, b.effect, &b.by, &b.fix, &b.unevaluable)
}

/// The index of the only word in which `a` and `b` differ.
fn single_difference(a: &str, b: &str) -> Option<usize> {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if a.len() != b.len() {
        return None;
    }
    let mut differing = a
        .iter()
        .zip(&b)
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, _)| i);
    let at = differing.next()?;
    differing.next().is_none().then_some(at)
}

/// `a, b and c`.
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::DecisionEffect;

    fn verdict(ok: bool, reason: &str) -> Verdict {
        Verdict {
            ok,
            effect: if ok {
                DecisionEffect::Allow
            } else {
                DecisionEffect::ImplicitDeny
            },
            by: vec!["key-policy.json statement 2".into()],
            fix: None,
            reason: reason.into(),
            unevaluable: Vec::new(),
            up_to_iam: None,
        }
    }

    fn row(description: &str, action: &str, pasted_ok: bool) -> CallRow {
        CallRow {
            description: description.into(),
            caller: "logs.eu-west-1.amazonaws.com".into(),
            action: action.into(),
            generated: verdict(true, description),
            pasted: verdict(pasted_ok, description),
            merged: Some(verdict(true, description)),
        }
    }

    #[test]
    fn rows_repeating_per_log_group_become_one_naming_every_group() {
        let rows = [
            row(
                "CloudWatch Logs encrypts new events of /app/a",
                "kms:GenerateDataKey",
                true,
            ),
            row("CloudWatch Logs reads the events of /app/a", "kms:Decrypt", true),
            row(
                "CloudWatch Logs encrypts new events of /app/b",
                "kms:GenerateDataKey",
                true,
            ),
            row("CloudWatch Logs reads the events of /app/b", "kms:Decrypt", true),
            row(
                "CloudWatch Logs encrypts new events of /app/c",
                "kms:GenerateDataKey",
                true,
            ),
        ];
        let groups = group_calls(&rows);
        let shown: Vec<(&str, usize)> = groups.iter().map(|g| (g.description.as_str(), g.count)).collect();
        assert_eq!(
            shown,
            [
                ("CloudWatch Logs encrypts new events of /app/a, /app/b and /app/c", 3),
                ("CloudWatch Logs reads the events of /app/a and /app/b", 2),
            ]
        );
    }

    #[test]
    fn a_row_judged_differently_stays_on_its_own() {
        let rows = [
            row("CloudWatch Logs reads the events of /app/a", "kms:Decrypt", true),
            row("CloudWatch Logs reads the events of /app/b", "kms:Decrypt", false),
        ];
        let groups = group_calls(&rows);
        assert_eq!(groups.len(), 2);
        assert!(groups.iter().all(|g| g.count == 1));
        assert_eq!(groups[1].description, "CloudWatch Logs reads the events of /app/b");
    }

    #[test]
    fn rows_differing_in_two_words_are_not_grouped() {
        let rows = [
            row("role/a reads /app/a through CloudWatch Logs", "kms:Decrypt", true),
            row("role/b reads /app/b through CloudWatch Logs", "kms:Decrypt", true),
        ];
        assert_eq!(group_calls(&rows).len(), 2);
    }
}
