//! What a condition operator does with its list of values, as far as comparing policies needs.

/// How the values listed for one key combine, which decides whether one more value loosens or
/// tightens the condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueSense {
    /// The request must match one of the values (`StringEquals`, `ArnLike`, `IpAddress`, …):
    /// another value loosens the condition.
    AnyOf,
    /// The request must match none of them (`StringNotEquals`, `ArnNotLike`, …): another value
    /// tightens it.
    NoneOf,
    /// Comparisons (`NumericLessThan`, `DateGreaterThan`), `Bool`, `Null` and unknown operators:
    /// a changed value moves the condition in a direction only the values can tell.
    Unknown,
}

/// An operator split into its parts: `ForAnyValue:StringLikeIfExists` → set `ForAnyValue`, base
/// `StringLike`, if-exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operator<'a> {
    pub set: Option<&'a str>,
    pub base: &'a str,
    pub if_exists: bool,
}

impl<'a> Operator<'a> {
    /// Operators are case-sensitive in AWS, so nothing is folded here.
    pub fn parse(op: &'a str) -> Self {
        let (set, rest) = match op.split_once(':') {
            Some((set @ ("ForAnyValue" | "ForAllValues"), rest)) => (Some(set), rest),
            _ => (None, op),
        };
        let (base, if_exists) = match rest.strip_suffix("IfExists") {
            Some(base) if !base.is_empty() => (base, true),
            _ => (rest, false),
        };
        Operator { set, base, if_exists }
    }

    pub fn sense(&self) -> ValueSense {
        match self.base {
            "StringEquals"
            | "StringEqualsIgnoreCase"
            | "StringLike"
            | "ArnEquals"
            | "ArnLike"
            | "NumericEquals"
            | "DateEquals"
            | "BinaryEquals"
            | "IpAddress" => ValueSense::AnyOf,
            "StringNotEquals"
            | "StringNotEqualsIgnoreCase"
            | "StringNotLike"
            | "ArnNotEquals"
            | "ArnNotLike"
            | "NumericNotEquals"
            | "DateNotEquals"
            | "NotIpAddress" => ValueSense::NoneOf,
            _ => ValueSense::Unknown,
        }
    }

    /// Values may hold `*` and `?` (the ARN operators accept them too: ArnEquals ≡ ArnLike).
    pub fn takes_wildcards(&self) -> bool {
        matches!(
            self.base,
            "StringLike" | "StringNotLike" | "ArnEquals" | "ArnLike" | "ArnNotEquals" | "ArnNotLike"
        )
    }

    /// Values compare without regard to case.
    pub fn ignores_case(&self) -> bool {
        matches!(self.base, "StringEqualsIgnoreCase" | "StringNotEqualsIgnoreCase")
    }

    /// The operator with `ArnEquals`/`ArnLike` (and their negations) folded together, since AWS
    /// evaluates them identically; anything else as written.
    pub fn canonical(&self) -> String {
        let base = match self.base {
            "ArnEquals" => "ArnLike",
            "ArnNotEquals" => "ArnNotLike",
            other => other,
        };
        let set = self.set.map(|s| format!("{s}:")).unwrap_or_default();
        let suffix = if self.if_exists { "IfExists" } else { "" };
        format!("{set}{base}{suffix}")
    }
}

/// The comparison form of one condition value under `op`.
pub fn value_key(op: &Operator, value: &str) -> String {
    if op.ignores_case() {
        value.to_lowercase()
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_suffixes_are_split_off() {
        let op = Operator::parse("ForAnyValue:StringLikeIfExists");
        assert_eq!(
            (op.set, op.base, op.if_exists),
            (Some("ForAnyValue"), "StringLike", true)
        );
        assert_eq!(op.sense(), ValueSense::AnyOf);
        assert!(op.takes_wildcards());
        let null = Operator::parse("Null");
        assert_eq!(
            (null.set, null.base, null.if_exists, null.sense()),
            (None, "Null", false, ValueSense::Unknown)
        );
    }

    #[test]
    fn negated_operators_list_what_is_excluded() {
        for op in [
            "StringNotEquals",
            "ArnNotLike",
            "NotIpAddress",
            "StringNotEqualsIgnoreCaseIfExists",
        ] {
            assert_eq!(Operator::parse(op).sense(), ValueSense::NoneOf, "{op}");
        }
    }

    #[test]
    fn operators_are_case_sensitive() {
        assert_eq!(Operator::parse("stringequals").sense(), ValueSense::Unknown);
    }

    #[test]
    fn arn_equals_and_arn_like_are_one_operator() {
        assert_eq!(
            Operator::parse("ArnEquals").canonical(),
            Operator::parse("ArnLike").canonical()
        );
        assert_eq!(
            Operator::parse("ArnNotEqualsIfExists").canonical(),
            "ArnNotLikeIfExists"
        );
        assert_ne!(
            Operator::parse("StringEquals").canonical(),
            Operator::parse("StringLike").canonical()
        );
    }
}
