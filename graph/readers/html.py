"""HTML articles: the main text only, with title, URL and date from the page's metadata.

Scripts, styles, forms and navigation, page header, footer and sidebar boilerplate are
dropped. When the page has ``<article>`` elements the longest one is the text; else
``<main>``; else the whole body. Block elements become paragraphs separated by a blank
line, as in the plain-text format.

>>> page = ('<html><head><title>Deal signed</title><script>var x = 1;</script></head><body>'
...         '<nav>Home | World</nav><article><h1>Deal signed</h1><p>KUALA LUMPUR: A deal.</p>'
...         '</article><footer>(c) News</footer></body></html>')
>>> a = article_from_html(page, "deal.html")
>>> (a.title, a.text)
('Deal signed', 'Deal signed\\n\\nKUALA LUMPUR: A deal.')
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from ..articles import Article
from ..errors import ArticleError
from .text import complete_article

__all__ = ["DROPPED_ROLES", "DROPPED_TAGS", "META_FIELDS", "article_from_html"]

#: elements whose whole content is boilerplate or not text
DROPPED_TAGS: frozenset[str] = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
    "form", "button", "select", "textarea", "nav", "footer", "aside", "figure",
})
#: ARIA landmark roles that mark boilerplate
DROPPED_ROLES: frozenset[str] = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
#: elements that end a paragraph
BLOCK_TAGS: frozenset[str] = frozenset({
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "br", "hr", "figcaption", "address", "body",
})
#: elements whose neighbours stay apart on the same line (table cells)
CELL_TAGS: frozenset[str] = frozenset({"td", "th"})
#: characters a page uses to hint at breaks, which only split words and names when kept
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
#: (attribute, its value) of <meta> or <link> -> Article field, best source first
META_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("property", "og:url", "url"),
    ("rel", "canonical", "url"),
    ("property", "article:published_time", "date"),
    ("itemprop", "datePublished", "date"),
    ("name", "date", "date"),
    ("name", "pubdate", "date"),
    ("property", "og:title", "title"),
    ("property", "og:site_name", "source"),
)


class _PageText(HTMLParser):
    """Collect paragraphs tagged by where they stand: which <article>, inside <main> or not."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[int | None, bool, str]] = []
        self.meta: dict[tuple[str, str], str] = {}
        self.title: list[str] = []
        self._words: list[str] = []
        self._skip: tuple[str, int] | None = None  # the tag that started a skipped element, nesting depth
        self._in_title = False
        self._articles = 0
        self._article_stack: list[int] = []
        self._main_depth = 0

    # -- paragraphs
    def _flush(self) -> None:
        # Text runs join as the browser shows them: "<a>Dassault</a>'s" is one word, not two.
        text = " ".join("".join(self._words).translate(_INVISIBLE).split())
        self._words.clear()
        if text:
            article = self._article_stack[0] if self._article_stack else None
            self.paragraphs.append((article, self._main_depth > 0, text))

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip is not None:
            if tag == self._skip[0]:
                self._skip = (tag, self._skip[1] + 1)
            return
        a = {k: v or "" for k, v in attrs}
        if tag in ("meta", "link"):
            self._read_meta(a)
            return
        if tag == "title":
            self._in_title = True
            # A title is text up to </title> (RCDATA): a stray "<" in it must not open a
            # tag that swallows the </title> and with it the whole page.
            self.set_cdata_mode(tag)
            return
        dropped = (tag in DROPPED_TAGS or a.get("role", "").lower() in DROPPED_ROLES
                   or (tag == "header" and not self._article_stack) or "hidden" in a
                   or a.get("aria-hidden") == "true")
        if dropped:
            self._flush()
            self._skip = (tag, 1)
            return
        if tag in BLOCK_TAGS:
            self._flush()
        elif tag in CELL_TAGS:
            self._words.append(" ")
        if tag == "article":
            self._articles += 1
            self._article_stack.append(self._articles)
        elif tag == "main":
            self._main_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_TAGS:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip[0]:
                depth = self._skip[1] - 1
                self._skip = (tag, depth) if depth else None
            return
        if tag == "title":
            self._in_title = False
            return
        if tag in BLOCK_TAGS:
            self._flush()
        if tag == "article" and self._article_stack:
            self._article_stack.pop()
        elif tag == "main" and self._main_depth:
            self._main_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif self._skip is None:
            self._words.append(data)

    def _read_meta(self, a: dict[str, str]) -> None:
        value = a.get("content") or a.get("href") or ""
        for attr in ("property", "name", "itemprop", "rel"):
            if a.get(attr) and value:
                self.meta.setdefault((attr, a[attr].strip().lower()), value.strip())

    def close(self) -> None:
        super().close()
        self._flush()


def _main_text(paragraphs: list[tuple[int | None, bool, str]]) -> list[str]:
    by_article: dict[int, list[str]] = {}
    for article, _, text in paragraphs:
        if article is not None:
            by_article.setdefault(article, []).append(text)
    if by_article:
        return max(by_article.values(), key=lambda ps: sum(map(len, ps)))
    in_main = [text for _, main, text in paragraphs if main]
    return in_main or [text for _, _, text in paragraphs]


def article_from_html(html: str, key: str) -> Article:
    """Read an HTML page: its main text and its URL, date, title and site name."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    text = "\n\n".join(_main_text(parser.paragraphs))
    if not text.strip():
        raise ArticleError("no article text found in the HTML")
    meta: dict[str, str | None] = {}
    for attr, value, field in META_FIELDS:
        found = parser.meta.get((attr, value.lower()))
        if found and not meta.get(field):
            meta[field] = found
    if not meta.get("title"):
        meta["title"] = " ".join(unescape("".join(parser.title)).split()) or None  # RCDATA: references left as read
    return complete_article(text, key, meta)
