//! Staff's Markdown as HTML a page may show: rendered by pulldown-cmark, then sanitised by ammonia
//! (no script, style, event handler or `javascript:` URL survives; links get `rel="noopener noreferrer"`).
//! The browser sanitises again before it inserts it.

use pulldown_cmark::{html, Options, Parser};

pub fn to_safe_html(markdown: &str) -> String {
    let mut raw = String::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto", "tel"].into())
        .clean(&raw)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_script_handlers_and_javascript_links_come_out_inert() {
        let stored = "# Reset\n\n<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n\
            [click](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\">x</a> <iframe src=\"https://evil\"></iframe>\n\n\
            <p style=\"background:url(javascript:alert(5))\" onclick=\"alert(6)\">hi</p> <svg onload=alert(7)></svg>";
        let html = to_safe_html(stored);
        let lower = html.to_lowercase();
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "<iframe",
            "onclick",
            "onload",
            "style=",
            "<svg",
        ] {
            assert!(!lower.contains(bad), "{bad} survived: {html}");
        }
        assert!(html.contains("<h1>Reset</h1>"), "{html}");
        assert!(html.contains("<img src=\"x\""), "harmless markup stays: {html}");
    }

    #[test]
    fn markdown_renders_with_safe_links() {
        let html =
            to_safe_html("**Bold** and [the portal](https://portal.example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assert!(html.contains("<strong>Bold</strong>"));
        assert!(html.contains("href=\"https://portal.example.com\""));
        assert!(html.contains("rel=\"noopener noreferrer\""));
        assert!(html.contains("<table>"));
    }
}
