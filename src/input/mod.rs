//! Loading articles: plain text, HTML, Markdown, from a file, stdin or a URL,
//! with one-line errors that name the input.
//!
//! Every input kind becomes an [`Article`] through [`load_source_with`]: the
//! bytes are read (`url` fetches addresses), checked to be UTF-8 text
//! ([`decode`]), and then, by `--format-in` or else by extension,
//! Content-Type or content, kept as they are (text), extracted from a news
//! page (`html`) or stripped of markup (`markdown`). [`expand_dirs`] turns
//! directories into the article files in them.

mod dirs;
mod error;
mod html;
mod markdown;
mod paragraphs;
mod url;

pub use dirs::{expand_dirs, is_article_file, ARTICLE_EXTENSIONS};
pub use error::{FileError, LoadError};

use std::io;
use std::path::Path;
use std::time::Duration;

/// The bytes of the file at `path`, refusing directories and devices.
fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    // One look at what the path is (a library reads thousands of files).
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_dir() {
            return Err(LoadError::Directory);
        }
        if is_device(&meta.file_type()) {
            return Err(LoadError::Device);
        }
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => LoadError::Missing,
        io::ErrorKind::IsADirectory => LoadError::Directory,
        _ => LoadError::Unreadable(e.to_string()),
    })
}

/// True for character and block devices. Pipes stay allowed, so
/// `whosaid analyze <(curl …)` works.
#[cfg(unix)]
fn is_device(kind: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_char_device() || kind.is_block_device()
}

#[cfg(not(unix))]
fn is_device(_: &std::fs::FileType) -> bool {
    false
}

/// Check that `bytes` is a non-empty UTF-8 text article.
pub fn decode(bytes: Vec<u8>) -> Result<String, LoadError> {
    check_text(&bytes)?;
    let text = String::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    check_not_blank(&text)?;
    Ok(text)
}

/// Like [`decode`], but bytes that are not UTF-8 become U+FFFD instead of
/// an error (for the library view, which shows what it can). Binary, UTF-16
/// and empty input are still refused.
pub fn decode_lossy(bytes: Vec<u8>) -> Result<String, LoadError> {
    check_text(&bytes)?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    check_not_blank(&text)?;
    Ok(text)
}

/// Refuse UTF-16 and binary bytes.
fn check_text(bytes: &[u8]) -> Result<(), LoadError> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(LoadError::Utf16);
    }
    match bytes.iter().position(|&b| b == 0) {
        Some(offset) => Err(LoadError::Binary { offset }),
        None => Ok(()),
    }
}

fn check_not_blank(text: &str) -> Result<(), LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(())
}

/// Where an article comes from, as the user named it on the command line.
///
/// The library view and the command line both load articles through
/// [`load_source`], so every input kind works the same in both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file on disk (or a directory, before [`expand_dirs`]).
    File(std::path::PathBuf),
    /// Standard input (`-` or a pipe).
    Stdin,
    /// An `http://` or `https://` address.
    Url(String),
}

impl Source {
    /// Read one command-line argument: `-` is stdin, `http(s)://` a URL,
    /// anything else a path.
    pub fn parse(arg: &str) -> Source {
        let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
        if arg == "-" {
            Source::Stdin
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            Source::Url(arg.to_string())
        } else {
            Source::File(arg.into())
        }
    }

    /// The name shown for this source and used in error lines.
    pub fn name(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::Url(url) => url.clone(),
        }
    }

    /// True for a path that is a directory (to be expanded by [`expand_dirs`]).
    pub fn is_dir(&self) -> bool {
        matches!(self, Source::File(path) if path.is_dir())
    }
}

/// An article ready for analysis: the text the analysis indexes, and what is
/// known of it besides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The source's name ([`Source::name`]).
    pub name: String,
    /// The article's title when the input names one (an HTML `<title>` or
    /// heading, a Markdown heading); otherwise None and the first line serves.
    pub title: Option<String>,
    /// The text that is analysed; every offset in the analysis indexes it.
    /// For plain text it is the input unchanged; for HTML and Markdown, the
    /// extracted text, paragraphs separated by blank lines.
    pub text: String,
    /// How the input was read.
    pub format: InputFormat,
    /// With [`LoadOptions::lossy`]: the offset of the first byte that was not
    /// UTF-8 and was replaced by U+FFFD, so the reader can say the text was repaired.
    pub repaired: Option<usize>,
}

/// How an input's bytes are turned into the analysed text (`--format-in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// By extension (.html/.htm, .md/.markdown, .txt), else a URL's
    /// Content-Type, else the content (a page that starts like HTML is HTML).
    #[default]
    Auto,
    /// Plain text, analysed unchanged.
    Text,
    /// A saved web page: the article is extracted from it.
    Html,
    /// Markdown: the text without its markup.
    Markdown,
}

/// Settings for [`load_source_with`]; the defaults are [`load_source`]'s.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadOptions {
    /// How to read the input; `Auto` decides per input.
    pub format: InputFormat,
    /// How long a URL may take, from connecting to the last byte.
    pub timeout: Duration,
    /// The largest body fetched from a URL, in bytes.
    pub max_bytes: u64,
    /// Replace bytes that are not UTF-8 instead of refusing the input.
    pub lossy: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            format: InputFormat::Auto,
            timeout: Duration::from_secs(10),
            max_bytes: 20_000_000,
            lossy: false,
        }
    }
}

/// Load one source as an article, with the default [`LoadOptions`].
pub fn load_source(source: &Source) -> Result<Article, FileError> {
    load_source_with(source, &LoadOptions::default())
}

/// Load one source as an article: read it, check it is text, and extract
/// the article from HTML or Markdown.
pub fn load_source_with(source: &Source, options: &LoadOptions) -> Result<Article, FileError> {
    let name = source.name();
    let wrap = |error| FileError {
        path: name.clone(),
        error,
    };
    let (bytes, hint) = match source {
        Source::File(path) => (read_file(path).map_err(wrap)?, format_of_path(path)),
        Source::Stdin => {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut io::stdin().lock(), &mut bytes)
                .map_err(|e| wrap(LoadError::Unreadable(e.to_string())))?;
            (bytes, None)
        }
        Source::Url(address) => {
            let page = url::fetch(address, options).map_err(wrap)?;
            (page.bytes, page.format)
        }
    };
    let repaired = match std::str::from_utf8(&bytes) {
        Err(e) if options.lossy => Some(e.valid_up_to()),
        _ => None,
    };
    let text = if options.lossy {
        decode_lossy(bytes)
    } else {
        decode(bytes)
    };
    let text = text.map_err(wrap)?;
    let format = match options.format {
        InputFormat::Auto => hint.unwrap_or_else(|| sniff(&text)),
        chosen => chosen,
    };
    let (title, text) = match format {
        InputFormat::Html => html::extract(&text),
        InputFormat::Markdown => markdown::extract(&text),
        InputFormat::Text | InputFormat::Auto => (None, text),
    };
    if text.trim().is_empty() {
        return Err(wrap(LoadError::NoArticle));
    }
    Ok(Article {
        name,
        title,
        text,
        format,
        repaired,
    })
}

/// The format a file's extension names, if it names one.
fn format_of_path(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    format_of_extension(&ext)
}

fn format_of_extension(ext: &str) -> Option<InputFormat> {
    match ext {
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "md" | "markdown" => Some(InputFormat::Markdown),
        "txt" | "text" => Some(InputFormat::Text),
        _ => None,
    }
}

/// Content that starts like a web page is HTML; anything else is text
/// (Markdown is only recognised by its extension: plain text often looks
/// like Markdown).
fn sniff(text: &str) -> InputFormat {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let mut end = start.len().min(512);
    while !start.is_char_boundary(end) {
        end -= 1;
    }
    let head = start[..end].to_ascii_lowercase();
    let page = ["<!doctype html", "<html", "<head", "<body"];
    let preamble = ["<!--", "<?xml"];
    let html = page.iter().any(|m| head.starts_with(m))
        || preamble.iter().any(|m| head.starts_with(m)) && head.contains("<html");
    if html {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_finds_web_pages_only() {
        for page in [
            "<!DOCTYPE html><p>Hi</p>",
            "\n  <html lang=en><body>Hi",
            "\u{feff}<!doctype HTML>",
            "<!-- saved page -->\n<html>",
        ] {
            assert_eq!(sniff(page), InputFormat::Html, "{page:?}");
        }
        for text in ["Title\n\n<p> is a tag", "# Heading", "<b>bold</b> claims"] {
            assert_eq!(sniff(text), InputFormat::Text, "{text:?}");
        }
    }

    #[test]
    fn extensions_name_formats() {
        let format = |p: &str| format_of_path(Path::new(p));
        assert_eq!(format("a/b.HTM"), Some(InputFormat::Html));
        assert_eq!(format("b.markdown"), Some(InputFormat::Markdown));
        assert_eq!(format("b.txt"), Some(InputFormat::Text));
        assert_eq!(format("README"), None);
    }

    #[test]
    fn lossy_decoding_replaces_bad_bytes_but_refuses_binary() {
        assert_eq!(decode_lossy(b"Caf\xe9".to_vec()).unwrap(), "Caf\u{fffd}");
        assert!(decode(b"Caf\xe9".to_vec()).is_err());
        assert_eq!(
            decode_lossy(b"a\0b".to_vec()),
            Err(LoadError::Binary { offset: 1 })
        );
        assert_eq!(decode_lossy(b" \n".to_vec()), Err(LoadError::Empty));
    }
}
