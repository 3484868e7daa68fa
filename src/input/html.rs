//! HTML input: the article in a saved news page.
//!
//! `dom_smoothie` (a port of Mozilla's Readability) finds the article and
//! drops navigation, ads, related links, comments and banners; this module
//! turns the HTML it keeps into text: entities decoded, each paragraph,
//! heading, list item, block quote and line break its own paragraph, `<q>`
//! in curly quotation marks (as a browser shows it, so the analysis sees a
//! quote). The page's title and byline/date come first.

mod flat;

use super::paragraphs::Paragraphs;
use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};
use flat::{flatten, nesting, Shape};

/// Pages whose markup nests deeper than this (by a linear estimate made
/// before parsing) are not parsed as they are: html5ever's tree building
/// takes time in proportion to the square of the depth (100,000 nested
/// `<div>`, 1.1 MB, took 30 s; 20,000 took 1.2 s). Their text is taken
/// without the tree (`flat::flatten`); a page of 1,000 levels parses in
/// milliseconds. Above the depth of any real page, so that the estimate,
/// which may count a few elements the parser would close, never sends an
/// ordinary page there.
const MAX_NESTING: usize = 1_000;

/// Parsed pages nested deeper than this skip Readability, whose scoring
/// takes time in proportion to the depth for every element; their whole
/// body is the text. This only guards Readability: parsing has already
/// happened, which is why [`MAX_NESTING`] is checked first.
const MAX_DEPTH: usize = 400;

/// The page's title and its article as text (empty when it holds none).
pub(super) fn extract(html: &str) -> (Option<String>, String) {
    if nesting(html) > MAX_NESTING {
        return flat_text(html);
    }
    let doc = Document::from(html);
    if depth(&doc.root()) > MAX_DEPTH {
        return whole_body(&doc);
    }
    // No document URL: it would only resolve links, and no link is kept.
    let article = Readability::with_document(doc, None, Some(Config::default()))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let Some(article) = article else {
        // Readability found no article (a page of a few lines).
        return whole_body(&Document::from(html));
    };
    let content = Document::fragment(article.content.as_ref());
    let body = text_of(&content.root());
    let title = non_empty(&article.title)
        .or_else(|| non_empty(content.select("h1").first().text().as_ref()));
    let date = article.published_time.as_deref().map(date_of);
    let lines: Vec<String> = [article.byline.as_deref(), date]
        .into_iter()
        .flatten()
        .filter_map(non_empty)
        .collect();
    (title.clone(), assemble(title, &lines, &body))
}

/// The title and the text of the whole body, scripts and styles left out.
fn whole_body(doc: &Document) -> (Option<String>, String) {
    let title = non_empty(doc.select("title").text().as_ref());
    let body = doc.body().map(|b| text_of(&b)).unwrap_or_default();
    (title.clone(), assemble(title, &[], &body))
}

/// The title and text of a page too deeply nested to parse: its markup
/// flattened (no nesting left, so it parses in linear time), then parsed so
/// that entities are decoded as in any page.
fn flat_text(html: &str) -> (Option<String>, String) {
    let shape = |name: &str| match kind(name) {
        Kind::Block => Shape::Block,
        Kind::Cell => Shape::Cell,
        Kind::Quote => Shape::Quote,
        // Only these, which close reliably, hide what follows them.
        Kind::Hidden if matches!(name, "noscript" | "template" | "svg" | "math") => Shape::Hidden,
        Kind::Hidden | Kind::Inline => Shape::Inline,
    };
    whole_body(&Document::from(flatten(html, shape)))
}

/// How deeply elements nest under `root`.
fn depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*root, 0)];
    while let Some((node, level)) = stack.pop() {
        deepest = deepest.max(level);
        stack.extend(node.children_it(false).map(|c| (c, level + 1)));
    }
    deepest
}

/// Title, byline and date each a paragraph before the body, unless the
/// body's first paragraphs already hold them.
fn assemble(title: Option<String>, lines: &[String], body: &str) -> String {
    if body.trim().is_empty() {
        return String::new(); // a title alone is no article
    }
    let first: Vec<&str> = body.lines().filter(|l| !l.is_empty()).take(10).collect();
    // A short line ("Sport", a date) only counts as a paragraph of its own.
    let present = |line: &str| {
        first
            .iter()
            .any(|p| *p == line || line.len() >= 20 && p.contains(line))
    };
    let mut text = String::new();
    for line in title.iter().chain(lines) {
        if !present(line) {
            text.push_str(line);
            text.push_str("\n\n");
        }
    }
    text.push_str(body);
    text
}

/// The date of an ISO timestamp (`2025-03-14T09:30:00Z` → `2025-03-14`);
/// anything else as it is.
fn date_of(time: &str) -> &str {
    let date = time.get(..10).unwrap_or(time);
    let iso = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if iso {
        date
    } else {
        time
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// What walking the tree does next: enter a node, or leave an element.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave(Kind),
}

/// How an element shapes the text.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Its content is its own paragraph(s).
    Block,
    /// `<q>`: its content in quotation marks.
    Quote,
    /// A table cell: a space either side.
    Cell,
    /// Left out with its content.
    Hidden,
    /// Text flows through it.
    Inline,
}

fn kind(name: &str) -> Kind {
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
        | "button" | "select" | "textarea" | "head" | "title" => Kind::Hidden,
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "nav"
        | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "li" | "dl"
        | "dt" | "dd" | "table" | "tr" | "pre" | "figure" | "figcaption" | "hr" | "br"
        | "address" | "details" | "summary" | "center" | "form" | "fieldset" | "body" => {
            Kind::Block
        }
        "q" => Kind::Quote,
        "td" | "th" => Kind::Cell,
        _ => Kind::Inline,
    }
}

/// The text under `root`, paragraph by paragraph. Walks with a stack of its
/// own, so deeply nested markup cannot overflow the thread's stack.
fn text_of(root: &NodeRef) -> String {
    let mut text = Text::default();
    let mut steps: Vec<Step> = root.children_it(true).map(Step::Enter).collect();
    while let Some(step) = steps.pop() {
        match step {
            Step::Leave(kind) => text.leave(kind),
            Step::Enter(node) if node.is_text() => text.p.push(node.text().as_ref()),
            Step::Enter(node) => {
                let Some(name) = node.node_name() else {
                    continue; // a comment or doctype
                };
                let kind = kind(&name.to_ascii_lowercase());
                if kind != Kind::Hidden {
                    text.enter(kind);
                    steps.push(Step::Leave(kind));
                    steps.extend(node.children_it(true).map(Step::Enter));
                }
            }
        }
    }
    if text.p.is_empty() {
        return String::new();
    }
    text.p.finish()
}

/// The text so far, and how many `<q>` are open.
#[derive(Default)]
struct Text {
    p: Paragraphs,
    quotes: usize,
}

impl Text {
    fn enter(&mut self, kind: Kind) {
        match kind {
            Kind::Block => self.p.paragraph(),
            Kind::Quote => {
                self.p.word(quote_marks(self.quotes).0);
                self.quotes += 1;
            }
            Kind::Cell => self.p.push(" "),
            Kind::Hidden | Kind::Inline => {}
        }
    }

    fn leave(&mut self, kind: Kind) {
        match kind {
            Kind::Block => self.p.paragraph(),
            Kind::Quote => {
                self.quotes -= 1;
                self.p.word(quote_marks(self.quotes).1);
            }
            Kind::Cell => self.p.push(" "),
            Kind::Hidden | Kind::Inline => {}
        }
    }
}

/// The opening and closing marks of a `<q>` inside `depth` others: double
/// outside, single inside, alternating, as browsers show them.
fn quote_marks(depth: usize) -> (&'static str, &'static str) {
    if depth.is_multiple_of(2) {
        ("\u{201c}", "\u{201d}")
    } else {
        ("\u{2018}", "\u{2019}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        text_of(&Document::fragment(html).root())
    }

    #[test]
    fn blocks_and_breaks_become_paragraphs() {
        let html = "<h2>Head</h2><p>One <b>bold</b>\n  word.</p><p>Two<br>Three</p>\
                    <ul><li>a</li><li>b</li></ul>";
        assert_eq!(
            text(html),
            "Head\n\nOne bold word.\n\nTwo\n\nThree\n\na\n\nb\n"
        );
    }

    #[test]
    fn q_gets_quotation_marks_and_entities_are_decoded() {
        let html = "<p>She called it <q>a <q>fair</q> deal</q> &ndash; &ldquo;twice&rdquo;.</p>";
        assert_eq!(
            text(html),
            "She called it \u{201c}a \u{2018}fair\u{2019} deal\u{201d} \u{2013} \u{201c}twice\u{201d}.\n"
        );
    }

    #[test]
    fn scripts_and_styles_are_left_out() {
        let html = "<p>Kept<script>var x = 1;</script></p><style>p{}</style><p>too</p>";
        assert_eq!(text(html), "Kept\n\ntoo\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}deep{}",
            "<div><span>".repeat(5_000),
            "</span></div>".repeat(5_000)
        );
        assert_eq!(text(&html), "deep\n");
        let page = format!("<title>T</title><body><p>Top.{html}");
        assert_eq!(
            extract(&page),
            (Some("T".to_string()), "T\n\nTop.\n\ndeep\n".to_string())
        );
    }

    #[test]
    fn pages_between_the_two_limits_are_parsed_without_readability() {
        let html = format!("{}deep{}", "<div>".repeat(600), "</div>".repeat(600));
        let nested = nesting(&html);
        assert!(MAX_DEPTH < nested && nested <= MAX_NESTING, "{nested}");
        let page = format!("<title>T</title><body><p>Top.{html}");
        assert_eq!(
            extract(&page),
            (Some("T".to_string()), "T\n\nTop.\n\ndeep\n".to_string())
        );
    }

    #[test]
    fn the_saved_pages_are_not_taken_for_deep_ones() {
        for page in [
            "tests/fixtures/bridge.html",
            "tests/fixtures/allotments.htm",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(page);
            let html = std::fs::read_to_string(path).unwrap();
            let doc = Document::from(html.as_str());
            let (estimate, parsed) = (nesting(&html), depth(&doc.root()));
            assert!(
                estimate < 50 && estimate + 3 >= parsed,
                "{page}: {estimate} {parsed}"
            );
        }
    }

    /// The page of `body` left inside 2,000 open `<div>`, too deep to parse.
    fn flat(body: &str) -> (Option<String>, String) {
        let page = format!(
            "<html><head><title>A &amp; B</title></head><body>{body}{}",
            "<div>".repeat(2_000)
        );
        assert!(nesting(&page) > MAX_NESTING);
        extract(&page)
    }

    #[test]
    fn flat_text_leaves_out_scripts_styles_and_the_head() {
        let (title, text) = flat(
            "<script>document.write('<p>no</p>')</script><style>p{}</style>\
             <noscript><p>Enable scripts</p></noscript><template><p>hidden</p></template>\
             <p>Kept<!-- <p>comment</p> --> text.</p><svg><text>chart</text></svg>",
        );
        assert_eq!(title.as_deref(), Some("A & B"));
        assert_eq!(text, "A & B\n\nKept text.\n");
        // Text in a head left open starts the body.
        let page = format!(
            "<head><title>T</title><meta charset=utf-8>Body text{}",
            "<b>".repeat(2_000)
        );
        assert_eq!(extract(&page).1, "T\n\nBody text\n");
    }

    #[test]
    fn flat_text_decodes_entities() {
        let (_, text) = flat(
            "<p>&ldquo;Fair&rdquo; &amp; square &#8211; &#x2014; \
             &eacute;t&eacute; &copy 1 &lt; 2 < 3 &bogus;</p>",
        );
        assert_eq!(
            text,
            "A & B\n\n\u{201c}Fair\u{201d} & square \u{2013} \u{2014} \
             \u{e9}t\u{e9} \u{a9} 1 < 2 < 3 &bogus;\n"
        );
    }

    #[test]
    fn flat_text_splits_paragraphs_at_blocks() {
        let (_, text) = flat(
            "<h1>Head</h1><p>One\n  <b>bold</b></p><p>Two<br>Three<div>Four</div>\
             <ul><li>a<li>b</ul><blockquote>Quoted</blockquote>\
             <table><tr><td>c1<td>c2<tr><td>c3</table><p>She said <q>hi <q>there</q></q>.",
        );
        assert_eq!(
            text,
            "A & B\n\nHead\n\nOne bold\n\nTwo\n\nThree\n\nFour\n\na\n\nb\n\nQuoted\n\n\
             c1 c2\n\nc3\n\nShe said \u{201c}hi \u{2018}there\u{2019}\u{201d}.\n"
        );
    }

    #[test]
    fn dates_are_shortened_only_when_iso() {
        assert_eq!(date_of("2025-03-14T09:30:00Z"), "2025-03-14");
        assert_eq!(date_of("March 14, 2025"), "March 14, 2025");
        assert_eq!(date_of("2025"), "2025");
    }
}
