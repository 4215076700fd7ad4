//! What every rule sees: the text, its JSON tree, the lowered policy, the policy kind and, in
//! scenario mode, the facts of the scenario the policy belongs to.

use crate::catalog::iam;
use crate::json::Value;
use crate::normalize::condition::{Operator, ValueSense};
use crate::normalize::pattern;
use crate::policy::{ConditionClause, ConditionEntry, Effect, Policy, PolicyKind, Statement, Text};
use crate::scenarios::ScenarioId;

/// The input of one validation run.
pub struct Context<'a> {
    pub text: &'a str,
    pub json: &'a Value,
    pub policy: &'a Policy,
    pub kind: PolicyKind,
    /// The scenario the policy is meant for, when the caller said (`check --scenario`).
    pub scenario: Option<&'a ScenarioContext>,
    /// The text holds statements that a later step merges into an existing policy of `kind`
    /// (vended-logs' `key-policy-statement.json`), not a whole policy: rules about what a whole
    /// policy must contain (the key policy lockout) skip it.
    pub fragment: bool,
    /// What the rest of the template the policy was found in says about its resource (issue 14
    /// item 4); `None` outside a template.
    pub stack: Option<&'a StackFacts>,
}

/// What a CloudFormation template says about the resource a policy of it is on, beyond the
/// policy: facts only the other resources show.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct StackFacts {
    /// The template's log groups encrypted with this key (`KmsKeyId: !GetAtt Key.Arn`).
    pub log_groups: Vec<StackLogGroup>,
    /// The Regions the template's other resources name literally in ARNs (`arn:aws:logs:eu-west-1:…`),
    /// each with the logical id of the first resource naming it, in template order.
    pub regions: Vec<(String, String)>,
    /// For a bucket policy: the bucket the template attaches it to (its `Bucket` property).
    pub bucket: Option<StackBucket>,
}

/// A bucket of the template, as far as the template says: its logical id when it is one of the
/// template's `AWS::S3::Bucket`s, its name when written out (CloudFormation names it otherwise).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct StackBucket {
    pub logical_id: Option<String>,
    pub name: Option<String>,
}

/// A log group of the template.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct StackLogGroup {
    pub logical_id: String,
    /// `LogGroupName` when written literally; `None` when CloudFormation names it or it holds an
    /// intrinsic (then no ARN is known to compare with).
    pub name: Option<String>,
}

/// The facts of the scenario a policy belongs to, which each scenario states from its parsed input
/// (so lint reads no scenario's field names).
pub use crate::scenarios::facts::ScenarioFacts as ScenarioContext;

/// A statement together with its JSON object and its path.
pub struct StatementNode<'a> {
    /// `Statement[2]`, or `Statement` when the policy has a single statement object.
    pub path: String,
    pub json: &'a Value,
    pub statement: &'a Statement,
}

/// Whether the action pattern `pattern` (with `*` and `?`) matches `action`, ignoring case. Rules
/// ask this for every statement, so the literal prefix is compared before any glob matching.
fn action_matches(pattern: &str, action: &str) -> bool {
    let literal = pattern.find(['*', '?']).unwrap_or(pattern.len());
    let (head, tail) = pattern.split_at(literal);
    if action.len() < head.len()
        || !action.is_char_boundary(head.len())
        || !action[..head.len()].eq_ignore_ascii_case(head)
    {
        return false;
    }
    if tail.is_empty() {
        return action.len() == head.len();
    }
    if tail == "*" {
        return true;
    }
    pattern::matches(&pattern.to_ascii_lowercase(), &action.to_ascii_lowercase())
}

/// Who a CloudWatch Logs service principal is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogsPrincipal<'t> {
    /// `logs.REGION.amazonaws.com` (or `.amazonaws.com.cn`): the Region it names.
    Regional(&'t str),
    /// `logs.amazonaws.com`.
    Global,
    /// `delivery.logs.amazonaws.com`: vended-log delivery.
    Delivery,
}

impl<'t> LogsPrincipal<'t> {
    pub fn parse(name: &'t str) -> Option<Self> {
        let host = name
            .strip_suffix(".amazonaws.com.cn")
            .or_else(|| name.strip_suffix(".amazonaws.com"))?;
        match host {
            "logs" => Some(LogsPrincipal::Global),
            "delivery.logs" => Some(LogsPrincipal::Delivery),
            _ => host
                .strip_prefix("logs.")
                .filter(|r| !r.is_empty() && !r.contains('.'))
                .map(LogsPrincipal::Regional),
        }
    }
}

/// One value of a statement's `Action` or `NotAction`, with what its path needs.
pub struct ActionValue<'n, 'a> {
    /// `"Action"` or `"NotAction"`.
    pub element: &'static str,
    pub item: &'a Text,
    index: usize,
    array: bool,
    node: &'n StatementNode<'a>,
}

impl<'a> ActionValue<'_, 'a> {
    /// The value's service, that service's action names and the part after `SERVICE:`, when the
    /// value names a service whose action names are loaded (in the page, the rarer services' only
    /// once fetched): what the action rules need, and `None` for what they cannot judge.
    pub fn catalogued(&self) -> Option<(&'static iam::Service, &'static [iam::Action], &'a str)> {
        let (prefix, rest) = self.item.value.split_once(':')?;
        let service = iam::service(prefix)?;
        Some((service, service.actions()?, rest))
    }

    /// `Statement[0].Action[2]`, or `Statement[0].Action` for a bare string. Built on demand:
    /// most values are fine and never need it.
    pub fn path(&self) -> String {
        if self.array {
            self.node.path_to(&format!("{}[{}]", self.element, self.index))
        } else {
            self.node.path_to(self.element)
        }
    }
}

/// One `"key": values` pair of a `Condition` whose operator IAM knows, with the operator read.
pub struct OperatorEntry<'n, 'a> {
    pub clause: &'a ConditionClause,
    pub operator: iam::Operator,
    pub entry: &'a ConditionEntry,
    node: &'n StatementNode<'a>,
}

impl OperatorEntry<'_, '_> {
    /// The key's name as written.
    pub fn key(&self) -> &str {
        &self.entry.key.value
    }

    /// `Statement[0].Condition.StringEquals.aws:SourceAccount`, plus `[i]` for one value of an array.
    pub fn path(&self, index: Option<usize>) -> String {
        let at = format!("Condition.{}.{}", self.clause.operator.value, self.key());
        match index {
            Some(i) if self.entry.values.array => self.node.path_to(&format!("{at}[{i}]")),
            _ => self.node.path_to(&at),
        }
    }
}

impl<'a> StatementNode<'a> {
    /// Every condition entry under an operator IAM knows (IAM018 reports the others), in
    /// document order.
    pub fn operator_entries(&self) -> impl Iterator<Item = OperatorEntry<'_, 'a>> + '_ {
        let statement = self.statement;
        statement.condition.iter().flat_map(move |clause| {
            let operator = iam::Operator::parse(&clause.operator.value).ok();
            clause.entries.iter().filter_map(move |entry| {
                Some(OperatorEntry {
                    clause,
                    operator: operator?,
                    entry,
                    node: self,
                })
            })
        })
    }

    /// Path of one element of this statement, e.g. `Statement[0].Effect`.
    pub fn path_to(&self, element: &str) -> String {
        format!("{}.{element}", self.path)
    }

    /// Every value of `Resource`, then of `NotResource`, with the element it is in.
    pub fn resource_values(&self) -> impl Iterator<Item = (&'static str, &'a Text)> + 'a {
        let statement = self.statement;
        [("Resource", &statement.resource), ("NotResource", &statement.not_resource)]
            .into_iter()
            .filter_map(|(element, list)| list.as_ref().map(|list| (element, list)))
            .flat_map(|(element, list)| list.items.iter().map(move |item| (element, item)))
    }

    /// Every value of `Action`, then of `NotAction`, in document order.
    pub fn action_values(&self) -> impl Iterator<Item = ActionValue<'_, 'a>> + '_ {
        let statement = self.statement;
        [("Action", &statement.action), ("NotAction", &statement.not_action)]
            .into_iter()
            .filter_map(|(element, list)| list.as_ref().map(|list| (element, list)))
            .flat_map(move |(element, list)| {
                list.items.iter().enumerate().map(move |(index, item)| ActionValue {
                    element,
                    item,
                    index,
                    array: list.array,
                    node: self,
                })
            })
    }

    pub fn is_allow(&self) -> bool {
        self.statement.effect() == Some(Effect::Allow)
    }

    /// The values under `"Service"` in `Principal`.
    pub fn service_principals(&self) -> Vec<&'a Text> {
        self.principals_of("Service")
    }

    /// The values under `"AWS"` in `Principal`.
    pub fn aws_principals(&self) -> Vec<&'a Text> {
        self.principals_of("AWS")
    }

    fn principals_of(&self, kind: &str) -> Vec<&'a Text> {
        let Some(p) = &self.statement.principal else {
            return Vec::new();
        };
        p.values()
            .into_iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, v)| v)
            .collect()
    }

    /// The CloudWatch Logs principals of this statement, with their text.
    pub fn logs_principals(&self) -> Vec<(LogsPrincipal<'a>, &'a Text)> {
        self.service_principals()
            .into_iter()
            .filter_map(|t| LogsPrincipal::parse(&t.value).map(|p| (p, t)))
            .collect()
    }

    /// `"*"` or `{"AWS": "*"}` among the principals: everyone.
    pub fn principal_is_everyone(&self) -> Option<&'a Text> {
        let p = self.statement.principal.as_ref()?;
        p.values()
            .into_iter()
            .find(|(k, v)| (*k == "*" || *k == "AWS") && v.value == "*")
            .map(|(_, v)| v)
    }

    /// Whether the statement's `Action` (or, for `NotAction`, its complement) includes `action`.
    /// Action names are case-insensitive.
    pub fn grants(&self, action: &str) -> bool {
        let listed = |list: &crate::policy::ValueList| list.values().any(|p| action_matches(p, action));
        match (&self.statement.action, &self.statement.not_action) {
            (Some(list), _) => listed(list),
            (None, Some(list)) => !listed(list),
            (None, None) => false,
        }
    }

    /// Every condition entry whose key is `key` (case-insensitive), with its operator.
    pub fn conditions_on(&self, key: &str) -> Vec<(Operator<'a>, &'a ConditionEntry)> {
        self.statement
            .condition
            .iter()
            .flat_map(|c| c.entries.iter().map(move |e| (Operator::parse(&c.operator.value), e)))
            .filter(|(_, e)| e.key.value.eq_ignore_ascii_case(key))
            .collect()
    }

    /// Whether some condition requires one of `keys` to equal or match a value that is not just
    /// `*`: a positive operator without `IfExists` (a request without the key then fails).
    pub fn narrowed_by(&self, keys: &[&str]) -> bool {
        keys.iter().any(|key| {
            self.conditions_on(key).iter().any(|(op, entry)| {
                op.sense() == ValueSense::AnyOf
                    && !op.if_exists
                    && op.set != Some("ForAllValues")
                    && !entry.values.items.is_empty()
                    && entry.values.values().all(|v| v != "*")
            })
        })
    }
}

impl<'a> Context<'a> {
    /// A context without a scenario.
    pub fn new(text: &'a str, json: &'a Value, policy: &'a Policy, kind: PolicyKind) -> Self {
        Context {
            text,
            json,
            policy,
            kind,
            scenario: None,
            fragment: false,
            stack: None,
        }
    }

    /// Every statement that is a JSON object, paired with its lowered form (same order as
    /// `policy.statements`, which skips non-objects).
    pub fn statements(&self) -> Vec<StatementNode<'a>> {
        self.statement_items()
            .into_iter()
            .filter(|(_, v)| v.as_object().is_some())
            .zip(self.policy.statements.iter())
            .map(|((path, json), statement)| StatementNode { path, json, statement })
            .collect()
    }

    /// The `Statement` element; of duplicate keys the last, as lowering reads it.
    pub fn statement_value(&self) -> Option<&'a Value> {
        self.json
            .as_object()?
            .iter()
            .rev()
            .find(|m| m.key == "Statement")
            .map(|m| &m.value)
    }

    /// Every item of `Statement` with its path, objects or not: the items of an array, or the
    /// single value when it is not an array.
    pub fn statement_items(&self) -> Vec<(String, &'a Value)> {
        let Some(node) = self.statement_value() else {
            return Vec::new();
        };
        match node.as_array() {
            Some(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("Statement[{i}]"), v))
                .collect(),
            None => vec![("Statement".to_owned(), node)],
        }
    }

    /// The scenario this run checks against, if any.
    pub fn scenario_id(&self) -> Option<ScenarioId> {
        self.scenario.and_then(|s| s.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_patterns_match_ignoring_case() {
        for (pattern, action, expected) in [
            ("kms:*", "kms:PutKeyPolicy", true),
            ("KMS:put*", "kms:PutKeyPolicy", true),
            ("kms:PutKeyPolicy*", "kms:PutKeyPolicy", true),
            ("kms:PutKeyPolicy", "kms:PutKeyPolicyX", false),
            ("*", "s3:PutObject", true),
            ("kms:*Key*", "kms:GenerateDataKey", true),
            ("kms:?ncrypt", "kms:Encrypt", true),
            ("s3:*", "kms:Decrypt", false),
            ("kms:Decrypt", "kms:Decrypt", true),
            ("kms:Décrypt", "kms:Decrypt", false),
        ] {
            assert_eq!(action_matches(pattern, action), expected, "{pattern} vs {action}");
        }
    }

    #[test]
    fn logs_principals_are_told_apart() {
        assert_eq!(
            LogsPrincipal::parse("logs.eu-west-1.amazonaws.com"),
            Some(LogsPrincipal::Regional("eu-west-1"))
        );
        assert_eq!(
            LogsPrincipal::parse("logs.cn-north-1.amazonaws.com.cn"),
            Some(LogsPrincipal::Regional("cn-north-1"))
        );
        assert_eq!(LogsPrincipal::parse("logs.amazonaws.com"), Some(LogsPrincipal::Global));
        assert_eq!(
            LogsPrincipal::parse("delivery.logs.amazonaws.com"),
            Some(LogsPrincipal::Delivery)
        );
        assert_eq!(LogsPrincipal::parse("events.amazonaws.com"), None);
        assert_eq!(LogsPrincipal::parse("logs.a.b.amazonaws.com"), None);
    }
}
