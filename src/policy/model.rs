//! Policy, Statement and their parts.

use crate::json::Span;

/// The members IAM allows at a policy's top level.
pub const TOP_LEVEL_ELEMENTS: [&str; 3] = ["Version", "Id", "Statement"];

/// The members IAM allows in a statement.
pub const STATEMENT_ELEMENTS: [&str; 9] = [
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

/// A string from the document with where it came from. Equality compares the value and its JSON
/// type only.
#[derive(Clone, Debug, Default)]
pub struct Text {
    pub value: String,
    pub span: Option<Span>,
    /// JSON type of the literal: conditions may hold `true` or `12` rather than strings.
    pub literal: Literal,
}

/// The JSON type a [`Text`] was written as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Literal {
    #[default]
    String,
    Bool,
    Number,
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.literal == other.literal
    }
}

impl PartialEq for ValueList {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items && self.array == other.array
    }
}

impl PartialEq for Statement {
    fn eq(&self, other: &Self) -> bool {
        self.sid == other.sid
            && self.effect == other.effect
            && self.principal == other.principal
            && self.not_principal == other.not_principal
            && self.action == other.action
            && self.not_action == other.not_action
            && self.resource == other.resource
            && self.not_resource == other.not_resource
            && self.condition == other.condition
            && self.has_condition == other.has_condition
    }
}

impl Text {
    pub fn new(value: impl Into<String>) -> Self {
        Text {
            value: value.into(),
            span: None,
            literal: Literal::String,
        }
    }

    pub fn at(value: impl Into<String>, span: Span) -> Self {
        Text {
            value: value.into(),
            span: Some(span),
            literal: Literal::String,
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::new(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::new(s)
    }
}

/// A string-or-array element (`Action`, `Resource`, principal and condition values).
#[derive(Clone, Debug, Default)]
pub struct ValueList {
    pub items: Vec<Text>,
    /// Written as an array (even of one item) rather than a bare string.
    pub array: bool,
    pub span: Option<Span>,
}

impl ValueList {
    /// A bare string when there is one value, else an array: how the tool writes lists.
    pub fn of<T: Into<Text>>(values: impl IntoIterator<Item = T>) -> Self {
        let items: Vec<Text> = values.into_iter().map(Into::into).collect();
        let array = items.len() != 1;
        ValueList {
            items,
            array,
            span: None,
        }
    }

    /// Always an array, as AWS documents some elements even with one value.
    pub fn array_of<T: Into<Text>>(values: impl IntoIterator<Item = T>) -> Self {
        ValueList {
            array: true,
            ..ValueList::of(values)
        }
    }

    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|t| t.value.as_str())
    }
}

/// `Allow` or `Deny`, exactly as AWS spells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

impl Effect {
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }

    /// Case-sensitive, as AWS parses it.
    pub fn parse(s: &str) -> Option<Effect> {
        match s {
            "Allow" => Some(Effect::Allow),
            "Deny" => Some(Effect::Deny),
            _ => None,
        }
    }
}

/// A statement keeps its `Effect` as the text it was given (a pasted `"allow"` is reported, not
/// dropped); a generated statement writes one of the two valid values through this.
impl From<Effect> for Text {
    fn from(effect: Effect) -> Self {
        Text::new(effect.as_str())
    }
}

/// `Principal` or `NotPrincipal`.
#[derive(Clone, Debug, PartialEq)]
pub enum Principal {
    /// `"*"`: everyone.
    Wildcard(Text),
    /// `{"AWS": …, "Service": …}` in document order.
    Map(Vec<PrincipalEntry>),
}

/// One `"AWS" | "Service" | "Federated" | "CanonicalUser": values` member.
#[derive(Clone, Debug, PartialEq)]
pub struct PrincipalEntry {
    pub kind: Text,
    pub values: ValueList,
}

impl Principal {
    pub fn aws<T: Into<Text>>(values: impl IntoIterator<Item = T>) -> Self {
        Principal::Map(vec![PrincipalEntry {
            kind: Text::new("AWS"),
            values: ValueList::of(values),
        }])
    }

    pub fn service(name: impl Into<Text>) -> Self {
        Principal::Map(vec![PrincipalEntry {
            kind: Text::new("Service"),
            values: ValueList::of([name.into()]),
        }])
    }

    /// Every value with the principal type it is listed under (`"*"` has type `*`).
    pub fn values(&self) -> Vec<(&str, &Text)> {
        match self {
            Principal::Wildcard(t) => vec![("*", t)],
            Principal::Map(entries) => entries
                .iter()
                .flat_map(|e| e.values.items.iter().map(move |v| (e.kind.value.as_str(), v)))
                .collect(),
        }
    }
}

/// One `"Operator": { "key": values }` block of a Condition.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionClause {
    pub operator: Text,
    pub entries: Vec<ConditionEntry>,
}

/// One `"key": values` pair under an operator.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionEntry {
    pub key: Text,
    pub values: ValueList,
}

/// One statement. Every element is optional so that a malformed statement can still be described.
#[derive(Clone, Debug, Default)]
pub struct Statement {
    pub sid: Option<Text>,
    /// Kept as written; [`Statement::effect`] parses it.
    pub effect: Option<Text>,
    pub principal: Option<Principal>,
    pub not_principal: Option<Principal>,
    pub action: Option<ValueList>,
    pub not_action: Option<ValueList>,
    pub resource: Option<ValueList>,
    pub not_resource: Option<ValueList>,
    pub condition: Vec<ConditionClause>,
    /// Whether a `Condition` element was present (it may be empty).
    pub has_condition: bool,
    pub span: Option<Span>,
    /// What lowering had to leave out of Principal, Action, Resource and Condition (and their
    /// `Not` forms) because it had the wrong JSON type, e.g. `Condition: the value of "StringEquals"
    /// is not an object`. AWS rejects such a statement; evaluation refuses to judge it rather than
    /// read what is left, which can match more than was written. Not part of equality.
    pub malformed: Vec<String>,
}

impl Statement {
    pub fn effect(&self) -> Option<Effect> {
        self.effect.as_ref().and_then(|t| Effect::parse(&t.value))
    }

    /// Adds one condition value list under `operator`/`key`, merging into an existing clause.
    pub fn with_condition(mut self, operator: &str, key: &str, values: ValueList) -> Self {
        self.has_condition = true;
        let entry = ConditionEntry {
            key: Text::new(key),
            values,
        };
        match self.condition.iter_mut().find(|c| c.operator.value == operator) {
            Some(clause) => clause.entries.push(entry),
            None => self.condition.push(ConditionClause {
                operator: Text::new(operator),
                entries: vec![entry],
            }),
        }
        self
    }

    /// Values of `key` under `operator`, if that pair is present.
    pub fn condition_values(&self, operator: &str, key: &str) -> Option<&ValueList> {
        self.condition
            .iter()
            .filter(|c| c.operator.value == operator)
            .flat_map(|c| c.entries.iter())
            .find(|e| e.key.value == key)
            .map(|e| &e.values)
    }
}

/// A whole policy document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Policy {
    pub version: Option<Text>,
    pub id: Option<Text>,
    pub statements: Vec<Statement>,
    /// `Statement` was written as an array (the usual form) rather than a single object.
    pub statement_is_array: bool,
}

impl Policy {
    /// A `2012-10-17` policy with the given statements.
    pub fn new(statements: Vec<Statement>) -> Self {
        Policy {
            version: Some(Text::new("2012-10-17")),
            id: None,
            statements,
            statement_is_array: true,
        }
    }

    pub fn statement(&self, sid: &str) -> Option<&Statement> {
        self.statements
            .iter()
            .find(|s| s.sid.as_ref().is_some_and(|t| t.value == sid))
    }
}

#[cfg(test)]
mod tests {
    use super::{Effect, Text};

    #[test]
    fn an_effect_written_as_text_parses_back_to_itself() {
        for effect in [Effect::Allow, Effect::Deny] {
            let text = Text::from(effect);
            assert_eq!(text.value, effect.as_str());
            assert_eq!(Effect::parse(&text.value), Some(effect));
        }
    }
}
