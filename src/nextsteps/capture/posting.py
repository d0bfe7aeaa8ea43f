"""What a job posting's page says about itself, read without Django or the network:
schema.org's JobPosting (as JSON-LD or as microdata), then OpenGraph for what it
leaves out. Applicant-tracking systems publish JobPosting for search engines; a
page with only OpenGraph (a social network's) still names the role, often the
company. Any text is read without raising: a page nextsteps cannot use gives an
empty Posting."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from html import unescape
from html.parser import HTMLParser
from typing import Any

# Longer than any company, role or place; a posting's description is never kept.
LONGEST = 300
# JSON-LD nodes looked at in one page: a page is not a database.
MOST_NODES = 20_000
UNITS = {"HOUR": "an hour", "DAY": "a day", "WEEK": "a week", "MONTH": "a month", "YEAR": "a year"}
# Elements that are never closed.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)
# Where a microdata property's value is an attribute rather than the element's text.
VALUE_ATTRIBUTE = {
    "meta": "content",
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "embed": "src",
    "object": "data",
    "data": "value",
    "meter": "value",
    "time": "datetime",
}
# "Acme hiring Data Analyst in Leeds, United Kingdom", as a social network titles it.
HIRING = re.compile(r"^(?P<company>.+?) hiring (?P<role>.+?)(?: in (?P<location>.+))?$")
DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Posting:
    """What was found; an empty text where the page said nothing. `found_in` names
    where it came from, for the user: schema.org JobPosting, OpenGraph."""

    company: str = ""
    role: str = ""
    location: str = ""
    salary: str = ""
    posted_on: date | None = None
    url: str = ""
    found_in: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.company or self.role)


def read_posting(page: str, address: str = "") -> Posting:
    """The posting on `page` (its HTML); `address` is where it was found, the
    posting's own address unless empty."""
    reader = _PageReader()
    try:
        reader.feed(page)
        reader.close()
    except (AssertionError, ValueError, RecursionError):  # html.parser gives up on some tags
        reader.finish()
    first = next(_job_postings([*_json_ld(reader.scripts), *reader.items]), None)
    posting = _from_job_posting(first) if first is not None else Posting()
    posting = _fill_from_open_graph(posting, reader.meta)
    url = address or posting.url or reader.meta.get("og:url", "") or reader.canonical
    return replace(posting, url=_text(url))


class _PageReader(HTMLParser):
    """One pass over the page: the JSON-LD scripts, OpenGraph's meta tags, the
    canonical link, and the microdata items (as JSON-LD shaped dicts)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.items: list[dict[str, Any]] = []
        self._in_json_ld = False
        self._open: list[_Open] = []
        self._scopes: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {name: value or "" for name, value in attrs}
        if tag == "script":
            self._in_json_ld = "ld+json" in named.get("type", "").lower()
        if tag == "meta":
            key = (named.get("property") or named.get("name") or "").lower()
            if key.startswith("og:") and key not in self.meta:
                self.meta[key] = named.get("content", "")
        if tag == "link" and "canonical" in named.get("rel", "").lower().split():
            self.canonical = self.canonical or named.get("href", "")
        opened = _Open(tag, props=named.get("itemprop", "").split())
        if "itemscope" in named:
            opened.item = {"@type": named.get("itemtype", "").split()}
            self._scopes.append(opened.item)
        elif opened.props and tag in VALUE_ATTRIBUTE and VALUE_ATTRIBUTE[tag] in named:
            self._assign(opened.props, named[VALUE_ATTRIBUTE[tag]])
            opened.props = []
        elif opened.props:
            opened.text = []
        if tag in VOID:
            self._close(opened)
        else:
            self._open.append(opened)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth].tag == tag:
                while len(self._open) > depth:
                    self._close(self._open.pop())
                return

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.scripts.append(data)
        for opened in self._open:
            if opened.text is not None:
                opened.text.append(data)

    def finish(self) -> None:
        while self._open:
            self._close(self._open.pop())

    def close(self) -> None:
        super().close()
        self.finish()

    def _close(self, opened: _Open) -> None:
        if opened.item is not None:
            self._scopes.pop()
            if opened.props and self._scopes:
                self._assign(opened.props, opened.item)
            else:
                self.items.append(opened.item)
        elif opened.text is not None:
            self._assign(opened.props, "".join(opened.text))

    def _assign(self, props: list[str], value: Any) -> None:
        if not self._scopes:
            return
        item = self._scopes[-1]
        for prop in props:
            if prop in item:
                held = item[prop] if isinstance(item[prop], list) else [item[prop]]
                item[prop] = [*held, value]
            else:
                item[prop] = value


@dataclass
class _Open:
    """An element not yet closed: the microdata it starts or the text it collects."""

    tag: str
    props: list[str] = field(default_factory=list)
    item: dict[str, Any] | None = None
    text: list[str] | None = None


def _json_ld(scripts: list[str]) -> Iterator[Any]:
    for script in scripts:
        try:
            yield json.loads(_unwrapped(script))
        except (ValueError, RecursionError):
            continue


def _job_postings(documents: list[Any]) -> Iterator[dict[str, Any]]:
    """Each JobPosting in the documents, in the page's order, however deep (in a
    @graph, an ItemList, another item's property)."""
    stack, seen = list(reversed(documents)), 0
    while stack and seen < MOST_NODES:
        node = stack.pop()
        seen += 1
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            if _is_job_posting(node):
                yield node
            else:
                stack.extend(reversed(list(node.values())))


def _unwrapped(script: str) -> str:
    """The JSON inside the comment or CDATA markers some sites wrap it in."""
    text = script.strip()
    for start, end in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
        if text.startswith(start) and text.endswith(end):
            text = text[len(start) : -len(end)].strip()
    return text


def _is_job_posting(node: dict[str, Any]) -> bool:
    types = node.get("@type", [])
    return any(
        isinstance(t, str) and re.split(r"[/:#]", t)[-1] == "JobPosting"
        for t in (types if isinstance(types, list) else [types])
    )


def _from_job_posting(node: dict[str, Any]) -> Posting:
    return Posting(
        company=_name(node.get("hiringOrganization")),
        role=_text(_first(node.get("title")) or _first(node.get("name"))),
        location=_location(node),
        salary=_salary(_first(node.get("baseSalary")) or _first(node.get("estimatedSalary"))),
        posted_on=_day(_first(node.get("datePosted"))),
        url=_text(_first(node.get("url"))),
        found_in=("schema.org JobPosting",),
    )


def _fill_from_open_graph(posting: Posting, meta: dict[str, str]) -> Posting:
    title, site = _text(meta.get("og:title")), _text(meta.get("og:site_name"))
    if not title or (posting.company and posting.role):
        return posting
    if site and title.casefold().endswith(f" | {site.casefold()}"):
        title = title[: -len(site) - 3].strip()
    hiring = HIRING.match(title)
    company, role, location = (
        (hiring["company"], hiring["role"], hiring["location"] or "")
        if hiring
        else (site, title, "")
    )
    return replace(
        posting,
        company=posting.company or _text(company),
        role=posting.role or _text(role),
        location=posting.location or _text(location),
        found_in=(*posting.found_in, "OpenGraph"),
    )


def _first(value: Any) -> Any:
    """A property given once or as a list: its first value."""
    while isinstance(value, list):
        value = value[0] if value else None
    return value


def _text(value: Any) -> str:
    """A string on one line, its entities decoded (some sites encode them twice)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    words = " ".join(unescape(unescape(str(value))).split())
    return words if len(words) <= LONGEST else words[: LONGEST - 1].rstrip() + "…"


def _name(value: Any) -> str:
    value = _first(value)
    return _text(value.get("name") if isinstance(value, dict) else value)


def _location(node: dict[str, Any]) -> str:
    places = node.get("jobLocation")
    places = places if isinstance(places, list) else [places]
    named = [_place(p) for p in places[:10]]
    where = "; ".join(dict.fromkeys(n for n in named if n))
    remote = str(_first(node.get("jobLocationType")) or "").upper() == "TELECOMMUTE"
    if remote:
        return f"Remote ({where})" if where else "Remote"
    return _text(where)


def _place(place: Any) -> str:
    if not isinstance(place, dict):
        return _text(place)
    address = _first(place.get("address"))
    if not isinstance(address, dict):
        return _text(address) or _name(place)
    parts = [
        _name(address.get(key)) for key in ("addressLocality", "addressRegion", "addressCountry")
    ]
    return ", ".join(dict.fromkeys(p for p in parts if p)) or _name(place)


def _salary(amount: Any) -> str:
    """MonetaryAmount: `USD 120,000 to 150,000 a year`, `EUR 25 an hour`."""
    if not isinstance(amount, dict):
        return _text(amount)
    value = _first(amount.get("value"))
    currency = _text(_first(amount.get("currency")))
    unit = ""
    if isinstance(value, dict):
        unit = _text(_first(value.get("unitText"))).upper()
        low, high = _number(value.get("minValue")), _number(value.get("maxValue"))
        exact = _number(value.get("value"))
        figure = f"{low} to {high}" if low and high and low != high else exact or low or high
    else:
        figure = _number(value)
    if not figure:
        return ""
    return " ".join(p for p in (currency, figure, UNITS.get(unit, "")) if p)


def _number(value: Any) -> str:
    value = _first(value)
    text = _text(value)
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        return text
    if not 0 <= number < 1e12:
        return text
    return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"


def _day(value: Any) -> date | None:
    found = DAY.match(_text(value))
    if not found:
        return None
    try:
        return date.fromisoformat(found[1])
    except ValueError:
        return None
