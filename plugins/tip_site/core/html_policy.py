"""The HTML that editors' content may hold: the site's one allow-list, each entry with its reason.

Editors write Markdown, and Markdown may carry HTML. Whatever is on these lists
reaches the site; the check refuses everything else (`core/markup_check.py`,
naming the file and line), and the build's sanitiser, nh3
(`views/sanitiser.py`), removes it from every page, feed item and email
edition in case something slipped past the check. Addresses follow the one
rule of `core/link_schemes.py`. Add an entry only with the reason it is safe
and needed.
"""

from __future__ import annotations

from tip_site.core.link_schemes import allowed_address, scheme
from tip_site.core.plain_text import markup_in_text

# Elements, by name: what each is for.
TAGS: dict[str, str] = {
    "a": "links to pages, files, email addresses and phone numbers",
    "abbr": "abbreviations, spelt out in their title (Markdown's abbr extension writes them too)",
    "b": "bold text typed as HTML",
    "blockquote": "quotations (Markdown's >)",
    "br": "line breaks (a backslash or two spaces at the end of a Markdown line)",
    "caption": "a table's caption, which screen readers announce with the table",
    "cite": "the title of a cited work",
    "code": "code spans and code blocks",
    "col": "table columns, for spans",
    "colgroup": "groups of table columns",
    "dd": "definition lists: the definition",
    "del": "deleted text, as in a correction",
    "details": "collapsible blocks (??? note)",
    "dfn": "the defining instance of a term",
    "div": "admonitions (!!! note), footnotes, code blocks and md_in_html blocks are <div>s",
    "dl": "definition lists",
    "dt": "definition lists: the term",
    "em": "emphasis (*text*)",
    "figcaption": "an image's caption",
    "figure": "an image with its caption",
    "h1": "the page title",
    "h2": "section headings",
    "h3": "section headings",
    "h4": "section headings",
    "h5": "section headings",
    "h6": "section headings",
    "hr": "thematic breaks (---), and the rule above footnotes",
    "i": "italic text typed as HTML",
    "img": "images kept with the content",
    "ins": "inserted text, as in a correction",
    "kbd": "keys to press",
    "li": "list items",
    "mark": "highlighted text",
    "ol": "numbered lists, and the list of footnotes",
    "p": "paragraphs of text",
    "pre": "code blocks",
    "q": "short quotations",
    "s": "text that is no longer accurate",
    "samp": "sample output of a program",
    "small": "small print",
    "span": "code highlighting wraps each token in a <span>",
    "strong": "strong emphasis (**text**)",
    "sub": "subscripts, as in CO2",
    "summary": "the title of a collapsible block",
    "sup": "superscripts, and footnote references",
    "table": "tables of data",
    "tbody": "a table's body",
    "td": "table cells",
    "tfoot": "a table's footer rows",
    "th": "table headers",
    "thead": "a table's header rows",
    "time": "dates and times, with a machine-readable datetime",
    "tr": "table rows",
    "ul": "bulleted lists",
    "var": "variables in formulas or code",
    "wbr": "where a long word may break",
}

# Removed together with everything inside them: their content is code or styles, never text to show.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "textarea", "select"})

# Attributes, by element ("*": on any allowed element): what each is for.
ATTRIBUTES: dict[str, dict[str, str]] = {
    "*": {
        "id": "anchors to link to: headings (toc), footnotes and {#id} (ids the site itself uses are refused: RESERVED_IDS)",
        "class": "the few classes of CLASSES below, which Markdown's extensions and Material's buttons use",
        "title": "advisory text, such as a footnote link's 'Jump back to footnote 1 in the text'",
        "lang": "the language of a passage in another language, which screen readers then pronounce right (WCAG 3.1.2)",
        "dir": "the direction of a passage in a right-to-left language",
    },
    "a": {"href": "the link's address, under the one rule of link_schemes"},
    "img": {
        "src": "the image file, under the one rule of link_schemes and kept on this site (see `image_source_problem`)",
        "alt": "the text alternative that screen readers read",
        "width": "the image's size, so the page does not jump as it loads",
        "height": "the image's size, so the page does not jump as it loads",
    },
    "blockquote": {"cite": "the address of the quoted source, under the one rule of link_schemes"},
    "q": {"cite": "the address of the quoted source, under the one rule of link_schemes"},
    "del": {"cite": "the address explaining the change", "datetime": "when the change was made"},
    "ins": {"cite": "the address explaining the change", "datetime": "when the change was made"},
    "time": {"datetime": "the date or time in a form machines read"},
    "ol": {"start": "a list that continues its numbering", "reversed": "a count-down list"},
    "li": {"value": "a list item's own number"},
    "details": {"open": "a collapsible block shown open (???+ note)"},
    "th": {
        "scope": "which cells a header cell labels, for screen readers",
        "colspan": "a cell across columns",
        "rowspan": "a cell across rows",
        "style": "column alignment, as Markdown's tables extension writes it: only 'text-align' (ALIGNMENTS)",
        "align": "column alignment, as the tables extension writes it with use_align_attribute",
    },
    "td": {
        "colspan": "a cell across columns",
        "rowspan": "a cell across rows",
        "style": "column alignment, as Markdown's tables extension writes it: only 'text-align' (ALIGNMENTS)",
        "align": "column alignment, as the tables extension writes it with use_align_attribute",
    },
    "col": {"span": "how many columns it stands for"},
    "colgroup": {"span": "how many columns it stands for"},
}

# Attributes that hold an address: each goes through the one rule of link_schemes.
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})

# Classes editors' content may carry: what each is for. Any other class could borrow the
# theme's look (a fake "Exit this page" button, a bar drawn over the real one).
CLASSES: dict[str, str] = {
    "admonition": "admonitions (!!! note)",
    "admonition-title": "an admonition's title",
    **{
        kind: "a kind of admonition or collapsible block Material styles (!!! " + kind + ")"
        for kind in (
            "note abstract summary tldr info todo tip hint important success check done question help faq "
            "warning caution attention failure fail missing danger error bug example quote cite"
        ).split()
    },
    "inline": "an admonition beside the text (!!! note inline)",
    "end": "an admonition beside the text, on the other side (!!! note inline end)",
    "footnote": "the footnotes block",
    "footnote-ref": "a footnote's number in the text",
    "footnote-backref": "the link back from a footnote",
    "headerlink": "the permalink after each heading (toc's permalink)",
    "highlight": "a highlighted code block",
    "md-button": "a link shown as a button (Material's { .md-button })",
    "md-button--primary": "a link shown as a filled button",
}
# Classes made by prefix: a code block's language, as the highlighter writes it ("language-python").
CLASS_PREFIXES = ("language-",)

# Inside code blocks, the highlighter (Pygments) marks each token with a short class.
try:
    from pygments.token import STANDARD_TYPES

    CODE_TOKEN_CLASSES = frozenset(name for name in STANDARD_TYPES.values() if name)
except ImportError:  # pragma: no cover - Pygments comes with Material
    CODE_TOKEN_CLASSES = frozenset()

# Table cells' alignment, the one style content may carry.
ALIGNMENTS = frozenset({"left", "right", "center"})

# Ids the theme and the site's own scripts look up: an element of the content with one of
# them would come first in the page and take its place ("DOM clobbering").
RESERVED_ID_PREFIXES = ("__",)  # Material's own: __config, __drawer, __search, __palette_0, __nav_1…
RESERVED_IDS = frozenset({"tip-search"})  # the search button our inline script moves into the header


def allowed_tag(tag: str) -> bool:
    return tag in TAGS


def allowed_class(tag: str, name: str) -> bool:
    return name in CLASSES or name.startswith(CLASS_PREFIXES) or (tag == "span" and name in CODE_TOKEN_CLASSES)


def reserved_id(value: str) -> bool:
    return value.startswith(RESERVED_ID_PREFIXES) or value in RESERVED_IDS


def alignment(value: str) -> str | None:
    """The alignment a `style` attribute sets ("left"), or None if it says anything else."""
    declarations = [d.strip() for d in value.lower().split(";") if d.strip()]
    if len(declarations) != 1:
        return None
    name, _, setting = declarations[0].partition(":")
    return setting.strip() if name.strip() == "text-align" and setting.strip() in ALIGNMENTS else None


def image_source_problem(value: str) -> bool:
    """True if an image's address is on another site: the site loads nothing from other hosts
    (its Content-Security-Policy would block it), so images are files kept with the content."""
    return scheme(value) is not None or value.strip().startswith("//")


def attribute_allowed(tag: str, name: str) -> bool:
    return name in ATTRIBUTES["*"] or name in ATTRIBUTES.get(tag, {})


def attribute_value(tag: str, name: str, value: str) -> str | None:
    """The value an allowed attribute keeps (classes filtered), or None if it must go."""
    if name in URL_ATTRIBUTES:
        if not allowed_address(value) or (tag == "img" and name == "src" and image_source_problem(value)):
            return None
        return value
    if name == "class":
        kept = [c for c in value.split() if allowed_class(tag, c)]
        return " ".join(kept) if kept else None
    if name == "id":
        return None if reserved_id(value) else value
    if name == "style":
        found = alignment(value)
        return f"text-align: {found};" if found else None
    if name == "align":
        return value.lower() if value.lower() in ALIGNMENTS else None
    return None if markup_in_text(value) else value  # a title or alt is text, never markup
