//! Byte offset ↔ 1-based line and column, for messages people can find in their editor.

/// Line starts of one text; columns count characters, not bytes.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    text_len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts, text_len: text.len() }
    }

    /// 1-based `(line, column)` of a byte offset; offsets past the end clamp to the end.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text_len);
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let column = text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// Byte range of 1-based line `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let mut end = self.starts.get(line).map_or(self.text_len, |next| next - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some((start, end))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_character_is_line_one_column_one() {
        let text = "{\n  \"a\": 1\n}";
        assert_eq!(LineIndex::new(text).line_col(text, 0), (1, 1));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "“é” x";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), (1, 5));
    }

    #[test]
    fn offset_after_newline_starts_next_line() {
        let text = "ab\ncd\r\nef";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), (2, 1));
        assert_eq!(idx.line_col(text, 8), (3, 2));
        assert_eq!(idx.line_range(text, 2), Some((3, 5)));
        assert_eq!(idx.line_count(), 3);
    }

    #[test]
    fn offset_past_end_clamps() {
        let text = "ab";
        assert_eq!(LineIndex::new(text).line_col(text, 99), (1, 3));
    }
}
