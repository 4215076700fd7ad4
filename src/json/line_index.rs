//! Byte offset ↔ 1-based line and column, for messages people can find in their editor.

/// Bytes between two character-count checkpoints.
const BLOCK: usize = 4096;

/// Line starts of one text; columns count characters, not bytes.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    text_len: usize,
    /// Characters before each multiple of [`BLOCK`]: a minified 10 MB policy is one line, and
    /// counting a column from the line start for each of thousands of findings would be
    /// quadratic.
    chars_before_block: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut chars_before_block = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut count = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            chars_before_block.push(count);
            count += char_starts(block);
        }
        LineIndex {
            starts,
            text_len: text.len(),
            chars_before_block,
        }
    }

    /// Characters that start before byte `offset`, in at most [`BLOCK`] steps.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let base = self.chars_before_block.get(block).copied().unwrap_or(0);
        base + char_starts(&text.as_bytes()[block * BLOCK..offset])
    }

    /// 1-based `(line, column)` of a byte offset; offsets past the end clamp to the end.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text_len);
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let column = if text.is_char_boundary(offset) && offset <= text.len() {
            self.chars_before(text, offset) - self.chars_before(text, start)
        } else {
            offset - start
        };
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

/// UTF-8 bytes that begin a character (every byte but continuation bytes `10xxxxxx`).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b & 0xC0) != 0x80).count()
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

    #[test]
    fn columns_on_a_long_line_count_characters_across_blocks() {
        // Checkpoints every 4096 bytes; a multi-byte character may straddle one.
        let text = format!("{}\n{}x{}y", "a".repeat(10), "é".repeat(5000), "€".repeat(3000));
        let idx = LineIndex::new(&text);
        let x = text.find('x').unwrap();
        let y = text.find('y').unwrap();
        assert_eq!(idx.line_col(&text, x), (2, 5001));
        assert_eq!(idx.line_col(&text, y), (2, 8002));
        assert_eq!(idx.line_col(&text, text.len()), (2, 8003));
        // Agrees with counting from the line start everywhere.
        for offset in (11..text.len()).filter(|o| text.is_char_boundary(*o)).step_by(997) {
            assert_eq!(
                idx.line_col(&text, offset).1,
                text[11..offset].chars().count() + 1,
                "{offset}"
            );
        }
    }
}
