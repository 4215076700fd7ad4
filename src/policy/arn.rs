//! Amazon Resource Names: `arn:partition:service:region:account:resource`.

use std::fmt;

/// A syntactically valid ARN. The resource part runs to the end, colons included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub resource: &'a str,
}

/// Why a string is not an ARN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArnError {
    /// Does not start with `arn:`.
    NotAnArn,
    /// Contains whitespace (usually a stray space from copy and paste).
    Whitespace,
    /// Has fewer than six colon-separated fields.
    TooFewFields(usize),
    /// One of partition, service or resource is empty.
    EmptyField(&'static str),
}

impl fmt::Display for ArnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArnError::NotAnArn => write!(f, "does not start with `arn:`"),
            ArnError::Whitespace => write!(f, "contains whitespace"),
            ArnError::TooFewFields(n) => {
                write!(f, "has {n} colon-separated fields; an ARN has six (arn:partition:service:region:account:resource)")
            }
            ArnError::EmptyField(field) => write!(f, "has an empty {field}"),
        }
    }
}

impl<'a> Arn<'a> {
    pub fn parse(s: &'a str) -> Result<Arn<'a>, ArnError> {
        if s.chars().any(char::is_whitespace) {
            return Err(ArnError::Whitespace);
        }
        let Some(rest) = s.strip_prefix("arn:") else { return Err(ArnError::NotAnArn) };
        let fields: Vec<&str> = rest.splitn(5, ':').collect();
        let [partition, service, region, account, resource] = fields[..] else {
            return Err(ArnError::TooFewFields(fields.len() + 1));
        };
        for (name, value) in [("partition", partition), ("service", service), ("resource", resource)] {
            if value.is_empty() {
                return Err(ArnError::EmptyField(name));
            }
        }
        Ok(Arn { partition, service, region, account, resource })
    }

    /// The account field is exactly twelve digits.
    pub fn has_valid_account(&self) -> bool {
        is_account_id(self.account)
    }
}

/// Exactly twelve ASCII digits.
pub fn is_account_id(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resource_keeps_its_colons() {
        let arn = Arn::parse("arn:aws:logs:us-east-1:111122223333:log-group:app:*").unwrap();
        assert_eq!(
            (arn.partition, arn.service, arn.region, arn.account, arn.resource),
            ("aws", "logs", "us-east-1", "111122223333", "log-group:app:*")
        );
    }

    #[test]
    fn iam_and_s3_arns_have_empty_fields() {
        let role = Arn::parse("arn:aws:iam::111122223333:role/app").unwrap();
        assert_eq!((role.region, role.resource), ("", "role/app"));
        let bucket = Arn::parse("arn:aws:s3:::my-bucket/*").unwrap();
        assert!(!bucket.has_valid_account());
        assert_eq!(bucket.resource, "my-bucket/*");
    }

    #[test]
    fn malformed_arns_say_why() {
        let table = [
            ("arn:aws:kms:us-east-1:111122223333", ArnError::TooFewFields(5)),
            (" arn:aws:s3:::b", ArnError::Whitespace),
            ("arn:aws:kms:us-east-1:111122223333:key/abc ", ArnError::Whitespace),
            ("aws:kms:us-east-1:111122223333:key/x", ArnError::NotAnArn),
            ("arn::kms:us-east-1:111122223333:key/x", ArnError::EmptyField("partition")),
            ("arn:aws:kms:us-east-1:111122223333:", ArnError::EmptyField("resource")),
        ];
        for (input, expected) in table {
            assert_eq!(Arn::parse(input), Err(expected), "{input}");
        }
    }

    #[test]
    fn account_ids_are_twelve_digits() {
        assert!(is_account_id("111122223333"));
        for bad in ["11112222333", "1111222233334", "11112222333a", "", "１１１１２２２２３３３３"] {
            assert!(!is_account_id(bad), "{bad}");
        }
    }
}
