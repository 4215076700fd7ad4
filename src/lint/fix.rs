//! Machine fixes: text edits a rule attaches to a finding when the remedy is mechanical, and
//! applying them to the checked text.
//!
//! A rule offers a fix only when the result is evidently what the author meant and nothing else
//! changes: a wrongly cased `"allow"` becomes `"Allow"`, a misspelt element name gets its right
//! spelling when that name is not already there. A fix that needs a choice (Allow or Deny? which
//! account?) is left to the `help` text. To offer one from a rule:
//!
//! ```ignore
//! Diagnostic::new(&RULE, "Effect \"allow\" has the wrong case")
//!     .at(value.span)
//!     .fix(Fix::replace("Write \"Allow\"", value.span, "\"Allow\""))
//! ```
//!
//! Spans are byte offsets into the checked text, as on [`Value`](crate::json::Value) and
//! [`Member`](crate::json::Member); `remove_member` and `insert_member` handle the commas. Test a
//! fix with `apply_fix` and check that the rule no longer fires on the result.

use crate::json::{parse_document, Member, Span, Value};
use serde::Serialize;

/// What a button offers: a short imperative title and the edits that carry it out.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct Fix {
    /// E.g. `Write "Allow"`; shown on the button.
    pub title: String,
    /// Non-overlapping edits of the checked text, in any order.
    pub edits: Vec<Edit>,
}

/// Replace the bytes of `span` with `replacement` (an empty span inserts).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn new(span: Span, replacement: impl Into<String>) -> Self {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }

    /// Inserts `text` at byte offset `at`.
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Edit::new(Span::new(at, at), text)
    }
}

impl Fix {
    pub fn new(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            edits,
        }
    }

    /// A fix of one replacement.
    pub fn replace(title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Self {
        Fix::new(title, vec![Edit::new(span, replacement)])
    }
}

/// Why a fix could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixError {
    /// An edit reaches past the end of the text, or splits a character.
    OutOfRange(Span),
    /// Two edits touch the same text, so their order would matter.
    Overlap(Span, Span),
    /// The text parsed before the fix and would not after it.
    BreaksJson(String),
}

impl std::fmt::Display for FixError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FixError::OutOfRange(s) => write!(f, "the edit at {}..{} is outside the text", s.start, s.end),
            FixError::Overlap(a, b) => write!(
                f,
                "the edits at {}..{} and {}..{} overlap",
                a.start, a.end, b.start, b.end
            ),
            FixError::BreaksJson(m) => write!(f, "the fix would make the policy invalid JSON: {m}"),
        }
    }
}

/// `text` with `fix` applied. Refuses edits outside the text or overlapping each other, and a
/// result that no longer parses when `text` did (the page then keeps the text as it was).
pub fn apply_fix(text: &str, fix: &Fix) -> Result<String, FixError> {
    let mut edits: Vec<&Edit> = fix.edits.iter().collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    for e in &edits {
        let Span { start, end } = e.span;
        if start > end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(FixError::OutOfRange(e.span));
        }
    }
    for pair in edits.windows(2) {
        let (a, b) = (pair[0].span, pair[1].span);
        // Two insertions at one point overlap too: which comes first would be a guess.
        if a.end > b.start || a.start == b.start {
            return Err(FixError::Overlap(a, b));
        }
    }
    let mut out = text.to_owned();
    for e in edits.iter().rev() {
        out.replace_range(e.span.start..e.span.end, &e.replacement);
    }
    if let Err(error) = parse_document(&out) {
        if parse_document(text).is_ok() {
            return Err(FixError::BreaksJson(error.message));
        }
    }
    Ok(out)
}

/// Applies as many of `fixes` as go together: in order, each whose edits overlap none already
/// taken is taken (several findings may offer the same fix). Returns the text and how many
/// fixes were applied.
pub fn apply_all(text: &str, fixes: &[&Fix]) -> (String, usize) {
    let mut taken: Vec<Edit> = Vec::new();
    let mut count = 0;
    for fix in fixes {
        let clashes = fix.edits.iter().any(|e| taken.iter().any(|t| overlaps(t.span, e.span)));
        if clashes {
            continue;
        }
        let mut trial = taken.clone();
        trial.extend(fix.edits.iter().cloned());
        if apply_fix(text, &Fix::new("", trial.clone())).is_ok() {
            taken = trial;
            count += 1;
        }
    }
    match apply_fix(text, &Fix::new("", taken)) {
        Ok(out) => (out, count),
        Err(_) => (text.to_owned(), 0),
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start == b.start || (a.start < b.end && b.start < a.end)
}

/// The edit that removes `members[index]` from its object, with the comma that separates it.
pub fn remove_member(members: &[Member], index: usize) -> Option<Edit> {
    let spans: Vec<Span> = members
        .iter()
        .map(|m| Span::new(m.key_span.start, m.value.span.end))
        .collect();
    remove_from_list(&spans, index)
}

/// The edit that removes `items[index]` from its array, with the comma that separates it.
pub fn remove_item(items: &[Value], index: usize) -> Option<Edit> {
    let spans: Vec<Span> = items.iter().map(|v| v.span).collect();
    remove_from_list(&spans, index)
}

fn remove_from_list(spans: &[Span], index: usize) -> Option<Edit> {
    let this = *spans.get(index)?;
    let span = match (index.checked_sub(1).and_then(|i| spans.get(i)), spans.get(index + 1)) {
        // From the end of the previous entry, so the comma before this one goes with it.
        (Some(previous), _) => Span::new(previous.end, this.end),
        (None, Some(next)) => Span::new(this.start, next.start),
        (None, None) => this,
    };
    Some(Edit::new(span, ""))
}

/// The edit that adds `"key": value_json` as the first member of `object`, laid out like the
/// member that follows it.
pub fn insert_member(text: &str, object: &Value, key: &str, value_json: &str) -> Option<Edit> {
    let members = object.as_object()?;
    let open = object.span.start;
    if text.as_bytes().get(open) != Some(&b'{') {
        return None;
    }
    let member = format!("{}: {value_json}", crate::json::escape_string(key));
    let text_after = match members.first() {
        None => member,
        Some(first) => {
            let gap = text.get(open + 1..first.key_span.start)?;
            if gap.is_empty() {
                format!("{member}, ")
            } else {
                format!("{gap}{member},")
            }
        }
    };
    Some(Edit::insert(open + 1, text_after))
}

/// The element name `word` was evidently meant to be: one of `names` equal to it but for case,
/// or but for a trailing `s`, or (for names of six letters or more) within two typos of it —
/// when exactly one name is that close.
pub fn likely_spelling<'n>(word: &str, names: &[&'n str]) -> Option<&'n str> {
    let lower = word.to_ascii_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    if let Some(name) = names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(&lower) || n.eq_ignore_ascii_case(singular))
    {
        return Some(name);
    }
    let close: Vec<&'n str> = names
        .iter()
        .copied()
        .filter(|n| n.len() >= 6 && typos(&lower, &n.to_ascii_lowercase()) <= 2)
        .collect();
    match close[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbours, counted in characters.
fn typos(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 {
        return usize::MAX;
    }
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// For rule tests: `text` with the fix of `rule`'s first fixable finding applied, checked to
/// parse. Panics when no finding offers a fix.
#[cfg(test)]
pub(crate) fn fixed(rule: &'static super::Rule, kind: crate::policy::PolicyKind, text: &str) -> String {
    let found = super::testing::findings(rule, kind, text);
    let fix = found
        .iter()
        .find_map(|d| d.fix.as_ref())
        .unwrap_or_else(|| panic!("{} offers no fix for:\n{text}", rule.code));
    let out = apply_fix(text, fix).unwrap_or_else(|e| panic!("{} fix {:?} failed: {e}", rule.code, fix.title));
    assert!(
        parse_document(&out).is_ok(),
        "{} fix result does not parse:\n{out}",
        rule.code
    );
    out
}

/// For rule tests: no finding of `rule` on `text` offers a fix.
#[cfg(test)]
pub(crate) fn assert_no_fix(rule: &'static super::Rule, kind: crate::policy::PolicyKind, text: &str) {
    let found = super::testing::findings(rule, kind, text);
    assert!(
        found.iter().all(|d| d.fix.is_none()),
        "{} should offer no fix for:\n{text}",
        rule.code
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, text: &str) -> Edit {
        Edit::new(Span::new(start, end), text)
    }

    #[test]
    fn edits_apply_from_the_end_whatever_their_order() {
        let text = r#"{"Effect": "allow", "Sid": "a-b"}"#;
        let allow = text.find("\"allow\"").unwrap();
        let sid = text.find("\"a-b\"").unwrap();
        let fix = Fix::new(
            "both",
            vec![edit(allow, allow + 7, "\"Allow\""), edit(sid, sid + 5, "\"ab\"")],
        );
        assert_eq!(apply_fix(text, &fix).unwrap(), r#"{"Effect": "Allow", "Sid": "ab"}"#);
        let reversed = Fix::new("both", fix.edits.iter().rev().cloned().collect());
        assert_eq!(apply_fix(text, &reversed), apply_fix(text, &fix));
    }

    #[test]
    fn overlapping_and_out_of_range_edits_are_refused() {
        let text = r#"{"Sid": "abc"}"#;
        let overlap = Fix::new("x", vec![edit(8, 13, "\"x\""), edit(10, 11, "y")]);
        assert_eq!(
            apply_fix(text, &overlap),
            Err(FixError::Overlap(Span::new(8, 13), Span::new(10, 11)))
        );
        let same_point = Fix::new("x", vec![edit(1, 1, " "), edit(1, 1, "  ")]);
        assert!(matches!(apply_fix(text, &same_point), Err(FixError::Overlap(..))));
        let past_end = Fix::replace("x", Span::new(10, 99), "");
        assert_eq!(apply_fix(text, &past_end), Err(FixError::OutOfRange(Span::new(10, 99))));
        let backwards = Fix::replace("x", Span::new(5, 2), "");
        assert!(matches!(apply_fix(text, &backwards), Err(FixError::OutOfRange(_))));
        let split = "{\"Sid\": \"é\"}";
        assert!(matches!(
            apply_fix(split, &Fix::replace("x", Span::new(9, 10), "")),
            Err(FixError::OutOfRange(_))
        ));
    }

    #[test]
    fn a_fix_that_breaks_valid_json_is_refused_but_may_repair_invalid_json() {
        let text = r#"{"Sid": "a"}"#;
        assert!(matches!(
            apply_fix(text, &Fix::replace("x", Span::new(0, 1), "")),
            Err(FixError::BreaksJson(_))
        ));
        let trailing = r#"{"Sid": "a",}"#;
        assert_eq!(
            apply_fix(trailing, &Fix::replace("x", Span::new(11, 12), "")).unwrap(),
            text
        );
    }

    #[test]
    fn apply_all_skips_fixes_that_clash() {
        let text = r#"{"Effect": "allow", "Sid": "a-b"}"#;
        let allow = text.find("\"allow\"").unwrap();
        let sid = text.find("\"a-b\"").unwrap();
        let a = Fix::replace("a", Span::new(allow, allow + 7), "\"Allow\"");
        let same = a.clone();
        let b = Fix::replace("b", Span::new(sid, sid + 5), "\"ab\"");
        let (out, count) = apply_all(text, &[&a, &same, &b]);
        assert_eq!(out, r#"{"Effect": "Allow", "Sid": "ab"}"#);
        assert_eq!(count, 2);
        let broken = Fix::replace("c", Span::new(0, 1), "");
        assert_eq!(apply_all(text, &[&broken]), (text.to_owned(), 0));
    }

    #[test]
    fn likely_spellings_are_unambiguous_near_misses() {
        let names = ["Version", "Id", "Statement"];
        assert_eq!(likely_spelling("statement", &names), Some("Statement"));
        assert_eq!(likely_spelling("Statements", &names), Some("Statement"));
        assert_eq!(likely_spelling("Statment", &names), Some("Statement"));
        assert_eq!(likely_spelling("Verison", &names), Some("Version"));
        assert_eq!(likely_spelling("ID", &names), Some("Id"));
        assert_eq!(likely_spelling("If", &names), None);
        assert_eq!(likely_spelling("Comment", &names), None);
        assert_eq!(likely_spelling("Description", &names), None);
        let elements = ["Action", "NotAction", "Resource", "NotResource"];
        assert_eq!(likely_spelling("Actoin", &elements), Some("Action"));
        assert_eq!(likely_spelling("NotActions", &elements), Some("NotAction"));
        assert_eq!(likely_spelling("Resorce", &elements), Some("Resource"));
    }

    /// Every fix any rule offers on any documented example applies cleanly and keeps it JSON.
    #[test]
    fn every_fix_on_the_documented_examples_applies() {
        use crate::policy::PolicyKind;
        let mut applied = 0;
        for rule in crate::lint::RULES {
            for (_, block) in rule.doc().code_blocks() {
                let kind = block.kind().flatten().unwrap_or(PolicyKind::Key);
                let text = &block.text;
                for finding in crate::analyze(text, kind).findings {
                    let Some(fix) = &finding.fix else { continue };
                    let out = apply_fix(&text, fix).unwrap_or_else(|e| {
                        panic!("{} fix {:?} on {}'s example: {e}", finding.code, fix.title, rule.code)
                    });
                    assert!(
                        parse_document(&out).is_ok(),
                        "{} fix {:?} broke:\n{out}",
                        finding.code,
                        fix.title
                    );
                    applied += 1;
                }
            }
        }
        assert!(applied >= 5, "the examples exercise fixes ({applied})");
    }

    fn members(text: &str) -> Vec<Member> {
        parse_document(text).unwrap().as_object().unwrap().to_vec()
    }

    #[test]
    fn removing_a_member_takes_its_comma() {
        let text = "{\"a\": 1, \"b\": 2, \"c\": 3}";
        let m = members(text);
        let remove = |i| apply_fix(text, &Fix::new("r", vec![remove_member(&m, i).unwrap()])).unwrap();
        assert_eq!(remove(0), "{\"b\": 2, \"c\": 3}");
        assert_eq!(remove(1), "{\"a\": 1, \"c\": 3}");
        assert_eq!(remove(2), "{\"a\": 1, \"b\": 2}");
        let one = "{\"a\": 1}";
        assert_eq!(
            apply_fix(one, &Fix::new("r", vec![remove_member(&members(one), 0).unwrap()])).unwrap(),
            "{}"
        );
        assert_eq!(remove_member(&m, 3), None);
    }

    #[test]
    fn removing_an_array_item_takes_its_comma() {
        let text = "{\"a\": [\"x\", \"\", \"y\"]}";
        let doc = parse_document(text).unwrap();
        let items = doc.get("a").unwrap().as_array().unwrap();
        let out = apply_fix(text, &Fix::new("r", vec![remove_item(items, 1).unwrap()])).unwrap();
        assert_eq!(out, "{\"a\": [\"x\", \"y\"]}");
        let out = apply_fix(text, &Fix::new("r", vec![remove_item(items, 0).unwrap()])).unwrap();
        assert_eq!(out, "{\"a\": [\"\", \"y\"]}");
    }

    #[test]
    fn an_inserted_member_follows_the_layout() {
        let insert = |text: &str| {
            let doc = parse_document(text).unwrap();
            apply_fix(
                text,
                &Fix::new(
                    "i",
                    vec![insert_member(text, &doc, "Version", "\"2012-10-17\"").unwrap()],
                ),
            )
            .unwrap()
        };
        assert_eq!(
            insert("{\n  \"Statement\": []\n}"),
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}"
        );
        assert_eq!(
            insert("{\"Statement\": []}"),
            "{\"Version\": \"2012-10-17\", \"Statement\": []}"
        );
        assert_eq!(
            insert("{ \"Id\": \"x\"}"),
            "{ \"Version\": \"2012-10-17\", \"Id\": \"x\"}"
        );
        assert_eq!(insert("{ }"), "{\"Version\": \"2012-10-17\" }");
    }
}
