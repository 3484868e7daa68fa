//! Make untrusted article text safe to print to a terminal.
//!
//! Control characters (C0 but newline, DEL, C1) would let an article move the
//! cursor, set the title or write the clipboard (`ESC ] 52 ;`). They are shown
//! as visible symbols instead: C0 as the Unicode "control pictures" (`␛`, `␇`,
//! `␍`), DEL as `␡`, C1 as `�`. Tabs are left to the caller to expand.

/// The visible stand-in for `c`, or `None` when `c` is safe to print as is.
pub fn replacement(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// `s` with every control character but newline and tab replaced by a visible symbol.
///
/// ```
/// assert_eq!(whosaid::sanitize::clean("a\x1b]52;c\x07b"), "a␛]52;c␇b");
/// ```
pub fn clean(s: &str) -> String {
    s.chars().map(|c| replacement(c).unwrap_or(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_character_is_replaced() {
        for c in (0u32..0x20)
            .chain([0x7f])
            .chain(0x80..0xa0)
            .filter_map(char::from_u32)
        {
            let shown = replacement(c);
            assert_eq!(shown.is_none(), c == '\n' || c == '\t', "{c:?}");
            if let Some(r) = shown {
                assert!(!r.is_control(), "{c:?} -> {r:?}");
            }
        }
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(
            clean("\x1b[2J\r\x07\u{9b}31m\u{9d}0;x"),
            "␛[2J␍␇\u{fffd}31m\u{fffd}0;x"
        );
        assert_eq!(
            clean("plain “text”, é and 日本"),
            "plain “text”, é and 日本"
        );
        assert_eq!(clean("tab\tand\nnewline"), "tab\tand\nnewline");
    }
}
