//! What is known of the page being scanned: its identity and publication metadata.

/// The page or document being scanned. Every field is optional; the more is known, the better
/// a quote's first appearance can be recognised as this page itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The corpus id of the document (the CLI uses the file name without extension).
    pub id: Option<String>,
    /// The page's address (canonical if the page gives one).
    pub url: Option<String>,
    /// The outlet: `og:site_name`, JSON-LD `publisher.name`.
    pub outlet: Option<String>,
    /// Publication date, ISO 8601: JSON-LD `datePublished`, `article:published_time`.
    pub published: Option<String>,
    /// The article's title.
    pub title: Option<String>,
}
