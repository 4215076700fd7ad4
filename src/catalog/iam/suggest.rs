//! "Did you mean": the closest known name to a misspelt one.

/// The candidate nearest to `word` by edit distance, ignoring ASCII case, when it is near enough
/// to be a slip (at most a third of the word's length, and at most 3 edits) and not the word itself.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let lower = word.to_ascii_lowercase();
    let limit = (lower.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = strsim::damerau_levenshtein(&lower, &candidate.to_ascii_lowercase());
        if distance == 0 {
            return None; // The word is a known name, written in another case.
        }
        if distance > limit {
            continue;
        }
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_name_within_reach() {
        let names = ["GenerateDataKey", "GenerateDataKeyPair", "Decrypt", "Encrypt"];
        assert_eq!(closest("GenerateDatakeys", names), Some("GenerateDataKey"));
        assert_eq!(closest("Decrpyt", names), Some("Decrypt"));
        assert_eq!(closest("ListKeys", names), None);
        assert_eq!(
            closest("decrypt", names),
            None,
            "a case-only difference is the same name"
        );
    }

    #[test]
    fn short_words_allow_one_edit() {
        assert_eq!(closest("s4", ["s3", "sts"]), Some("s3"));
        assert_eq!(closest("xy", ["s3"]), None);
    }
}
