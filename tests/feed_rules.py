"""The W3C Feed Validation Service's rules we can check offline, as plain functions.

The service itself cannot be reached from here, so its checks that apply to
our feeds are written down (from its documented messages, its element and
attribute lists, and its source: feedvalidator's validators.py, entry.py,
link.py, item.py): each function returns the problems it finds, as the service
would report them (errors and warnings alike). Besides the basics it checks
DuplicateUpdated, ImplausibleDate, UnexpectedWhitespace, NonCanonicalURI,
DuplicateAtomLink, UnregisteredAtomLinkRel, ContainsUndeclaredHTML,
CharacterData, NotSufficientlyUnique, InvalidPermalink and DuplicateElement.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from bs4 import BeautifulSoup
from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
NS = {"atom": ATOM, "content": CONTENT}

# RFC 4151 tag: URIs, as the service checks them.
TAG_URI = re.compile(r"^tag:([a-z0-9\-._]+?@)?[a-z0-9.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*$")
FULL_URI = re.compile(r"^[a-zA-Z][0-9a-zA-Z+\-.]*:(//)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$")
RFC2822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d(:\d\d)? [+-]\d\d[03]0$")
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
HTML_END_TAG = re.compile(r"</\w+>")
# RSS Profile: markup or a numeric character reference left in plain text (feedvalidator's CharacterData).
RSS_CHARACTER_DATA = re.compile(r"&#[x0-9]|<[/a-zA-Z]")
# link.py's registered relations (IANA, RFC 4287, RFC 5005, AtomPub).
REGISTERED_RELATIONS = set(
    "alternate current describedby edit edit-media enclosure first hub last license next next-archive payment "
    "prev-archive previous related replies search self service up via".split()
)
DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21}

# Elements and attributes the service accepts in HTML content without a "security risk" warning.
ACCEPTABLE_ELEMENTS = set(
    "a abbr acronym address area article aside audio b bdi big blockquote br button canvas caption center cite code "
    "col colgroup command data datagrid datalist dd del details dfn dialog dir div dl dt em eventsource fieldset "
    "figcaption figure footer font form header h1 h2 h3 h4 h5 h6 hgroup hr i img input ins keygen kbd label legend "
    "li m main map mark menu meter multicol nav nextid ol output optgroup option p picture pre progress q rp rt ruby "
    "s samp section select small sound source spacer span strike strong sub summary sup table tbody td template "
    "textarea time tfoot th thead tr track tt u ul var video noscript wbr".split()
)
ACCEPTABLE_ATTRIBUTES = set(
    "abbr accept accept-charset accesskey action align allow allowfullscreen alt as autoplay autocapitalize "
    "autocomplete autofocus axis background balance bgcolor border cellpadding cellspacing char charoff charset "
    "checked cite class clear color cols colspan compact coords crossorigin data datetime decoding default dir "
    "disabled download draggable enctype face for form frame headers height hidden high href hreflang hspace icon "
    "id ismap itemid itemprop itemref itemscope itemtype kind label lang loading list longdesc loop low max "
    "maxlength media method min minlength multiple muted name nohref noshade nowrap open optimum pattern ping "
    "placeholder playsinline poster preload prompt readonly referrerpolicy rel required rev reversed rows rowspan "
    "rules scope selected shape size sizes span spellcheck src srclang srcset start step summary tabindex target "
    "title translate type usemap valign value vspace width wrap xml:lang xmlns".split()
)


def _is_full_uri(value: str | None) -> bool:
    return bool(value) and (bool(TAG_URI.match(value)) if value.startswith("tag:") else bool(FULL_URI.match(value)))


def html_problems(where: str, html: str) -> list[str]:
    """Unsafe markup and relative references inside escaped HTML content."""
    problems = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        if element.name not in ACCEPTABLE_ELEMENTS:
            problems.append(f"{where}: element <{element.name}> is a security risk")
        for name in element.attrs:
            if name == "style" or (name not in ACCEPTABLE_ATTRIBUTES and not name.startswith("data-")):
                problems.append(f"{where}: attribute {name} on <{element.name}> is a security risk")
        for name in ("href", "src"):
            value = element.get(name)
            if value is not None and not re.match(r"\w+:", value.strip()):
                problems.append(f"{where}: relative URL reference {value!r}")
    return problems


def _rfc2822_problems(where: str, value: str | None, now: dt.datetime | None = None) -> list[str]:
    if value is None or not RFC2822.match(value):
        return [f"{where}: {value!r} is not an RFC 822 date"]
    parsed = email.utils.parsedate_to_datetime(value)
    if parsed.strftime("%a") != value[:3]:
        return [f"{where}: {value!r} has the wrong day of the week"]
    return _implausible(where, parsed, now)


def _implausible(where: str, moment: dt.datetime, now: dt.datetime | None) -> list[str]:
    """ImplausibleDate: before 1990, or more than ten minutes ahead of the validator's clock."""
    now = now or dt.datetime.now(dt.timezone.utc)
    if moment.year < 1990 or moment > now + dt.timedelta(minutes=10):
        return [f"{where}: implausible date {moment.isoformat()}"]
    return []


def _rfc3339_problems(where: str, value: str | None, now: dt.datetime | None) -> list[str]:
    if value is None or not RFC3339.match(value):
        return [f"{where}: {value!r} is not an RFC 3339 date-time"]
    return _implausible(where, dt.datetime.fromisoformat(value.replace("Z", "+00:00")), now)


def _whitespace_problems(where: str, raw: str | None) -> list[str]:
    """UnexpectedWhitespace: ids and dates are written without spaces around them."""
    return [f"{where}: whitespace not permitted here"] if raw is not None and raw != raw.strip() else []


def canonical_uri(uri: str) -> str:
    """feedvalidator's canonicalForm, for the URIs we write: lower-case scheme and host, no default
    port, upper-case percent escapes, no dot segments, an empty path written '/'."""
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):(//([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$", uri)
    if not match:
        return uri
    scheme, _, authority, path, query, fragment = match.groups()
    scheme = scheme.lower()
    path = re.sub(r"%[0-9a-fA-F]{2}", lambda m: m.group(0).upper(), path)
    if authority is not None:
        authority = authority.lower()
        host, _, port = authority.rpartition(":") if re.search(r":\d*$", authority) else (authority, "", "")
        if port == "" or (port.isdigit() and int(port) == DEFAULT_PORTS.get(scheme)):
            authority = host if (port or authority.endswith(":")) else authority
        segments = []
        for segment in path.split("/"):
            if segment == "..":
                segments = segments[:-1] if len(segments) > 1 else segments
            elif segment != ".":
                segments.append(segment)
        path = "/".join(segments) or "/"
        return f"{scheme}://{authority}{path}{query or ''}{fragment or ''}"
    return f"{scheme}:{path}{query or ''}{fragment or ''}"


def _canonical_problems(where: str, uri: str | None) -> list[str]:
    if uri and _is_full_uri(uri.strip()) and canonical_uri(uri) != uri:
        return [f"{where}: identifier {uri!r} is not in canonical form ({canonical_uri(uri)!r})"]
    return []


def _undeclared_html(where: str, element) -> list[str]:
    """ContainsUndeclaredHTML: a text construct (type="text", the default) holding HTML markup."""
    if element is None or element.get("type", "text") != "text":
        return []
    return [f"{where}: contains HTML without declaring it (type=\"html\")"] if HTML_END_TAG.search(element.text or "") else []


def rss_problems(xml: bytes, self_url: str, now: dt.datetime | None = None) -> list[str]:
    root = etree.fromstring(xml)
    problems: list[str] = []
    channel = root.find("channel")
    if root.tag != "rss" or root.get("version") != "2.0" or channel is None:
        return ["not an RSS 2.0 document"]
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            problems.append(f"channel: missing {name}")
    if not _is_full_uri(channel.findtext("link")):
        problems.append("channel/link: not a full URL")
    selves = [l for l in channel.findall("atom:link", NS) if l.get("rel") == "self"]
    if len(selves) != 1:
        problems.append("channel: missing atom:link with rel=\"self\"")
    elif selves[0].get("href") != self_url or selves[0].get("type") != "application/rss+xml":
        problems.append(f"channel: self reference {selves[0].get('href')} does not match the document location {self_url}")
    if channel.findtext("language") is not None and not LANGUAGE.match(channel.findtext("language")):
        problems.append("channel/language: invalid language code")
    if channel.find("lastBuildDate") is not None:
        problems += _rfc2822_problems("channel/lastBuildDate", channel.findtext("lastBuildDate"), now)
    for name in ("title", "link", "description", "language", "lastBuildDate", "pubDate", "generator", "ttl", "image"):
        if len(channel.findall(name)) > 1:
            problems.append(f"channel: {name} appears twice")
    if RSS_CHARACTER_DATA.search(channel.findtext("title") or ""):
        problems.append("channel/title: encode & and < in plain text (CharacterData)")
    guids: set[str] = set()
    for index, item in enumerate(channel.findall("item")):
        where = f"item[{index}]"
        for name in ("title", "link", "description", "guid", "pubDate", "content:encoded"):
            if len(item.findall(name, NS)) > 1:
                problems.append(f"{where}: {name} appears twice")
        title = item.findtext("title") or ""
        if not title.strip():
            problems.append(f"{where}: title is blank")
        if HTML_END_TAG.search(title):
            problems.append(f"{where}/title: contains HTML")
        elif RSS_CHARACTER_DATA.search(title):
            problems.append(f"{where}/title: encode & and < in plain text (CharacterData)")
        if not _is_full_uri(item.findtext("link")):
            problems.append(f"{where}/link: not a full URL")
        guid = item.find("guid")
        if guid is None:
            problems.append(f"{where}: missing guid")
        else:
            value = guid.text or ""
            is_permalink = guid.get("isPermaLink", "true") == "true"
            if is_permalink and not value.startswith(("http://", "https://")):
                problems.append(f"{where}/guid: {value!r} is not a URL but isPermaLink is not \"false\"")
            if guid.get("isPermaLink", "true") not in ("true", "false"):
                problems.append(f"{where}/guid: isPermaLink must be 'true' or 'false'")
            if not is_permalink and len(value) < 9 and value.isdigit():
                problems.append(f"{where}/guid: {value!r} is not sufficiently unique")
            if not _is_full_uri(value):
                problems.append(f"{where}/guid: {value!r} is not a valid URI")
            if value in guids:
                problems.append(f"{where}/guid: duplicate {value!r}")
            guids.add(value)
        problems += _rfc2822_problems(f"{where}/pubDate", item.findtext("pubDate"), now)
        children = [child.tag for child in item]
        encoded = f"{{{CONTENT}}}encoded"
        if encoded in children and ("description" not in children or children.index("description") > children.index(encoded)):
            problems.append(f"{where}: content:encoded without a description before it")
        for name in ("description", "content:encoded"):
            problems += html_problems(f"{where}/{name}", item.findtext(name, default="", namespaces=NS))
        for category in item.findall("category"):
            if not (category.text or "").strip() or HTML_END_TAG.search(category.text) or RSS_CHARACTER_DATA.search(category.text):
                problems.append(f"{where}/category: blank or contains HTML")
    return problems


def atom_problems(xml: bytes, self_url: str, now: dt.datetime | None = None) -> list[str]:
    root = etree.fromstring(xml)
    if root.tag != f"{{{ATOM}}}feed":
        return ["not an Atom feed"]
    problems: list[str] = []
    for name in ("id", "title", "updated"):
        if not (root.findtext(f"atom:{name}", namespaces=NS) or "").strip():
            problems.append(f"feed: missing {name}")
    if not _is_full_uri(root.findtext("atom:id", namespaces=NS)):
        problems.append("feed/id: not a valid URI")
    problems += _canonical_problems("feed/id", root.findtext("atom:id", namespaces=NS))
    problems += _rfc3339_problems("feed/updated", root.findtext("atom:updated", namespaces=NS), now)
    for name in ("id", "updated"):
        problems += _whitespace_problems(f"feed/{name}", root.findtext(f"atom:{name}", namespaces=NS))
    for name in ("id", "title", "updated", "subtitle", "rights", "generator", "icon", "logo"):
        if len(root.findall(f"atom:{name}", NS)) > 1:
            problems.append(f"feed: {name} appears twice")
    for name in ("title", "subtitle", "rights"):
        problems += _undeclared_html(f"feed/{name}", root.find(f"atom:{name}", NS))
    links = root.findall("atom:link", NS)
    problems += _link_problems("feed", links)
    selves = [l for l in links if l.get("rel") == "self"]
    if len(selves) != 1:
        problems.append("feed: missing atom:link with rel=\"self\"")
    elif selves[0].get("href") != self_url or selves[0].get("type") != "application/atom+xml":
        problems.append(f"feed: self reference {selves[0].get('href')} does not match the document location {self_url}")
    if not [l for l in links if l.get("rel", "alternate") == "alternate" and _is_full_uri(l.get("href"))]:
        problems.append("feed: missing alternate link")
    feed_author = root.find("atom:author/atom:name", NS) is not None
    ids: set[str] = set()
    updated_values: set[str] = set()
    for index, entry in enumerate(root.findall("atom:entry", NS)):
        where = f"entry[{index}]"
        for name in ("id", "title", "updated", "summary", "content", "published"):
            if len(entry.findall(f"atom:{name}", NS)) > 1:
                problems.append(f"{where}: {name} appears twice")
        entry_id = entry.findtext("atom:id", default="", namespaces=NS)
        if not _is_full_uri(entry_id):
            problems.append(f"{where}/id: {entry_id!r} is not a valid URI")
        if entry_id in ids:
            problems.append(f"{where}/id: duplicate {entry_id!r}")
        ids.add(entry_id)
        problems += _canonical_problems(f"{where}/id", entry_id)
        updated = entry.findtext("atom:updated", default="", namespaces=NS)
        if updated and updated in updated_values:
            problems.append(f"{where}/updated: two entries with the same value for atom:updated ({updated})")
        updated_values.add(updated)
        for name in ("id", "updated", "published"):
            problems += _whitespace_problems(f"{where}/{name}", entry.findtext(f"atom:{name}", namespaces=NS))
        for name in ("title", "summary", "rights"):
            problems += _undeclared_html(f"{where}/{name}", entry.find(f"atom:{name}", NS))
        problems += _link_problems(where, entry.findall("atom:link", NS))
        if not (entry.findtext("atom:title", default="", namespaces=NS)).strip():
            problems.append(f"{where}: title is blank")
        for name in ("updated", "published"):
            value = entry.findtext(f"atom:{name}", namespaces=NS)
            if name == "updated" or value is not None:
                problems += _rfc3339_problems(f"{where}/{name}", (value or "").strip(), now)
        if not feed_author and entry.find("atom:author/atom:name", NS) is None:
            problems.append(f"{where}: missing author")
        alternates = [l for l in entry.findall("atom:link", NS) if l.get("rel", "alternate") == "alternate"]
        if not alternates or not all(_is_full_uri(l.get("href")) for l in alternates):
            problems.append(f"{where}: missing or relative alternate link")
        content = entry.find("atom:content", NS)
        if content is not None:
            if content.get("type") not in (None, "text", "html"):
                problems.append(f"{where}/content: unexpected type {content.get('type')}")
            if content.get("type") == "html":
                problems += html_problems(f"{where}/content", content.text or "")
        elif entry.find("atom:summary", NS) is None:
            problems.append(f"{where}: neither content nor summary")
        for category in entry.findall("atom:category", NS):
            if not (category.get("term") or "").strip():
                problems.append(f"{where}/category: missing term")
            if category.get("scheme") is not None and not _is_full_uri(category.get("scheme")):
                problems.append(f"{where}/category: scheme is not a full URI")
    return problems


def _link_problems(where: str, links) -> list[str]:
    """UnregisteredAtomLinkRel, and DuplicateAtomLink: one alternate per type and language."""
    problems = []
    alternates: set[tuple[str | None, str | None]] = set()
    for link in links:
        rel = link.get("rel", "alternate")
        if rel not in REGISTERED_RELATIONS and not FULL_URI.match(rel):
            problems.append(f"{where}/link: unregistered link relationship {rel!r}")
        if rel == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            if key in alternates:
                problems.append(f"{where}/link: duplicate alternate links with the same type and hreflang")
            alternates.add(key)
    return problems


def feed_date(text: str) -> dt.datetime:
    """An RSS or Atom date, parsed with its own offset."""
    return dt.datetime.fromisoformat(text) if RFC3339.match(text) else email.utils.parsedate_to_datetime(text)
