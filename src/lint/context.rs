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
        let Some(node) = self.json.get("Statement") else { return Vec::new() };
        let objects: Vec<(String, &Value)> = match node.as_array() {
            Some(items) => items
                .iter()
                .enumerate()
                .filter(|(_, v)| v.as_object().is_some())
                .map(|(i, v)| (format!("Statement[{i}]"), v))
                .collect(),
            None if node.as_object().is_some() => vec![("Statement".to_owned(), node)],
            None => Vec::new(),
        };
        objects
            .into_iter()
            .zip(self.policy.statements.iter())
            .map(|((path, json), statement)| StatementNode { path, json, statement })
            .collect()
    }
}
