//! A linear look at HTML markup, for pages too deeply nested to parse.
//!
//! html5ever's tree builder checks element scopes by walking the stack of
//! open elements, so parsing takes time in proportion to the square of the
//! nesting depth (100,000 nested `<div>` take half a minute). [`nesting`]
//! estimates that depth in one pass over the markup, before any parsing,
//! and [`flatten`] turns a page found too deep into a flat one (its text
//! with paragraph breaks, no nesting) that parses in linear time; the
//! parser then still decodes the entities, exactly as for any page.

use super::quote_marks;
use memchr::memchr;
use std::collections::HashMap;

/// One piece of markup, as the HTML tokenizer sees it (approximately:
/// character references are left in the text, attributes are skipped).
#[derive(Debug, PartialEq)]
enum Token<'a> {
    /// Text as written, entities not decoded, no tag in it.
    Text(&'a str),
    Start {
        name: &'a str,
        self_closing: bool,
    },
    End(&'a str),
}

/// The tokens of `html`, comments, doctypes and processing instructions
/// left out. After a `Start` of an element whose content is not markup
/// (`<script>`, `<style>`…), [`Tokens::raw`] takes that content.
struct Tokens<'a> {
    html: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    fn new(html: &'a str) -> Self {
        Tokens { html, at: 0 }
    }

    /// The content up to the end tag `</name`, and that end tag (all the rest
    /// when it never comes).
    fn raw(&mut self, name: &str) -> &'a str {
        let b = self.html.as_bytes();
        let start = self.at;
        let mut i = start;
        while let Some(lt) = memchr(b'<', &b[i..]) {
            let lt = i + lt;
            let after = lt + 2 + name.len();
            let closes = b.get(lt + 1) == Some(&b'/')
                && b.get(lt + 2..after)
                    .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && matches!(
                    b.get(after),
                    None | Some(b'>' | b'/') | Some(b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
                );
            if closes {
                self.at = self.tag_end(after).map_or(b.len(), |(end, _)| end);
                return &self.html[start..lt];
            }
            i = lt + 1;
        }
        self.at = b.len();
        &self.html[start..]
    }

    /// Past the attributes from `i` to the tag's `>`: where the tag ends, and
    /// whether it ends in `/>`. None when the markup ends inside the tag.
    fn tag_end(&self, mut i: usize) -> Option<(usize, bool)> {
        let b = self.html.as_bytes();
        let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r');
        loop {
            while space(*b.get(i)?) {
                i += 1;
            }
            match b[i] {
                b'>' => return Some((i + 1, false)),
                b'/' if b.get(i + 1) == Some(&b'>') => return Some((i + 2, true)),
                b'/' => i += 1,
                _ => {
                    // An attribute name (its first character may be `=`) …
                    i += 1;
                    while !matches!(*b.get(i)?, b'/' | b'>' | b'=') && !space(b[i]) {
                        i += 1;
                    }
                    while space(*b.get(i)?) {
                        i += 1;
                    }
                    // … and its value, where a quoted `>` does not end the tag.
                    if b[i] == b'=' {
                        i += 1;
                        while space(*b.get(i)?) {
                            i += 1;
                        }
                        if matches!(b[i], b'"' | b'\'') {
                            i += 1 + memchr(b[i], &b[i + 1..])? + 1;
                        } else {
                            while b[i] != b'>' && !space(b[i]) {
                                i += 1;
                                b.get(i)?;
                            }
                        }
                    }
                }
            }
        }
    }

    /// Where the markup construct starting with `<!` at `i` ends.
    fn declaration_end(&self, i: usize) -> usize {
        let b = self.html.as_bytes();
        let end = b.len();
        if b[i..].starts_with(b"<!--") {
            let body = i + 4;
            // `<!-->` and `<!--->` are empty comments.
            if b[body..].starts_with(b">") {
                return body + 1;
            }
            if b[body..].starts_with(b"->") {
                return body + 2;
            }
            let mut j = body;
            while let Some(dash) = memchr(b'-', &b[j..]) {
                let d = j + dash;
                if b[d..].starts_with(b"-->") {
                    return d + 3;
                }
                if b[d..].starts_with(b"--!>") {
                    return d + 4;
                }
                j = d + 1;
            }
            return end;
        }
        memchr(b'>', &b[i..]).map_or(end, |gt| i + gt + 1)
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let b = self.html.as_bytes();
        loop {
            let i = self.at;
            if i >= b.len() {
                return None;
            }
            if b[i] != b'<' {
                let end = memchr(b'<', &b[i..]).map_or(b.len(), |lt| i + lt);
                self.at = end;
                return Some(Token::Text(&self.html[i..end]));
            }
            let next = b.get(i + 1).copied();
            let (name_at, end_tag) = match next {
                Some(c) if c.is_ascii_alphabetic() => (i + 1, false),
                Some(b'/') => match b.get(i + 2) {
                    Some(c) if c.is_ascii_alphabetic() => (i + 2, true),
                    Some(b'>') => {
                        self.at = i + 3;
                        continue;
                    }
                    _ => {
                        self.at = self.declaration_end(i); // a bogus comment
                        continue;
                    }
                },
                Some(b'!' | b'?') => {
                    self.at = self.declaration_end(i);
                    continue;
                }
                _ => {
                    self.at = i + 1;
                    return Some(Token::Text("<"));
                }
            };
            let name_end = b[name_at..]
                .iter()
                .position(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r' | b'/' | b'>'))
                .map_or(b.len(), |n| name_at + n);
            // The markup ending inside a tag drops that tag.
            let Some((end, self_closing)) = self.tag_end(name_end) else {
                self.at = b.len();
                return None;
            };
            self.at = end;
            let name = &self.html[name_at..name_end];
            return Some(if end_tag {
                Token::End(name)
            } else {
                Token::Start { name, self_closing }
            });
        }
    }
}

/// Elements whose content is text, not markup (`noscript` is markup: the
/// page is parsed with scripting off).
fn is_raw(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes"
    )
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "image"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements an unmatched end tag of an ordinary element does not close past.
fn is_special(name: &str) -> bool {
    is_void(name)
        || is_raw(name)
        || is_scope(name)
        || matches!(
            name,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "body"
                | "button"
                | "center"
                | "colgroup"
                | "dd"
                | "details"
                | "dir"
                | "div"
                | "dl"
                | "dt"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "frameset"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "head"
                | "header"
                | "hgroup"
                | "li"
                | "listing"
                | "main"
                | "menu"
                | "nav"
                | "noscript"
                | "ol"
                | "p"
                | "plaintext"
                | "pre"
                | "search"
                | "section"
                | "select"
                | "summary"
                | "tbody"
                | "tfoot"
                | "thead"
                | "tr"
                | "ul"
        )
}

/// Elements that bound the scope an end tag looks for its element in.
fn is_scope(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "caption"
            | "html"
            | "table"
            | "td"
            | "th"
            | "marquee"
            | "object"
            | "template"
            | "foreignobject"
            | "desc"
            | "mi"
            | "mo"
            | "mn"
            | "ms"
            | "mtext"
            | "annotation-xml"
    )
}

/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "listing"
            | "form"
            | "table"
            | "hr"
            | "xmp"
            | "li"
            | "dd"
            | "dt"
    )
}

/// HTML elements that end SVG or MathML content they appear in.
fn leaves_foreign(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    )
}

/// The stack of open elements as a parser would build it, approximately:
/// end tags close their element unless a special (or scoping) element
/// stands in between, and the common implied end tags (`<p>` before a
/// block, `<li>` before `<li>`, cells and rows) close too. Every operation
/// is constant time (amortised), so the whole estimate is linear.
#[derive(Default)]
struct Stack {
    /// The open elements, by name id.
    open: Vec<u32>,
    /// Name → id.
    ids: HashMap<String, u32>,
    /// Per id: the positions in `open` where it is open, innermost last.
    at: Vec<Vec<usize>>,
    /// Per id: is it special, is it a scope boundary.
    special: Vec<bool>,
    scope: Vec<bool>,
    /// The positions of open special and scoping elements.
    specials: Vec<usize>,
    scopes: Vec<usize>,
    deepest: usize,
}

impl Stack {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.at.len() as u32;
        self.ids.insert(name.to_string(), id);
        self.at.push(Vec::new());
        self.special.push(is_special(name));
        self.scope.push(is_scope(name));
        id
    }

    /// The innermost open position of `name`.
    fn last(&self, name: &str) -> Option<usize> {
        let id = *self.ids.get(name)?;
        self.at[id as usize].last().copied()
    }

    fn last_of(&self, names: &[&str]) -> Option<usize> {
        names.iter().filter_map(|n| self.last(n)).max()
    }

    fn push(&mut self, name: &str) {
        let id = self.id(name);
        let pos = self.open.len();
        self.open.push(id);
        self.at[id as usize].push(pos);
        if self.special[id as usize] {
            self.specials.push(pos);
        }
        if self.scope[id as usize] {
            self.scopes.push(pos);
        }
        self.deepest = self.deepest.max(self.open.len());
    }

    /// Close the element at `pos` and everything inside it.
    fn pop_to(&mut self, pos: usize) {
        while self.open.len() > pos {
            let id = self.open.pop().unwrap_or_default() as usize;
            let len = self.open.len();
            self.at[id].pop();
            if self.specials.last() == Some(&len) {
                self.specials.pop();
            }
            if self.scopes.last() == Some(&len) {
                self.scopes.pop();
            }
        }
    }

    /// Close the innermost `name` if it is open inside `within`'s innermost.
    fn close_within(&mut self, name: &[&str], within: &[&str]) {
        if let Some(pos) = self.last_of(name) {
            if self.last_of(within).is_none_or(|w| pos > w) {
                self.pop_to(pos);
            }
        }
    }

    fn top_is(&self, names: &[&str]) -> bool {
        let top = self.open.last().map(|&id| id as usize);
        top.is_some_and(|top| {
            names
                .iter()
                .any(|n| self.ids.get(*n) == Some(&(top as u32)))
        })
    }

    fn in_foreign(&self) -> bool {
        self.last_of(&["svg", "math"]).is_some()
    }

    fn start(&mut self, name: &str, self_closing: bool) {
        if matches!(name, "html" | "body") {
            return; // merged into the ones already open
        }
        let foreign = self.in_foreign();
        if foreign && leaves_foreign(name) {
            if let Some(pos) = self.last_of(&["svg", "math"]) {
                self.pop_to(pos);
            }
        }
        if closes_p(name) {
            if let Some(p) = self.last("p") {
                if self.scopes.last().is_none_or(|&s| s < p) {
                    self.close_within(&["p"], &["button"]);
                }
            }
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if self.top_is(&["h1", "h2", "h3", "h4", "h5", "h6"]) =>
            {
                self.pop_to(self.open.len() - 1);
            }
            "li" => self.close_within(&["li"], &["ul", "ol"]),
            "dd" | "dt" => self.close_within(&["dd", "dt"], &["dl"]),
            "td" | "th" => self.close_within(&["td", "th"], &["table"]),
            "tr" => self.close_within(&["tr"], &["table"]),
            "tbody" | "thead" | "tfoot" => {
                self.close_within(&["tbody", "thead", "tfoot"], &["table"]);
            }
            "option" | "optgroup" => {
                if self.top_is(&["option"]) {
                    self.pop_to(self.open.len() - 1);
                }
                if name == "optgroup" && self.top_is(&["optgroup"]) {
                    self.pop_to(self.open.len() - 1);
                }
            }
            "a" | "nobr" => {
                // A second `<a>` closes the first (unless a block is in between).
                if let Some(pos) = self.last(name) {
                    if self.specials.last().is_none_or(|&s| s < pos) {
                        self.pop_to(pos);
                    }
                }
            }
            _ => {}
        }
        // `/>` only closes an element in SVG and MathML.
        let foreign = self.in_foreign() || matches!(name, "svg" | "math");
        if is_void(name) || self_closing && foreign {
            self.deepest = self.deepest.max(self.open.len() + 1); // a leaf
        } else {
            self.push(name);
        }
    }

    fn end(&mut self, name: &str) {
        let Some(pos) = self.last(name) else {
            return; // a stray end tag is ignored
        };
        if matches!(name, "html" | "body") {
            return;
        }
        let blocked = if is_special(name) {
            self.scopes.last().is_some_and(|&s| s > pos)
        } else {
            self.specials.last().is_some_and(|&s| s > pos)
        };
        if !blocked || self.in_foreign() {
            self.pop_to(pos);
        }
    }
}

/// About how deeply the elements of `html` nest once parsed, found in one
/// linear pass without parsing.
pub(super) fn nesting(html: &str) -> usize {
    let mut tokens = Tokens::new(html);
    let mut stack = Stack::default();
    let mut name = String::new();
    while let Some(token) = tokens.next() {
        match token {
            Token::Text(_) => {}
            Token::Start {
                name: n,
                self_closing,
            } => {
                lower(n, &mut name);
                if name == "plaintext" {
                    break; // the rest is text
                }
                stack.start(&name, self_closing);
                if is_raw(&name) && !stack.in_foreign() {
                    tokens.raw(&name);
                    stack.end(&name);
                }
            }
            Token::End(n) => {
                lower(n, &mut name);
                stack.end(&name);
            }
        }
    }
    stack.deepest
}

fn lower(name: &str, into: &mut String) {
    into.clear();
    into.push_str(name);
    into.make_ascii_lowercase();
}

/// How an element shapes the flattened text.
pub(super) enum Shape {
    /// A paragraph break before and after.
    Block,
    /// A space either side.
    Cell,
    /// Its content left out.
    Hidden,
    /// Its content in quotation marks.
    Quote,
    /// Text flows through it.
    Inline,
}

/// The page as flat HTML: its `<title>`, then its text, each block a `<p>`
/// (never nested), `<q>` as quotation marks, and the content of the head,
/// scripts, styles, `<noscript>`, `<template>`, SVG and MathML left out.
/// The text keeps its character references, for the parser to decode.
/// `shape` says what each element (lower-case name) is.
pub(super) fn flatten(html: &str, shape: impl Fn(&str) -> Shape) -> String {
    let mut out = String::from("<body>");
    let mut title: Option<&str> = None;
    let mut tokens = Tokens::new(html);
    let mut name = String::new();
    let (mut in_head, mut hidden, mut quotes) = (false, 0usize, 0usize);
    let mut broken = true;
    let paragraph = |out: &mut String, broken: &mut bool| {
        if !*broken {
            out.push_str("<p>");
            *broken = true;
        }
    };
    while let Some(token) = tokens.next() {
        match token {
            Token::Text(text) => {
                if in_head && !text.trim_ascii().is_empty() {
                    in_head = false; // text in the head starts the body
                }
                if !in_head && hidden == 0 {
                    // A `<` in text is text; kept as `&lt;` it cannot join
                    // the text around a dropped element into a tag.
                    for (i, piece) in text.split('<').enumerate() {
                        if i > 0 {
                            out.push_str("&lt;");
                        }
                        out.push_str(piece);
                    }
                    broken = false;
                }
            }
            Token::Start {
                name: n,
                self_closing,
            } => {
                lower(n, &mut name);
                let head_element = matches!(
                    name.as_str(),
                    "head" | "meta" | "link" | "title" | "style" | "script" | "base" | "noscript"
                );
                in_head = name == "head" || in_head && head_element;
                if name == "plaintext" {
                    break;
                }
                if is_raw(&name) {
                    let content = tokens.raw(&name);
                    if name == "title" && title.is_none() {
                        title = Some(content);
                    }
                    continue;
                }
                if is_void(&name) && !matches!(name.as_str(), "br" | "hr") {
                    continue;
                }
                match shape(&name) {
                    Shape::Block => paragraph(&mut out, &mut broken),
                    Shape::Cell => out.push(' '),
                    Shape::Hidden if !self_closing => hidden += 1,
                    Shape::Quote if hidden == 0 => {
                        out.push_str(quote_marks(quotes).0);
                        quotes += 1;
                        broken = false;
                    }
                    Shape::Hidden | Shape::Quote | Shape::Inline => {}
                }
            }
            Token::End(n) => {
                lower(n, &mut name);
                if name == "head" {
                    in_head = false;
                }
                match shape(&name) {
                    Shape::Block => paragraph(&mut out, &mut broken),
                    Shape::Cell => out.push(' '),
                    Shape::Hidden => hidden = hidden.saturating_sub(1),
                    Shape::Quote if hidden == 0 && quotes > 0 => {
                        quotes -= 1;
                        out.push_str(quote_marks(quotes).1);
                    }
                    Shape::Quote | Shape::Inline => {}
                }
            }
        }
    }
    match title {
        Some(title) => format!("<title>{title}</title>{out}"),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(html: &str) -> Vec<Token<'_>> {
        Tokens::new(html).collect()
    }

    #[test]
    fn tokens_skip_attributes_comments_and_declarations() {
        use Token::*;
        assert_eq!(
            tokens(
                "<!DOCTYPE html><!-- <b> --><P class=\"a>b\" x='<i>'>One &amp; <br/>two</p>< 3<?x>"
            ),
            [
                Start {
                    name: "P",
                    self_closing: false
                },
                Text("One &amp; "),
                Start {
                    name: "br",
                    self_closing: true
                },
                Text("two"),
                End("p"),
                Text("<"),
                Text(" 3"),
            ]
        );
        assert_eq!(
            tokens("a<!--><b>"),
            [
                Text("a"),
                Start {
                    name: "b",
                    self_closing: false
                }
            ]
        );
        assert_eq!(tokens("a<div class=\"x"), [Text("a")]);
    }

    #[test]
    fn raw_content_runs_to_its_end_tag() {
        let mut t = Tokens::new("<script>if (a<b) x('</div>')</SCRIPT ><p>");
        assert!(matches!(
            t.next(),
            Some(Token::Start { name: "script", .. })
        ));
        assert_eq!(t.raw("script"), "if (a<b) x('</div>')");
        assert_eq!(
            t.next(),
            Some(Token::Start {
                name: "p",
                self_closing: false
            })
        );
    }

    /// How deeply elements nest under `<body>` (or `<head>`) once parsed.
    fn parsed(html: &str) -> usize {
        let doc = dom_query::Document::from(html);
        let mut deepest = 0;
        let mut stack = vec![(doc.root(), 0)];
        while let Some((node, level)) = stack.pop() {
            deepest = deepest.max(level);
            let children = node.children_it(false).filter(|c| c.is_element());
            stack.extend(children.map(|c| (c, level + 1)));
        }
        deepest - 2 // `<html>` and `<body>`
    }

    #[test]
    fn nesting_is_the_parsers() {
        let same = [
            "<p>a</p><p>b<br><img src=x></p>",
            "<div><div><span>a</span></div></div>",
            // Unclosed paragraphs, list items and links close each other.
            &"<p>a<li>b".repeat(1000),
            &"<div><p>a".repeat(100),
            &"<a href=1>x<a href=2>y".repeat(100),
            "<ul><li>a<ul><li>b<li>c</ul><li>d</ul>",
            // Tags in scripts, styles and comments do not count.
            "<script>'<div><div>'</script><!--<div>--><style><i></style>",
            // `/>` closes only in SVG and MathML: in HTML the element is open.
            &"<div/>".repeat(50),
            &format!("<svg>{}</svg>", "<g/>".repeat(50)),
            // An end tag does not close past a block it is not in.
            &"<span><div></span>".repeat(100),
            &"<b>".repeat(50),
        ];
        for html in same {
            assert_eq!(nesting(html), parsed(html), "{html}");
        }
        // Tables: the parser adds a `<tbody>`.
        let table = "<table><tr><td>a<td>b<tr><td><table><tr><td>c</table></table>";
        assert_eq!((nesting(table), parsed(table)), (6, 8));
    }

    #[test]
    fn flat_html_has_no_nesting() {
        let flat = flatten(
            "<title>A &amp; B</title><div><div><p>One <q>two</q><script>x<y</script> 3 < 4",
            |n| match n {
                "div" | "p" => Shape::Block,
                "q" => Shape::Quote,
                _ => Shape::Inline,
            },
        );
        assert_eq!(
            flat,
            "<title>A &amp; B</title><body>One \u{201c}two\u{201d} 3 &lt; 4"
        );
    }
}
