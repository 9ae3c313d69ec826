//! Article text and publication metadata from a saved HTML page, without a browser.
//!
//! A deliberately small extractor: it drops script, style, navigation, header, footer and aside
//! elements, turns block elements and `<br>` into line breaks, and decodes character references.
//! Metadata comes from JSON-LD (`datePublished`, `publisher.name`, `headline`, `url`),
//! `og:site_name`, `article:published_time`, the canonical link and `<title>`.

use std::sync::LazyLock;

use regex::Regex;

use crate::page::PageMeta;

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "aside", "header", "footer", "template", "svg", "form",
    "button", "select", "iframe", "head",
];
/// Elements that end a line of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "main",
    "tr",
    "table",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
];

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>").expect("tag pattern")
});
static META: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)<meta\s[^>]*>"#).expect("meta pattern"));
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("attr pattern")
});
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)<link\s[^>]*>"#).expect("link pattern"));
static LDJSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script>"#).expect("ld pattern")
});
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<title[^>]*>(.*?)</title>").expect("title pattern"));

fn attrs(tag: &str) -> Vec<(String, String)> {
    ATTR.captures_iter(tag)
        .map(|c| {
            (
                c[1].to_ascii_lowercase(),
                decode(c.get(2).or(c.get(3)).map_or("", |m| m.as_str())),
            )
        })
        .collect()
}

/// Decodes HTML character references.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let (name, semi) = match end {
            Some(e) if rest[e..].starts_with(';') => (&rest[1..e], e + 1),
            _ => {
                out.push('&');
                rest = &rest[1..];
                continue;
            }
        };
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "rdquo" => Some('”'),
            "ldquo" => Some('“'),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "hellip" => Some('…'),
            "laquo" => Some('«'),
            "raquo" => Some('»'),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The article text of `html`: one paragraph per line, whitespace within lines collapsed.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut skip_depth: Vec<String> = Vec::new();
    let mut at = 0;
    let push_text = |out: &mut String, s: &str| {
        let d = decode(s);
        for w in d.split(|c: char| c.is_whitespace() && c != '\u{a0}') {
            if w.is_empty() {
                continue;
            }
            if !out.is_empty() && !out.ends_with('\n') && !out.ends_with(' ') {
                out.push(' ');
            }
            out.push_str(w);
        }
        if d.ends_with(char::is_whitespace) && !out.ends_with('\n') && !out.is_empty() {
            out.push(' ');
        }
    };
    for c in TAG.captures_iter(html) {
        let m = c.get(0).expect("match");
        if skip_depth.is_empty() {
            push_text(&mut out, &html[at..m.start()]);
        }
        at = m.end();
        let Some(name) = c.get(2).map(|n| n.as_str().to_ascii_lowercase()) else {
            continue;
        };
        let closing = &c[1] == "/";
        let self_closing = c
            .get(3)
            .is_some_and(|a| a.as_str().trim_end().ends_with('/'));
        if SKIP.contains(&name.as_str()) && !self_closing {
            if closing {
                if skip_depth.last() == Some(&name) {
                    skip_depth.pop();
                }
            } else {
                skip_depth.push(name.clone());
            }
            continue;
        }
        if skip_depth.is_empty() && BLOCK.contains(&name.as_str()) {
            while out.ends_with(' ') {
                out.pop();
            }
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    if skip_depth.is_empty() {
        push_text(&mut out, &html[at..]);
    }
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The publication metadata `html` carries.
pub fn meta(html: &str) -> PageMeta {
    let mut m = PageMeta::default();
    for c in LDJSON.captures_iter(html) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(c[1].trim()) else {
            continue;
        };
        let mut nodes = vec![v];
        while let Some(v) = nodes.pop() {
            match v {
                serde_json::Value::Array(a) => nodes.extend(a),
                serde_json::Value::Object(o) => {
                    let s = |k: &str| o.get(k).and_then(|x| x.as_str()).map(str::to_string);
                    m.published = m.published.take().or_else(|| s("datePublished"));
                    m.title = m.title.take().or_else(|| s("headline"));
                    if o.contains_key("datePublished") {
                        m.url = m.url.take().or_else(|| s("url"));
                    }
                    if let Some(p) = o.get("publisher") {
                        let name = p
                            .get("name")
                            .and_then(|x| x.as_str())
                            .or_else(|| p.as_str());
                        m.outlet = m.outlet.take().or_else(|| name.map(str::to_string));
                    }
                    if let Some(g) = o.get("@graph") {
                        nodes.push(g.clone());
                    }
                }
                _ => {}
            }
        }
    }
    for tag in META.find_iter(html) {
        let a = attrs(tag.as_str());
        let get = |k: &str| a.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let key = get("property")
            .or_else(|| get("name"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let content = get("content");
        match key.as_str() {
            "og:site_name" => m.outlet = m.outlet.take().or(content),
            "article:published_time" | "date" | "pubdate" => {
                m.published = m.published.take().or(content)
            }
            "og:url" => m.url = m.url.take().or(content),
            "og:title" => m.title = m.title.take().or(content),
            _ => {}
        }
    }
    for tag in LINK.find_iter(html) {
        let a = attrs(tag.as_str());
        if a.iter()
            .any(|(n, v)| n == "rel" && v.eq_ignore_ascii_case("canonical"))
        {
            if let Some((_, href)) = a.iter().find(|(n, _)| n == "href") {
                m.url = Some(href.clone());
            }
        }
    }
    if m.title.is_none() {
        m.title = TITLE.captures(html).map(|c| decode(c[1].trim()));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html010_text_skips_chrome_and_breaks_blocks() {
        let h = "<html><head><title>T</title></head><body><nav>Home | World</nav><h1>Head&nbsp;line</h1><p>“We are ready,” said <b>Jane</b> Roe.</p><p>Second<br>line &amp; more</p><script>var x = 1;</script><footer>©</footer></body></html>";
        assert_eq!(
            text(h),
            "Head\u{a0}line\n“We are ready,” said Jane Roe.\nSecond\nline & more"
        );
    }

    #[test]
    fn html020_metadata_from_json_ld_og_and_canonical() {
        let h = r#"<head><link rel="canonical" href="https://example.com/a"><meta property="og:site_name" content="The Daily &amp; Co"><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2024-03-22T10:00:00Z","publisher":{"name":"CNN"}}</script></head>"#;
        let m = meta(h);
        assert_eq!(m.published.as_deref(), Some("2024-03-22T10:00:00Z"));
        assert_eq!(m.outlet.as_deref(), Some("CNN"));
        assert_eq!(m.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(m.title.as_deref(), Some("H"));
    }
}
