//! What every rule sees: the text, its JSON tree, the lowered policy and the policy kind.

use crate::json::Value;
use crate::policy::{Policy, PolicyKind, Statement};

/// The input of one validation run.
pub struct Context<'a> {
    pub text: &'a str,
    pub json: &'a Value,
    pub policy: &'a Policy,
    pub kind: PolicyKind,
}

/// A statement together with its JSON object and its path.
pub struct StatementNode<'a> {
    /// `Statement[2]`, or `Statement` when the policy has a single statement object.
    pub path: String,
    pub json: &'a Value,
    pub statement: &'a Statement,
}

impl StatementNode<'_> {
    /// Path of one element of this statement, e.g. `Statement[0].Effect`.
    pub fn path_to(&self, element: &str) -> String {
        format!("{}.{element}", self.path)
    }
}

impl<'a> Context<'a> {
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
        self.json.as_object()?.iter().rev().find(|m| m.key == "Statement").map(|m| &m.value)
    }

    /// Every item of `Statement` with its path, objects or not: the items of an array, or the
    /// single value when it is not an array.
    pub fn statement_items(&self) -> Vec<(String, &'a Value)> {
        let Some(node) = self.statement_value() else { return Vec::new() };
        match node.as_array() {
            Some(items) => items.iter().enumerate().map(|(i, v)| (format!("Statement[{i}]"), v)).collect(),
            None => vec![("Statement".to_owned(), node)],
        }
    }
}
