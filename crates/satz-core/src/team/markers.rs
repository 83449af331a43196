//! Git's conflict markers: what plain git leaves in a file it could not
//! merge line by line.
//!
//! A memory file or a glossary holding them is neither valid XML nor valid
//! TOML, but a lenient reader could still read part of it and lose the
//! rest silently; satz looks for them first and refuses the file, naming
//! the lines, so the conflict is resolved before anything reads the file.

/// An unresolved conflict found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictMarker {
    /// 1-based line of the `<<<<<<<` marker.
    pub line: usize,
    /// 1-based line of the matching `>>>>>>>` marker, if there is one.
    pub end_line: Option<usize>,
    /// What follows `<<<<<<<` on its line (git's label, or what satz's
    /// glossary merge driver says about the conflict), trimmed.
    pub label: String,
}

impl ConflictMarker {
    /// The message a reader gives: where the conflict is and what to do.
    pub fn message(&self) -> String {
        let lines = match self.end_line {
            Some(end) => format!("lines {}-{end}", self.line),
            None => format!("line {}", self.line),
        };
        let label = if self.label.is_empty() {
            String::new()
        } else {
            format!(" ({})", self.label)
        };
        format!(
            "unresolved merge conflict: git conflict marker <<<<<<< at {lines}{label}; keep the \
             right version between <<<<<<< and >>>>>>>, delete the marker lines, then git add the \
             file (see docs/team.md)"
        )
    }
}

/// The first git conflict (a line starting with `<<<<<<<` and a space or
/// the line's end), if the text holds one. Neither TMX nor TOML can have
/// such a line outside a multi-line string.
pub fn conflict_marker(text: &str) -> Option<ConflictMarker> {
    // One fast substring search clears almost every file.
    if !text.contains("<<<<<<<") {
        return None;
    }
    let mut start = None;
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        match start {
            None => {
                if let Some(label) = marker_label(line, "<<<<<<<") {
                    start = Some(ConflictMarker {
                        line: index + 1,
                        end_line: None,
                        label: label.to_owned(),
                    });
                }
            }
            Some(mut found) => {
                if marker_label(line, ">>>>>>>").is_some() {
                    found.end_line = Some(index + 1);
                    return Some(found);
                }
                start = Some(found);
            }
        }
    }
    start
}

/// The rest of `line` after `marker` when it starts with the marker
/// followed by a space or nothing.
fn marker_label<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(marker)?;
    if rest.is_empty() || rest.starts_with(' ') {
        Some(rest.trim())
    } else {
        None
    }
}
