//! The details pane: the selected quote in full, who said it, the cue, and
//! how the core found the speaker.

use super::app::App;
use super::layout::inner;
use super::quotes::floor_char;
use super::text;
use crate::analysis::{Evidence, QuoteKind, Span};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// Longest quote text shown in full (bytes); a runaway quote is cut.
const MAX_TEXT: usize = 4000;

/// Draw the details of the selected quote in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let title = match app.selected.map(|q| paragraphs(app, q)) {
        Some(n) if n > 1 => format!(" Quote details · {n} paragraphs "),
        _ => " Quote details ".to_string(),
    };
    let block = app.theme.block(title, false);
    frame.render_widget(block, area);
    let i = inner(area);
    let r = Rect::new(i.x + 1, i.y, i.width.saturating_sub(2), i.height);
    let lines = match app.selected {
        Some(q) => lines(app, q),
        None => vec![Line::styled("No quote selected.", app.theme.dim())],
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), r);
}

/// The core's evidence sentence, naming the person instead of "this
/// person", with the words it went by: `a pronoun … resolved to Sarah Sanders (“she”)`.
fn how(app: &App, q: usize, ev: Evidence, source: Option<String>) -> String {
    let mut how = ev.describe().to_string();
    if let Some(s) = app.quote_speaker[q] {
        let name = text::display(&app.analysis.speakers[s].name);
        how = how
            .replace("this person", &name)
            .replace("this speaker", &name);
    }
    if let Some(src) = source {
        how.push_str(&format!(" ({src})"));
    }
    how
}

/// How many paragraphs quote `q` runs over (blank lines separate paragraphs).
fn paragraphs(app: &App, q: usize) -> usize {
    let quote = &app.analysis.quotes[q];
    let end = floor_char(&app.analysis.text, quote.end.min(quote.start + MAX_TEXT));
    let words = text::slice(&app.analysis.text, Span::new(quote.start, end));
    let mut count = 0;
    let mut in_para = false;
    for line in words.split('\n') {
        let blank = line.trim().is_empty();
        if !blank && !in_para {
            count += 1;
        }
        in_para = !blank;
    }
    count.max(1)
}

/// `Name, role` in the speaker's colour, or that nobody is credited.
fn who(app: &App, q: usize) -> Line<'static> {
    let theme = &app.theme;
    let a = &app.analysis;
    match app.quote_speaker[q] {
        Some(s) => {
            let sp = &a.speakers[s];
            let mut spans = vec![TextSpan::styled(
                text::display(&sp.name),
                theme
                    .speaker(app.slots[s].unwrap_or(0))
                    .add_modifier(ratatui::style::Modifier::BOLD),
            )];
            if let Some(role) = &sp.role {
                spans.push(TextSpan::styled(
                    format!(", {}", text::display(role)),
                    theme.dim(),
                ));
            }
            Line::from(spans)
        }
        None => Line::styled("Not attributed to anyone", theme.dim()),
    }
}

fn lines(app: &App, q: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let a = &app.analysis;
    let quote = &a.quotes[q];
    let snippet = |s: Span| format!("“{}”", text::fit(text::slice(&a.text, s), 60));
    let mut out = Vec::new();
    out.push(who(app, q));
    let field = |label: &str, value: String| {
        Line::from(vec![
            TextSpan::styled(format!("{label}: "), theme.label()),
            TextSpan::raw(value),
        ])
    };
    if let Some(cue) = quote.cue {
        out.push(field("Cue", snippet(cue)));
    }
    if let Some(ev) = quote.evidence {
        out.push(field("How", how(app, q, ev, quote.source.map(snippet))));
    }
    if quote.kind == QuoteKind::Indirect {
        out.push(field("Kind", "reported speech".into()));
    }
    out.push(Line::raw(""));
    let end = floor_char(&a.text, quote.end.min(quote.start + MAX_TEXT));
    for para in text::slice(&a.text, Span::new(quote.start, end)).split('\n') {
        out.push(Line::raw(text::display(para.trim_end_matches('\r'))));
    }
    if end < quote.end {
        out.push(Line::styled("…", theme.dim()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::app::Action;
    use super::super::fixture::{self, render, screen};

    #[test]
    fn shows_speaker_role_cue_and_evidence() {
        let app = fixture::app(120, 40);
        let s = screen(&render(&app, 120, 40));
        assert!(s.contains("Helen Okafor, Mayor"), "{s}");
        assert!(s.contains("Cue: “said”"), "{s}");
        assert!(s.contains("How: named next to the speech verb"), "{s}");
    }

    #[test]
    fn unattributed_quote_says_so() {
        let mut app = fixture::app(120, 40);
        for _ in 0..3 {
            app.update(Action::NextQuote);
        }
        let s = screen(&render(&app, 120, 40));
        assert!(s.contains("Not attributed to anyone"), "{s}");
    }

    #[test]
    fn a_quote_over_two_paragraphs_says_so() {
        let text = "T\n\n\"We cannot pretend,\" Helen Okafor said. \"The numbers are bad.\"\n\nMarcus Bell said: \"We are not villains.\"\r\n\r\n x \"blank cheque\" added \"it will work\" Ruth Lindqvist";
        let mut a = super::super::fixture::analysis_of(text);
        a.quotes[0].end = a.quotes[2].end;
        let mut app = super::super::app::App::new(a, super::super::theme::Theme::new(false));
        app.update(Action::Resize(120, 40));
        let s = screen(&render(&app, 120, 40));
        assert!(s.contains("Quote details · 2 paragraphs"), "{s}");
    }
}
