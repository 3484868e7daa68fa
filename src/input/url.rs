//! URL input: fetch a page over HTTP(S) with `ureq` (rustls), within a
//! timeout and a size limit, following up to five redirects. The response's
//! Content-Type decides how the body is read; anything that is not an
//! article (an image, a PDF) is refused before its body is read.

use super::{InputFormat, LoadError, LoadOptions};
use ureq::Agent;

/// The most redirects followed before giving up.
const MAX_REDIRECTS: u32 = 5;

/// A fetched body and the format its Content-Type names (None when the
/// server did not say).
pub(super) struct Page {
    pub(super) bytes: Vec<u8>,
    pub(super) format: Option<InputFormat>,
}

/// GET `url` within `options`' timeout and size limit.
pub(super) fn fetch(url: &str, options: &LoadOptions) -> Result<Page, LoadError> {
    let agent: Agent = Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(concat!("whosaid/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let accept = "text/html, application/xhtml+xml, text/markdown;q=0.9, text/plain;q=0.8";
    let fail = |e| error(e, options);
    let mut response = agent
        .get(url)
        .header("Accept", accept)
        .call()
        .map_err(fail)?;
    let body = response.body_mut();
    let format = match body.mime_type() {
        None => None,
        Some(mime) => Some(format_of(&mime.to_ascii_lowercase(), url)?),
    };
    if body.content_length().is_some_and(|n| n > options.max_bytes) {
        return Err(LoadError::TooLarge {
            limit: options.max_bytes,
        });
    }
    let bytes = body
        .with_config()
        .limit(options.max_bytes)
        .read_to_vec()
        .map_err(fail)?;
    Ok(Page { bytes, format })
}

/// How a body of this MIME type is read; other types are not articles.
fn format_of(mime: &str, url: &str) -> Result<InputFormat, LoadError> {
    match mime {
        "text/html" | "application/xhtml+xml" => Ok(InputFormat::Html),
        "text/markdown" | "text/x-markdown" => Ok(InputFormat::Markdown),
        // Many servers send Markdown files as text/plain.
        "text/plain" if is_markdown_path(url) => Ok(InputFormat::Markdown),
        "text/plain" => Ok(InputFormat::Text),
        other => Err(LoadError::ContentType(other.to_string())),
    }
}

fn is_markdown_path(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path.to_ascii_lowercase();
    path.ends_with(".md") || path.ends_with(".markdown")
}

/// A ureq error as a one-line reason.
fn error(e: ureq::Error, options: &LoadOptions) -> LoadError {
    use ureq::Error;
    match e {
        Error::StatusCode(code) => LoadError::Status {
            code,
            reason: ureq::http::StatusCode::from_u16(code)
                .ok()
                .and_then(|s| s.canonical_reason())
                .map(str::to_string),
        },
        Error::Timeout(_) => LoadError::Timeout {
            after: options.timeout,
        },
        Error::BodyExceedsLimit(_) => LoadError::TooLarge {
            limit: options.max_bytes,
        },
        Error::HostNotFound => LoadError::Network("host not found".to_string()),
        Error::TooManyRedirects => {
            LoadError::Network(format!("more than {MAX_REDIRECTS} redirects"))
        }
        Error::BadUri(why) => LoadError::Network(format!("not a valid URL ({why})")),
        Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => LoadError::Timeout {
            after: options.timeout,
        },
        // DNS failures and refused connections arrive as I/O errors.
        Error::Io(io) => LoadError::Network(one_line(&io.to_string())),
        other => LoadError::Network(one_line(&other.to_string())),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_decide_the_format() {
        let url = "https://example.org/story";
        assert_eq!(format_of("text/html", url), Ok(InputFormat::Html));
        assert_eq!(format_of("text/plain", url), Ok(InputFormat::Text));
        assert_eq!(
            format_of("text/plain", "https://example.org/a.MD?x=1"),
            Ok(InputFormat::Markdown)
        );
        assert_eq!(
            format_of("image/png", url),
            Err(LoadError::ContentType("image/png".to_string()))
        );
    }
}
