//! The catalogue files' syntax: the part of Project Fluent's (`.ftl`) this tool uses, so the files
//! stay valid Fluent and a translator's Fluent tools read them. A message is `id = pattern`; the
//! pattern is text with placeables: `{ $name }` (a named argument) and `{ "text" }` (a literal,
//! how Fluent writes `{` or a leading space). An indented line continues the message above it
//! (joined with a newline). `#` starts a comment line. Terms, attributes and selectors are not
//! used (no message has needed a plural yet: Japanese has none, and the English ones name counts
//! with "(s)" as the CLI always did).
//!
//! Shared with `build.rs` (by `#[path]`), which generates one typed constructor per id from the
//! English files: one parser decides what an id and its arguments are, at build time and at run time.

/// One piece of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(std::borrow::Cow<'a, str>),
    Arg(&'a str),
}

/// One message of a file: its id, its pattern, and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    pub id: &'a str,
    pub pieces: Vec<Piece<'a>>,
    pub line: usize,
}

impl Entry<'_> {
    /// The argument names in the order they first appear.
    pub fn args(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for piece in &self.pieces {
            if let Piece::Arg(name) = piece {
                if !names.contains(name) {
                    names.push(name);
                }
            }
        }
        names
    }
}

/// A file's messages, or the first line it cannot read, with why.
pub fn parse(text: &str) -> Result<Vec<Entry<'_>>, (usize, String)> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut raw_values: Vec<(usize, &str, std::ops::Range<usize>)> = Vec::new();
    // Each message's value is a range of `text` (one line, or several joined later).
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push((offset, line.trim_end_matches(['\n', '\r'])));
        offset += line.len();
    }
    for (number, (start, line)) in lines.iter().enumerate() {
        let number = number + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            match raw_values.last_mut() {
                Some(last) => {
                    last.2.end = start + line.len();
                    continue;
                }
                None => return Err((number, "a continuation line with no message above it".into())),
            }
        }
        let Some((id, _)) = line.split_once('=') else {
            return Err((number, "expected `id = text`".into()));
        };
        let id = id.trim();
        if id.is_empty()
            || !id.starts_with(|c: char| c.is_ascii_alphabetic())
            || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err((number, format!("`{id}` is not a message id (letters, digits, - and _)")));
        }
        if raw_values.iter().any(|(_, other, _)| *other == id) {
            return Err((number, format!("`{id}` is defined twice")));
        }
        let value_start = start + line.find('=').unwrap_or(0) + 1;
        raw_values.push((number, id, value_start..start + line.len()));
    }
    for (line, id, range) in raw_values {
        let value = text[range]
            .split('\n')
            .map(|l| l.trim_matches([' ', '\t', '\r']))
            .collect::<Vec<_>>()
            .join("\n");
        let pieces = pattern(text, &value).map_err(|e| (line, format!("`{id}`: {e}")))?;
        if pieces.is_empty() {
            return Err((line, format!("`{id}` has no text")));
        }
        entries.push(Entry { id, pieces, line });
    }
    Ok(entries)
}

/// The pieces of one value. Argument names are found in `text` again so they borrow it.
fn pattern<'a>(text: &'a str, value: &str) -> Result<Vec<Piece<'a>>, String> {
    let mut pieces = Vec::new();
    let mut rest = value;
    while !rest.is_empty() {
        let Some(open) = rest.find(['{', '}']) else {
            pieces.push(Piece::Text(rest.to_owned().into()));
            break;
        };
        if rest[open..].starts_with('}') {
            return Err("a `}` outside a placeable (write `{ \"}\" }`)".into());
        }
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_owned().into()));
        }
        let after = &rest[open + 1..];
        let inner = after.trim_start();
        if let Some(name_start) = inner.strip_prefix('$') {
            let len = name_start
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(name_start.len());
            let name = &name_start[..len];
            if name.is_empty() {
                return Err("`{ $` without a name".into());
            }
            let close = name_start[len..].trim_start();
            let Some(after_close) = close.strip_prefix('}') else {
                return Err(format!("`{{ ${name}` is not closed by `}}`"));
            };
            let borrowed = find_name(text, name).ok_or("an argument name not in the text")?;
            pieces.push(Piece::Arg(borrowed));
            rest = after_close;
        } else if let Some(literal) = inner.strip_prefix('"') {
            let mut out = String::new();
            let mut chars = literal.char_indices();
            let end = loop {
                match chars.next() {
                    Some((i, '"')) => break i,
                    Some((_, '\\')) => match chars.next() {
                        Some((_, c @ ('"' | '\\'))) => out.push(c),
                        _ => return Err("only \\\" and \\\\ are escapes in a literal".into()),
                    },
                    Some((_, c)) => out.push(c),
                    None => return Err("a string literal is not closed".into()),
                }
            };
            let Some(after_close) = literal[end + 1..].trim_start().strip_prefix('}') else {
                return Err("a string literal's placeable is not closed by `}`".into());
            };
            pieces.push(Piece::Text(out.into()));
            rest = after_close;
        } else {
            return Err("a placeable is `{ $name }` or `{ \"text\" }`".into());
        }
    }
    // Neighbouring texts (a literal beside plain text) become one.
    let mut merged: Vec<Piece> = Vec::new();
    for piece in pieces {
        match (merged.last_mut(), piece) {
            (Some(Piece::Text(a)), Piece::Text(b)) => a.to_mut().push_str(&b),
            (_, piece) => merged.push(piece),
        }
    }
    Ok(merged)
}

/// `$name` as a slice of `text`, so an entry's argument names borrow the file, not a copy.
fn find_name<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = text[from..].find(name) {
        let start = from + at;
        let end = start + name.len();
        let bounded = text[..start].ends_with('$')
            && !text[end..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if bounded {
            return Some(&text[start..end]);
        }
        from = end;
    }
    None
}
