//! Everything the user (or the terminal) can ask of the reader.

/// Everything the user (or the terminal) can ask of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Quit (closes the help first when it is open).
    Quit,
    /// Quit at once.
    ForceQuit,
    /// Close the help or prompt, end the search, clear the speaker query or filter.
    Cancel,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Move up one line or row.
    Up,
    /// Move down one line or row.
    Down,
    /// Half a page up.
    HalfPageUp,
    /// Half a page down.
    HalfPageDown,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// To the first line or row.
    First,
    /// To the last line or row.
    Last,
    /// Next quote, or next search match while searching.
    NextQuote,
    /// Previous quote, or previous search match while searching.
    PrevQuote,
    /// Next speaker's first quote.
    NextSpeaker,
    /// Previous speaker's first quote.
    PrevSpeaker,
    /// Next quote by a different speaker.
    NextOtherSpeaker,
    /// Enter/Space: toggle the speaker in the filter, or open the quote.
    Activate,
    /// Turn the speaker filter on or off.
    ToggleFilter,
    /// Empty the speaker filter.
    ClearFilter,
    /// Open the `@` speaker prompt.
    SpeakerPrompt,
    /// Open the `/` search prompt.
    Search,
    /// Copy the selected quote with its attribution.
    Copy,
    /// Turn mouse capture off or on.
    ToggleMouse,
    /// Show or hide the help.
    Help,
    /// Type a character into the open prompt.
    Input(char),
    /// Delete the prompt's last character.
    Backspace,
    /// Accept the prompt.
    Confirm,
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// A click at a screen cell.
    Click(u16, u16),
    /// The wheel turned over a screen cell (`true`: down).
    Wheel(u16, u16, bool),
    /// Library: go to the list of articles.
    Library,
    /// Library: back to the screen the article was opened from.
    Back,
    /// Library: the people quoted across articles.
    People,
    /// Library: sort the list by title, or by file.
    Sort,
}
