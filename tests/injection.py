"""The injection corpus shared by the unit and browser tests, and how to look for what it left.

Each payload that tries to run code leaves, if it ever ran or was parsed as markup, a trace a test
can find: `window.__xss` set, or an element whose id starts with "xss". The others are texts that
must come out as typed (formulas, template syntax) or as typed minus what `clean_text` removes
(a right-to-left override, a zero-width joiner inside a word).
"""

from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt

from facilitation.text import clean_text

LONG_WORD = "Anticonstitutionnellement" * 4  # 100 letters, no space: must wrap, not overflow

PAYLOADS: list[str] = [
    "<script>window.__xss=1</script>balise script",
    "<img src=x id=xss-img onerror=window.__xss=1>",
    "<svg id=xss-svg onload=window.__xss=1><circle r=9></circle></svg>",
    "[lien](javascript:window.__xss=1) ![image](javascript:window.__xss=1)",
    '"><b id=xss-attr>attribut</b><input autofocus onfocus=window.__xss=1 x="',
    "{{ constructor.constructor('window.__xss=1')() }} ${window.__xss=1}",
    '=HYPERLINK("https://example.org/?v="&A1;"Cliquez ici")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "facture\u202efdp.exe",
    "con\u200dfi\u200bance",
    LONG_WORD,
]

# the invisible characters above, which must never come out
INVISIBLE = ("\u202e", "\u200d", "\u200b")


def visible(payload: str, limit: int | None = None) -> str:
    """What a person must see of `payload` (typed in a field of `limit` characters, if any)."""
    typed = payload[:limit] if limit else payload
    return clean_text(typed)[:limit] if limit else clean_text(typed)


# Run in a page: what the corpus left. Every key must be empty (or false) on a safe page.
TRACES_JS = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if ((['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name))
          && value.startsWith('javascript:')) bad.push(el.tagName + ' ' + name + '=' + attr.value);
    }
  }
  return {
    xss: window.__xss !== undefined,
    ids: [...document.querySelectorAll('[id^="xss" i]')].map((el) => el.tagName + '#' + el.id),
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.trim() === 'window.__xss=1').length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes]
      .filter((a) => a.name.startsWith('on') && a.value.includes('__xss')).map((a) => el.tagName + ' ' + a.name)),
    links: bad,
  };
}"""

CLEAN_TRACES = {"xss": False, "ids": [], "scripts": 0, "handlers": [], "links": []}

# Run in a page: where a text holding the long word sticks out of the window (a clipped "…" aside,
# and a table's column in the box that scrolls it sideways, if the word wrapped within that box).
OVERFLOW_JS = """(word) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.includes(word)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    let el = node.parentElement, clipped = false;
    for (let up = el; up; up = up.parentElement) {
      const s = getComputedStyle(up);
      if (s.textOverflow === 'ellipsis') { clipped = true; break; }
      if (['auto', 'scroll'].includes(s.overflowX) && up.getBoundingClientRect().right <= window.innerWidth + 2
          && box.width <= up.clientWidth + 2) { clipped = true; break; }
    }
    if (!clipped && box.width > 0 && (box.right > window.innerWidth + 2 || box.left < -2))
      out.push(el.tagName + '.' + el.className + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 2) {
    const wide = [...document.body.querySelectorAll('*')].filter((el) =>
      el.getBoundingClientRect().right > window.innerWidth + 2
      && ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 2));
    out.push('page scrolls sideways: ' + wide.slice(0, 5).map((el) =>
      el.tagName + '.' + el.className + ' "' + el.textContent.slice(0, 40) + '"').join(' | '));
  }
  return out;
}"""


def render_markdown(md: str) -> str:
    """markdown-it (the parser of Discourse), raw HTML allowed and every link accepted: whatever
    is safe in its output owes nothing to the library's own link filter."""
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    parser.validateLink = lambda url: True
    return parser.render(md)


class Markup(HTMLParser):
    """The tags, attributes and text of an HTML fragment (for tests without a browser)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())

    def dangers(self) -> list[str]:
        """What in this markup could run code or came from a payload's tags."""
        found = []
        for tag, attrs in self.tags:
            if tag in ("script", "iframe", "object", "embed", "input"):
                found.append(f"<{tag}>")
            for name, value in attrs.items():
                flat = "".join((value or "").split()).lower()
                if name.startswith("on") or (name == "id" and (value or "").lower().startswith("xss")):
                    found.append(f"<{tag} {name}>")
                if flat.startswith("javascript:"):
                    found.append(f"<{tag} {name}={value}>")
        return found
