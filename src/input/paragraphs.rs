//! Building the analysed text out of extracted pieces: words with their
//! whitespace collapsed, paragraphs separated by one blank line (the
//! analysis splits paragraphs at line breaks).

/// Text being built, paragraph by paragraph.
#[derive(Debug, Default)]
pub(super) struct Paragraphs {
    text: String,
    /// A paragraph break is owed before the next word.
    pending_break: bool,
}

impl Paragraphs {
    /// Add inline text: runs of whitespace (newlines and no-break spaces
    /// included) become one space; nothing is added at a paragraph's start.
    pub(super) fn push(&mut self, piece: &str) {
        let starts_with_space = piece.starts_with(char::is_whitespace);
        let ends_with_space = piece.ends_with(char::is_whitespace);
        let mut words = piece.split_whitespace().peekable();
        if words.peek().is_none() {
            if starts_with_space {
                self.space();
            }
            return;
        }
        if starts_with_space {
            self.space();
        }
        for (i, word) in words.enumerate() {
            if i > 0 {
                self.text.push(' ');
            }
            self.word(word);
        }
        if ends_with_space {
            self.space();
        }
    }

    /// Add text that must stay joined to what is around it (quotation marks).
    pub(super) fn word(&mut self, word: &str) {
        if self.pending_break && !self.text.is_empty() {
            self.text.truncate(self.text.trim_end().len());
            self.text.push_str("\n\n");
        }
        self.pending_break = false;
        self.text.push_str(word);
    }

    /// End the current paragraph (several breaks in a row make one).
    pub(super) fn paragraph(&mut self) {
        self.pending_break = true;
    }

    /// One space between words, never at a paragraph's start or twice.
    fn space(&mut self) {
        let at_start = self.text.is_empty() || self.pending_break;
        if !at_start && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    /// True when no word has been added.
    pub(super) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text, with a final newline.
    pub(super) fn finish(mut self) -> String {
        self.text.truncate(self.text.trim_end().len());
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_paragraphs_get_one_blank_line() {
        let mut p = Paragraphs::default();
        p.paragraph();
        p.push("  Hello\n  world ");
        p.push("again");
        p.paragraph();
        p.paragraph();
        p.push(" ");
        p.word("\u{201c}");
        p.push("Hi,");
        p.word("\u{201d}");
        p.push(" she said. ");
        assert_eq!(
            p.finish(),
            "Hello world again\n\n\u{201c}Hi,\u{201d} she said.\n"
        );
    }
}
