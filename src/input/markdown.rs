//! Markdown input: the text without its markup.
//!
//! `pulldown-cmark` parses the CommonMark; the text keeps the words and
//! drops emphasis marks, link targets, images, heading hashes and inline
//! HTML. Paragraphs, headings, list items, block quotes and code blocks each
//! become paragraphs separated by a blank line. The first heading is the
//! title (or a `title:` line in YAML front matter).

use super::paragraphs::Paragraphs;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The title and the text of a Markdown document.
pub(super) fn extract(markdown: &str) -> (Option<String>, String) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut p = Paragraphs::default();
    let mut title: Option<String> = None;
    let mut heading: Option<String> = None;
    // Inside an image (its alt text is left out) or front matter.
    let (mut images, mut metadata) = (0usize, false);
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            Event::Start(Tag::MetadataBlock(_)) => metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => metadata = false,
            Event::Text(text) if metadata => {
                title = title.or_else(|| front_matter_title(&text));
            }
            _ if images > 0 || metadata => {}
            Event::Start(Tag::Heading { .. }) => {
                p.paragraph();
                heading = title.is_none().then(String::new);
            }
            Event::End(TagEnd::Heading(_)) => {
                p.paragraph();
                if let Some(h) = heading.take() {
                    title = Some(h.split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|t| !t.is_empty());
                }
            }
            Event::Start(tag) if is_block(&tag) => p.paragraph(),
            Event::End(tag) if is_block_end(tag) => p.paragraph(),
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&text);
                }
                p.push(&text);
            }
            Event::DisplayMath(text) => {
                p.paragraph();
                p.push(&text);
                p.paragraph();
            }
            Event::SoftBreak => p.push(" "),
            Event::HardBreak | Event::Rule => p.paragraph(),
            Event::Start(Tag::TableCell) | Event::End(TagEnd::TableCell) => p.push(" "),
            _ => {} // HTML, footnote references, task markers, inline tags
        }
    }
    if p.is_empty() {
        return (title, String::new());
    }
    (title, p.finish())
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
    )
}

/// `title: Some words` (quoted or not) in YAML front matter.
fn front_matter_title(yaml: &str) -> Option<String> {
    yaml.lines().find_map(|line| {
        let value = line.strip_prefix("title:")?.trim();
        let value = value.trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_words_stay() {
        let md = "# Council *votes* to keep the ferry\n\n\
                  By **Ana Ruiz**. See [the report](https://example.org/r) and ![a map](m.png).\n\
                  A second line.\n\n\
                  > \"We will keep it,\" the mayor said.\n\n\
                  - one `item`\n- two<br>\n\n---\n\n## Reaction\n";
        let (title, text) = extract(md);
        assert_eq!(title.as_deref(), Some("Council votes to keep the ferry"));
        assert_eq!(
            text,
            "Council votes to keep the ferry\n\n\
             By Ana Ruiz. See the report and . A second line.\n\n\
             \"We will keep it,\" the mayor said.\n\n\
             one item\n\ntwo\n\nReaction\n"
        );
    }

    #[test]
    fn front_matter_gives_the_title_and_is_not_text() {
        let md = "---\ntitle: \"Harbour news\"\nauthor: x\n---\n\nBody text.\n";
        assert_eq!(
            extract(md),
            (Some("Harbour news".to_string()), "Body text.\n".to_string())
        );
    }

    #[test]
    fn entities_are_decoded() {
        let (_, text) = extract("&ldquo;Yes,&rdquo; she said &amp; left.\n");
        assert_eq!(text, "\u{201c}Yes,\u{201d} she said & left.\n");
    }
}
