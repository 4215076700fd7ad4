//! Reads back the AWS CLI calls in a step's bash, so the templates can be made from the same
//! steps the page shows (the bundle has no other record of which resources its steps create).
//! Only what the scenarios write is understood: simple commands, `VAR=$(aws …)`, `VAR=value`,
//! quotes, line continuations; a comment line or an operator (`|`, `>`, `&&`, `;`) ends a command.

/// One logical line of a step.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    /// `aws SERVICE OPERATION --option value …`, maybe as `VAR=$(aws …)`.
    Call(Call),
    /// `VAR=value` with a literal value.
    Assign { var: String, value: String },
    /// Anything else (`sed`, `jq`, `echo`, a shell function …).
    Other,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Call {
    pub service: String,
    pub operation: String,
    /// `--name value` pairs in order; a flag without a value has an empty one.
    pub options: Vec<(String, String)>,
}

impl Call {
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The file a `file://NAME` option reads.
    pub fn file(&self, name: &str) -> Option<&str> {
        self.option(name).and_then(|v| v.strip_prefix("file://"))
    }

    /// Calls that only read or check, which a template needs no resource for.
    pub fn is_read_only(&self) -> bool {
        ["describe-", "get-", "list-", "lookup-"]
            .iter()
            .any(|p| self.operation.starts_with(p))
            || self.operation == "start-query"
    }

    pub fn is(&self, service: &str, operation: &str) -> bool {
        self.service == service && self.operation == operation
    }
}

/// Every logical line of `script`: continuations joined, comment lines left out.
pub fn lines(script: &str) -> Vec<Line> {
    let joined = script.replace("\\\n", " ");
    joined
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(line)
        .collect()
}

fn line(text: &str) -> Line {
    let text = match split_assignment(text) {
        Some((var, rest)) => match rest.strip_prefix("$(") {
            Some(inner) => inner.strip_suffix(')').unwrap_or(inner),
            None => {
                let words = words(rest);
                return match words.as_slice() {
                    [value] if !rest.contains('$') => Line::Assign {
                        var: var.to_owned(),
                        value: value.clone(),
                    },
                    _ => Line::Other,
                };
            }
        },
        None => text,
    };
    let words = words(text);
    match words.as_slice() {
        [aws, service, operation, rest @ ..] if aws == "aws" => Line::Call(Call {
            service: service.clone(),
            operation: operation.clone(),
            options: options(rest),
        }),
        _ => Line::Other,
    }
}

/// `NAME=rest` when the line starts with a shell variable assignment.
fn split_assignment(text: &str) -> Option<(&str, &str)> {
    let (name, rest) = text.split_once('=')?;
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    valid.then_some((name, rest))
}

fn options(words: &[String]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some(name) = words[i].strip_prefix("--") {
            let value = words.get(i + 1).filter(|v| !v.starts_with("--"));
            out.push((name.to_owned(), value.cloned().unwrap_or_default()));
            i += if value.is_some() { 2 } else { 1 };
        } else {
            i += 1;
        }
    }
    out
}

/// Shell words with quotes removed; stops at an unquoted comment or operator.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '#' | '|' | '>' | '<' | ';' | '&' if !in_word => break,
            '|' | '>' | ';' | '&' => {
                out.push(std::mem::take(&mut word));
                return out;
            }
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    word.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' if matches!(chars.peek(), Some('"' | '\\' | '$' | '`')) => {
                            word.extend(chars.next());
                        }
                        c => word.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.extend(chars.next());
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_substituted_call_across_continuations() {
        let got = lines("KEY_ARN=$(aws kms create-key --region us-east-1 \\\n  --description 'Key for a b' \\\n  --policy file://key-policy.json \\\n  --query KeyMetadata.Arn --output text)\necho \"$KEY_ARN\"");
        let Line::Call(call) = &got[0] else { panic!("{got:?}") };
        assert!(call.is("kms", "create-key"));
        assert_eq!(call.option("description"), Some("Key for a b"));
        assert_eq!(call.file("policy"), Some("key-policy.json"));
        assert_eq!(got[1], Line::Other);
    }

    #[test]
    fn reads_assignments_quotes_and_stops_at_operators() {
        assert_eq!(
            lines("KEY_ARN='arn:aws:kms:us-east-1:1:key/a'")[0],
            Line::Assign {
                var: "KEY_ARN".into(),
                value: "arn:aws:kms:us-east-1:1:key/a".into()
            }
        );
        let got = lines(
            "aws iam create-service-linked-role --aws-service-name delivery.logs.amazonaws.com \\\n  || echo \"x\"",
        );
        let Line::Call(call) = &got[0] else { panic!() };
        assert_eq!(
            call.options,
            vec![("aws-service-name".to_owned(), "delivery.logs.amazonaws.com".to_owned())]
        );
        assert_eq!(words("a 'it'\\''s' \"$X\" b # c"), vec!["a", "it's", "$X", "b"]);
        assert_eq!(words("get x > f.json"), vec!["get", "x"]);
        assert!(lines("# aws logs disassociate-kms-key --log-group-name a").is_empty());
    }
}
