//! Hand-built analyses and screen helpers for the reader's tests, so they do
//! not depend on what the core finds.

use super::app::{Action, App};
use super::theme::Theme;
use crate::analysis::{Analysis, Evidence, Id, Quote, QuoteKind, Span, Speaker};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

/// The fixture article.
pub const TEXT: &str = "Ferry vote splits the harbour\n\n\
\"We cannot pretend,\" Mayor Helen Okafor said. \"The numbers are bad.\"\n\n\
Marcus Bell, the chief executive, said: \"We are not villains.\"\n\n\
Critics called it a \"blank cheque\". Ms Okafor added that \"it will work\".\n\n\
Ruth Lindqvist watched.\n";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

fn quote(
    id: usize,
    text: &str,
    words: &str,
    speaker: Option<&str>,
    cue: Option<&str>,
    ev: Option<Evidence>,
) -> Quote {
    let s = span_of(text, words);
    Quote {
        id: Id::new('q', id),
        start: s.start,
        end: s.end,
        kind: QuoteKind::Direct,
        speaker: speaker.map(|s| Id::try_from(s).expect("a fixture id")),
        source: None,
        cue: cue.map(|c| span_of(text, c)),
        evidence: ev,
    }
}

fn speaker(id: &str, name: &str, role: Option<&str>, quotes: usize, text: &str) -> Speaker {
    Speaker {
        id: Id::try_from(id).expect("a fixture id"),
        name: name.into(),
        role: role.map(str::to_string),
        aliases: vec![name.into(), name.rsplit(' ').next().unwrap_or(name).into()],
        mentions: vec![span_of(text, name)],
        quotes,
    }
}

/// An article with `text` and the fixture's speakers and quotes located in it.
pub fn analysis_of(text: &str) -> Analysis {
    let t = text;
    let mut q = vec![
        quote(
            0,
            t,
            "\"We cannot pretend,\"",
            Some("s0"),
            Some("said"),
            Some(Evidence::CueName),
        ),
        quote(
            1,
            t,
            "\"The numbers are bad.\"",
            Some("s0"),
            None,
            Some(Evidence::SameSentence),
        ),
        quote(
            2,
            t,
            "\"We are not villains.\"",
            Some("s1"),
            Some("said:"),
            Some(Evidence::ColonIntro),
        ),
        quote(3, t, "\"blank cheque\"", None, None, None),
        quote(
            4,
            t,
            "\"it will work\"",
            Some("s0"),
            Some("added"),
            Some(Evidence::CueName),
        ),
    ];
    q[0].source = Some(span_of(t, "Helen Okafor"));
    Analysis {
        path: Some("fixture.txt".into()),
        title: t.lines().next().unwrap_or("").to_string(),
        text: t.to_string(),
        speakers: vec![
            speaker("s0", "Helen Okafor", Some("Mayor"), 3, t),
            speaker("s1", "Marcus Bell", Some("chief executive"), 1, t),
            speaker("s2", "Ruth Lindqvist", None, 0, t),
        ],
        quotes: q,
    }
}

/// The fixture article's analysis.
pub fn analysis() -> Analysis {
    analysis_of(TEXT)
}

/// A reader on the fixture, laid out for `w`x`h`, with colours.
pub fn app(w: u16, h: u16) -> App {
    let mut app = App::new(analysis(), Theme::new(false));
    app.update(Action::Resize(w, h));
    app
}

/// Draw `app` on a `w`x`h` test terminal.
pub fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| super::draw(f, app)).expect("draw");
    term.backend().buffer().clone()
}

/// The buffer's text, one string per row (wide characters' trailing cells skipped).
pub fn rows(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    (a.y..a.y + a.height)
        .map(|y| {
            let mut s = String::new();
            let mut skip = 0;
            for x in a.x..a.x + a.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                s.push_str(sym);
            }
            s
        })
        .collect()
}

/// The whole screen as one string.
pub fn screen(buf: &Buffer) -> String {
    rows(buf).join("\n")
}

/// The first cell whose row text contains `needle` at that column.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let a = buf.area;
    for y in a.y..a.y + a.height {
        let mut line = String::new();
        let mut cols = Vec::new();
        for x in a.x..a.x + a.width {
            let sym = buf[(x, y)].symbol();
            for _ in 0..sym.len() {
                cols.push(x);
            }
            line.push_str(sym);
        }
        if let Some(i) = line.find(needle) {
            return Some((cols[i], y));
        }
    }
    None
}
