//! The ARN that stands for a key the steps create (`…:key/NEW-KEY-ID`): templates refer to the
//! key they create instead.

use crate::json::{Value, ValueKind};
use crate::scenarios::log_group_key::NEW_KEY_ID;
use std::ops::Range;

/// Where the placeholder ARN is in `text`.
pub fn find(text: &str) -> Option<Range<usize>> {
    let tail = format!(":key/{NEW_KEY_ID}");
    let end = text.find(&tail)? + tail.len();
    let start = text[..end].rfind("arn:")?;
    Some(start..end)
}

/// `tree` with every string that is the placeholder replaced by `exact`, and every string that
/// contains it by `partial(text with the placeholder replaced by reference)`. With
/// `escape_sub`, `${` elsewhere in such a string is written `${!` (Fn::Sub's literal form).
pub fn replace(
    tree: &Value,
    exact: &Value,
    partial: &dyn Fn(String) -> Value,
    reference: &str,
    escape_sub: bool,
) -> Value {
    match &tree.kind {
        ValueKind::String(text) => match find(text) {
            Some(range) if range.start == 0 && range.end == text.len() => exact.clone(),
            Some(range) => {
                let escape = |t: &str| {
                    if escape_sub {
                        t.replace("${", "${!")
                    } else {
                        t.to_owned()
                    }
                };
                partial(format!(
                    "{}{reference}{}",
                    escape(&text[..range.start]),
                    escape(&text[range.end..])
                ))
            }
            None => tree.clone(),
        },
        ValueKind::Array(items) => Value::array(
            items
                .iter()
                .map(|i| replace(i, exact, partial, reference, escape_sub))
                .collect(),
        ),
        ValueKind::Object(members) => Value::object(
            members
                .iter()
                .map(|m| (m.key.clone(), replace(&m.value, exact, partial, reference, escape_sub)))
                .collect(),
        ),
        _ => tree.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn finds_the_whole_placeholder_arn() {
        let text = "x arn:aws:kms:us-east-1:111122223333:key/NEW-KEY-ID y";
        assert_eq!(
            &text[find(text).unwrap()],
            "arn:aws:kms:us-east-1:111122223333:key/NEW-KEY-ID"
        );
        assert_eq!(find("arn:aws:kms:us-east-1:111122223333:key/1234"), None);
    }
}
