//! Condition keys: their types, and names with placeholders such as
//! `kms:EncryptionContext:${EncryptionContextKey}` or `s3:ExistingObjectTag/<key>`.

/// The type of a key's values, as the Service Authorization Reference names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueType {
    String,
    Arn,
    Bool,
    Numeric,
    Date,
    IpAddress,
    Binary,
}

impl ValueType {
    pub fn label(self) -> &'static str {
        match self {
            ValueType::String => "String",
            ValueType::Arn => "ARN",
            ValueType::Bool => "Bool",
            ValueType::Numeric => "Numeric",
            ValueType::Date => "Date",
            ValueType::IpAddress => "IPAddress",
            ValueType::Binary => "Binary",
        }
    }

    fn parse(name: &str) -> Option<ValueType> {
        Some(match name {
            "String" => ValueType::String,
            "ARN" | "Arn" => ValueType::Arn,
            "Bool" | "Boolean" => ValueType::Bool,
            "Numeric" | "Long" | "Integer" => ValueType::Numeric,
            "Date" => ValueType::Date,
            "IPAddress" | "IpAddress" => ValueType::IpAddress,
            "Binary" => ValueType::Binary,
            _ => return None,
        })
    }
}

/// A key's type: the value type, and whether a request carries a set of values (`ArrayOf…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyType {
    pub value: ValueType,
    pub multi_valued: bool,
}

impl KeyType {
    /// Reads `String`, `ArrayOfARN`, … ; `None` for a type the catalogue does not know.
    pub fn parse(name: &str) -> Option<KeyType> {
        match name.strip_prefix("ArrayOf") {
            Some(rest) => Some(KeyType {
                value: ValueType::parse(rest)?,
                multi_valued: true,
            }),
            None => Some(KeyType {
                value: ValueType::parse(name)?,
                multi_valued: false,
            }),
        }
    }

    pub fn label(self) -> String {
        if self.multi_valued {
            format!("ArrayOf{}", self.value.label())
        } else {
            self.value.label().to_owned()
        }
    }
}

/// One condition key of the catalogue.
#[derive(Clone, Debug)]
pub struct ConditionKey {
    /// As the reference writes it, placeholders included.
    pub name: &'static str,
    pub key_type: KeyType,
    /// A second value type AWS documents for the key (`aws:EpochTime` is Date and Numeric).
    pub also: Option<ValueType>,
}

impl ConditionKey {
    /// Whether the key's values may be compared as `value`.
    pub fn has_value_type(&self, value: ValueType) -> bool {
        self.key_type.value == value || self.also == Some(value)
    }

    /// Whether the name has a placeholder, i.e. stands for a family of keys.
    pub fn is_template(&self) -> bool {
        literal_parts(self.name).len() > 1
    }

    /// Whether `name` is this key, or one of the keys its placeholders stand for; ASCII case is
    /// ignored, as IAM ignores it in key names.
    pub fn matches(&self, name: &str) -> bool {
        matches_template(self.name, name)
    }
}

/// `template` with its placeholder filled from `typed`, when `typed` looks like a slip of one of
/// its keys: `aws:PrincipalTag/${TagKey}` for `aws:PrincipalTags/team` gives `aws:PrincipalTag/team`.
/// Plain names, and names `typed` does not resemble, come back unchanged.
pub fn filled_like(template: &str, typed: &str) -> String {
    let parts = literal_parts(template);
    let [head, ..] = parts.as_slice() else {
        return template.to_owned();
    };
    let Some(separator) = head.chars().last().filter(|_| parts.len() == 2 && parts[1].is_empty()) else {
        return template.to_owned();
    };
    typed
        .char_indices()
        .filter(|&(i, c)| c == separator && (i + 1).abs_diff(head.len()) <= 3 && i + 1 < typed.len())
        .map(|(i, _)| format!("{head}{}", &typed[i + 1..]))
        .min_by_key(|candidate| strsim::damerau_levenshtein(candidate, typed))
        .unwrap_or_else(|| template.to_owned())
}

/// The literal pieces of a templated name, split at each `${…}` or `<…>` placeholder.
fn literal_parts(template: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = template;
    loop {
        let next = [rest.find("${").map(|i| (i, '}')), rest.find('<').map(|i| (i, '>'))]
            .into_iter()
            .flatten()
            .min_by_key(|(i, _)| *i);
        let Some((start, close)) = next else {
            parts.push(rest);
            return parts;
        };
        let Some(len) = rest[start..].find(close) else {
            parts.push(rest);
            return parts;
        };
        parts.push(&rest[..start]);
        rest = &rest[start + len + 1..];
    }
}

/// `name` against a template whose placeholders each stand for one or more characters.
pub(super) fn matches_template(template: &str, name: &str) -> bool {
    // Lookups try every key of the catalogue, and most differ from `name` in their first
    // letters: compare up to the first place a placeholder could start before anything else.
    let fixed = template.bytes().take_while(|&b| b != b'$' && b != b'<');
    if !fixed.zip(name.bytes()).all(|(t, n)| t.eq_ignore_ascii_case(&n)) {
        return false;
    }
    let parts = literal_parts(template);
    let [first, middle @ .., last] = parts.as_slice() else {
        return template.eq_ignore_ascii_case(name);
    };
    let lower = name.to_ascii_lowercase();
    let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    if !lower.starts_with(&first) || !lower.ends_with(&last) || lower.len() < first.len() + last.len() {
        return false;
    }
    // Between the fixed ends, each placeholder takes at least one character and each middle
    // literal is found left to right (shortest placeholder first, enough for these names).
    let mut inner = &lower[first.len()..lower.len() - last.len()];
    for literal in middle {
        let literal = literal.to_ascii_lowercase();
        match inner.get(1..).and_then(|s| s.find(&literal)) {
            Some(i) => inner = &inner[1 + i + literal.len()..],
            None => return false,
        }
    }
    !inner.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &'static str) -> ConditionKey {
        ConditionKey {
            name,
            key_type: KeyType::parse("String").unwrap(),
            also: None,
        }
    }

    #[test]
    fn placeholders_stand_for_any_non_empty_text() {
        let context = key("kms:EncryptionContext:${EncryptionContextKey}");
        assert!(context.matches("kms:EncryptionContext:aws:logs:arn"));
        assert!(context.matches("KMS:encryptioncontext:Department"));
        assert!(!context.matches("kms:EncryptionContext:"));
        assert!(!context.matches("kms:EncryptionContextKeys"));
        assert!(context.is_template());
        assert!(key("aws:PrincipalTag/${TagKey}").matches("aws:PrincipalTag/team"));
        assert!(key("s3:ExistingObjectTag/<key>").matches("s3:ExistingObjectTag/classification"));
        assert!(!key("s3:ExistingObjectTag/<key>").matches("s3:ExistingObjectTag"));
        let middle = key("agent.${Domain}.buildkite.dev:build_branch");
        assert!(middle.matches("agent.acme.buildkite.dev:build_branch"));
        assert!(!middle.matches("agent..buildkite.dev:build_branch"));
        assert!(!middle.matches("agent.acme.buildkite.dev:cluster_id"));
    }

    #[test]
    fn placeholders_are_filled_from_a_near_miss() {
        assert_eq!(
            filled_like("aws:PrincipalTag/${TagKey}", "aws:PrincipalTags/team"),
            "aws:PrincipalTag/team"
        );
        assert_eq!(
            filled_like(
                "kms:EncryptionContext:${EncryptionContextKey}",
                "kms:EncryptionContexts:aws:logs:arn"
            ),
            "kms:EncryptionContext:aws:logs:arn"
        );
        assert_eq!(filled_like("kms:ViaService", "kms:ViaServices"), "kms:ViaService");
        assert_eq!(
            filled_like("aws:PrincipalTag/${TagKey}", "aws:SourceAccount"),
            "aws:PrincipalTag/${TagKey}"
        );
    }

    #[test]
    fn plain_names_match_ignoring_case_only() {
        let via = key("kms:ViaService");
        assert!(via.matches("kms:viaservice"));
        assert!(!via.matches("kms:ViaServices"));
        assert!(!via.is_template());
    }

    #[test]
    fn types_read_the_reference_spelling() {
        assert_eq!(
            KeyType::parse("ArrayOfARN"),
            Some(KeyType {
                value: ValueType::Arn,
                multi_valued: true
            })
        );
        assert_eq!(KeyType::parse("IPAddress").unwrap().label(), "IPAddress");
        assert_eq!(KeyType::parse("ArrayOfString").unwrap().label(), "ArrayOfString");
        assert_eq!(KeyType::parse("Set"), None);
    }
}
