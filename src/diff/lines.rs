//! Line diff of two printed policies, for the side-by-side text view.

use crate::normalize::normalize;
use crate::policy::{print, Policy};
use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// Whether a line is in both texts, only the new one, or only the old one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum LineTag {
    Equal,
    Insert,
    Delete,
}

/// One line of the diff, with its 1-based line number in each text it appears in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineChange {
    pub tag: LineTag,
    pub old_line: Option<usize>,
    pub new_line: Option<usize>,
    /// The line without its line break.
    pub text: String,
}

/// A line-by-line diff (Myers, via `similar`) of two texts.
pub fn line_diff(old_text: &str, new_text: &str) -> Vec<LineChange> {
    let diff = TextDiff::from_lines(old_text, new_text);
    diff.iter_all_changes()
        .map(|change| LineChange {
            tag: match change.tag() {
                ChangeTag::Equal => LineTag::Equal,
                ChangeTag::Insert => LineTag::Insert,
                ChangeTag::Delete => LineTag::Delete,
            },
            old_line: change.old_index().map(|i| i + 1),
            new_line: change.new_index().map(|i| i + 1),
            text: change.value().trim_end_matches(['\n', '\r']).to_owned(),
        })
        .collect()
}

/// The policy as the diff view prints it: normalised, then pretty-printed, so that only
/// changes that matter show up as changed lines.
pub fn canonical_text(policy: &Policy) -> String {
    print(&normalize(policy))
}

/// [`line_diff`] of the two policies' [`canonical_text`]s.
pub fn canonical_line_diff(existing: &Policy, new: &Policy) -> Vec<LineChange> {
    line_diff(&canonical_text(existing), &canonical_text(new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_carry_their_numbers_on_each_side() {
        let lines = line_diff("a\nb\nc", "a\nx\nc");
        let tags: Vec<(LineTag, Option<usize>, Option<usize>, &str)> = lines
            .iter()
            .map(|l| (l.tag, l.old_line, l.new_line, l.text.as_str()))
            .collect();
        assert_eq!(
            tags,
            [
                (LineTag::Equal, Some(1), Some(1), "a"),
                (LineTag::Delete, Some(2), None, "b"),
                (LineTag::Insert, None, Some(2), "x"),
                (LineTag::Equal, Some(3), Some(3), "c"),
            ]
        );
    }

    #[test]
    fn rewritten_policies_have_no_changed_lines() {
        let a = crate::policy::lower(
            &crate::json::parse_document(r#"{"Statement":{"Effect":"Allow","Action":["s3:B","s3:A"],"Resource":"*"}}"#)
                .expect("parses"),
        );
        let b = crate::policy::lower(
            &crate::json::parse_document(
                r#"{"Statement":[{"Resource":["*"],"Action":["S3:A","s3:B"],"Effect":"Allow"}]}"#,
            )
            .expect("parses"),
        );
        assert!(canonical_line_diff(&a, &b).iter().all(|l| l.tag == LineTag::Equal));
    }

    #[test]
    fn empty_texts_diff_to_nothing() {
        assert!(line_diff("", "").is_empty());
    }
}
