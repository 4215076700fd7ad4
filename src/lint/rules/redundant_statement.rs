//! IAM033: a statement another statement of the policy already contains.

use std::collections::HashMap;

use crate::json::escape_string;
use crate::lint::{Context, Diagnostic, StatementNode};
use crate::normalize::covers;
use crate::normalize::condition::{Operator, ValueSense};
use crate::normalize::{infer_partition, pattern, ConditionKey, StatementKey};
use crate::message::ids;

/// Statement pairs worth comparing one by one (about 500 statements, far past every size
/// limit); beyond it only exact repeats are reported, found by hashing.
const MAX_PAIRS: usize = 250_000;

crate::declare_rule! {
    /// A statement grants or denies nothing that another statement of the policy does not already.
    ///
    /// ## What it does
    /// Flags a statement when another statement with the same effect already covers it: the
    /// same or more principals, actions and resources (wildcards included, so `kms:*` covers
    /// `kms:Decrypt`, an account id its `:root` ARN), and conditions no stricter. Statements
    /// that differ only in `Sid`, order or spelling count as repeats. Of two statements that
    /// cover each other, the later one is flagged.
    ///
    /// ## Why it matters
    /// The redundant statement changes nothing while it stays, but it misleads: removing the
    /// narrow statement "to revoke access" revokes nothing, and the policy is longer, closer to
    /// its size limit. It is often the trace of a merge or a pasted template.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "RootDecrypt", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:Decrypt", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
    pub static RULE = {
        code: "IAM033",
        name: "redundant-statement",
        severity: Suggestion,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let nodes = ctx.statements();
    if nodes.len() < 2 {
        return;
    }
    let partition = infer_partition(&ctx.policy.statements);
    let keys: Vec<StatementKey> = nodes.iter().map(|n| StatementKey::of(n.statement, partition)).collect();
    let pairwise = nodes.len().saturating_mul(nodes.len() - 1) <= MAX_PAIRS;
    let mut first: HashMap<&StatementKey, usize> = HashMap::with_capacity(nodes.len());
    for (j, node) in nodes.iter().enumerate() {
        if let Some(&i) = first.get(&keys[j]) {
            out.push(finding(node, &nodes[i], Relation::Repeats));
            continue;
        }
        first.insert(&keys[j], j);
        if !pairwise {
            continue;
        }
        let covering = (0..nodes.len()).find(|&i| {
            // `may_cover` first: it turns most pairs away by effect and principal alone.
            i != j
                && may_cover(&keys[i], &keys[j])
                && keys[i] != keys[j]
                && covers(nodes[i].statement, nodes[j].statement, partition)
                // Of two statements that cover each other, keep the first.
                && (i < j || !covers(nodes[j].statement, nodes[i].statement, partition))
        });
        if let Some(i) = covering {
            out.push(finding(node, &nodes[i], Relation::CoveredBy));
        }
    }
}

/// A cheap necessary condition for `covers`, so most pairs cost a few comparisons: the same
/// effect, and (where both name them) every principal and action of `inner` within `outer`'s.
fn may_cover(outer: &StatementKey, inner: &StatementKey) -> bool {
    if outer.effect.is_none() || outer.effect != inner.effect {
        return false;
    }
    if let (Some(o), Some(i)) = (&outer.principal, &inner.principal) {
        let everyone = o.iter().any(crate::normalize::principal::is_everyone);
        if !everyone && !i.iter().all(|p| o.contains(p)) {
            return false;
        }
    }
    let within = |o: &Option<Vec<String>>, i: &Option<Vec<String>>| match (o, i) {
        (Some(o), Some(i)) => i.iter().all(|a| o.iter().any(|b| super::redundant_value::covers(b, a))),
        _ => true,
    };
    within(&outer.action, &inner.action)
        && within(&outer.resource, &inner.resource)
        && outer
            .condition
            .iter()
            .all(|test| inner.condition.iter().any(|r| may_imply(r, test)))
}

/// A necessary condition for `r` to imply `e` (see `normalize::covers`): same operator and key, and
/// each value `r` relies on present in `e` unless a wildcard there could stand for it.
fn may_imply(r: &ConditionKey, e: &ConditionKey) -> bool {
    if r.operator != e.operator || r.key != e.key {
        return false;
    }
    let op = Operator::parse(&e.operator);
    // Whether some value of `values` is a pattern, asked once per list rather than per value.
    let patterns = |values: &[String]| op.takes_wildcards() && values.iter().any(|x| pattern::has_wildcard(x));
    let found = |values: &[String], wild: bool, v: &String| wild || values.binary_search(v).is_ok();
    match op.sense() {
        ValueSense::AnyOf => {
            let wild = patterns(&e.values);
            r.values.iter().all(|v| found(&e.values, wild, v))
        }
        ValueSense::NoneOf => {
            let wild = patterns(&r.values);
            e.values.iter().all(|v| found(&r.values, wild, v))
        }
        ValueSense::Unknown => r.values == e.values,
    }
}

/// How the flagged statement stands to the other one; each is its own sentence, so a language can
/// order the two statements as it needs.
enum Relation {
    Repeats,
    CoveredBy,
}

fn finding(node: &StatementNode, other: &StatementNode, relation: Relation) -> Diagnostic {
    let name = |n: &StatementNode| match &n.statement.sid {
        Some(sid) if !sid.value.is_empty() => format!("{} ({})", n.path, escape_string(&sid.value)),
        _ => n.path.clone(),
    };
    let note = match node.statement.effect() {
        Some(crate::policy::Effect::Deny) => ids::redundant_statement_note_denies(&other.path),
        _ => ids::redundant_statement_note(&other.path),
    };
    let message = match relation {
        Relation::Repeats => ids::redundant_statement_repeats(&name(node), &name(other)),
        Relation::CoveredBy => ids::redundant_statement(&name(node), &name(other)),
    };
    Diagnostic::new(&RULE, message)
        .at(node.json.span)
        .path(node.path.clone())
        .note(note)
        .help(ids::redundant_statement_help())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    const ROOT: &str = r#"{"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}"#;
    const LOGS: &str = r#"{"Sid": "Logs", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}"#;

    fn policy(statements: &[&str]) -> String {
        format!(
            r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
            statements.join(", ")
        )
    }

    #[test]
    fn table() {
        let narrower_logs = r#"{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}"#;
        let unconditioned_logs = r#"{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*"}"#;
        let root_by_id =
            r#"{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:Decrypt", "Resource": "*"}"#;
        let deny = r#"{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:Decrypt", "Resource": "*"}"#;
        assert_fails(
            &RULE,
            Key,
            &[
                &policy(&[ROOT, ROOT]),
                &policy(&[ROOT, root_by_id]),
                &policy(&[root_by_id, ROOT]),
                &policy(&[LOGS, narrower_logs]),
                // The unconditioned statement covers the conditioned one, not the other way round.
                &policy(&[narrower_logs, unconditioned_logs]),
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                &policy(&[ROOT, LOGS]),
                &policy(&[ROOT, deny]),
                &policy(&[LOGS]),
                &policy(&[
                    LOGS,
                    r#"{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:other"}}}"#,
                ]),
            ],
        );
        let identity_broad = r#"{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}"#;
        let identity_narrow = r#"{"Effect": "Allow", "Action": "logs:CreateLogGroup", "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:app"}"#;
        assert_fails(&RULE, Identity, &[&policy(&[identity_narrow, identity_broad])]);
        assert_passes(&RULE, Identity, &[&policy(&[identity_narrow])]);
    }

    #[test]
    fn flags_the_narrower_or_the_later_statement() {
        let root_by_id = r#"{"Sid": "RootDecrypt", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:Decrypt", "Resource": "*"}"#;
        let text = policy(&[root_by_id, ROOT]);
        let found = findings(&RULE, Key, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "Statement[0] (\"RootDecrypt\") is already covered by Statement[1] (\"Root\")"
        );
        assert_eq!(flagged(&text, &found[0]), root_by_id);
        assert_eq!(
            found[0].note.as_deref(),
            Some("Statement[1] already allows everything this statement allows")
        );

        let renamed = ROOT.replace("\"Root\"", "\"Again\"");
        let text = policy(&[ROOT, &renamed]);
        let found = findings(&RULE, Key, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "Statement[1]");
        assert_eq!(
            found[0].message,
            "Statement[1] (\"Again\") repeats Statement[0] (\"Root\")"
        );
    }

    #[test]
    fn many_statements_are_compared_by_hash_only() {
        let statements: Vec<String> = (0..800)
            .map(|i| format!(r#"{{"Effect": "Allow", "Action": "logs:Get{i}", "Resource": "*"}}"#))
            .collect();
        let mut all: Vec<&str> = statements.iter().map(String::as_str).collect();
        all.push(r#"{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}"#);
        all.push(&statements[3]);
        let found = findings(&RULE, Identity, &policy(&all));
        // Only the exact repeat: pairwise coverage by logs:* is past the budget.
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "Statement[801] repeats Statement[3]");
    }
}
