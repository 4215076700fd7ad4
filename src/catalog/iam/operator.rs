//! Condition operators: the names IAM knows, their families, `…IfExists` and the
//! `ForAllValues:`/`ForAnyValue:` set qualifiers.

use super::condition_key::ValueType;

/// What an operator compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    IpAddress,
    Arn,
    Null,
}

impl Family {
    /// The value type an operator of this family reads its values as (`None` for `Null`).
    pub fn value_type(self) -> Option<ValueType> {
        Some(match self {
            Family::String => ValueType::String,
            Family::Numeric => ValueType::Numeric,
            Family::Date => ValueType::Date,
            Family::Bool => ValueType::Bool,
            Family::Binary => ValueType::Binary,
            Family::IpAddress => ValueType::IpAddress,
            Family::Arn => ValueType::Arn,
            Family::Null => return None,
        })
    }
}

/// Every operator name without qualifier or suffix, with its family.
pub const OPERATORS: [(&str, Family); 27] = [
    ("StringEquals", Family::String),
    ("StringNotEquals", Family::String),
    ("StringEqualsIgnoreCase", Family::String),
    ("StringNotEqualsIgnoreCase", Family::String),
    ("StringLike", Family::String),
    ("StringNotLike", Family::String),
    ("NumericEquals", Family::Numeric),
    ("NumericNotEquals", Family::Numeric),
    ("NumericLessThan", Family::Numeric),
    ("NumericLessThanEquals", Family::Numeric),
    ("NumericGreaterThan", Family::Numeric),
    ("NumericGreaterThanEquals", Family::Numeric),
    ("DateEquals", Family::Date),
    ("DateNotEquals", Family::Date),
    ("DateLessThan", Family::Date),
    ("DateLessThanEquals", Family::Date),
    ("DateGreaterThan", Family::Date),
    ("DateGreaterThanEquals", Family::Date),
    ("Bool", Family::Bool),
    ("BinaryEquals", Family::Binary),
    ("IpAddress", Family::IpAddress),
    ("NotIpAddress", Family::IpAddress),
    ("ArnEquals", Family::Arn),
    ("ArnLike", Family::Arn),
    ("ArnNotEquals", Family::Arn),
    ("ArnNotLike", Family::Arn),
    ("Null", Family::Null),
];

/// `ForAllValues:` or `ForAnyValue:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetQualifier {
    ForAllValues,
    ForAnyValue,
}

impl SetQualifier {
    pub fn label(self) -> &'static str {
        match self {
            SetQualifier::ForAllValues => "ForAllValues",
            SetQualifier::ForAnyValue => "ForAnyValue",
        }
    }
}

/// A parsed operator name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operator {
    /// The name without qualifier or suffix, e.g. `StringLike`.
    pub base: &'static str,
    pub family: Family,
    pub set: Option<SetQualifier>,
    pub if_exists: bool,
}

/// Why an operator name is not one IAM knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OperatorError {
    /// The qualifier before `:` is not `ForAllValues` or `ForAnyValue`.
    UnknownQualifier {
        qualifier: String,
        suggestion: Option<&'static str>,
    },
    /// The name is unknown; `suggestion` is the nearest known spelling of the whole operator.
    Unknown { suggestion: Option<String> },
    /// Known except for its letter case, which IAM's documentation always writes as `canonical`.
    Case { canonical: String },
    /// `Null` with `IfExists` or a set qualifier, which it does not take.
    NullQualified,
}

fn parse(name: &str) -> Result<Operator, OperatorError> {
    let (set, rest) = match name.split_once(':') {
        Some(("ForAllValues", rest)) => (Some(SetQualifier::ForAllValues), rest),
        Some(("ForAnyValue", rest)) => (Some(SetQualifier::ForAnyValue), rest),
        Some((qualifier, rest)) => {
            let qualifiers = ["ForAllValues", "ForAnyValue"];
            if let Some(q) = qualifiers.into_iter().find(|q| q.eq_ignore_ascii_case(qualifier)) {
                if let Ok(op) = parse(&format!("{q}:{rest}")) {
                    return Err(OperatorError::Case {
                        canonical: op.spelling(),
                    });
                }
            }
            let suggestion = super::suggest::closest(qualifier, qualifiers);
            return Err(OperatorError::UnknownQualifier {
                qualifier: qualifier.to_owned(),
                suggestion,
            });
        }
        None => (None, name),
    };
    let (base, if_exists) = match rest.strip_suffix("IfExists") {
        Some(base) => (base, true),
        None => (rest, false),
    };
    let Some(&(base, family)) = OPERATORS.iter().find(|(n, _)| *n == base) else {
        let lower = name.to_ascii_lowercase();
        if let Some(canonical) = spellings().find(|s| s.to_ascii_lowercase() == lower) {
            return Err(OperatorError::Case { canonical });
        }
        let all: Vec<String> = spellings().collect();
        // `Boolean` is no slip of a letter or two from `Bool`, but plainly means it.
        let suggestion = super::suggest::closest(name, all.iter().map(String::as_str))
            .or_else(|| {
                all.iter()
                    .filter(|s| lower.starts_with(&s.to_ascii_lowercase()))
                    .max_by_key(|s| s.len())
                    .map(String::as_str)
            })
            .map(str::to_owned);
        return Err(OperatorError::Unknown { suggestion });
    };
    if family == Family::Null && (if_exists || set.is_some()) {
        return Err(OperatorError::NullQualified);
    }
    Ok(Operator {
        base,
        family,
        set,
        if_exists,
    })
}

impl Operator {
    /// Reads an operator name as IAM writes it (case-sensitive).
    pub fn parse(name: &str) -> Result<Operator, OperatorError> {
        parse(name)
    }

    /// The operator written out, e.g. `ForAnyValue:StringLikeIfExists`.
    pub fn spelling(&self) -> String {
        let set = self.set.map(|s| format!("{}:", s.label())).unwrap_or_default();
        let suffix = if self.if_exists { "IfExists" } else { "" };
        format!("{set}{}{suffix}", self.base)
    }
}

/// Every operator with and without `IfExists`, and with each qualifier: what suggestions are drawn from.
fn spellings() -> impl Iterator<Item = String> {
    OPERATORS.iter().flat_map(|&(base, family)| {
        let suffixes: &[&str] = if family == Family::Null {
            &[""]
        } else {
            &["", "IfExists"]
        };
        let prefixes: &[&str] = if family == Family::Null {
            &[""]
        } else {
            &["", "ForAllValues:", "ForAnyValue:"]
        };
        prefixes
            .iter()
            .flat_map(move |p| suffixes.iter().map(move |s| format!("{p}{base}{s}")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_qualifiers_and_suffixes() {
        let op = parse("ForAnyValue:StringLikeIfExists").unwrap();
        assert_eq!(
            (op.base, op.family, op.set, op.if_exists),
            ("StringLike", Family::String, Some(SetQualifier::ForAnyValue), true)
        );
        assert_eq!(op.spelling(), "ForAnyValue:StringLikeIfExists");
        assert_eq!(parse("Null").unwrap().family, Family::Null);
        assert_eq!(parse("NotIpAddress").unwrap().family, Family::IpAddress);
        assert_eq!(parse("ArnLike").unwrap().family.value_type(), Some(ValueType::Arn));
    }

    #[test]
    fn unknown_names_get_the_nearest_spelling() {
        assert_eq!(
            parse("StringEqualz"),
            Err(OperatorError::Unknown {
                suggestion: Some("StringEquals".into())
            })
        );
        assert_eq!(
            parse("Boolean"),
            Err(OperatorError::Unknown {
                suggestion: Some("Bool".into())
            })
        );
        assert_eq!(parse("Equals"), Err(OperatorError::Unknown { suggestion: None }));
        assert_eq!(
            parse("StringEqualsIfExist"),
            Err(OperatorError::Unknown {
                suggestion: Some("StringEqualsIfExists".into())
            })
        );
        assert_eq!(
            parse("ForAnyValues:StringLike"),
            Err(OperatorError::UnknownQualifier {
                qualifier: "ForAnyValues".into(),
                suggestion: Some("ForAnyValue")
            })
        );
        assert_eq!(
            parse("stringequals"),
            Err(OperatorError::Case {
                canonical: "StringEquals".into()
            })
        );
        assert_eq!(
            parse("forallvalues:StringEquals"),
            Err(OperatorError::Case {
                canonical: "ForAllValues:StringEquals".into()
            })
        );
        assert_eq!(parse("NullIfExists"), Err(OperatorError::NullQualified));
        assert_eq!(parse("ForAllValues:Null"), Err(OperatorError::NullQualified));
    }
}
