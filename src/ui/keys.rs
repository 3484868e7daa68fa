//! The keymap: every key the reader knows, in one table. Key events become
//! [`Action`]s here and nowhere else, and the help overlay is generated from
//! the same tables, so the two cannot disagree.

use super::app::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key with the modifiers it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// True when Ctrl must be held.
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// One line of the keymap: keys, what they do, and the help text.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that do it.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// The help overlay's description.
    pub help: &'static str,
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { keys, action, help }
}

/// The keys outside prompts, grouped for the help overlay.
pub const GROUPS: Keymap = &[
    (
        "Move",
        &[
            bind(
                &[code(KeyCode::Tab)],
                Action::FocusNext,
                "focus the next pane",
            ),
            bind(
                &[code(KeyCode::BackTab)],
                Action::FocusPrev,
                "focus the previous pane",
            ),
            bind(
                &[k('j'), code(KeyCode::Down)],
                Action::Down,
                "down a line or row",
            ),
            bind(&[k('k'), code(KeyCode::Up)], Action::Up, "up a line or row"),
            bind(&[ctrl('d')], Action::HalfPageDown, "half a page down"),
            bind(&[ctrl('u')], Action::HalfPageUp, "half a page up"),
            bind(&[code(KeyCode::PageDown)], Action::PageDown, "a page down"),
            bind(&[code(KeyCode::PageUp)], Action::PageUp, "a page up"),
            bind(&[k('g'), code(KeyCode::Home)], Action::First, "to the top"),
            bind(&[k('G'), code(KeyCode::End)], Action::Last, "to the bottom"),
        ],
    ),
    (
        "Quotes and speakers",
        &[
            bind(
                &[k('n')],
                Action::NextQuote,
                "next quote (next match while searching)",
            ),
            bind(
                &[k('N')],
                Action::PrevQuote,
                "previous quote (previous match while searching)",
            ),
            bind(&[k(']')], Action::NextSpeaker, "next speaker's first quote"),
            bind(
                &[k('[')],
                Action::PrevSpeaker,
                "previous speaker's first quote",
            ),
            bind(
                &[k('s')],
                Action::NextOtherSpeaker,
                "next quote by a different speaker",
            ),
            bind(
                &[code(KeyCode::Enter), k(' ')],
                Action::Activate,
                "speakers: add to or remove from the filter",
            ),
            bind(
                &[k('f')],
                Action::ToggleFilter,
                "turn the speaker filter on or off",
            ),
            bind(&[k('a')], Action::ClearFilter, "clear the speaker filter"),
            bind(
                &[k('@')],
                Action::SpeakerPrompt,
                "find a speaker by name or alias",
            ),
            bind(&[k('/')], Action::Search, "search the article"),
            bind(
                &[k('y')],
                Action::Copy,
                "copy the quote with its attribution (OSC 52)",
            ),
        ],
    ),
    (
        "Other",
        &[
            bind(
                &[k('m')],
                Action::ToggleMouse,
                "mouse capture off/on (off: select text)",
            ),
            bind(&[k('?')], Action::Help, "show or hide this help"),
            bind(
                &[code(KeyCode::Esc)],
                Action::Cancel,
                "close help or prompt, end search, clear filter",
            ),
            bind(&[k('q')], Action::Quit, "quit (closes this help first)"),
            bind(&[ctrl('c')], Action::ForceQuit, "quit at once"),
        ],
    ),
];

/// The keys while a prompt (`/` or `@`) is open.
pub const PROMPT: &[Binding] = &[
    bind(&[code(KeyCode::Enter)], Action::Confirm, "accept"),
    bind(&[code(KeyCode::Esc)], Action::Cancel, "cancel"),
    bind(
        &[code(KeyCode::Backspace)],
        Action::Backspace,
        "delete a character",
    ),
    bind(&[ctrl('c')], Action::ForceQuit, "quit at once"),
];

/// What the mouse does, for the help overlay.
pub const MOUSE: &[(&str, &str)] = &[
    ("wheel", "scroll the pane under the pointer"),
    (
        "click",
        "select a speaker, a quote row, or a quote in the article",
    ),
];

/// A screen's keymap: groups of bindings, titled for the help overlay.
pub type Keymap = &'static [(&'static str, &'static [Binding])];

/// Keys every library screen shares.
const LIBRARY_OTHER: &[Binding] = &[
    bind(&[k('?')], Action::Help, "show or hide this help"),
    bind(&[k('q')], Action::Quit, "quit (closes this help first)"),
    bind(&[ctrl('c')], Action::ForceQuit, "quit at once"),
];

/// Moving in a library list.
const LIBRARY_MOVE: &[Binding] = &[
    bind(&[k('j'), code(KeyCode::Down)], Action::Down, "down a row"),
    bind(&[k('k'), code(KeyCode::Up)], Action::Up, "up a row"),
    bind(
        &[code(KeyCode::PageDown), ctrl('d')],
        Action::PageDown,
        "a page down",
    ),
    bind(
        &[code(KeyCode::PageUp), ctrl('u')],
        Action::PageUp,
        "a page up",
    ),
    bind(&[k('g'), code(KeyCode::Home)], Action::First, "to the top"),
    bind(&[k('G'), code(KeyCode::End)], Action::Last, "to the bottom"),
];

/// The library's list of articles.
pub const LIBRARY: Keymap = &[
    ("Move", LIBRARY_MOVE),
    (
        "Library",
        &[
            bind(
                &[code(KeyCode::Enter), k('l')],
                Action::Activate,
                "open the article",
            ),
            bind(&[k('s')], Action::Sort, "sort by title or by file"),
            bind(&[k('/')], Action::Search, "filter by title or file"),
            bind(&[code(KeyCode::Esc)], Action::Cancel, "clear the filter"),
            bind(
                &[k('P')],
                Action::People,
                "people: everyone quoted, across articles",
            ),
        ],
    ),
    ("Other", LIBRARY_OTHER),
];

/// The people quoted across the library's articles.
pub const PEOPLE: Keymap = &[
    ("Move", LIBRARY_MOVE),
    (
        "People",
        &[
            bind(
                &[code(KeyCode::Tab), code(KeyCode::BackTab)],
                Action::FocusNext,
                "switch between people and their quotes",
            ),
            bind(
                &[code(KeyCode::Enter), k('l')],
                Action::Activate,
                "person: their quotes; quote: open the article at it",
            ),
            bind(&[k('/')], Action::Search, "find a person by name"),
            bind(&[code(KeyCode::Esc)], Action::Cancel, "clear the filter"),
            bind(
                &[k('L'), code(KeyCode::Backspace), k('h')],
                Action::Library,
                "back to the list of articles",
            ),
        ],
    ),
    ("Other", LIBRARY_OTHER),
];

/// Keys the reader has only when it shows an article of a library; none of
/// them is a key of [`GROUPS`].
pub const READER: Keymap = &[(
    "Library",
    &[
        bind(
            &[code(KeyCode::Backspace), k('h')],
            Action::Back,
            "back to the list this article was opened from",
        ),
        bind(&[k('L')], Action::Library, "the list of articles"),
        bind(&[k('P')], Action::People, "people quoted across articles"),
    ],
)];

/// The action for a key event; `prompt` when a prompt is open. Key
/// releases (sent by Windows terminals) do nothing.
pub fn action(event: KeyEvent, prompt: bool) -> Option<Action> {
    lookup(event, GROUPS, prompt)
}

/// The action for a key event in a screen with `keymap`; in a prompt,
/// characters are typed and only [`PROMPT`]'s keys act.
pub fn lookup(event: KeyEvent, keymap: Keymap, prompt: bool) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let matches = |b: &&Binding| {
        b.keys
            .iter()
            .any(|key| key.code == event.code && key.ctrl == ctrl)
    };
    if prompt {
        if let (KeyCode::Char(c), false, false) = (event.code, ctrl, alt) {
            return Some(Action::Input(c));
        }
        return PROMPT.iter().find(matches).map(|b| b.action);
    }
    if alt {
        return None;
    }
    keymap
        .iter()
        .flat_map(|(_, bs)| bs.iter())
        .find(matches)
        .map(|b| b.action)
}

/// How a key is written in the help: `j`, `Ctrl-d`, `↓`, `PgDn`.
pub fn label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        other => other.to_string(),
    };
    if key.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// The keys of a binding as the help writes them: `j ↓`.
pub fn labels(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|&k| label(k))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn vim_and_arrow_keys_agree() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action(press(KeyCode::Char('j'), none), false),
            Some(Action::Down)
        );
        assert_eq!(
            action(press(KeyCode::Down, none), false),
            Some(Action::Down)
        );
        assert_eq!(
            action(press(KeyCode::Char('G'), KeyModifiers::SHIFT), false),
            Some(Action::Last)
        );
        assert_eq!(action(press(KeyCode::End, none), false), Some(Action::Last));
        assert_eq!(
            action(press(KeyCode::BackTab, KeyModifiers::SHIFT), false),
            Some(Action::FocusPrev)
        );
    }

    #[test]
    fn ctrl_keys_need_ctrl() {
        let c = KeyModifiers::CONTROL;
        assert_eq!(
            action(press(KeyCode::Char('d'), c), false),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            action(press(KeyCode::Char('d'), KeyModifiers::NONE), false),
            None
        );
        assert_eq!(
            action(press(KeyCode::Char('c'), c), true),
            Some(Action::ForceQuit)
        );
    }

    #[test]
    fn prompt_takes_typed_characters() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action(press(KeyCode::Char('q'), none), true),
            Some(Action::Input('q'))
        );
        assert_eq!(
            action(press(KeyCode::Enter, none), true),
            Some(Action::Confirm)
        );
        assert_eq!(
            action(press(KeyCode::Esc, none), true),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut e = press(KeyCode::Char('q'), KeyModifiers::NONE);
        e.kind = KeyEventKind::Release;
        assert_eq!(action(e, false), None);
    }

    fn assert_each_key_once(maps: &[Keymap]) {
        let all: Vec<Key> = maps
            .iter()
            .flat_map(|m| m.iter())
            .flat_map(|(_, b)| b.iter())
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{a:?} bound twice");
        }
    }

    #[test]
    fn no_key_is_bound_twice() {
        assert_each_key_once(&[GROUPS]);
        assert_each_key_once(&[LIBRARY]);
        assert_each_key_once(&[PEOPLE]);
        // The reader in a library has both: the library keys steal none.
        assert_each_key_once(&[GROUPS, READER]);
    }

    #[test]
    fn library_screens_have_their_own_keys() {
        let none = KeyModifiers::NONE;
        let s = press(KeyCode::Char('s'), none);
        assert_eq!(lookup(s, LIBRARY, false), Some(Action::Sort));
        assert_eq!(action(s, false), Some(Action::NextOtherSpeaker));
        let bs = press(KeyCode::Backspace, none);
        assert_eq!(lookup(bs, READER, false), Some(Action::Back));
        assert_eq!(lookup(bs, PEOPLE, false), Some(Action::Library));
        assert_eq!(lookup(bs, LIBRARY, true), Some(Action::Backspace));
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(label(ctrl('d')), "Ctrl-d");
        assert_eq!(label(k(' ')), "Space");
        assert_eq!(label(code(KeyCode::PageDown)), "PgDn");
    }
}
