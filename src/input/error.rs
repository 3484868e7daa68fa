//! Why an input could not be loaded, as one line that names it.

use super::ARTICLE_EXTENSIONS;
use std::fmt;
use std::time::Duration;

/// Why a file could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// No file at that path.
    Missing,
    /// The path is a directory.
    Directory,
    /// A device such as `/dev/zero`: reading it might never end.
    Device,
    /// The file is UTF-16 text (it starts with a UTF-16 byte order mark).
    Utf16,
    /// The file exists but could not be read.
    Unreadable(String),
    /// The file is empty (or holds only whitespace).
    Empty,
    /// The file holds NUL bytes: not text.
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The file is not valid UTF-8.
    InvalidUtf8 {
        /// Offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// The analysis itself failed: a bug in whosaid, reported per file so
    /// the other files are still analysed.
    Internal(String),
    /// HTML or Markdown whose extracted text is empty.
    NoArticle,
    /// `-` among several inputs while standard input is the terminal: the
    /// library reads its inputs while the reader takes keys from it.
    TerminalStdin,
    /// A directory with no article files in it (none with an article extension).
    NoArticleFiles,
    /// A URL answered with an HTTP error status.
    Status {
        /// The status code.
        code: u16,
        /// Its reason phrase, when the code is a standard one.
        reason: Option<String>,
    },
    /// A URL answered with something that is not an article (an image, a PDF…).
    ContentType(String),
    /// A URL's body is larger than the size limit.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// A URL did not answer within the timeout.
    Timeout {
        /// The timeout.
        after: Duration,
    },
    /// A URL could not be fetched: DNS failure, connection refused, too many
    /// redirects, a TLS error…
    Network(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Missing => write!(f, "no such file"),
            LoadError::Directory => write!(f, "is a directory, not an article file"),
            LoadError::Device => write!(f, "is a device, not an article file"),
            LoadError::Utf16 => write!(
                f,
                "is UTF-16 text; whosaid reads UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)"
            ),
            LoadError::Unreadable(why) => write!(f, "cannot be read: {why}"),
            LoadError::Empty => write!(f, "is empty: there is no article to read"),
            LoadError::Binary { offset } => {
                write!(
                    f,
                    "is a binary file, not text (NUL byte at offset {offset})"
                )
            }
            LoadError::InvalidUtf8 { offset } => {
                write!(f, "is not valid UTF-8 (first bad byte at offset {offset})")
            }
            LoadError::Internal(why) => {
                write!(
                    f,
                    "could not be analysed (a bug in whosaid, please report it): {why}"
                )
            }
            LoadError::NoArticle => write!(f, "holds no article text"),
            LoadError::TerminalStdin => write!(
                f,
                "is the terminal: pipe an article in (… | whosaid - FILES) or leave out -"
            ),
            LoadError::NoArticleFiles => write!(
                f,
                "is a directory with no article files in it (.{})",
                ARTICLE_EXTENSIONS.join(", .")
            ),
            LoadError::Status { code, reason } => {
                write!(f, "the server answered HTTP {code}")?;
                match reason {
                    Some(reason) => write!(f, " {reason}"),
                    None => Ok(()),
                }
            }
            LoadError::ContentType(kind) => write!(
                f,
                "is {kind}, not an article (whosaid reads text/html, text/plain and text/markdown)"
            ),
            LoadError::TooLarge { limit } => write!(
                f,
                "is larger than the {} MB limit",
                limit.div_ceil(1_000_000)
            ),
            LoadError::Timeout { after } => write!(
                f,
                "timed out after {} s (allow more with --timeout SECS)",
                after.as_secs_f64()
            ),
            LoadError::Network(why) => write!(f, "cannot be fetched: {why}"),
        }
    }
}

/// A load error together with the file it is about: `FILE: problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The path as the user gave it.
    pub path: String,
    /// What went wrong.
    pub error: LoadError,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", crate::sanitize::clean(&self.path), self.error)
    }
}

impl std::error::Error for FileError {}
